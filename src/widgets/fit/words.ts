/**
 * What chapter 4's fitting figure says: the text around its fields, the run's buttons, the
 * figures' names and axes, the progress line, a hidden unit's formula, and what the status says
 * when a run stops, in each of the course's languages (fitWords). The numbers come formatted by
 * the helpers here (formatCount, lossText), the same in every language; the target's name is the
 * model's option text in the page's language (src/live/labels.ts).
 */
import type { Locale } from '../../i18n/locales.ts';
import { fit as zhCN } from '../../i18n/zh-cn/fit.ts';
import { formatCount, formatNumber } from '../../live/format.ts';

import type { AroundField } from '../../i18n/words.ts';

export type { AroundField };

/** A count, as a number (for a plural) and as written: { n: 5000, text: '5,000' }. */
export interface Count {
  readonly n: number;
  readonly text: string;
}

export interface FitWords {
  /** Around the fields above the figures: "N = [3] hidden units", "activation [tanh]", … */
  readonly units: AroundField;
  readonly activation: AroundField;
  readonly target: AroundField;
  readonly seed: AroundField;
  /** The name of the group of run buttons. */
  readonly training: string;
  /** Train's text; `steps` is written ("5,000"), and is always more than one. */
  readonly train: (steps: string) => string;
  readonly pause: string;
  readonly resume: string;
  readonly reset: string;
  /**
   * The progress line: "Step 1,200 of 5,000: mean squared error 0.0123.". `goal` is undefined
   * when no run is heading past the current step.
   */
  readonly progress: (step: string, goal: string | undefined, loss: string) => string;
  /** The title of the hidden units' buttons, which also names their group. */
  readonly unitsTitle: string;
  /** The unit line's text while no unit is picked. */
  readonly noUnit: string;
  /**
   * The picked unit's line. `formula` is "0.87 · tanh(2.31x + 1.04)"; `centre` the x where its
   * step sits ("−0.45"), undefined when its weight is 0.
   */
  readonly unit: (unit: number, formula: string, centre: string | undefined) => string;
  /** The figure's caption, which names it. */
  readonly caption: string;
  /**
   * The fitted function's text alternative: `units` hidden units, the `target`'s name, the
   * `steps` trained so far and the `loss`; `unit` is the picked unit whose contribution is drawn.
   */
  readonly fitLabel: (fit: {
    readonly units: number;
    readonly target: string;
    readonly steps: Count;
    readonly loss: string;
    readonly unit: number | undefined;
  }) => string;
  /** The loss curve's text alternative before any step: the loss at the start. */
  readonly lossAtStart: (loss: string) => string;
  /** The loss curve's text alternative: how it went from `first` to `last` over `steps`. */
  readonly lossCurve: (
    trend: 'falls' | 'rises' | 'stays',
    first: string,
    last: string,
    steps: Count,
  ) => string;
  /** The loss figure's axes. */
  readonly stepAxis: string;
  readonly lossAxis: string;
  /** What the status says when a run stops: paused, trained to its goal, or reset. */
  readonly paused: (step: string, loss: string) => string;
  readonly done: (step: string, loss: string) => string;
  readonly wasReset: (loss: string) => string;
  /** A loss too large to write with digits. */
  readonly lossTooLarge: string;
}

const en: FitWords = {
  units: { before: 'N = ', after: ' hidden units' },
  activation: { before: 'activation ', after: '' },
  target: { before: 'target ', after: '' },
  seed: { before: 'seed ', after: '' },
  training: 'Training',
  train: (steps) => `Train ${steps} steps`,
  pause: 'Pause',
  resume: 'Resume',
  reset: 'Reset',
  progress: (step, goal, loss) =>
    `Step ${step}${goal === undefined ? '' : ` of ${goal}`}: mean squared error ${loss}.`,
  unitsTitle: 'Hidden units: hover, focus or press one to draw its contribution.',
  noUnit: 'No unit picked.',
  unit: (unit, formula, centre) =>
    `Unit ${unit}: ${formula}${centre === undefined ? '' : `, centred at x = ${centre}`}`,
  caption:
    "A network with one hidden layer fitting a curve by gradient descent. Left: the target (dashed), its training points, and the network's function; right: the mean squared error against the step, on a log scale.",
  fitLabel: ({ units, target, steps, loss, unit }) =>
    `The network's function, with ${units} hidden ${units === 1 ? 'unit' : 'units'}, over the ` +
    `target ${target} and its training points, after ${steps.text} ${steps.n === 1 ? 'step' : 'steps'}: ` +
    `mean squared error ${loss}.${unit === undefined ? '' : ` Unit ${unit}'s contribution is drawn too.`}`,
  lossAtStart: (loss) => `Mean squared error during training: no steps yet, ${loss} at the start.`,
  lossCurve: (trend, first, last, steps) =>
    `Mean squared error ${trend} from ${first} to ${last} over ${steps.text} ${steps.n === 1 ? 'step' : 'steps'}, on a log scale.`,
  stepAxis: 'Step',
  lossAxis: 'Mean squared error (log)',
  paused: (step, loss) => `Paused at step ${step}: mean squared error ${loss}.`,
  done: (step, loss) => `Trained to step ${step}: mean squared error ${loss}.`,
  wasReset: (loss) => `Reset to the start: mean squared error ${loss}.`,
  lossTooLarge: 'more than a million',
};

/** The figure's words in each language: `byLocale(fitWords, lang)`. */
export const fitWords: Readonly<Record<Locale, FitWords>> = { en, 'zh-CN': zhCN };

/** A whole number with thousands separators: 5,000. */
export { formatCount };
const count = (n: number): Count => ({ n, text: formatCount(n) });

/**
 * A loss, with 3 significant digits: 0.0123, 1.23e-5. The helpers below write English unless
 * given the page's words (the unit and end-to-end tests read English).
 */
export function lossText(loss: number, words: FitWords = en): string {
  if (!Number.isFinite(loss)) return '—';
  if (loss >= 1e6) return words.lossTooLarge;
  const digits = loss === 0 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(loss)));
  return formatNumber(loss, { digits, scientificBelow: 1e-4 });
}

/** "Step 1,200 of 5,000: mean squared error 0.0123." */
export function progressText(
  step: number,
  goal: number | undefined,
  loss: number,
  words: FitWords = en,
): string {
  const of = goal !== undefined && goal > step ? formatCount(goal) : undefined;
  return words.progress(formatCount(step), of, lossText(loss, words));
}

/** The fitted function's text alternative. */
export function fitLabel(
  data: {
    readonly targetName: string;
    readonly units: number;
    readonly step: number;
    readonly loss: number;
    readonly unit?: { readonly number: number } | undefined;
  },
  words: FitWords,
): string {
  return words.fitLabel({
    units: data.units,
    target: data.targetName,
    steps: count(data.step),
    loss: lossText(data.loss, words),
    unit: data.unit?.number,
  });
}

/** The loss curve's text alternative. */
export function lossCurveLabel(
  data: { readonly losses: ArrayLike<number>; readonly step: number },
  words: FitWords,
): string {
  const first = data.losses[0];
  const last = data.losses[data.losses.length - 1];
  if (first === undefined || last === undefined || data.step === 0)
    return words.lossAtStart(lossText(first ?? NaN, words));
  const trend = last < first ? 'falls' : last > first ? 'rises' : 'stays';
  return words.lossCurve(trend, lossText(first, words), lossText(last, words), count(data.step));
}

/** "Unit 2: 0.87 · tanh(2.31x + 1.04), centred at x = −0.45" */
export function unitText(
  number: number,
  activation: string,
  w: number,
  b: number,
  v: number,
  words: FitWords = en,
): string {
  // Two decimals, never scientific: a formula to read, not a measurement.
  const n = (x: number) => formatNumber(x, { digits: 2, scientificBelow: 0, mathMinus: true });
  const sign = b < 0 ? '−' : '+';
  const formula = `${n(v)} · ${activation}(${n(w)}x ${sign} ${n(Math.abs(b))})`;
  return words.unit(number, formula, w === 0 ? undefined : n(-b / w));
}

/** What the status says when a run stops. */
export function stoppedText(
  how: 'paused' | 'done' | 'reset',
  step: number,
  loss: number,
  words: FitWords = en,
): string {
  const lossWords = lossText(loss, words);
  if (how === 'reset') return words.wasReset(lossWords);
  return (how === 'paused' ? words.paused : words.done)(formatCount(step), lossWords);
}
