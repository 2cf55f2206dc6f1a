/**
 * `<live-training data-model="mazur">`: makes the server-rendered training panel live, for the
 * model (or instance) it names, trained as its spec's `train` says (src/live/trainable.ts). It
 * only draws and listens; the math is model.ts (which calls the engine), the words words.ts, the
 * figures panel-figures.ts (drawn by loss-plot.ts) and the preview of a run panel-preview.ts.
 *
 * What the table, the status line and the figures describe (`#view`):
 *
 *   preview ──Take one step──▶ step
 *      ▲  └────Train──▶ running ──done──▶ run
 *      │                   └──Stop──▶ stopped
 *      └── an edit from anywhere else on the page (Reset too; it also ends a run)
 *
 * In `preview` the table shows what one step from the current values would do and the figures
 * what Train would do; otherwise they show what was just done. The trainer's own writes
 * (`state.setMany` of the weights, so that the whole page follows) are not edits.
 *
 * Train runs the steps in slices, one per animation frame, paced to take 1.5 to 4 s (runMs) so
 * that the reader sees the error fall (as fast as it can with prefers-reduced-motion), and never
 * more than the page scheduler's slice (8 ms) of work per frame, so the page stays responsive;
 * the run pauses while the page is hidden. While it runs, the Train button (still
 * data-action="<model>.train") reads "Stop", and the progress line, the table and the figures
 * show one snapshot of it at a time, so they always agree on the step.
 *
 * Plot draws the figures in the figure worker (figure-worker.ts, with linkedom's document, about
 * 200 KB gzip), started only when a figure must change: the first edit or Train. Until then the
 * build's SVGs stay; during a run most redraws only move the lines on in place (move-plot.ts).
 */
import { byLocale } from '../../i18n/locales.ts';
import { LiveElement, defineLive } from '../../live/client/element.ts';
import { nearWrites } from '../../live/client/near-writes.ts';
import { setText } from '../../live/client/read-outs.ts';
import { formatCount } from '../../live/format.ts';
import type { PageStore } from '../../live/client/page.ts';
import { afterNextFrame, type Run } from '../../live/scheduler.ts';
import type { ParamValues } from '../../live/model.ts';
import type { ModelState } from '../../live/store.ts';
import {
  TrainingRun,
  need,
  outputLines,
  stepOnce,
  type Change,
  type OutputLine,
  type Training,
  type TrainingPoint,
  type Weights,
} from './model.ts';
import { showTable, type View } from './panel-dom.ts';
import { PanelFigures } from './panel-figures.ts';
import { PanelPreview } from './panel-preview.ts';
import {
  cellText,
  countSteps,
  progressText,
  runSummary,
  trainLabel,
  trainingWords,
  type TrainingWords,
} from './words.ts';

/**
 * How long a run of n steps takes, so that the reader sees the error fall: 1.5 s for 10,000
 * steps, up to 4 s for more (as fast as it can with prefers-reduced-motion).
 */
const runMs = (n: number): number => Math.min(4000, 1000 + 0.05 * n);
/** The most a run's clock moves on in one frame: a pause or a hidden tab is not caught up. */
const MAX_FRAME_MS = 100;
/**
 * Steps between clock checks inside a slice. The first slice of a run runs code not yet
 * optimised: with 2,000 steps between checks it took 49 ms at 4× CPU, against a slice of 8.
 */
const CHUNK = 250;
/**
 * Least time between writes of the weights during a run. A write recomputes every live value on
 * the page (a chapter has hundreds, some of them 10,000-step runs), so it is also spaced by
 * three times what the last one cost.
 */
const WRITE_INTERVAL_MS = 100;
/**
 * Least time between the snapshots of a run the panel shows (#show). One is cheap, so this does
 * not back off on a slow page; ten a second read as counting, one a frame would only flicker.
 */
const SHOW_INTERVAL_MS = 100;

const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

export class LiveTraining extends LiveElement {
  #state: ModelState | undefined;
  /** How the model is trained: its spec's `train`. */
  #training: Training | undefined;
  #view: View = 'preview';
  #run: TrainingRun | undefined;
  /** The scheduler's handle on the run in progress. */
  #handle: Run | undefined;
  /** Gives back "near" its screen's margin (NearWrites.narrow), which a run narrows. */
  #widenNear: (() => void) | undefined;
  #figures = new PanelFigures({
    root: this,
    view: () => this.#view,
    run: () => this.#run,
    words: () => this.#words,
    settled: () => this.#busy(false),
    // The run's next drawing turn takes it (#onProgress).
    plottedDuringRun: () => (this.#drawn = undefined),
  });
  #preview = new PanelPreview({
    label: () => `preview:${this.dataset['model'] ?? ''}`,
    figures: this.#figures,
    state: () => this.#state,
    scheduler: () => this.store?.scheduler,
    running: () => this.#run !== undefined,
    view: () => this.#view,
    words: () => this.#words,
    outputs: (values) => this.#outputs(values),
    busy: (on) => this.#busy(on),
    say: (text) => this.#say(text),
    statusBusy: (on) => {
      if (on) this.#find('.training__status')?.setAttribute('aria-busy', 'true');
      else this.#find('.training__status')?.removeAttribute('aria-busy');
    },
  });
  /** True while this element writes the weights: the params effect must not take it as an edit. */
  #writing = false;
  #nextWrite = 0;
  #nextShow = 0;
  /** The run whose first snapshot the progress line and the table show (#reveal). */
  #revealed: TrainingRun | undefined;
  /** The run's snapshot that the progress line, the table and the figures all show (#show). */
  #shown: Change | undefined;
  /** The snapshot whose weights were last written to the page during a run. */
  #written: Change | undefined;
  /** The snapshot the figures last moved on to during a run. */
  #drawn: Change | undefined;
  /** The end of a run that has just ended, drawn over the next frames (#finish). */
  #lastDraw: object | undefined;
  /** Writes a run's last weights and says it is done, if the next frame has not yet (#finish). */
  #ending: (() => void) | undefined;
  #unwatchNear: (() => void) | undefined;

  /** The points the figures show now (for tests and the curious): step, E, outputs. */
  get curve(): readonly TrainingPoint[] {
    return this.#figures.points;
  }

  protected override setup(): void {
    const name = this.dataset['model'] ?? '';
    const state = this.store?.model(name);
    if (!state?.spec.train) {
      console.error(`<live-training> for unknown or untrainable model "${name}".`);
      return;
    }
    this.#state = state;
    this.#training = state.spec.train;
    const options = this.listening;
    this.#button('step')?.addEventListener('click', () => this.#takeStep(), options);
    this.#button('train')?.addEventListener('click', () => this.#toggleRun(), options);
    this.#button('reset')?.addEventListener('click', () => this.#reset(), options);
    const writes = nearWrites(this.ownerDocument);
    this.#unwatchNear = writes.watch(this);
    let first = true;
    this.watch(() => {
      const values = state.params.value;
      if (this.#writing) return this.#labelTrain(values);
      // An edit just after a run ends keeps the reader's values, as one during the run does.
      this.#ending = undefined;
      // The build drew everything for the defaults: only a non-default first state needs work.
      const edit = !first || !state.isDefault.peek();
      const update = (): void => {
        this.#labelTrain(values);
        this.#onEdit(values, edit);
      };
      // An edit stops a run at once. Otherwise the table and the figures of a panel far from
      // the screen wait until it comes near or the edits pause (near-writes.ts): on the backprop
      // chapter they were a third of the DOM writes of every key press on a weight.
      if (first || this.#run) update();
      else writes.write(this, update);
      first = false;
    });
  }

  /**
   * Brings the panel up to date before the reader's action on it: a run that has just ended
   * writes its weights first, so that Train or Take one step goes on from them.
   */
  #catchUp(): void {
    this.#ending?.();
    nearWrites(this.ownerDocument).writeNow(this);
  }

  protected override teardown(): void {
    this.#unwatchNear?.();
    this.#handle?.cancel();
    this.#widen();
    this.#run = undefined;
    this.#preview.stop();
  }

  /** The words of the page's language (<html lang>). */
  get #words(): TrainingWords {
    return byLocale(trainingWords, this.ownerDocument.documentElement.lang);
  }

  #find<E extends Element>(selector: string): E | null {
    return this.querySelector<E>(selector);
  }

  #button(action: string): HTMLButtonElement | null {
    return this.#find(`button[data-action="${this.dataset['model'] ?? ''}.${action}"]`);
  }

  #labelTrain(values: ParamValues): void {
    const train = this.#button('train');
    const steps = this.#training?.settings.steps;
    if (train && steps !== undefined && !this.#run)
      train.textContent = trainLabel(need(values, steps), this.#words);
  }

  /** Anything changed the values, other than this element's trainer. */
  #onEdit(values: ParamValues, redraw: boolean): void {
    if (this.#run) {
      this.#endRun();
      this.#preview.prefix ||= this.#words.stoppedByEdit;
      this.#say(this.#preview.prefix);
    }
    this.#view = 'preview';
    this.#ready(values);
    this.#showTable('preview', this.#step(values));
    if (redraw) this.#preview.schedule();
  }

  /** Writes weights into the page's state, so that every number on the page follows. */
  #write(weights: Weights): void {
    this.#writing = true;
    try {
      this.#state?.setMany(weights);
    } finally {
      this.#writing = false;
    }
  }

  #takeStep(): void {
    this.#catchUp();
    const state = this.#state;
    if (!state || this.#run) return;
    const change = this.#step(state.params.peek());
    this.#write(change.to.weights);
    this.#view = 'step';
    this.#ready(state.params.peek());
    this.#showTable('step', change);
    this.#say(this.#words.stepTaken(cellText(change.from.E), cellText(change.to.E)));
    // The figures now show what Train would do from the new weights.
    this.#preview.schedule();
  }

  #reset(): void {
    this.#catchUp();
    const state = this.#state;
    if (!state) return;
    if (state.isDefault.peek() && this.#view === 'preview' && !this.#run) {
      this.#say(this.#words.alreadyDefaults);
      return;
    }
    this.#preview.prefix = this.#words.backToDefaults;
    // reset() is an edit like any other (the effect sees it), unless nothing needed resetting.
    if (state.isDefault.peek()) this.#onEdit(state.params.peek(), true);
    else state.reset();
  }

  #toggleRun(): void {
    if (this.#run) this.#finish(this.#run, true);
    else this.#train();
  }

  #train(): void {
    this.#catchUp();
    const state = this.#state;
    if (!state) return;
    this.#preview.stop();
    const values = state.params.peek();
    const run = new TrainingRun(state.spec, values);
    this.#run = run;
    this.#view = 'running';
    this.#figures.runStarts();
    // The weights it writes reach only the read-outs on screen until it ends (near-writes.ts).
    this.#widen();
    this.#widenNear = nearWrites(this.ownerDocument).narrow();
    // The press itself changes only the buttons and the status; the run's first snapshot in the
    // progress line and the table follows with the first slice (#reveal). The press is handled in
    // the frame's own task, with its hit tests and the frame's style, layout and paint: with the
    // table written too, it was a task of 80 to 130 ms at 4× CPU on the backprop chapter.
    // The panel keeps at least its height until the next edit: a shorter status line (on a phone)
    // would otherwise move the whole page below it up at the press and down again at the end,
    // and each move lays out, repaints and re-intersects all of it (a task of 90 to 120 ms at
    // 4× CPU on the backprop chapter).
    this.style.minHeight = `${this.getBoundingClientRect().height}px`;
    const train = this.#button('train');
    if (train) train.textContent = this.#words.stop;
    this.#button('step')?.setAttribute('disabled', '');
    this.#say(this.#words.training(countSteps(run.total, this.#words)));
    const duration = reducedMotion() ? 0 : runMs(run.total);
    // The run's own clock: it advances with the frames it runs in, by at most MAX_FRAME_MS a
    // frame, so that a pause (or a hidden tab) does not make it rush to catch up.
    let clock = 0;
    let last = performance.now();
    const handle = this.store?.scheduler.start(
      {
        slice: (timeLeft) => {
          const now = performance.now();
          clock += Math.min(now - last, MAX_FRAME_MS);
          last = now;
          // Where the run should be by now, paced by the clock (not by frames, which a busy page
          // slows down); the scheduler keeps each slice within its budget.
          const due = duration > 0 ? Math.ceil((run.total * clock) / duration) : run.total;
          while (run.step < due && !run.done && timeLeft()) {
            run.advance(Math.min(due - run.step, CHUNK));
          }
          return run.done;
        },
        progress: () => this.#onProgress(run),
      },
      `training:${this.dataset['model'] ?? ''}`,
    );
    void handle?.finished.then((end) => {
      if (end === 'done' && this.#run === run) this.#finish(run, false);
    });
    this.#handle = handle;
  }

  /**
   * After each slice of a run: the progress bar, and now and then one more change to the page,
   * one kind per frame (a snapshot in the table, the weights written to the page, or the figures
   * moved on), since each frame that changes the page also pays for its style, layout and paint.
   * Two in one frame made most frames of a run on the backprop chapter long tasks at 4× CPU.
   */
  #onProgress(run: TrainingRun): void {
    if (this.#run !== run) return;
    if (this.#revealed !== run) {
      this.#reveal(run);
      return;
    }
    this.#showBar(run);
    if (run.done) return;
    const now = performance.now();
    if (now >= this.#nextShow) {
      this.#nextShow = now + SHOW_INTERVAL_MS;
      this.#show(run, 'running');
    } else if (now >= this.#nextWrite && this.#shown && this.#shown !== this.#written) {
      // Writing the weights recomputes every live value near the screen, which may be costly:
      // less often when it takes long, and from the snapshot shown.
      this.#written = this.#shown;
      this.#write(this.#shown.to.weights);
      const after = performance.now();
      this.#nextWrite = after + Math.max(WRITE_INTERVAL_MS, 3 * (after - now));
    } else if (this.#figures.due(now) && this.#shown !== this.#drawn) {
      this.#drawn = this.#shown;
      this.#drawRun(run);
    }
  }

  /** Shows a run's first snapshot in the progress line and the table. */
  #reveal(run: TrainingRun): void {
    this.#revealed = run;
    const progress = this.#find<HTMLProgressElement>('progress');
    if (progress) progress.max = run.total;
    this.#showBar(run);
    this.#show(run, 'running');
    this.#nextShow = performance.now() + SHOW_INTERVAL_MS;
  }

  /**
   * A run ended by Stop or by reaching N: the page keeps its weights, the panel says what it did.
   * The end is drawn over three frames, one change to the page in each, as during the run
   * (#onProgress): the panel's table and progress line; then the weights written to the page,
   * with the status that says the run is done (#ending); then the figures and their data tables.
   * All in one frame, it was a task of 66 to 90 ms at 4× CPU on the backprop chapter, and with
   * only the figures after it, still 29 to 50 ms. An edit before then takes over, as during the
   * run: the reader's values are not overwritten, and the figures show what they asked for.
   */
  #finish(run: TrainingRun, stopped: boolean): void {
    if (this.#revealed !== run) this.#reveal(run);
    this.#endRun();
    const change = this.#show(run, 'run');
    this.#view = stopped ? 'stopped' : 'run';
    this.#showBar(run);
    const ending = (): void => {
      this.#ending = undefined;
      this.#write(change.to.weights);
      this.#say(runSummary(stopped ? 'stopped' : 'run', change, this.#words));
    };
    this.#ending = ending;
    const last = {};
    this.#lastDraw = last;
    afterNextFrame(() => {
      // Any edit, a new run or another end since has dropped or made this write (#ending).
      if (this.#ending !== ending) return;
      ending();
      afterNextFrame(() => {
        if (this.#lastDraw !== last || this.#run || this.#view === 'preview') return;
        this.#lastDraw = undefined;
        this.#drawRun(run);
      });
    });
  }

  /** Leaves the running state (the caller says why). */
  #endRun(): void {
    this.#run = undefined;
    this.#handle?.cancel();
    this.#handle = undefined;
    this.#widen();
    const state = this.#state;
    if (state) this.#labelTrain(state.params.peek());
    this.#button('step')?.removeAttribute('disabled');
  }

  /** Gives "near" back its margin, if a run narrowed it (NearWrites.narrow). */
  #widen(): void {
    this.#widenNear?.();
    this.#widenNear = undefined;
  }

  /**
   * Out of a run, the progress line is ready for the next one: step 0 of N. It is always laid
   * out, so that a run's first frame does not move the page below the panel; the height the
   * panel kept through the last run (#train) is given up, since an edit changes it anyway.
   */
  #ready(values: ParamValues): void {
    this.style.minHeight = '';
    const steps = this.#training?.settings.steps;
    if (steps === undefined) return;
    const total = need(values, steps);
    const progress = this.#find<HTMLProgressElement>('progress');
    if (progress) {
      progress.max = total;
      progress.value = 0;
    }
    const text = this.#find<HTMLElement>('.training__progress-text');
    if (text) setText(text, this.#words.stepOf('0', formatCount(total)));
  }

  /** The bar follows the run frame by frame, to show that the page keeps going. */
  #showBar(run: TrainingRun): void {
    const progress = this.#find<HTMLProgressElement>('progress');
    if (progress) progress.value = run.step;
  }

  /** Shows one snapshot of the run in the table and the progress line; the figures follow. */
  #show(run: TrainingRun, kind: 'running' | 'run'): Change {
    const change = run.change();
    this.#shown = change;
    this.#showTable(kind, change);
    const text = this.#find<HTMLElement>('.training__progress-text');
    if (text) setText(text, progressText(change.steps, run.total, change.to.E, this.#words));
    return change;
  }

  #busy(on: boolean): void {
    for (const part of this.querySelectorAll('.training__status, .training__figures')) {
      if (on) part.setAttribute('aria-busy', 'true');
      // The status stays busy while its new prediction waits to be said (PanelPreview.saying).
      else if (!(this.#preview.saying && part.matches('.training__status')))
        part.removeAttribute('aria-busy');
    }
  }

  #say(text: string): void {
    const status = this.#find<HTMLElement>('.training__status');
    if (status) status.textContent = text;
  }

  #showTable(kind: 'preview' | 'step' | 'running' | 'run', change: Change): void {
    if (this.#training) showTable(this, this.#training, kind, change, this.#words);
  }

  /** Draws the run up to the snapshot last shown, ending on it. */
  #drawRun(run: TrainingRun): void {
    const values = this.#state?.params.peek();
    const shown = this.#shown;
    if (!values || !shown) return;
    const outputs = this.#outputs(values);
    const points = run.points.filter((p) => p.step <= shown.steps);
    if (points.at(-1)?.step !== shown.steps)
      points.push({ step: shown.steps, E: shown.to.E, outputs: shown.to.outputs });
    this.#figures.show({ points, change: shown, steps: run.total, outputs });
  }

  /** What Take one step would do, or does, from `values`. */
  #step(values: ParamValues): Change {
    const state = this.#state;
    if (!state) throw new Error('<live-training> is not set up.');
    return stepOnce(state.spec, values);
  }

  /** The outputs the figure draws, with their targets at `values`. */
  #outputs(values: ParamValues): OutputLine[] {
    return this.#training ? outputLines(this.#training, values) : [];
  }
}

/** Defines `<live-training>` once, bound to the page's store. */
export function defineTraining(store: PageStore): void {
  defineLive('live-training', LiveTraining, store);
}
