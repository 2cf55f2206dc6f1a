/**
 * The activation explorer's figure, drawn by Observable Plot: an activation f and its slope f′
 * over [−4, 4], with a mark at the reader's x on each. The build calls it with linkedom's
 * document, the browser with the real one and the lazily loaded plot-lib: one code path, so the
 * static figure and the live one cannot drift apart.
 *
 * The layout is fixed (EXPLORER), so that a pointer's position maps to x without Plot's scale
 * objects, which the build-time SVG does not carry: xFromPointer().
 */
import { formatNumber } from '../../live/format.ts';
import { finish } from '../training/loss-plot.ts';
import type * as PlotLibModule from '../training/plot-lib.ts';
import type { ActivationExplorerWords } from './words.ts';

/** The part of Plot the figure uses: plot-lib.ts, or the whole Plot module at build time. */
export type PlotLib = typeof PlotLibModule;

/** What the figure shows. */
export interface ExplorerData {
  /** The activation's name as the page writes it, e.g. "sigmoid σ". */
  readonly name: string;
  readonly xs: ArrayLike<number>;
  readonly f: ArrayLike<number>;
  readonly df: ArrayLike<number>;
  readonly x: number;
  readonly fx: number;
  readonly dfx: number;
  /**
   * The slope jumps at 0 (the ReLU family, whose slope just right of 0 is 1): f′ is drawn as two
   * pieces, so that no line through the jump shows slopes between the two that f′ never takes.
   */
  readonly kink: boolean;
}

interface SlopePoint {
  readonly x: number;
  readonly y: number;
  readonly piece: 'left' | 'right';
}

/** f′ as one piece, or two split at 0 when it jumps there (the right one starts at (0, 1)). */
export function slopePieces(data: ExplorerData): SlopePoint[] {
  const out: SlopePoint[] = [];
  for (let i = 0; i < data.xs.length; i++) {
    const x = data.xs[i] ?? NaN;
    const y = data.df[i] ?? NaN;
    if (!data.kink) out.push({ x, y, piece: 'left' });
    else if (x <= 0) out.push({ x, y, piece: 'left' });
    else {
      if (out.at(-1)?.piece !== 'right') out.push({ x: 0, y: 1, piece: 'right' });
      out.push({ x, y, piece: 'right' });
    }
  }
  return out;
}

/**
 * The figure's size and frame, in SVG pixels. It is scaled to its column, about 302 px inside the
 * widget on a 360 px phone, so its 12 px text (FONT_PX) is drawn at 11.3 px there.
 */
export const EXPLORER = Object.freeze({
  width: 320,
  height: 240,
  marginLeft: 40,
  marginRight: 16,
  marginTop: 16,
  marginBottom: 32,
  xDomain: [-4, 4] as const,
});

/** The figure's text size: at least 11 px on screen at the narrowest (test: activations.spec.ts). */
const FONT_PX = 12;

/**
 * The y range: the curves' extent with a tenth of it as margin, and never less than [−0.25, 1.1],
 * so that a flat slope or a sigmoid's (0, 1) still sits in a frame with 0 and 1 in it.
 */
export function yDomain(f: ArrayLike<number>, df: ArrayLike<number>): [number, number] {
  const ys = [...Array.from(f), ...Array.from(df)].filter(Number.isFinite);
  const lo = Math.min(0, ...ys);
  const hi = Math.max(1, ...ys);
  const margin = (hi - lo) / 10;
  return [Math.min(lo - margin, -0.25), Math.max(hi + margin, 1.1)];
}

/** The x under a pointer at clientX, for a figure drawn at `box` on screen, to one decimal. */
export function xFromPointer(clientX: number, box: { left: number; width: number }): number {
  const scale = box.width / EXPLORER.width;
  const inner = EXPLORER.width - EXPLORER.marginLeft - EXPLORER.marginRight;
  const [lo, hi] = EXPLORER.xDomain;
  const fraction = (clientX - box.left - EXPLORER.marginLeft * scale) / (inner * scale);
  const x = lo + Math.min(1, Math.max(0, fraction)) * (hi - lo);
  return Math.round(x * 10) / 10 + 0;
}

/**
 * The figure's name for a screen reader, in the page's words: what it shows, and its two values
 * at x.
 */
export function explorerLabel(data: ExplorerData, words: ActivationExplorerWords): string {
  // A minus sign, not a hyphen, as in "−4": a screen reader says "minus" for it.
  const n = (v: number, digits = 4) => formatNumber(v, { digits, mathMinus: true });
  return words.figureLabel(data.name, n(data.x, 1), n(data.fx), n(data.dfx));
}

/**
 * f (solid) and f′ (dashed) over [−4, 4], the axes through 0, and both values marked at x; named
 * in the page's words, which the caller chooses.
 */
export function explorerPlot(
  Plot: PlotLib,
  document: Document,
  data: ExplorerData,
  words: ActivationExplorerWords,
): SVGSVGElement {
  const index = Array.from({ length: data.xs.length }, (_, i) => i);
  const X = (i: number) => data.xs[i] ?? NaN;
  const [lo, hi] = yDomain(data.f, data.df);
  const svg = Plot.plot({
    document,
    width: EXPLORER.width,
    height: EXPLORER.height,
    marginLeft: EXPLORER.marginLeft,
    marginRight: EXPLORER.marginRight,
    marginTop: EXPLORER.marginTop,
    marginBottom: EXPLORER.marginBottom,
    style: { fontSize: `${FONT_PX}px` },
    x: { domain: [...EXPLORER.xDomain], label: 'x', labelAnchor: 'right', ticks: 9 },
    y: { domain: [lo, hi], label: null, ticks: 6, grid: true },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.ruleX([data.x], { stroke: 'currentColor', strokeDasharray: '2 3' }),
      Plot.line(slopePieces(data), {
        x: 'x',
        y: 'y',
        z: 'piece',
        stroke: 'var(--explorer-df)',
        strokeWidth: 2,
        strokeDasharray: '6 4',
      }),
      Plot.line(index, {
        x: X,
        y: (i: number) => data.f[i] ?? NaN,
        stroke: 'var(--explorer-f)',
        strokeWidth: 2.5,
      }),
      Plot.dot([data.x], {
        x: (d: number) => d,
        y: () => data.dfx,
        fill: 'var(--explorer-df)',
        r: 4,
      }),
      Plot.dot([data.x], {
        x: (d: number) => d,
        y: () => data.fx,
        fill: 'var(--explorer-f)',
        r: 4.5,
      }),
    ],
  });
  return finish(svg, explorerLabel(data, words));
}
