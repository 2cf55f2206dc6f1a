/**
 * Writes to read-outs far from the screen wait until they are wanted. One edit on the backprop
 * chapter changes about 110 read-outs all down the page; written at once, each dirtied its line's
 * layout and paint, and the browser laid out and repainted the whole chapter before the edited
 * number itself could show: 24 ms from the key to the paint, against a budget of one 16 ms frame.
 * The reader sees only what is on screen, so a far read-out's write waits until:
 *   - it comes within a screen of the viewport (the observer's margin), so that it is right
 *     before it can be seen;
 *   - the edits pause (SETTLE_MS), when every waiting write is made in slices of SLICE_MS, one
 *     a frame, so that find in page, a selection and a screen reader's reading of the page soon
 *     meet the right numbers;
 *   - the page is printed, or the reader starts a selection: then every write is made at once.
 * An element's first write is never held (a shared link's values must be on the page before the
 * link's numbers are shown), and an element the observer has not yet reported is written at once.
 *
 * While a training run writes the page (narrow()), near means on screen: a run writes its weights
 * several times a second, and each write laid out and painted every read-out within a screen of
 * the viewport, seen or not. The rest wait as far writes do, and are made as they come on screen
 * or once the run is over. On the Chinese backprop chapter at 4x CPU, the frames of a
 * 100,000-step run that took over 30 ms fell from 64 to 18 in 8 runs, and over 40 ms from 7 to 0.
 */

import { intersectionBlockWatcher, type Watcher } from './block-watch.ts';

/** How far from the viewport a read-out still counts as near: one screen above and below. */
export const NEAR_MARGIN = '100% 0px';
/** How long the edits must pause before the waiting writes are made, in ms. */
export const SETTLE_MS = 200;
/**
 * The longest a slice of waiting writes may run before it yields to the browser, in ms. What a
 * slice writes costs its frame far more than the writing: at 4 ms, a slice after a training run
 * on the Chinese backprop chapter wrote about 120 read-outs in 16 blocks, and its frame, laying
 * out and painting them, was a task of 43 to 65 ms at 4x CPU in three traced runs. At 1 ms the
 * drain takes about 25 frames instead of 4, of at most 76 writes each; the heaviest is the one
 * that makes a paragraph above the screen a line shorter, which scroll anchoring follows (31 to
 * 56 ms in five traced runs).
 */
export const SLICE_MS = 1;
/** On <html> while some writes wait, for tests and tools that read far numbers. */
export const WAITING_ATTRIBUTE = 'data-writes-waiting';

export interface NearWritesOptions {
  /** Makes the watcher that reports each element as near or not. Default: an IntersectionObserver with NEAR_MARGIN over each element's block (block-watch.ts). */
  watcher?: (report: (element: Element, near: boolean) => void) => Watcher;
  /** Makes the watcher that reports each element as on screen or not. Default: an IntersectionObserver with no margin over each element's block. */
  screen?: (report: (element: Element, onScreen: boolean) => void) => Watcher;
  /** Called with true when the first write starts to wait, and false when none waits. Default: nothing. */
  onWaiting?: (waiting: boolean) => void;
  /** Default: the global setTimeout. */
  setTimer?: (callback: () => void, ms: number) => unknown;
  /** Default: the global clearTimeout. */
  clearTimer?: (timer: unknown) => void;
  /** Default: performance.now. */
  now?: () => number;
  /**
   * Calls back after the browser's next frame, between the slices of a drain. Default:
   * requestAnimationFrame and then a task (setTimer), or setTimer alone where there are no frames.
   */
  afterFrame?: (callback: () => void) => void;
}

/** Near by its block of the article (block-watch.ts): one observer target a block. */
const intersectionWatcher = (report: (element: Element, near: boolean) => void): Watcher =>
  intersectionBlockWatcher(report, { rootMargin: NEAR_MARGIN });
const screenWatcher = (report: (element: Element, onScreen: boolean) => void): Watcher =>
  intersectionBlockWatcher(report);

export class NearWrites {
  readonly #near = new WeakSet<Element>();
  /** Elements the watcher has reported on at least once. */
  readonly #known = new WeakSet<Element>();
  readonly #waiting = new Map<Element, () => void>();
  readonly #onFar = new WeakMap<Element, () => void>();
  readonly #onScreen = new WeakSet<Element>();
  /** Elements the screen watcher has reported on at least once. */
  readonly #screenKnown = new WeakSet<Element>();
  readonly #watcher: Watcher;
  readonly #screen: Watcher;
  /** How many narrow() calls are not yet released: while any is, near means on screen. */
  #narrowed = 0;
  readonly #onWaiting: (waiting: boolean) => void;
  readonly #setTimer: (callback: () => void, ms: number) => unknown;
  readonly #clearTimer: (timer: unknown) => void;
  readonly #now: () => number;
  readonly #afterFrame: (callback: () => void) => void;
  #timer: unknown;
  /** The next slice of a drain, waiting for a frame; cancelled by replacing it. */
  #nextSlice: object | undefined;
  #lastWrite = -Infinity;

  constructor(options: NearWritesOptions = {}) {
    this.#watcher = (options.watcher ?? intersectionWatcher)((element, near) =>
      this.#report(element, near),
    );
    this.#screen = (options.screen ?? screenWatcher)((element, onScreen) =>
      this.#reportScreen(element, onScreen),
    );
    this.#onWaiting = options.onWaiting ?? (() => undefined);
    this.#setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.#clearTimer =
      options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    this.#now = options.now ?? (() => performance.now());
    this.#afterFrame =
      options.afterFrame ??
      (typeof requestAnimationFrame === 'function'
        ? (callback) => requestAnimationFrame(() => this.#setTimer(callback, 0))
        : (callback) => this.#setTimer(callback, 0));
  }

  /** How many writes wait. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /**
   * Starts watching `element`, calling `onFar` each time it is reported far from the screen
   * (its first report included); the function returned stops it and drops its waiting write.
   */
  watch(element: Element, onFar?: () => void): () => void {
    if (onFar) this.#onFar.set(element, onFar);
    this.#watcher.observe(element);
    this.#screen.observe(element);
    return () => {
      this.#watcher.unobserve(element);
      this.#screen.unobserve(element);
      this.#onFar.delete(element);
      this.#near.delete(element);
      this.#known.delete(element);
      this.#onScreen.delete(element);
      this.#screenKnown.delete(element);
      if (this.#waiting.delete(element) && this.#waiting.size === 0) this.#settled();
    };
  }

  /**
   * True if `element` is near the screen, not yet reported on, or holds the focus: the reader
   * is at it, though the observer, which reports after a frame, may not have said so yet.
   */
  isNear(element: Element): boolean {
    if (element.contains(element.ownerDocument.activeElement)) return true;
    if (this.#narrowed > 0) return this.#onScreen.has(element) || !this.#screenKnown.has(element);
    return this.#near.has(element) || !this.#known.has(element);
  }

  /** True if `element`'s block of the article is on screen, as last reported. */
  onScreen(element: Element): boolean {
    return this.#onScreen.has(element);
  }

  /**
   * Until the function returned is called, only what is on screen counts as near (see the top
   * of this file), and the waiting writes are not drained: a run's writes come faster than
   * SETTLE_MS, but not on a slow page, where the drain's frames came between the run's. Then
   * what waited is made once the edits pause, as far writes are.
   */
  narrow(): () => void {
    this.#narrowed++;
    this.#cancel();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#narrowed--;
      this.postpone();
    };
  }

  /**
   * Makes `render` now if `element` is near the screen (or not yet reported on); otherwise keeps
   * it, in place of any write already waiting for the element, until one of the moments above.
   */
  write(element: Element, render: () => void): void {
    if (this.isNear(element)) return this.#make(element, render);
    if (this.#waiting.size === 0) this.#onWaiting(true);
    this.#waiting.set(element, render);
    this.postpone();
  }

  /**
   * Says that the reader is still editing: the pause, and so the waiting writes, are put off
   * again, and a drain under way stops. A read-out whose write already waits is not asked again
   * at each edit, so the page says it for them (bindReadOut follows each model's parameters).
   */
  postpone(): void {
    if (this.#waiting.size === 0 || this.#narrowed > 0) return;
    // The timer is set once a pause, not once an edit.
    this.#lastWrite = this.#now();
    if (this.#timer === undefined) this.#schedule(SETTLE_MS);
  }

  /** Makes `element`'s waiting write now, if it has one: before the reader acts on it. */
  writeNow(element: Element): void {
    const render = this.#waiting.get(element);
    if (render) this.#make(element, render);
  }

  /** Makes every waiting write now (before print, when a selection starts). */
  flush(): void {
    this.#cancel();
    this.#drain(Infinity);
  }

  #report(element: Element, near: boolean): void {
    this.#known.add(element);
    if (near) {
      this.#near.add(element);
      if (this.#narrowed === 0) this.writeNow(element);
    } else {
      this.#near.delete(element);
      this.#onFar.get(element)?.();
    }
  }

  #reportScreen(element: Element, onScreen: boolean): void {
    this.#screenKnown.add(element);
    if (!onScreen) return void this.#onScreen.delete(element);
    this.#onScreen.add(element);
    // On screen is near too, and what waited for it while narrowed is wanted now.
    this.writeNow(element);
  }

  /** Makes `render` in place of `element`'s waiting write, and says so if none is left. */
  #make(element: Element, render: () => void): void {
    const waited = this.#waiting.delete(element);
    render();
    if (waited && this.#waiting.size === 0) this.#settled();
  }

  #schedule(ms: number): void {
    this.#cancel();
    this.#timer = this.#setTimer(() => {
      this.#timer = undefined;
      // Writes since the timer was set put the pause off.
      const quiet = this.#now() - this.#lastWrite;
      if (quiet < SETTLE_MS) this.#schedule(SETTLE_MS - quiet);
      else this.#drain(SLICE_MS);
    }, ms);
  }

  /**
   * The drain's next slice, after the browser's next frame: each frame lays out and paints what
   * one slice wrote. Slices run back to back left it all to one frame, which on the backprop
   * chapter after a training run was a task of 80 ms at 4× CPU, most of it paint.
   */
  #scheduleSlice(): void {
    this.#cancel();
    const slice = {};
    this.#nextSlice = slice;
    this.#afterFrame(() => {
      if (this.#nextSlice !== slice) return;
      this.#nextSlice = undefined;
      this.#drain(SLICE_MS);
    });
  }

  #cancel(): void {
    if (this.#timer !== undefined) this.#clearTimer(this.#timer);
    this.#timer = undefined;
    this.#nextSlice = undefined;
  }

  /** Makes waiting writes, in the order they started to wait, for up to `budget` ms. */
  #drain(budget: number): void {
    if (this.#waiting.size === 0) return;
    const start = this.#now();
    for (const [element, render] of this.#waiting) {
      this.#waiting.delete(element);
      render();
      if (this.#now() - start >= budget) break;
    }
    if (this.#waiting.size > 0) this.#scheduleSlice();
    else this.#settled();
  }

  #settled(): void {
    this.#cancel();
    this.#onWaiting(false);
  }
}

const perDocument = new WeakMap<Document, NearWrites>();

/**
 * The document's NearWrites: it marks <html> with WAITING_ATTRIBUTE while writes wait, and
 * makes them all before print and when a selection starts.
 */
export function nearWrites(doc: Document = document): NearWrites {
  const known = perDocument.get(doc);
  if (known) return known;
  const root = doc.documentElement;
  const created = new NearWrites({
    onWaiting: (waiting) => root.toggleAttribute(WAITING_ATTRIBUTE, waiting),
  });
  perDocument.set(doc, created);
  const view = doc.defaultView;
  const flush = (): void => created.flush();
  view?.addEventListener('beforeprint', flush);
  // Playwright's and some browsers' print preview switch the media without beforeprint.
  view?.matchMedia('print').addEventListener('change', (event) => event.matches && flush());
  doc.addEventListener('selectstart', flush, { capture: true });
  return created;
}
