import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, createScheduler, type SlicedWork } from './scheduler.ts';

/** Frames run by hand, and a clock that each unit of work moves on by `cost` ms. */
function harness(cost = 1) {
  let time = 0;
  const frames: Array<() => void> = [];
  const scheduler = createScheduler({
    sliceMs: 8,
    frame: (callback) => frames.push(callback),
    now: () => time,
  });
  const runFrame = (): boolean => {
    const next = frames.shift();
    next?.();
    return next !== undefined;
  };
  /** `total` units of work, each costing `cost` ms on the clock. */
  const counter = (total: number) => {
    const work = {
      done: 0,
      slices: 0,
      progressCalls: 0,
      slice(timeLeft: () => boolean): boolean {
        work.slices++;
        while (work.done < total && timeLeft()) {
          work.done++;
          time += cost;
        }
        return work.done >= total;
      },
      progress() {
        work.progressCalls++;
      },
    } satisfies SlicedWork & Record<string, unknown>;
    return work;
  };
  return { scheduler, runFrame, frames, counter };
}

describe('createScheduler()', () => {
  it('start() does no work until a frame, then at most sliceMs of work per frame', () => {
    const { scheduler, runFrame, counter } = harness(1);
    const work = counter(20);
    const run = scheduler.start(work);
    expect(work.done).toBe(0);
    runFrame();
    expect(work.done).toBe(8);
    expect(work.progressCalls).toBe(1);
    runFrame();
    expect(work.done).toBe(16);
    runFrame();
    expect(work.done).toBe(20);
    expect(run.state).toBe('done');
  });

  it('finished resolves with "done" after the last slice, and no frame is asked for after it', async () => {
    const { scheduler, runFrame, frames, counter } = harness(1);
    const run = scheduler.start(counter(5));
    runFrame();
    await expect(run.finished).resolves.toBe('done');
    expect(frames).toHaveLength(0);
  });

  it('pause() stops the work between frames and resume() carries on where it was', () => {
    const { scheduler, runFrame, counter } = harness(1);
    const work = counter(30);
    const run = scheduler.start(work);
    runFrame();
    run.pause();
    expect(run.state).toBe('paused');
    while (runFrame());
    expect(work.done).toBe(8);
    run.resume();
    expect(run.state).toBe('running');
    runFrame();
    expect(work.done).toBe(16);
  });

  it('resume() twice asks for one frame, not two (no double speed)', () => {
    const { scheduler, frames, counter } = harness(1);
    const run = scheduler.start(counter(30));
    run.pause();
    run.resume();
    run.resume();
    // The frame asked for at start is still pending: it carries the run on alone.
    expect(frames).toHaveLength(1);
  });

  it('cancel() ends a running or paused run, and finished says "cancelled"', async () => {
    const { scheduler, runFrame, counter } = harness(1);
    const a = scheduler.start(counter(30));
    const b = scheduler.start(counter(30));
    runFrame();
    a.cancel();
    b.pause();
    b.cancel();
    await expect(a.finished).resolves.toBe('cancelled');
    await expect(b.finished).resolves.toBe('cancelled');
    b.resume();
    expect(b.state).toBe('cancelled');
  });

  it('a run started under a key cancels the stale run with that key, and only that one', async () => {
    const { scheduler, runFrame, counter } = harness(1);
    const stale = counter(100);
    const other = counter(100);
    const first = scheduler.start(stale, 'mazur');
    const unrelated = scheduler.start(other, 'neuron');
    const fresh = scheduler.start(counter(100), 'mazur');
    await expect(first.finished).resolves.toBe('cancelled');
    runFrame();
    runFrame();
    runFrame();
    expect(stale.done).toBe(0);
    expect(other.done).toBeGreaterThan(0);
    expect([unrelated.state, fresh.state]).toEqual(['running', 'running']);
  });

  it('pauseAll() and resumeAll() pause and resume every live run (a hidden page)', () => {
    const { scheduler, runFrame, counter } = harness(1);
    const a = counter(50);
    const b = counter(50);
    scheduler.start(a);
    scheduler.start(b);
    scheduler.pauseAll();
    while (runFrame());
    expect([a.done, b.done]).toEqual([0, 0]);
    scheduler.resumeAll();
    runFrame();
    runFrame();
    expect(a.done + b.done).toBe(16);
  });

  it('a slice that overruns its budget still yields after it (the work checks timeLeft)', () => {
    const { scheduler, runFrame, counter } = harness(5);
    const work = counter(10);
    scheduler.start(work);
    runFrame();
    // 5 ms per unit against an 8 ms budget: two units (10 ms), then the frame ends.
    expect(work.done).toBe(2);
  });
});

describe('afterNextFrame()', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('calls back in a task after the frame, not in the frame callback itself', () => {
    vi.useFakeTimers();
    const frameCallbacks: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frameCallbacks.push(callback),
    );
    const calls: string[] = [];
    afterNextFrame(() => calls.push('work'));
    vi.runAllTimers();
    expect(calls).toEqual([]); // nothing before the frame
    expect(frameCallbacks).toHaveLength(1);
    frameCallbacks.shift()?.(0);
    calls.push('frame drawn');
    vi.runAllTimers();
    expect(calls).toEqual(['frame drawn', 'work']);
  });

  it('where there is no requestAnimationFrame, calls back in a task', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', undefined);
    const calls: string[] = [];
    afterNextFrame(() => calls.push('work'));
    expect(calls).toEqual([]);
    vi.runAllTimers();
    expect(calls).toEqual(['work']);
  });
});
