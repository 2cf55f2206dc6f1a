/**
 * A training figure's x and y scales as a data attribute (data-scales), so that a figure can be
 * moved on to more points without Plot, whether Plot drew it in the page or at build time:
 * finish() (loss-plot.ts) writes them, move-plot.ts reads them and places points as Plot would.
 */

/** A position scale as Plot describes one: enough to place a point again without Plot. */
export interface Scale {
  readonly type: 'linear' | 'log';
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** Where finish() writes the figure's scales, so that a figure from the build can be moved too. */
export const SCALES = 'data-scales';

/** What Plot attaches to a figure it draws: its scales (linkedom's figures at build time too). */
interface PlottedFigure extends Element {
  scale?: (name: string) => unknown;
}

/** `value` as a Scale, if it is a linear or log scale with a finite domain and range. */
function toScale(value: unknown): Scale | undefined {
  const { type, domain, range } = (value ?? {}) as Partial<Record<keyof Scale, unknown>>;
  if (type !== 'linear' && type !== 'log') return undefined;
  const pair = (v: unknown): v is [number, number] =>
    Array.isArray(v) &&
    v.length === 2 &&
    v.every((n) => typeof n === 'number' && Number.isFinite(n));
  if (!pair(domain) || !pair(range)) return undefined;
  return { type, domain: [domain[0], domain[1]], range: [range[0], range[1]] };
}

/** The figure's x and y scales as finish() can write them, or undefined if Plot gave none. */
export function describeScales(svg: Element): string | undefined {
  const figure = svg as PlottedFigure;
  if (typeof figure.scale !== 'function') return undefined;
  const [x, y] = [toScale(figure.scale('x')), toScale(figure.scale('y'))];
  return x && y ? JSON.stringify({ x, y }) : undefined;
}

/**
 * A scale's positions, as Plot's (d3's linear and log scales) places values: r0 + ((t(v) − t(d0))
 * / (t(d1) − t(d0)))·(r1 − r0), with t = log on a log scale. The constants are worked out once,
 * since a figure moved on during a run places every point of every line at each redraw.
 */
export function placer(scale: Scale): (value: number) => number {
  const log = scale.type === 'log';
  const r0 = scale.range[0];
  const width = scale.range[1] - r0;
  const t0 = log ? Math.log(scale.domain[0]) : scale.domain[0];
  const span = (log ? Math.log(scale.domain[1]) : scale.domain[1]) - t0;
  return log
    ? (value) => r0 + ((Math.log(value) - t0) / span) * width
    : (value) => r0 + ((value - t0) / span) * width;
}

/**
 * The scales finish() wrote on a figure, or undefined where there are none or they are not
 * scales (a figure from before they were written): the figure is then drawn again by Plot.
 */
export function readScales(svg: Element): { x: Scale; y: Scale } | undefined {
  let parsed: { x?: unknown; y?: unknown } | null;
  try {
    parsed = JSON.parse(svg.getAttribute(SCALES) ?? 'null') as typeof parsed;
  } catch {
    return undefined;
  }
  const [x, y] = [toScale(parsed?.x), toScale(parsed?.y)];
  return x && y ? { x, y } : undefined;
}
