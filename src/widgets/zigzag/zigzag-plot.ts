/**
 * One panel of chapter 3's zig-zag figure, drawn by Observable Plot: the loss's contours over
 * (w0, w1), the quadrants a single example's step can point into from the start (shaded, when
 * they are only two), the gradient-descent path, the start and the optimum. The build calls it
 * with linkedom's document, the browser with the real one and the lazily loaded plot-lib: one
 * code path, so the static figure and the live one cannot drift apart.
 *
 * The two axes have the same scale, so that a step's direction on screen is its direction in
 * weight space: a diagonal step looks diagonal. The layout is fixed (ZIGZAG), so that a pointer's
 * position maps to weights without Plot's scale objects: weightsFromPointer().
 */
import { formatNumber } from '../../live/format.ts';
import { finish } from '../training/loss-plot.ts';
import type * as PlotLibModule from './plot-lib.ts';
import { zigzagWords, type ZigzagWords } from './words.ts';

/** The part of Plot the figure uses: plot-lib.ts, or the whole Plot module at build time. */
export type PlotLib = typeof PlotLibModule;

/** The figure's size and frame in SVG pixels; the inner frame is square (268 × 268). */
export const ZIGZAG = Object.freeze({
  width: 320,
  height: 316,
  marginLeft: 40,
  marginRight: 12,
  marginTop: 12,
  marginBottom: 36,
});

/** The text size: scaled to a 360 px phone's column (about 300 px), it is still 11 px. */
const FONT_PX = 12;

export interface PanelData {
  /** The kind of inputs as the page writes it, e.g. "sigmoid outputs (all positive)". */
  readonly inputs: string;
  readonly window: {
    readonly w0: readonly [number, number];
    readonly w1: readonly [number, number];
  };
  /** The loss on a columns × rows grid over the window, row-major by w1 then w0. */
  readonly grid: ArrayLike<number>;
  readonly columns: number;
  readonly lossMax: number;
  /** path[2k], path[2k + 1]: the weights after k steps. */
  readonly path: ArrayLike<number>;
  readonly target: readonly [number, number];
  /** 1: single-example steps point only into the first and third quadrants; 2: second and fourth; 3: any. */
  readonly quadrants: number;
  /** Full-batch steps: the quadrant shading does not apply to them. */
  readonly batch: boolean;
  readonly summary: string;
}

/** The contour levels: nine, spaced so that the ellipses are evenly spaced, as on a bowl. */
export function levels(lossMax: number): number[] {
  return Array.from({ length: 9 }, (_, k) => lossMax * ((k + 1) / 10) ** 2);
}

/** The weights under a pointer on a figure drawn at `box`, snapped to 0.1 and kept in the window. */
export function weightsFromPointer(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number; height: number },
  window: PanelData['window'],
): [number, number] {
  const scale = box.width / ZIGZAG.width;
  const innerW = ZIGZAG.width - ZIGZAG.marginLeft - ZIGZAG.marginRight;
  const innerH = ZIGZAG.height - ZIGZAG.marginTop - ZIGZAG.marginBottom;
  const fx = (clientX - box.left - ZIGZAG.marginLeft * scale) / (innerW * scale);
  const fy = (clientY - box.top - ZIGZAG.marginTop * scale) / (innerH * scale);
  const clamp = (f: number) => Math.min(1, Math.max(0, f));
  const round = (v: number) => Math.round(v * 10) / 10 + 0;
  const [a0, b0] = window.w0;
  const [a1, b1] = window.w1;
  return [round(a0 + clamp(fx) * (b0 - a0)), round(b1 - clamp(fy) * (b1 - a1))];
}

const n = (v: number, digits = 1) => formatNumber(v, { digits, mathMinus: true });

/** A point as the figures' names write it: (0.0, −1.0). */
const point = (x: number, y: number): string => `(${n(x)}, ${n(y)})`;

/**
 * The figure's name for a screen reader: what it shows, then the panel's result, in the page's
 * `words` (default English).
 */
export function panelLabel(data: PanelData, words: ZigzagWords = zigzagWords.en): string {
  const start = point(data.path[0] ?? 0, data.path[1] ?? 0);
  const optimum = point(data.target[0], data.target[1]);
  return words.panelLabel(data.inputs, start, optimum, data.summary);
}

/** The two shaded quadrants around the start, clipped to the window, as rectangles. */
function quadrantRects(data: PanelData): { x1: number; x2: number; y1: number; y2: number }[] {
  if (data.batch || (data.quadrants !== 1 && data.quadrants !== 2)) return [];
  const [s0, s1] = [data.path[0] ?? 0, data.path[1] ?? 0];
  const [lo0, hi0] = data.window.w0;
  const [lo1, hi1] = data.window.w1;
  return data.quadrants === 1
    ? [
        { x1: s0, x2: hi0, y1: s1, y2: hi1 },
        { x1: lo0, x2: s0, y1: lo1, y2: s1 },
      ]
    : [
        { x1: lo0, x2: s0, y1: s1, y2: hi1 },
        { x1: s0, x2: hi0, y1: lo1, y2: s1 },
      ];
}

/** Half the spacing of `count` grid points from edge to edge of `range`. */
const half = (range: readonly [number, number], count: number): number =>
  (range[1] - range[0]) / (count - 1) / 2;

/** Every figure's size, margins and text size. */
const FRAME = {
  width: ZIGZAG.width,
  height: ZIGZAG.height,
  marginLeft: ZIGZAG.marginLeft,
  marginRight: ZIGZAG.marginRight,
  marginTop: ZIGZAG.marginTop,
  marginBottom: ZIGZAG.marginBottom,
  style: { fontSize: `${FONT_PX}px` },
} as const;

/** The two weight axes over the window, at one scale. */
const axes = (window: PanelData['window']) => ({
  x: { domain: [...window.w0], label: 'w0', labelAnchor: 'right' as const, ticks: 5 },
  y: { domain: [...window.w1], label: 'w1', labelAnchor: 'top' as const, ticks: 5 },
});

/** The loss's contours over the window, from its grid. */
function contours(
  Plot: PlotLib,
  data: Pick<PanelData, 'grid' | 'columns' | 'window' | 'lossMax'>,
): ReturnType<PlotLib['contour']> {
  const rows = data.grid.length / data.columns;
  return Plot.contour(Array.from(data.grid), {
    width: data.columns,
    height: rows,
    // Plot puts value i at the centre of a cell; the grid's points are the cells' centres, from
    // edge to edge of the window, so the cells reach half a step beyond it. Row 0 of the grid is
    // the lowest w1, as y1 is.
    x1: data.window.w0[0] - half(data.window.w0, data.columns),
    x2: data.window.w0[1] + half(data.window.w0, data.columns),
    y1: data.window.w1[0] - half(data.window.w1, rows),
    y2: data.window.w1[1] + half(data.window.w1, rows),
    thresholds: levels(data.lossMax),
    stroke: 'var(--zigzag-contour)',
    fill: 'none',
    strokeWidth: 1,
  });
}

/**
 * Contours, shaded quadrants, path, start and optimum, in a square frame, named in the page's
 * `words` (default English).
 */
export function zigzagPlot(
  Plot: PlotLib,
  document: Document,
  data: PanelData,
  words?: ZigzagWords,
): SVGSVGElement {
  const points = Array.from({ length: Math.floor(data.path.length / 2) }, (_, k) => k);
  const W0 = (k: number) => data.path[2 * k] ?? NaN;
  const W1 = (k: number) => data.path[2 * k + 1] ?? NaN;
  const svg = Plot.plot({
    document,
    ...FRAME,
    ...axes(data.window),
    marks: [
      Plot.rect(quadrantRects(data), {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        fill: 'var(--zigzag-quadrant)',
      }),
      contours(Plot, data),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
      Plot.line(points, {
        x: W0,
        y: W1,
        stroke: 'var(--zigzag-path)',
        strokeWidth: 1.5,
        clip: true,
      }),
      Plot.dot([data.target], {
        x: (d: readonly number[]) => d[0],
        y: (d: readonly number[]) => d[1],
        symbol: 'star',
        r: 6,
        fill: 'var(--zigzag-target)',
      }),
      Plot.dot([0], {
        x: () => W0(0),
        y: () => W1(0),
        r: 5,
        fill: 'var(--zigzag-path)',
        stroke: 'var(--sl-color-bg, #fff)',
        strokeWidth: 1.5,
      }),
    ],
  });
  return finish(svg, panelLabel(data, words));
}

export interface StaircaseData {
  readonly window: PanelData['window'];
  readonly grid: ArrayLike<number>;
  readonly columns: number;
  readonly lossMax: number;
  /** The real per-example path (path[2k], path[2k + 1]) from A. */
  readonly path: ArrayLike<number>;
  readonly target: readonly [number, number];
}

type Point = readonly [number, number];
const px = (d: Point) => d[0];
const py = (d: Point) => d[1];

function pathPoints(path: ArrayLike<number>, count = Infinity): Point[] {
  const length = Math.min(count, Math.floor(path.length / 2));
  return Array.from({ length }, (_, k) => [path[2 * k] ?? NaN, path[2 * k + 1] ?? NaN] as const);
}

/**
 * The picture the chapter corrects: A → B → E, one weight at a time (dashed), against the path
 * gradient descent really takes from A to E (solid), every step moving both weights at once.
 * Named in the page's `words` (default English).
 */
export function staircasePlot(
  Plot: PlotLib,
  document: Document,
  data: StaircaseData,
  words: ZigzagWords = zigzagWords.en,
): SVGSVGElement {
  const a: Point = [data.path[0] ?? 0, data.path[1] ?? 0];
  const b: Point = [data.target[0], a[1]];
  const e: Point = [data.target[0], data.target[1]];
  const label = (at: Point, text: string, dx: number, dy: number) =>
    Plot.text([at], {
      x: px,
      y: py,
      text: () => text,
      dx,
      dy,
      fontWeight: 'bold',
      fill: 'currentColor',
    });
  const real = pathPoints(data.path);
  const svg = Plot.plot({
    document,
    ...FRAME,
    ...axes(data.window),
    marks: [
      contours(Plot, data),
      Plot.line([a, b, e], {
        x: px,
        y: py,
        stroke: 'var(--zigzag-target)',
        strokeWidth: 2,
        strokeDasharray: '6 4',
      }),
      Plot.line(real, { x: px, y: py, stroke: 'var(--zigzag-path)', strokeWidth: 1.5 }),
      label(a, 'A', -10, -10),
      label(b, 'B', 10, -10),
      label(e, 'E', 12, 6),
    ],
  });
  return finish(
    svg,
    words.staircaseLabel(point(...a), point(...b), point(...e), String(real.length - 1)),
  );
}

/**
 * The first `steps` steps of the real path, magnified to fill the frame with both axes at one
 * scale, each step drawn as an arrow: every one is a diagonal. Named in the page's `words`
 * (default English).
 */
export function firstStepsPlot(
  Plot: PlotLib,
  document: Document,
  path: ArrayLike<number>,
  steps: number,
  words: ZigzagWords = zigzagWords.en,
): SVGSVGElement {
  const points = pathPoints(path, steps + 1);
  const arrows = points.slice(1).map((to, k) => ({ from: points[k]!, to }));
  const xs = points.map(px);
  const ys = points.map(py);
  // One scale for both axes: the larger span, with a tenth as margin on each side.
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) * 1.2;
  const mid = (v: number[]) => (Math.max(...v) + Math.min(...v)) / 2;
  const [cx, cy] = [mid(xs), mid(ys)];
  const svg = Plot.plot({
    document,
    ...FRAME,
    x: { domain: [cx - span / 2, cx + span / 2], label: 'w0', labelAnchor: 'right', ticks: 4 },
    y: { domain: [cy - span / 2, cy + span / 2], label: 'w1', labelAnchor: 'top', ticks: 4 },
    marks: [
      Plot.arrow(arrows, {
        x1: (d: { from: Point }) => d.from[0],
        y1: (d: { from: Point }) => d.from[1],
        x2: (d: { to: Point }) => d.to[0],
        y2: (d: { to: Point }) => d.to[1],
        stroke: 'var(--zigzag-path)',
        strokeWidth: 1.5,
        headLength: 7,
      }),
      Plot.text([points[0]!], {
        x: px,
        y: py,
        text: () => 'A',
        dx: -10,
        dy: -8,
        fontWeight: 'bold',
        fill: 'currentColor',
      }),
    ],
  });
  return finish(svg, words.firstStepsLabel(String(arrows.length)));
}
