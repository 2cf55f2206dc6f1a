/**
 * The training panel's two figures, drawn by Observable Plot: the error E against the step (log
 * scale), and the model's outputs approaching their targets (`train.outputs`). The build calls
 * these functions with linkedom's document, the browser with the real one and a lazily loaded
 * Plot: one code path, so the static figure and the live one cannot drift apart.
 *
 * Colours are CSS variables (set in training.css from Starlight's palette) and `currentColor`,
 * so both themes and print work without redrawing.
 */
import { decimalsOf, formatNumber, superscript } from '../../live/format.ts';
import type { OutputLine, TrainingPoint } from './model.ts';
import {
  formatCount,
  lossLabel,
  outputsLabel,
  trainingWords,
  type TrainingWords,
} from './words.ts';
import { namePieces, outputNames } from './names.ts';
import { SCALES, describeScales } from './figure-scales.ts';
import type * as PlotLibModule from './plot-lib.ts';
import type { Locale } from '../../i18n/locales.ts';

/** The part of Plot these figures use: plot-lib.ts, the whole Plot module, or a test double. */
export type PlotLib = typeof PlotLibModule;

export interface FigureOptions {
  /** The x axis runs from 0 to this step, so a run in progress fills it. Default: the last point's. */
  readonly steps?: number;
  /**
   * Outer width in pixels. Default 260 (FIGURE_WIDTH): the figure is scaled to its column, and
   * its 11 px text must stay at least 11 px where it is smallest, on a phone.
   */
  readonly width?: number;
  /** Outer height in pixels. Default 200 (FIGURE_HEIGHT). */
  readonly height?: number;
  /**
   * The page's words (trainingWords) for the axes, the targets' labels and the figure's name.
   * Default: English.
   */
  readonly words?: TrainingWords;
  /**
   * The figure's axes were drawn for the whole of the run now being drawn (its preview, or the
   * build's figure of the starting values): moving on in place keeps them while the points fit
   * inside, and the line grows into them. Otherwise the axes must be the points' own, and the
   * loss figure was drawn again by Plot each time E fell past a power of ten.
   */
  readonly keepAxes?: boolean;
  /**
   * Powers of ten below the points' lowest that the loss figure's y axis also shows. A running
   * line falls into them before the axis must be drawn again: each new axis is a render of the
   * whole figure by Plot, where moving it on is a few attributes. Default 0.
   */
  readonly headroom?: number;
}

/**
 * The figures' default size. training.css shows them side by side where the panel is wider than
 * two of them and one above the other on a phone, so each is drawn about as wide as a phone's
 * column: 302 px inside the panel on a 360 px screen (text at 12.8 px), 262 px on a 320 px one
 * (11.1 px), 287 px on a desktop (12.1 px). Both are the same size, so that their frames line up.
 */
export const FIGURE_WIDTH = 260;
export const FIGURE_HEIGHT = 200;

/**
 * Decades of headroom under a running loss line (FigureOptions.headroom, given by drawFigures in
 * panel-dom.ts). Each time the line fell past its axis, the figure was drawn again by Plot: at
 * 4× CPU, 15 to 37 ms, and then a frame that painted the new figure whole. Over 100,000 steps
 * the worked example's E falls from 0.30 to 6.8 × 10⁻⁹, past eight powers of ten.
 */
export const RUN_HEADROOM = 3;

/**
 * Powers of ten from below the lowest E to above the highest, and `below` more under them: the
 * log axis's ticks.
 */
export function decades(points: readonly TrainingPoint[], below = 0): number[] {
  const values = points.map((p) => p.E).filter((E) => E > 0 && Number.isFinite(E));
  if (values.length === 0) return [1];
  const lo = Math.floor(Math.log10(Math.min(...values))) - below;
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  return Array.from({ length: Math.max(hi - lo, 0) + 1 }, (_, i) => 10 ** (lo + i));
}

/**
 * A log axis's tick, a power of ten, as a textbook prints it: from 0.001 to 1,000 as a number
 * (0.001, 0.1, 10), beyond as a power (10⁻⁴, 10⁶). Never 1e-4, which is a programming
 * language's notation, and never an SI prefix like 100m. The figures are images named by their
 * summaries (`finish`), so a screen reader never reads a tick.
 */
export function powerOfTen(x: number): string {
  const exponent = Math.round(Math.log10(x));
  if (exponent >= -3 && exponent <= 3) {
    const rounded = Number(x.toPrecision(1));
    return formatNumber(rounded, { digits: decimalsOf(rounded), scientificBelow: 0 });
  }
  return `10${superscript(exponent)}`;
}

/**
 * Makes the figure one image with one name, its summary. Plot names each mark's and axis's group
 * with aria-label ("line", "dot", "x-axis tick"), which a screen reader announces as a dozen
 * groups inside the image, and some browsers also read the tick labels' loose text. So the
 * names move to data-mark (tests and styles still select by it), everything inside is hidden,
 * and the data itself is a table beside the figure (figure-data.ts). The figure also keeps its
 * scales (data-scales), so that move-plot.ts can move it on without Plot.
 *
 * Plot's own <style> goes: its rules are in course.css, once for every figure. A style sheet
 * added to the page has Chromium match its rules against the whole document, and each figure
 * drawn again in the page brought a new one: 7 to 10 ms at 4× CPU on a chapter, in the frame
 * that showed the figure.
 */
export function finish(svg: Element, label: string): SVGSVGElement {
  for (const child of [...svg.children])
    if (child.tagName.toLowerCase() === 'style') child.remove();
  const scales = describeScales(svg);
  if (scales) svg.setAttribute(SCALES, scales);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  for (const g of svg.querySelectorAll('[aria-label]')) {
    if (g === svg) continue;
    g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
    g.removeAttribute('aria-label');
  }
  for (const child of svg.children) child.setAttribute('aria-hidden', 'true');
  // Plot writes tabular figures as font-variant="tabular-nums", a value SVG's font-variant
  // attribute does not take (the W3C checker reports it); CSS's font-variant-numeric does.
  for (const marked of svg.querySelectorAll('[font-variant]'))
    marked.removeAttribute('font-variant');
  const style = svg.getAttribute('style')?.trim() ?? '';
  const separator = style === '' || style.endsWith(';') ? '' : ';';
  svg.setAttribute('style', `${style}${separator}font-variant-numeric:tabular-nums;`);
  return svg as SVGSVGElement;
}

/** E against the step, log y scale, with a dot on the latest point. */
export function lossPlot(
  Plot: PlotLib,
  document: Document,
  points: readonly TrainingPoint[],
  options: FigureOptions = {},
): SVGSVGElement {
  const steps = options.steps ?? points.at(-1)?.step ?? 0;
  const words = options.words ?? trainingWords.en;
  const ticks = decades(points, options.headroom);
  const last = points.slice(-1);
  const svg = Plot.plot({
    document,
    width: options.width ?? FIGURE_WIDTH,
    height: options.height ?? FIGURE_HEIGHT,
    style: { fontSize: '11px' },
    marginLeft: 52,
    marginRight: 24,
    x: { label: words.stepAxis, domain: [0, Math.max(steps, 1)], tickFormat: formatCount },
    y: {
      type: 'log',
      label: words.lossAxis,
      domain: [ticks[0] ?? 1, ticks.at(-1) ?? 1],
      ticks,
      tickFormat: powerOfTen,
      grid: true,
    },
    marks: [
      Plot.lineY(points, { x: 'step', y: 'E', stroke: 'var(--training-loss)', strokeWidth: 2 }),
      Plot.dot(last, { x: 'step', y: 'E', fill: 'var(--training-loss)', r: 3.5 }),
    ],
  });
  return finish(svg, lossLabel(points, options.steps, words));
}

/**
 * The outputs' colours, in `train.outputs` order (CSS variables set in training.css): the first
 * two are the worked example's o1 and o2; a model with more outputs cycles through them.
 */
export const OUTPUT_COLORS = [
  'var(--training-o1)',
  'var(--training-o2)',
  'var(--training-o3)',
  'var(--training-o4)',
] as const;

/**
 * The outputs' y domain: [0, 1] (a sigmoid's range) when every output and target lies there,
 * else the data's extent with a tenth of it as margin, so that a tanh or linear output fits.
 */
export function outputsDomain(
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
): [number, number] {
  // Loops, not spread arrays: a run's moved figures ask this at every redraw.
  let lo = 0;
  let hi = 1;
  const see = (y: number): void => {
    if (!Number.isFinite(y)) return;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  };
  for (const o of outputs) see(o.target);
  for (let i = 0; i < points.length; i++) {
    const ys = points[i]!.outputs;
    for (let j = 0; j < ys.length; j++) see(ys[j]!);
  }
  if (lo >= 0 && hi <= 1) return [0, 1];
  const margin = (hi - lo) / 10;
  return [lo - margin, hi + margin];
}

/** Each output against the step, with its target as a dashed line of the same colour. */
export function outputsPlot(
  Plot: PlotLib,
  document: Document,
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
  options: FigureOptions = {},
): SVGSVGElement {
  const steps = options.steps ?? points.at(-1)?.step ?? 0;
  const words = options.words ?? trainingWords.en;
  const last = points.slice(-1);
  const domain = outputsDomain(points, outputs);
  const middle = (domain[0] + domain[1]) / 2;
  const svg = Plot.plot({
    document,
    width: options.width ?? FIGURE_WIDTH,
    height: options.height ?? FIGURE_HEIGHT,
    style: { fontSize: '11px' },
    marginLeft: 52,
    marginRight: 24,
    x: { label: words.stepAxis, domain: [0, Math.max(steps, 1)], tickFormat: formatCount },
    y: { label: words.outputAxis, domain, ticks: 5, grid: true },
    marks: outputs.flatMap(({ name, targetName, target }, i) => {
      const color = OUTPUT_COLORS[i % OUTPUT_COLORS.length] ?? 'currentColor';
      const y = (p: TrainingPoint) => p.outputs[i] ?? NaN;
      return [
        // Full opacity: the dashes set it apart, and a paler line would fall below 3:1 (training.css).
        Plot.ruleY([target], { stroke: color, strokeDasharray: '4 3' }),
        Plot.lineY(points, { x: 'step', y, stroke: color, strokeWidth: 2 }),
        Plot.dot(last, { x: 'step', y, fill: color, r: 3.5 }),
        // One label per output, at its target's height, inside the frame's right end: the line
        // ends on the target when training works, and by then it runs within a pixel or two of it.
        Plot.text([target], {
          frameAnchor: 'right',
          y: (d: number) => d,
          dx: -6,
          // Towards the middle of the frame, clear of the line, the axis and the title.
          dy: target < middle ? -10 : 10,
          textAnchor: 'end',
          text: () => words.targetMark(name, targetName, String(target)),
          fill: 'currentColor',
        }),
      ];
    }),
  });
  const names = outputNames(outputs);
  for (const text of svg.querySelectorAll('g[aria-label="text"] text')) subscriptNames(text, names);
  return finish(svg, outputsLabel(points, outputs, words));
}

/**
 * Sets the names in an SVG text as the chapters write them, out_o1 as out with o1 lowered: a
 * tspan shifted down, and the text after it shifted back. The subscript keeps the text's size,
 * since no text on a figure may be smaller than 11 px on a phone.
 */
function subscriptNames(text: Element, names: readonly string[]): void {
  const pieces = namePieces(text.textContent ?? '', names);
  if (pieces.every((piece) => typeof piece === 'string')) return;
  const doc = text.ownerDocument;
  const tspan = (content: string, dy?: string): Element => {
    const el = doc.createElementNS('http://www.w3.org/2000/svg', 'tspan');
    if (dy !== undefined) el.setAttribute('dy', dy);
    el.textContent = content;
    return el;
  };
  const parts: (Element | string)[] = [];
  let lowered = false;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      parts.push(lowered ? tspan(piece, '-0.3em') : piece);
      lowered = false;
    } else {
      parts.push(lowered ? tspan(piece.base, '-0.3em') : piece.base, tspan(piece.sub, '0.3em'));
      lowered = true;
    }
  }
  if (lowered) parts.push(tspan('', '-0.3em'));
  text.replaceChildren(...parts);
}

/**
 * One figure for Plot to draw, as plain data, so that it can cross to the figure worker
 * (figure-worker.ts): the words are named by their locale, since they hold functions.
 */
export interface FigureJob {
  readonly kind: 'loss' | 'outputs';
  readonly points: readonly TrainingPoint[];
  readonly outputs: readonly OutputLine[];
  readonly steps: number;
  readonly locale: Locale;
  readonly headroom?: number;
}

/** Draws `job`'s figure: in the figure worker with linkedom's document, or on the page. */
export function renderFigure(Plot: PlotLib, document: Document, job: FigureJob): SVGSVGElement {
  const options: FigureOptions = {
    steps: job.steps,
    words: trainingWords[job.locale],
    ...(job.headroom === undefined ? {} : { headroom: job.headroom }),
  };
  return job.kind === 'loss'
    ? lossPlot(Plot, document, job.points, options)
    : outputsPlot(Plot, document, job.points, job.outputs, options);
}
