/**
 * Moves a training figure on to more of a run, in place: its lines, its dots and its name, where
 * its axes still fit, instead of a new figure drawn by Plot. During a run (panel-dom.ts
 * drawFigures) this replaces a render of the whole figure, and the style and layout of all its
 * elements, by a few attributes. The figure's scales come from data-scales (figure-scales.ts).
 */
import type { OutputLine, TrainingPoint } from './model.ts';
import { decades, outputsDomain, type FigureOptions } from './loss-plot.ts';
import { placer, readScales, SCALES } from './figure-scales.ts';
import { lossLabel, outputsLabel, trainingWords } from './words.ts';

const sameDomain = (domain: readonly number[], want: readonly number[]): boolean =>
  domain.length === want.length && want.every((value, i) => domain[i] === value);

/**
 * The x and y positions of a figure this module drew (its scales in data-scales), if its x axis
 * still runs from 0 to the `options`' steps and its y axis is `yDomain` (with keepAxes, holds
 * it), with a point to draw; else undefined.
 */
function scalesIfFit(
  svg: Element,
  points: readonly TrainingPoint[],
  options: FigureOptions,
  yDomain: readonly [number, number],
) {
  const scales = readScales(svg);
  if (!scales || points.length === 0) return undefined;
  const steps = options.steps ?? points.at(-1)?.step ?? 0;
  const [lo, hi] = scales.y.domain;
  const fits = options.keepAxes
    ? lo <= yDomain[0] && yDomain[1] <= hi
    : sameDomain(scales.y.domain, yDomain);
  if (!sameDomain(scales.x.domain, [0, Math.max(steps, 1)]) || !fits) return undefined;
  return { x: placer(scales.x), y: placer(scales.y) };
}

/** A path's `d` so far, and whether its last point began or continued a line. */
interface PathSoFar {
  readonly d: string;
  readonly open: boolean;
}

/**
 * `path` with `points` from `start` to `end` added, as Plot draws a line: `M` then `L`, to 3
 * decimals, broken where a point has no position (its value off the scale, such as E = 0 on a log
 * axis).
 */
function extendPath(
  path: PathSoFar,
  points: readonly TrainingPoint[],
  start: number,
  end: number,
  x: (p: TrainingPoint) => number,
  y: (p: TrainingPoint) => number,
): PathSoFar {
  let { d, open } = path;
  // An indexed loop: for…of made an iterator result per point, at every redraw of a run.
  for (let i = start; i < end; i++) {
    const p = points[i]!;
    const px = x(p);
    const py = y(p);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      open = false;
      continue;
    }
    d += `${open ? 'L' : 'M'}${+px.toFixed(3)},${+py.toFixed(3)}`;
    open = true;
  }
  return { d, open };
}

/**
 * What each line was last drawn through, but for its last point: the figure's scales (as
 * data-scales writes them), how many points and the last of them, and the path through them.
 */
interface Drawn extends PathSoFar {
  readonly scales: string | null;
  readonly last: TrainingPoint | undefined;
  readonly count: number;
}
const drawnLines = new WeakMap<Element, Drawn>();

/**
 * The line's `d` through `points`. During a run the axes stay, and the points so far are the same
 * objects from one redraw to the next (model.ts TrainingRun), but for the last, the snapshot
 * shown: a redraw formats only what is new since the last. Formatting every point of three lines
 * at every redraw allocated 4.2 of the 15 MB a 100,000-step run allocates on the backprop chapter.
 */
function linePath(
  line: Element,
  scales: string | null,
  points: readonly TrainingPoint[],
  x: (p: TrainingPoint) => number,
  y: (p: TrainingPoint) => number,
): string {
  const known = drawnLines.get(line);
  const stable = Math.max(0, points.length - 1);
  const resume =
    known !== undefined &&
    known.scales === scales &&
    known.count > 0 &&
    known.count <= stable &&
    points[known.count - 1] === known.last;
  const start = resume ? known.count : 0;
  const prefix = extendPath(resume ? known : { d: '', open: false }, points, start, stable, x, y);
  drawnLines.set(line, {
    ...prefix,
    scales,
    last: points[stable - 1],
    count: stable,
  });
  return extendPath(prefix, points, stable, points.length, x, y).d;
}

/** Moves the `i`-th line and dot (the error's, or an output's) on to `points`. */
function moveSeries(
  svg: Element,
  i: number,
  points: readonly TrainingPoint[],
  x: (p: TrainingPoint) => number,
  y: (p: TrainingPoint) => number,
): void {
  const line = svg.querySelectorAll('g[data-mark="line"] path')[i];
  line?.setAttribute('d', linePath(line, svg.getAttribute(SCALES), points, x, y));
  const dot = svg.querySelectorAll('g[data-mark="dot"] circle')[i];
  const last = points.at(-1);
  if (!dot || !last) return;
  const [cx, cy] = [x(last), y(last)];
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
  dot.setAttribute('cx', String(+cx.toFixed(3)));
  dot.setAttribute('cy', String(+cy.toFixed(3)));
}

/**
 * Moves a loss figure that lossPlot drew (in this page or at build time) on to `points`, in
 * place, if its axes still fit them (the same steps, the same decades of E, or with keepAxes
 * decades that hold them): its line, its dot and its name. Returns false, having changed nothing,
 * when they do not, or when the figure carries no scales; the caller then draws it again.
 */
export function moveLossPlot(
  svg: Element,
  points: readonly TrainingPoint[],
  options: FigureOptions = {},
): boolean {
  const ticks = decades(points);
  const scales = scalesIfFit(svg, points, options, [ticks[0] ?? 1, ticks.at(-1) ?? 1]);
  if (!scales) return false;
  moveSeries(
    svg,
    0,
    points,
    (p) => scales.x(p.step),
    (p) => scales.y(p.E),
  );
  svg.setAttribute(
    'aria-label',
    lossLabel(points, options.steps, options.words ?? trainingWords.en),
  );
  return true;
}

/**
 * Moves an outputs figure that outputsPlot drew (in this page or at build time) on to `points`,
 * in place, if its axes still fit them (the same steps, the same range of outputs, or with
 * keepAxes a range that holds them): as moveLossPlot.
 */
export function moveOutputsPlot(
  svg: Element,
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
  options: FigureOptions = {},
): boolean {
  const scales = scalesIfFit(svg, points, options, outputsDomain(points, outputs));
  if (!scales) return false;
  if (svg.querySelectorAll('g[data-mark="line"] path').length !== outputs.length) return false;
  outputs.forEach((_, i) =>
    moveSeries(
      svg,
      i,
      points,
      (p) => scales.x(p.step),
      (p) => scales.y(p.outputs[i] ?? NaN),
    ),
  );
  svg.setAttribute('aria-label', outputsLabel(points, outputs, options.words ?? trainingWords.en));
  return true;
}
