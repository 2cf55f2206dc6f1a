import { describe, expect, it } from 'vitest';
import { NearWrites, SETTLE_MS, SLICE_MS } from './near-writes.ts';

/** A NearWrites on a fake clock and a watcher the test reports through. */
function setup(options: { frames?: (() => void)[] } = {}) {
  let now = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  let report: (element: Element, near: boolean) => void = () => undefined;
  let reportScreen: (element: Element, onScreen: boolean) => void = () => undefined;
  const watched = new Set<Element>();
  const onScreenWatched = new Set<Element>();
  const waitingCalls: boolean[] = [];
  const writes = new NearWrites({
    watcher: (r) => {
      report = r;
      return { observe: (e) => watched.add(e), unobserve: (e) => watched.delete(e) };
    },
    screen: (r) => {
      reportScreen = r;
      return {
        observe: (e) => onScreenWatched.add(e),
        unobserve: (e) => onScreenWatched.delete(e),
      };
    },
    onWaiting: (waiting) => waitingCalls.push(waiting),
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    now: () => now,
    // With `frames`, a drain's next slice waits there until the test draws a frame.
    ...(options.frames && { afterFrame: (callback: () => void) => options.frames!.push(callback) }),
  });
  /** Moves the clock on by `ms`, running the timers due, in order. */
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > end) break;
      timers.shift();
      now = Math.max(now, due.at);
      due.run();
    }
    now = Math.max(now, end);
  };
  const tick = (ms: number): void => {
    now += ms;
  };
  const doc = { activeElement: null as unknown };
  /** A stand-in element: what NearWrites asks of one is whether it holds the focus. */
  const element = (): Element => {
    const self = {
      ownerDocument: doc,
      contains: (other: unknown) => other === self,
    };
    return self as unknown as Element;
  };
  /** An element that is watched and reported far from the screen. */
  const far = (): Element => {
    const e = element();
    writes.watch(e);
    report(e, false);
    return e;
  };
  const focus = (e: Element | null): void => {
    doc.activeElement = e;
  };
  /**
   * `count` far elements, each with a waiting write that records its index in `done` and takes
   * 2 ms of the clock, so that two fit in a slice.
   */
  const farWrites = (count: number) => {
    const done: number[] = [];
    const elements = Array.from({ length: count }, () => far());
    for (const [i, e] of elements.entries())
      writes.write(e, () => {
        done.push(i);
        tick(SLICE_MS / 2);
      });
    return { far: elements, done };
  };
  return {
    writes,
    focus,
    far,
    farWrites,
    advance,
    tick,
    element,
    report: (e: Element, near: boolean) => report(e, near),
    reportScreen: (e: Element, onScreen: boolean) => reportScreen(e, onScreen),
    watched,
    onScreenWatched,
    waitingCalls,
    timers,
  };
}

describe('NearWrites', () => {
  it('writes at once to an element not yet reported on, or reported near', () => {
    const t = setup();
    const a = t.element();
    const b = t.element();
    t.writes.watch(a);
    t.writes.watch(b);
    t.report(b, true);
    const done: string[] = [];
    t.writes.write(a, () => done.push('a'));
    t.writes.write(b, () => done.push('b'));
    expect(done).toEqual(['a', 'b']);
    expect(t.writes.waiting).toBe(0);
    expect(t.timers).toHaveLength(0);
    // Nothing waited, so nothing is said about waiting (a write to <html> per read-out).
    expect(t.waitingCalls).toEqual([]);
  });

  it('keeps only the latest write for a far element, and makes it when the element comes near', () => {
    const t = setup();
    const far = t.far();
    const done: number[] = [];
    t.writes.write(far, () => done.push(1));
    t.writes.write(far, () => done.push(2));
    expect(done).toEqual([]);
    expect(t.writes.waiting).toBe(1);
    expect(t.waitingCalls).toEqual([true]);
    t.report(far, true);
    expect(done).toEqual([2]);
    expect(t.writes.waiting).toBe(0);
    expect(t.waitingCalls).toEqual([true, false]);
    // Near now: the next write is made at once.
    t.writes.write(far, () => done.push(3));
    expect(done).toEqual([2, 3]);
  });

  it('makes the waiting writes once the edits have paused for SETTLE_MS, each edit putting it off', () => {
    const t = setup();
    const far = [t.far(), t.far()];
    const done: string[] = [];
    t.writes.write(far[0]!, () => done.push('first'));
    t.advance(SETTLE_MS - 50);
    t.writes.write(far[1]!, () => done.push('second'));
    t.advance(SETTLE_MS - 1);
    expect(done).toEqual([]);
    // One timer for the pause, however many writes wait.
    expect(t.timers).toHaveLength(1);
    t.advance(1);
    expect(done).toEqual(['first', 'second']);
    expect(t.waitingCalls).toEqual([true, false]);
  });

  it('drains in slices of SLICE_MS, and an edit during the drain waits for a new pause', () => {
    const t = setup();
    const { far, done } = t.farWrites(6);
    t.advance(SETTLE_MS);
    expect(done).toEqual([0, 1]);
    t.advance(0);
    expect(done).toEqual([0, 1, 2, 3]);
    // The reader edits again: the rest waits for the next pause.
    t.writes.write(far[5]!, () => done.push(50));
    t.advance(SETTLE_MS - 1);
    expect(done).toEqual([0, 1, 2, 3]);
    t.advance(1);
    expect(done).toEqual([0, 1, 2, 3, 4, 50]);
    expect(t.writes.waiting).toBe(0);
  });

  it('with frames, a drain makes one slice a frame, and an edit cancels the slice that waits', () => {
    const frames: (() => void)[] = [];
    const t = setup({ frames });
    const { done } = t.farWrites(6);
    t.advance(SETTLE_MS);
    expect(done).toEqual([0, 1]);
    // No timer moves the drain on: only the next frame.
    t.advance(1000);
    expect(done).toEqual([0, 1]);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(done).toEqual([0, 1, 2, 3]);
    // An edit while the next slice waits for its frame: that frame makes nothing, and the rest
    // waits for a whole new pause.
    t.writes.postpone();
    frames.shift()!();
    expect(done).toEqual([0, 1, 2, 3]);
    t.advance(SETTLE_MS);
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    expect(t.writes.waiting).toBe(0);
    expect(frames).toHaveLength(0);
  });

  it('watch(element, onFar) is told at each far report, its first included, and not once unwatched', () => {
    const t = setup();
    const e = t.element();
    let told = 0;
    const stop = t.writes.watch(e, () => told++);
    t.report(e, false);
    t.report(e, true);
    t.report(e, false);
    expect(told).toBe(2);
    stop();
    t.report(e, false);
    expect(told).toBe(2);
  });

  it('postpone() puts the pause off, and stops a drain, without a new write', () => {
    const t = setup();
    // Nothing waits: nothing to put off, and no timer is set.
    t.writes.postpone();
    expect(t.timers).toHaveLength(0);
    const { done } = t.farWrites(4);
    t.advance(SETTLE_MS - 10);
    t.writes.postpone();
    t.advance(SETTLE_MS - 1);
    expect(done).toEqual([]);
    t.advance(1);
    expect(done).toEqual([0, 1]);
    // An edit during the drain: the rest waits for a whole new pause.
    t.writes.postpone();
    t.advance(SETTLE_MS - 1);
    expect(done).toEqual([0, 1]);
    t.advance(1);
    expect(done).toEqual([0, 1, 2, 3]);
  });
  it('counts a far element that holds the focus as near: the observer reports after a frame', () => {
    const t = setup();
    const panel = t.far();
    const done: number[] = [];
    t.writes.write(panel, () => done.push(1));
    expect(done).toEqual([]);
    t.focus(panel);
    t.writes.write(panel, () => done.push(2));
    expect(done).toEqual([2]);
    expect(t.writes.waiting).toBe(0);
  });

  it('while narrowed, near is on screen: a near element off screen waits until it comes on screen', () => {
    const t = setup();
    const [seen, unseen, unknown] = [t.element(), t.element(), t.element()];
    for (const e of [seen, unseen, unknown]) t.writes.watch(e);
    for (const e of [seen, unseen]) t.report(e, true);
    t.reportScreen(seen, true);
    t.reportScreen(unseen, false);
    expect([seen, unseen].map((e) => t.writes.onScreen(e))).toEqual([true, false]);
    const widen = t.writes.narrow();
    const done: string[] = [];
    t.writes.write(seen, () => done.push('seen'));
    t.writes.write(unseen, () => done.push('unseen'));
    // Not yet reported on screen or off: written at once, as a first write must be.
    t.writes.write(unknown, () => done.push('unknown'));
    expect(done).toEqual(['seen', 'unknown']);
    expect(t.writes.isNear(unseen)).toBe(false);
    // Reported near again (the margin's watcher): still not on screen, so it still waits.
    t.report(unseen, true);
    expect(done).toEqual(['seen', 'unknown']);
    // The reader scrolls it on screen: its write is made.
    t.reportScreen(unseen, true);
    expect(done).toEqual(['seen', 'unknown', 'unseen']);
    widen();
    expect(t.writes.isNear(unseen)).toBe(true);
  });

  it('widened again, what waited for the screen is made once the edits pause; each narrow() is released once', () => {
    const t = setup();
    const done: number[] = [];
    const e = t.element();
    t.writes.watch(e);
    t.report(e, true);
    t.reportScreen(e, false);
    // A far write waits for the pause: narrowing puts its drain off until the run is over.
    const far = t.far();
    t.writes.write(far, () => done.push(0));
    expect(t.timers).toHaveLength(1);
    const first = t.writes.narrow();
    expect(t.timers).toHaveLength(0);
    const second = t.writes.narrow();
    t.writes.write(e, () => done.push(1));
    first();
    first();
    // One narrowing is still held.
    expect(t.writes.isNear(e)).toBe(false);
    t.advance(SETTLE_MS * 2);
    expect(done).toEqual([]);
    second();
    expect(t.writes.isNear(e)).toBe(true);
    t.advance(SETTLE_MS - 1);
    expect(done).toEqual([]);
    t.advance(1);
    expect(done).toEqual([0, 1]);
    expect(t.writes.waiting).toBe(0);
  });

  it('flush() and writeNow() make waiting writes at once; unwatching drops an element and its write', () => {
    const t = setup();
    const [a, b, c] = [t.element(), t.element(), t.element()];
    const done: string[] = [];
    const stops = [a, b, c].map((e) => t.writes.watch(e));
    for (const e of [a, b, c]) t.report(e, false);
    t.writes.write(a, () => done.push('a'));
    t.writes.write(b, () => done.push('b'));
    t.writes.write(c, () => done.push('c'));
    t.writes.writeNow(b);
    expect(done).toEqual(['b']);
    stops[2]!();
    expect(t.watched.has(c)).toBe(false);
    expect(t.onScreenWatched.has(c)).toBe(false);
    t.writes.flush();
    expect(done).toEqual(['b', 'a']);
    expect(t.timers).toHaveLength(0);
    expect(t.waitingCalls.at(-1)).toBe(false);
    t.advance(SETTLE_MS * 2);
    expect(done).toEqual(['b', 'a']);
  });
});
