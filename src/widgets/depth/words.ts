/**
 * What chapter 7's figure says in words: each chart's summary (its text alternative), the table's
 * numbers, and the status a screen reader hears once the figure has settled.
 */
import { NOT_A_NUMBER, formatNumber } from '../../live/format.ts';
import { formatCount } from '../fit/words.ts';
import { powerOfTen, superscript } from './depth-svg.ts';

/** A quantity with `n` significant digits (default 2): 0.099, 5.2e-14, 78; 0 as 0. */
export function sig(x: number, n = 2): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  if (x === 0) return '0';
  // A word joiner after the exponent's minus keeps "5.2e-14" on one line.
  if (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)
    return x
      .toExponential(n - 1)
      .replace('+', '')
      .replace('e-', 'e-\u2060');
  const digits = Math.max(0, n - 1 - Math.floor(Math.log10(Math.abs(x))));
  return formatNumber(x, { digits, mathMinus: true });
}

/** A ratio 10^orders in words: "21 times", or "about 10¹² times" from a thousand on. */
function factor(orders: number): string {
  const f = 10 ** Math.abs(orders);
  if (f < 1000) return `${sig(f)} times`;
  return `about ${powerOfTen(Math.round(Math.abs(orders)))} times`;
}

export interface FlowWords {
  readonly layers: number;
  readonly firstNorm: number;
  readonly lastNorm: number;
  readonly orders: number;
  readonly globalNorm: number;
  readonly clipScale: number;
  readonly clip: boolean;
  readonly clipAt: number;
}

/** The gradient chart's summary. */
export function flowText(w: FlowWords): string {
  const L = w.layers;
  const norms = `‖∂E/∂W⁽¹⁾‖ = ${sig(w.firstNorm)}, ‖∂E/∂W⁽${superscript(L)}⁾‖ = ${sig(w.lastNorm)}`;
  let shape: string;
  if (L === 1) shape = `One layer: its gradient has norm ${sig(w.firstNorm)}.`;
  else if (w.orders > 1)
    shape = `Layer 1's gradient is ${factor(w.orders)} smaller than layer ${L}'s (${norms}).`;
  else if (w.orders < -1)
    shape = `Layer 1's gradient is ${factor(w.orders)} larger than layer ${L}'s (${norms}).`;
  else
    shape = `Layer 1's and layer ${L}'s gradients are within a factor of 10 of each other (${norms}).`;
  const clip = !w.clip
    ? ''
    : w.clipScale < 1
      ? ` The global norm ${sig(w.globalNorm)} is above c = ${sig(w.clipAt)}, so every layer's gradient is scaled by ${sig(w.clipScale)}.`
      : ` The global norm ${sig(w.globalNorm)} is within c = ${sig(w.clipAt)}: clipping changes nothing.`;
  return shape + clip;
}

export interface TrainWords {
  readonly steps: number;
  readonly layers: number;
  readonly startLoss: number;
  readonly endLoss: number;
  readonly firstChange: number;
  readonly lastChange: number;
}

/** Whether a run's loss ended far above where it started: η too large for this network. */
export const diverged = (w: { startLoss: number; endLoss: number }): boolean =>
  w.endLoss > 10 * w.startLoss;

/** The training charts' summary. */
export function trainText(w: TrainWords): string {
  if (w.steps === 0) return `No training steps: the loss is ${sig(w.startLoss, 3)} at the start.`;
  const run = `Over ${formatCount(w.steps)} steps the loss went from ${sig(w.startLoss, 3)} to ${sig(w.endLoss, 3)}`;
  const moved =
    w.layers === 1
      ? `the layer's weights moved by ${sig(w.firstChange)} of their starting size`
      : `layer 1's weights moved by ${sig(w.firstChange)} of their starting size, layer ${w.layers}'s by ${sig(w.lastChange)}`;
  const warning = diverged(w)
    ? ' The loss grew: the steps are too large for this network. Lower η, or clip the gradient.'
    : '';
  return `${run}; ${moved}.${warning}`;
}
