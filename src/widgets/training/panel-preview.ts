/**
 * What Train would do from the values on the page: once the reader's edits pause, the panel
 * computes the run in the page scheduler's slices, shows it in the figures, and a little later
 * says it in the status line. Split from training-element.ts, which says when (every edit, a
 * step taken, Reset) and what else the panel shows.
 */
import type { ParamValues } from '../../live/model.ts';
import type { Run, Scheduler } from '../../live/scheduler.ts';
import type { ModelState } from '../../live/store.ts';
import { TrainingRun, type OutputLine } from './model.ts';
import type { View } from './panel-dom.ts';
import type { PanelFigures } from './panel-figures.ts';
import { runSummary, type TrainingWords } from './words.ts';

/** Steps between clock checks when computing the preview: well under a slice. */
const PREVIEW_CHUNK = 500;
/** How long edits must pause before the figures are recomputed (the numbers follow at once). */
const CURVE_DEBOUNCE_MS = 150;
/**
 * How long edits must pause before the status says what Train would now do: longer than the
 * gap between the presses of a reader stepping η with an arrow key (as the network diagram's
 * SETTLE_MS), so that a screen reader hears the prediction once.
 */
const SAY_AFTER_MS = 1000;

/** What the preview needs of the panel it is in. */
export interface PreviewHost {
  /** The scheduler's name for the preview's work, e.g. `preview:mazur`. */
  label(): string;
  readonly figures: PanelFigures;
  state(): ModelState | undefined;
  scheduler(): Scheduler | undefined;
  /** Whether a run is in progress: a preview is not computed, or not shown, during one. */
  running(): boolean;
  /** What the panel describes now: the status says the preview only in `preview`. */
  view(): View;
  words(): TrainingWords;
  /** The outputs the figures draw, with their targets at `values`. */
  outputs(values: ParamValues): OutputLine[];
  /** Marks the status line and the figures busy, or no longer (but see `saying`). */
  busy(on: boolean): void;
  /** Writes the status line (a live region). */
  say(text: string): void;
  /** Marks the status line alone busy, or no longer. */
  statusBusy(on: boolean): void;
}

export class PanelPreview {
  readonly #host: PreviewHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Says the preview's summary once edits have paused. */
  #sayTimer: ReturnType<typeof setTimeout> | undefined;
  #saying = false;
  /** The scheduler's handle on the preview being computed. */
  #work: Run | undefined;
  /** Said before the next preview's summary (e.g. after Reset, or a run stopped by an edit). */
  prefix = '';

  constructor(host: PreviewHost) {
    this.#host = host;
  }

  /**
   * Whether the status line waits to say a new preview: its text is the old one until then,
   * which a shared link must not show (live.css), so it stays busy.
   */
  get saying(): boolean {
    return this.#saying;
  }

  /** Recomputes what Train would do once edits pause, then redraws and says it. */
  schedule(): void {
    // Until the redraw, the status line and the figures describe other values: aria-busy tells
    // a screen reader to wait, and hides them while a shared link is applied (live.css).
    this.#host.busy(true);
    this.stop();
    this.#timer = setTimeout(() => this.#compute(), CURVE_DEBOUNCE_MS);
  }

  /** Drops the preview being waited for, computed or said. */
  stop(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#sayTimer);
    this.#saying = false;
    this.#work?.cancel();
    this.#work = undefined;
  }

  /**
   * Computes what Train would do, in the page scheduler's slices: all at once, the 10,000 steps
   * of the backprop chapter held the page for 35 ms after every pause in editing (140 ms on a
   * slow phone), and a key pressed then waited for them.
   */
  #compute(): void {
    const host = this.#host;
    const state = host.state();
    const scheduler = host.scheduler();
    if (!state || !scheduler || host.running()) return;
    const values = state.params.peek();
    const run = new TrainingRun(state.spec, values);
    const work = scheduler.start(
      {
        slice: (timeLeft) => {
          while (!run.done && timeLeft()) run.advance(PREVIEW_CHUNK);
          return run.done;
        },
      },
      host.label(),
    );
    this.#work = work;
    void work.finished.then((end) => {
      if (end !== 'done' || this.#work !== work || host.running()) return;
      this.#work = undefined;
      const change = run.change();
      const summary = this.prefix + runSummary('preview', change, host.words());
      this.prefix = '';
      host.figures.show({
        points: run.points,
        change,
        steps: change.settings.steps,
        outputs: host.outputs(values),
      });
      // The status is a live region: it says the new prediction once the reader has stopped
      // editing, not after each press of an arrow key on η (SAY_AFTER_MS in all since the edit).
      if (host.view() !== 'preview') return;
      this.#saying = true;
      host.statusBusy(true);
      this.#sayTimer = setTimeout(
        () => {
          this.#saying = false;
          host.say(summary);
          host.statusBusy(false);
        },
        Math.max(0, SAY_AFTER_MS - CURVE_DEBOUNCE_MS),
      );
    });
  }
}
