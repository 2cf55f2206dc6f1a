/**
 * What chapter 4's fitting figure says: the figures' names, the progress line, a hidden unit's
 * formula, and what the status says when a run stops.
 */
import { formatNumber } from '../../live/format.ts';

/**
 * A whole number with thousands separators: 5,000. Not toLocaleString: its first call loads the
 * ICU number data, 200 ms on a slow phone, in the middle of the first step of a run.
 */
export const formatCount = (n: number): string =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const steps = (n: number): string => `${formatCount(n)} ${n === 1 ? 'step' : 'steps'}`;

/** A loss, with 3 significant digits: 0.0123, 1.23e-5. */
export function lossText(loss: number): string {
  if (!Number.isFinite(loss)) return '—';
  if (loss >= 1e6) return `more than a million`;
  const digits = loss === 0 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(loss)));
  return formatNumber(loss, { digits, scientificBelow: 1e-4 });
}

/** "Step 1,200 of 5,000: mean squared error 0.0123." */
export function progressText(step: number, goal: number | undefined, loss: number): string {
  const of = goal !== undefined && goal > step ? ` of ${formatCount(goal)}` : '';
  return `Step ${formatCount(step)}${of}: mean squared error ${lossText(loss)}.`;
}

export function fitLabel(data: {
  readonly targetName: string;
  readonly units: number;
  readonly step: number;
  readonly loss: number;
  readonly unit?: { readonly number: number } | undefined;
}): string {
  const units = `${data.units} hidden ${data.units === 1 ? 'unit' : 'units'}`;
  const shown = data.unit ? ` Unit ${data.unit.number}'s contribution is drawn too.` : '';
  return (
    `The network's function, with ${units}, over the target ${data.targetName} and its ` +
    `training points, after ${steps(data.step)}: mean squared error ${lossText(data.loss)}.${shown}`
  );
}

export function lossCurveLabel(data: {
  readonly losses: ArrayLike<number>;
  readonly step: number;
}): string {
  const first = data.losses[0];
  const last = data.losses[data.losses.length - 1];
  if (first === undefined || last === undefined || data.step === 0)
    return `Mean squared error during training: no steps yet, ${lossText(first ?? NaN)} at the start.`;
  const verb = last < first ? 'falls' : last > first ? 'rises' : 'stays';
  return `Mean squared error ${verb} from ${lossText(first)} to ${lossText(last)} over ${steps(data.step)}, on a log scale.`;
}

/** The unit line's text while no unit is picked. */
export const NO_UNIT = 'No unit picked.';

/** "Unit 2: 0.87 · tanh(2.31x + 1.04), centred at x = −0.45" */
export function unitText(
  number: number,
  activation: string,
  w: number,
  b: number,
  v: number,
): string {
  // Two decimals, never scientific: a formula to read, not a measurement.
  const n = (x: number) => formatNumber(x, { digits: 2, scientificBelow: 0, mathMinus: true });
  const sign = b < 0 ? '−' : '+';
  const centre = w === 0 ? '' : `, centred at x = ${n(-b / w)}`;
  return `Unit ${number}: ${n(v)} · ${activation}(${n(w)}x ${sign} ${n(Math.abs(b))})${centre}`;
}

/** What the status says when a run stops. */
export function stoppedText(how: 'paused' | 'done' | 'reset', step: number, loss: number): string {
  if (how === 'reset') return `Reset to the start: mean squared error ${lossText(loss)}.`;
  const verb = how === 'paused' ? 'Paused at' : 'Trained to';
  return `${verb} step ${formatCount(step)}: mean squared error ${lossText(loss)}.`;
}
