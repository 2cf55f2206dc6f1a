/**
 * Time-sliced runs on the main thread: a run does a little work per frame, never more than
 * `sliceMs`, so that the page keeps answering the reader while a network trains. Runs can be
 * paused, resumed and cancelled, and starting a run under a key cancels the stale one that had
 * it (an edit restarts the work it made stale). Work heavier than a few milliseconds per call
 * belongs in the compute worker instead (src/live/client/compute.ts).
 *
 *   start ──▶ running ──frame──▶ slice() ──done──▶ done
 *               │  ▲                └─not yet──▶ (next frame)
 *        pause()│  │resume()
 *               ▼  │
 *             paused ──cancel()──▶ cancelled   (cancel() works from running too)
 */

/** One run's work. `slice` does some work and says whether the run is finished. */
export interface SlicedWork {
  /**
   * Does work until `timeLeft()` says the slice is over (checking it between chunks), and
   * returns true when there is nothing more to do.
   */
  slice(timeLeft: () => boolean): boolean;
  /** Called after every slice, e.g. to draw progress. */
  progress?(): void;
}

export type RunState = 'running' | 'paused' | 'done' | 'cancelled';

export interface Run {
  readonly state: RunState;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** Settles when the run is done or cancelled, with that end state. */
  readonly finished: Promise<'done' | 'cancelled'>;
}

export interface SchedulerOptions {
  /** Most work per frame, in milliseconds. Default 8 (half a 60 Hz frame). */
  readonly sliceMs?: number;
  /**
   * Calls back once the browser's next frame is drawn. Default: requestAnimationFrame, and then
   * a task of its own (see afterNextFrame).
   */
  readonly frame?: (callback: () => void) => void;
  /** The clock, in milliseconds. Default performance.now. */
  readonly now?: () => number;
}

export interface Scheduler {
  /** Starts `work`; a run already started under the same `key` is cancelled first. */
  start(work: SlicedWork, key?: string): Run;
  /** Pauses or resumes every run (e.g. while the page is hidden). */
  pauseAll(): void;
  resumeAll(): void;
}

/**
 * Calls back in a task of its own, after the next frame. A slice run in the frame's own
 * callback (requestAnimationFrame) shares its task with the style, layout and paint of that
 * frame: on a long chapter at 4× CPU, a slice that wrote to the page and the frame that showed
 * it were together a task of 50 to 90 ms, where each alone is under 50. After the frame, the
 * slice's changes are drawn by the next frame, in a task without it.
 */
export function afterNextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(callback, 0));
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const sliceMs = options.sliceMs ?? 8;
  const frame = options.frame ?? afterNextFrame;
  const now = options.now ?? (() => performance.now());
  const byKey = new Map<string, Run>();
  const live = new Set<Run>();

  function start(work: SlicedWork, key?: string): Run {
    if (key !== undefined) byKey.get(key)?.cancel();
    let state: RunState = 'running';
    let scheduled = false;
    let settle: (end: 'done' | 'cancelled') => void = () => undefined;
    const finished = new Promise<'done' | 'cancelled'>((resolve) => (settle = resolve));

    const end = (final: 'done' | 'cancelled'): void => {
      state = final;
      live.delete(run);
      if (key !== undefined && byKey.get(key) === run) byKey.delete(key);
      settle(final);
    };
    const tick = (): void => {
      scheduled = false;
      if (state !== 'running') return;
      const began = now();
      const finishedNow = work.slice(() => now() - began < sliceMs);
      work.progress?.();
      // progress() may have cancelled or paused the run.
      if (finishedNow && state === 'running') end('done');
      else schedule();
    };
    const schedule = (): void => {
      if (scheduled || state !== 'running') return;
      scheduled = true;
      frame(tick);
    };
    const run: Run = {
      get state() {
        return state;
      },
      finished,
      pause() {
        if (state === 'running') state = 'paused';
      },
      resume() {
        if (state !== 'paused') return;
        state = 'running';
        schedule();
      },
      cancel() {
        if (state === 'running' || state === 'paused') end('cancelled');
      },
    };
    live.add(run);
    if (key !== undefined) byKey.set(key, run);
    schedule();
    return run;
  }

  return {
    start,
    pauseAll: () => live.forEach((run) => run.pause()),
    resumeAll: () => live.forEach((run) => run.resume()),
  };
}
