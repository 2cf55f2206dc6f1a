/**
 * The training panel's two figures, seen from its element: the curve they show, when a run may
 * next move them on, and the figures Plot draws for them in the figure worker (figures.ts), which
 * come back later than they were asked for. Split from training-element.ts, which decides what
 * the figures show; drawFigures (panel-dom.ts) writes them into the page.
 */
import { localeOf } from '../../i18n/locales.ts';
import type { FigureJob } from './loss-plot.ts';
import { figureDrawer } from './figures.ts';
import type { TrainingPoint, TrainingRun } from './model.ts';
import { drawFigures, type Curve, type View } from './panel-dom.ts';
import type { TrainingWords } from './words.ts';

/**
 * Least time between redraws of the figures during a run. A redraw mostly moves their lines in
 * place (drawFigures), and is also spaced by three times what the last one cost (on a slow
 * phone, the figures then follow less often and the page keeps answering).
 */
const DRAW_INTERVAL_MS = 100;
/**
 * Least time between changes to the figures' captions during a run: a caption is read, not
 * watched, and each change of its text laid out the page from the top. On the Chinese backprop
 * chapter at 4× CPU, a frame that moved the figures on took 21 ms at the median with their
 * captions (6 of it layout), and 16 without. The figures' accessible names follow every redraw.
 */
const CAPTION_INTERVAL_MS = 1000;

type FigureName = 'loss' | 'outputs';

/** What the figures need of the panel they are in. */
export interface FiguresHost {
  /** The panel: the figures, their captions and their data tables are inside it. */
  readonly root: HTMLElement;
  /** What the panel describes now. */
  view(): View;
  /** The run in progress, if any. */
  run(): TrainingRun | undefined;
  /** The words of the page's language. */
  words(): TrainingWords;
  /** Both figures show their curve, or a run goes on: they need no longer be marked busy. */
  settled(): void;
  /**
   * A figure Plot drew came during a run. It waits for the run's next drawing turn, so that a
   * frame does not change the page twice: drawn at once, on top of the table or the weights
   * written in the same frame, it made frames of 51 to 89 ms at 4× CPU on the Chinese backprop
   * chapter (Long Animation Frames, with the figure worker's answers).
   */
  plottedDuringRun(): void;
}

export class PanelFigures {
  readonly #host: FiguresHost;
  #curve: Curve | undefined;
  /** Figures drawn by Plot that drawFigures has yet to take (#take). */
  #plotted = new Map<FigureName, { curve: Curve; run: TrainingRun | undefined; svg: Element }>();
  /** Figures asked of Plot and not yet back. */
  #asked = new Set<FigureName>();
  #nextDraw = 0;
  /** When a run's figures may next change their captions (CAPTION_INTERVAL_MS). */
  #nextCaption = 0;

  constructor(host: FiguresHost) {
    this.#host = host;
  }

  /** The points the figures show now: step, E, outputs. */
  get points(): readonly TrainingPoint[] {
    return this.#curve?.points ?? [];
  }

  /** Whether a run may move the figures on at `now` (DRAW_INTERVAL_MS). */
  due(now: number): boolean {
    return now >= this.#nextDraw;
  }

  /** A run starts: its first redraw writes the captions. */
  runStarts(): void {
    this.#nextCaption = 0;
  }

  /** Shows `curve`. */
  show(curve: Curve): void {
    this.#curve = curve;
    this.draw();
  }

  /**
   * Redraws both figures from the curve shown: each moves on in place where it can, else takes
   * the figure Plot drew for it, which comes from the figure worker (#take) and calls this again.
   */
  draw(): void {
    const curve = this.#curve;
    if (!curve) return;
    const host = this.#host;
    const view = host.view();
    const began = performance.now();
    const captions = view !== 'running' || began >= this.#nextCaption;
    if (captions) this.#nextCaption = began + CAPTION_INTERVAL_MS;
    const done = drawFigures(
      host.root,
      (name, job) => this.#take(name, job, curve),
      curve,
      view,
      host.words(),
      localeOf(host.root.ownerDocument.documentElement.lang),
      captions,
    );
    // Until both show the new values, the figures stay busy (a shared link keeps them hidden).
    if (done || view === 'running') host.settled();
    const after = performance.now();
    this.#nextDraw = after + Math.max(DRAW_INTERVAL_MS, 3 * (after - began));
  }

  /**
   * The figure Plot drew for `curve`, or during a run for any snapshot of it; else undefined,
   * asking for one if none is on its way. When it comes, the figures are drawn again.
   */
  #take(name: FigureName, job: FigureJob, curve: Curve): Element | undefined {
    const run = this.#host.run();
    const ready = this.#plotted.get(name);
    if (ready && (ready.curve === curve || (run && ready.run === run))) {
      this.#plotted.delete(name);
      return ready.svg;
    }
    if (this.#asked.has(name)) return undefined;
    this.#asked.add(name);
    figureDrawer(this.#host.root.ownerDocument)(job).then(
      (svg) => {
        this.#asked.delete(name);
        this.#plotted.set(name, { curve, run, svg });
        if (this.#host.run()) this.#host.plottedDuringRun();
        // Drawn again from the curve now shown: this figure, or one for newer values.
        else this.draw();
      },
      (error: unknown) => {
        this.#asked.delete(name);
        // The figures shown stay; every number elsewhere is still live.
        console.error('The training figures could not be drawn:', error);
      },
    );
    return undefined;
  }
}
