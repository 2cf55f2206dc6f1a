/**
 * Chapter 4's two figures, drawn by Observable Plot: the fitted function over the target (with
 * the training points, and one hidden unit's contribution when the reader picks it), and the loss
 * against the step on a log scale. The build calls them with linkedom's document, the browser
 * with the real one and the lazily loaded plot-lib: one code path for both. The words (the
 * figures' names and axis labels) are the caller's, in the page's language.
 *
 * Colours are CSS variables (widget-frame.css, fit.css) and currentColor, so both themes and
 * print work without redrawing. Curves are clipped to the frame: a diverging run's numbers are
 * huge but finite (the engine saturates them), and they leave the frame rather than the page.
 */
import { finish, powerOfTen } from '../training/loss-plot.ts';
import type * as PlotLibModule from '../training/plot-lib.ts';
import { fitLabel, formatCount, lossCurveLabel, type FitWords } from './words.ts';

export type PlotLib = typeof PlotLibModule;

/** Both figures' size: scaled to a 360 px phone's column (about 300 px), the text is 11 px. */
export const FIT_FIGURE = Object.freeze({ width: 320, height: 230 });
/** Each figure's margins, given to Plot, so that its scales are known here too (scales()). */
const FIT_MARGINS = Object.freeze({
  marginLeft: 36,
  marginRight: 12,
  marginTop: 20,
  marginBottom: 32,
});
const LOSS_MARGINS = Object.freeze({
  marginLeft: 48,
  marginRight: 16,
  marginTop: 20,
  marginBottom: 32,
});
const FONT = { fontSize: '12px' } as const;
/** The fitted function's frame: targets lie in [−1, 1]; a little room above and below. */
export const Y_DOMAIN: readonly [number, number] = [-1.5, 1.5];

export interface FitData {
  readonly xs: ArrayLike<number>;
  readonly target: ArrayLike<number>;
  readonly curve: ArrayLike<number>;
  /** The training points (x, y). */
  readonly points: ReadonlyArray<{ readonly x: number; readonly y: number }>;
  /** The picked unit's contribution at xs, and its number (1-based), or undefined. */
  readonly unit?: { readonly number: number; readonly values: ArrayLike<number> } | undefined;
  readonly targetName: string;
  readonly units: number;
  readonly step: number;
  readonly loss: number;
}

const series = (xs: ArrayLike<number>, ys: ArrayLike<number>) =>
  Array.from({ length: xs.length }, (_, i) => ({ x: xs[i]!, y: ys[i]! }));

export function fitPlot(
  Plot: PlotLib,
  document: Document,
  data: FitData,
  words: FitWords,
): SVGSVGElement {
  const marks = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.25 }),
    Plot.line(series(data.xs, data.target), {
      x: 'x',
      y: 'y',
      stroke: 'var(--fit-target)',
      strokeWidth: 2,
      strokeDasharray: '5 4',
      clip: true,
    }),
    Plot.dot(data.points, { x: 'x', y: 'y', fill: 'var(--fit-target)', r: 2.5, clip: true }),
    Plot.line(series(data.xs, data.curve), {
      x: 'x',
      y: 'y',
      stroke: 'var(--fit-curve)',
      strokeWidth: 2.5,
      clip: true,
    }),
  ];
  if (data.unit) {
    marks.push(
      Plot.line(series(data.xs, data.unit.values), {
        x: 'x',
        y: 'y',
        stroke: 'var(--fit-unit)',
        strokeWidth: 2,
        clip: true,
      }),
    );
  }
  const svg = Plot.plot({
    document,
    ...FIT_FIGURE,
    style: FONT,
    ...FIT_MARGINS,
    x: { label: 'x', domain: [-1, 1], ticks: 5 },
    y: { label: 'y', domain: [...Y_DOMAIN], ticks: 7, grid: true },
    marks,
  });
  return finish(svg, fitLabel(data, words));
}

export interface LossData {
  /** The loss every `every` steps from step 0. */
  readonly losses: ArrayLike<number>;
  readonly every: number;
  /** The run's current step. */
  readonly step: number;
  /** Where the x axis ends: the run's goal while it trains. Default: the current step. */
  readonly xMax?: number;
}

/**
 * The loss axis's fixed range, 10⁻⁶ to 10: a start near 1 and a good fit near 10⁻⁵ both show, and
 * the axis does not move while a run goes on, so that each chunk only redraws the line.
 */
export const LOSS_DECADES: readonly number[] = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10];

/**
 * The x axis's end for a run at `step` heading for `goal`: a whole number of RUN_STEPS, so that a
 * run of one press of Train (the first from the start, at least) keeps its axis, and only its line
 * moves.
 */
export function lossXMax(step: number, runSteps: number, goal?: number): number {
  const reach = Math.max(step, goal ?? 0, 1);
  return Math.ceil(reach / runSteps) * runSteps;
}

/** Pixel positions for data values, as a figure's scales give them. */
export interface Scales {
  readonly x: (value: number) => number;
  readonly y: (value: number) => number;
}

const linear =
  ([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) =>
  (v: number): number =>
    r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);

/** The fitted-function figure's scales (Plot's, for its fixed domains and the margins above). */
export function fitScales(): Scales {
  const { width, height } = FIT_FIGURE;
  const m = FIT_MARGINS;
  return {
    x: linear([-1, 1], [m.marginLeft, width - m.marginRight]),
    y: linear(Y_DOMAIN, [height - m.marginBottom, m.marginTop]),
  };
}

/** The loss figure's scales: linear steps from 0 to xMax, log loss over LOSS_DECADES. */
export function lossScales(xMax: number): Scales {
  const { width, height } = FIT_FIGURE;
  const m = LOSS_MARGINS;
  const logY = linear(
    [Math.log10(LOSS_DECADES[0]!), Math.log10(LOSS_DECADES.at(-1)!)],
    [height - m.marginBottom, m.marginTop],
  );
  return {
    x: linear([0, xMax], [m.marginLeft, width - m.marginRight]),
    y: (v) => logY(Math.log10(v)),
  };
}

/**
 * Redraws a figure's `index`-th line from new data, on the figure's own scales, without Plot:
 * a chunk of a run changes the lines, not the axes. False if the figure has no such line.
 */
export function moveLine(
  svg: Element,
  index: number,
  points: ReadonlyArray<{ readonly x: number; readonly y: number }>,
  scales: Scales,
): boolean {
  const path = svg.querySelectorAll('[data-mark="line"] path')[index];
  if (!path) return false;
  // Far outside the frame is as good as infinitely far (the frame clips), and stays drawable.
  const clamp = (v: number) => Math.max(-1e4, Math.min(1e4, v));
  const d = points
    .filter((p) => Number.isFinite(p.y))
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${clamp(scales.x(p.x)).toFixed(2)},${clamp(scales.y(p.y)).toFixed(2)}`,
    )
    .join('');
  path.setAttribute('d', d);
  return true;
}

/** The loss curve's points: (step, loss) every `every` steps, positive losses only. */
export const lossPoints = (losses: ArrayLike<number>, every: number) =>
  Array.from({ length: losses.length }, (_, i) => ({ x: i * every, y: losses[i]! })).filter(
    (p) => p.y > 0,
  );

/** The fitted curve's (or a unit's) points. */
export { series };

export function lossCurvePlot(
  Plot: PlotLib,
  document: Document,
  data: LossData,
  words: FitWords,
): SVGSVGElement {
  const points = lossPoints(data.losses, data.every);
  const ticks = LOSS_DECADES;
  const svg = Plot.plot({
    document,
    ...FIT_FIGURE,
    style: FONT,
    ...LOSS_MARGINS,
    x: {
      label: words.stepAxis,
      domain: [0, data.xMax ?? Math.max(data.step, data.every)],
      ticks: 3,
      tickFormat: formatCount,
    },
    y: {
      type: 'log',
      label: words.lossAxis,
      domain: [ticks[0]!, ticks.at(-1)!],
      ticks,
      tickFormat: powerOfTen,
      grid: true,
    },
    marks: [
      Plot.line(points, {
        x: 'x',
        y: 'y',
        stroke: 'var(--fit-curve)',
        strokeWidth: 2,
        clip: true,
      }),
    ],
  });
  return finish(svg, lossCurveLabel(data, words));
}
