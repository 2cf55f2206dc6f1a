/**
 * Chapter 7's three small charts, drawn as SVG elements on whatever document is given: linkedom's
 * at build time, the page's in the browser. No Plot: two bar charts and one line on log axes
 * need a few dozen elements, and drawing them directly keeps a drag's redraw to a fraction of a
 * millisecond. Nothing here reads the page, and no string is parsed as markup (a strict CSP with
 * Trusted Types allows it). Their words (the axes' labels) are the caller's, in the page's
 * language.
 *
 * Every chart's viewBox is 320 wide and its text 12 units (depth.css): drawn about 302 px wide on
 * a 360 px phone, the text is still 11 px there, and the CSS keeps charts below about 30rem.
 */
import { superscript } from '../../live/format.ts';

const SVG = 'http://www.w3.org/2000/svg';
export const WIDTH = 320;
export const HEIGHT = 170;
const M = { top: 10, right: 10, bottom: 30, left: 44 } as const;
/** Most decades a log axis spans: 10⁻³⁵ to 10⁵ still shows a 50-layer sigmoid stack whole. */
const MAX_DECADES = 40;

type Attrs = Readonly<Record<string, string | number>>;

function el(doc: Document, tag: string, attrs: Attrs = {}, text?: string): SVGElement {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** 10 to an integer power as text: "10⁻¹²", "1" for 10⁰, "10" for 10¹. */
export function powerOfTen(k: number): string {
  if (k === 0) return '1';
  if (k === 1) return '10';
  return `10${superscript(k)}`;
}

/** The decades a log axis covers: whole powers of ten around the positive finite values. */
export function logDomain(values: ArrayLike<number>): { lo: number; hi: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > 0 && Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (min === Infinity) return { lo: -1, hi: 1 };
  let hi = Math.ceil(Math.log10(max) - 1e-9) + 0; // + 0: never −0
  let lo = Math.floor(Math.log10(min) + 1e-9);
  if (hi - lo < 2) {
    lo -= 1;
    hi += 1;
  }
  if (hi - lo > MAX_DECADES) lo = hi - MAX_DECADES;
  return { lo, hi };
}

/** Tick exponents: every decade, or every k-th one so that there are at most 6. */
export function decadeTicks(lo: number, hi: number): number[] {
  const every = Math.max(1, Math.ceil((hi - lo) / 5));
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / every) * every; k <= hi; k += every) ticks.push(k);
  return ticks;
}

/** Where value v sits on a log axis from 10^lo (bottom) to 10^hi (top); ≤ 0 sits at the bottom. */
function logY(v: number, lo: number, hi: number): number {
  const bottom = HEIGHT - M.bottom;
  if (!(v > 0)) return bottom;
  const t = Math.min(1, Math.max(0, (Math.log10(v) - lo) / (hi - lo)));
  return bottom - t * (bottom - M.top);
}

function frame(doc: Document, lo: number, hi: number, xLabel: string): SVGElement {
  const svg = el(doc, 'svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    'aria-hidden': 'true',
    focusable: 'false',
    class: 'depth-chart',
  });
  const axis = el(doc, 'g', { class: 'depth-chart__axis' });
  for (const k of decadeTicks(lo, hi)) {
    const y = logY(10 ** k, lo, hi);
    axis.append(
      el(doc, 'line', {
        x1: M.left,
        x2: WIDTH - M.right,
        y1: y,
        y2: y,
        class: 'depth-chart__grid',
      }),
      el(doc, 'text', { x: M.left - 4, y: y + 4, 'text-anchor': 'end' }, powerOfTen(k)),
    );
  }
  axis.append(
    el(
      doc,
      'text',
      { x: (M.left + WIDTH - M.right) / 2, y: HEIGHT - 4, 'text-anchor': 'middle' },
      xLabel,
    ),
  );
  svg.append(axis);
  return svg;
}

/** Up to six whole-number ticks from 1 (or 0) to n, always including both ends. */
export function countTicks(from: number, n: number): number[] {
  if (n <= from) return [from];
  const span = n - from;
  const raw = span / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks = [from];
  for (let t = Math.ceil((from + step / 2) / step) * step; t < n - step / 2; t += step)
    ticks.push(t);
  ticks.push(n);
  return ticks;
}

/**
 * Bars, one per layer 1..L, on a log axis: a gradient norm or a relative weight change. A value
 * of 0 (a layer that did not move at all) draws no bar.
 */
export function layerBars(
  doc: Document,
  values: ArrayLike<number>,
  options: { readonly label: string; readonly kind: 'gradient' | 'change' },
): SVGElement {
  const { lo, hi } = logDomain(values);
  const svg = frame(doc, lo, hi, options.label);
  const L = values.length;
  const x0 = M.left;
  const band = (WIDTH - M.right - x0) / Math.max(L, 1);
  const gap = band > 6 ? band * 0.2 : band * 0.1;
  const bars = el(doc, 'g', { class: `depth-chart__bars depth-chart__bars--${options.kind}` });
  const bottom = HEIGHT - M.bottom;
  for (let l = 0; l < L; l++) {
    const v = values[l]!;
    if (!(v > 0)) continue;
    const y = logY(v, lo, hi);
    bars.append(
      el(doc, 'rect', {
        x: (x0 + l * band + gap / 2).toFixed(2),
        y: y.toFixed(2),
        width: Math.max(0.5, band - gap).toFixed(2),
        height: Math.max(0.5, bottom - y).toFixed(2),
      }),
    );
  }
  const ticks = el(doc, 'g', { class: 'depth-chart__axis' });
  for (const t of countTicks(1, L)) {
    ticks.append(
      el(
        doc,
        'text',
        { x: (x0 + (t - 0.5) * band).toFixed(2), y: bottom + 12, 'text-anchor': 'middle' },
        String(t),
      ),
    );
  }
  svg.append(bars, ticks);
  return svg;
}

/**
 * The loss after each step 0..steps, on a log axis, as one line (at most 320 points), with the
 * x axis labelled `xLabel` (the caller's words: "training step").
 */
export function lossLine(doc: Document, losses: ArrayLike<number>, xLabel: string): SVGElement {
  const { lo, hi } = logDomain(losses);
  const svg = frame(doc, lo, hi, xLabel);
  const steps = Math.max(1, losses.length - 1);
  const x = (k: number) => M.left + (k / steps) * (WIDTH - M.right - M.left);
  const stride = Math.max(1, Math.ceil(losses.length / 320));
  const points: string[] = [];
  for (let k = 0; k < losses.length; k += stride) {
    points.push(`${x(k).toFixed(1)},${logY(losses[k]!, lo, hi).toFixed(1)}`);
  }
  const last = losses.length - 1;
  if (last % stride !== 0)
    points.push(`${x(last).toFixed(1)},${logY(losses[last]!, lo, hi).toFixed(1)}`);
  const bottom = HEIGHT - M.bottom;
  const ticks = el(doc, 'g', { class: 'depth-chart__axis' });
  for (const t of countTicks(0, losses.length - 1)) {
    ticks.append(
      el(doc, 'text', { x: x(t).toFixed(1), y: bottom + 12, 'text-anchor': 'middle' }, String(t)),
    );
  }
  svg.append(el(doc, 'polyline', { points: points.join(' '), class: 'depth-chart__line' }), ticks);
  return svg;
}
