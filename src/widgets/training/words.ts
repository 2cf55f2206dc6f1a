/**
 * The training panel's words: the settings line, the buttons, the status line, the table's
 * caption and heads, the progress line, the figures' captions, names, axes and data tables, for
 * any trainable model, in each of the course's languages (trainingWords). The numbers come
 * formatted by the helpers here (formatCount, formatError, cellText), the same in every language.
 * The outputs are named as the model names them (the derived value and its target parameter,
 * `out_o1` and `t1`).
 *
 * The helpers that put numbers into words take the page's words as their last argument; without
 * it they write English (the unit and end-to-end tests read English).
 */
import type { Locale } from '../../i18n/locales.ts';
import { training as zhCN } from '../../i18n/zh-cn/training.ts';
import { decimalsOf, formatCount, formatNumber } from '../../live/format.ts';
import type { Change, OutputLine, TrainingPoint, UpdateOrder } from './model.ts';
import { spokenName } from './names.ts';

/** A count, as a number (for a plural) and as written: { n: 10000, text: '10,000' }. */
export interface Count {
  readonly n: number;
  readonly text: string;
}

export interface TrainingWords {
  /** A number of steps: "1 step", "10,000 steps". */
  readonly steps: (count: Count) => string;
  /** Around the settings' fields: "Learning rate η = " [0.50] ", number of steps N = " [10000] ".". */
  readonly settings: {
    readonly eta: string;
    readonly steps: string;
    readonly end: string;
  };
  /**
   * A setting's field name on a page with more than one panel: the parameter's own label, then
   * the panel's name ("learning rate η, Training the ReLU copy").
   */
  readonly fieldLabel: (param: string, panel: string) => string;
  /** The update order's checkbox. */
  readonly inPlaceLabel: string;
  /** The name of the group of buttons. */
  readonly actions: string;
  readonly takeStep: string;
  /** Train's text; `steps` is `steps(…)`'s ("10,000 steps"). */
  readonly train: (steps: string) => string;
  /** Train's text while a run goes. */
  readonly stop: string;
  readonly reset: string;
  readonly noScript: string;
  /** The progress bar's label before a run: "Step 0 of 10,000". */
  readonly stepOf: (step: string, total: string) => string;
  /** The progress line of a run: "Step 4,200 of 10,000 — E = 0.0001". */
  readonly progress: (step: string, total: string, E: string) => string;
  /** The error figure's caption while a run goes: the progress line as a sentence. */
  readonly progressSentence: (step: string, total: string, E: string) => string;
  /** The status line: what Train would do, what a run did, and where a stopped run got to. */
  readonly preview: (steps: string, eta: string, from: string, to: string) => string;
  readonly trained: (steps: string, from: string, to: string) => string;
  /** `done` is written ("4,200"), `total` is `steps(…)`'s ("10,000 steps"). */
  readonly stopped: (done: string, total: string, from: string, to: string) => string;
  /** What the status says after Take one step, Train, Reset, and an edit during a run. */
  readonly stepTaken: (from: string, to: string) => string;
  readonly training: (steps: string) => string;
  readonly alreadyDefaults: string;
  /** Said before the new prediction, once it is computed (so the space after them included). */
  readonly backToDefaults: string;
  readonly stoppedByEdit: string;
  /** The update orders, as the table's caption names them. */
  readonly order: Readonly<Record<UpdateOrder, string>>;
  /**
   * The table's caption: what it shows, then `how` the step is made, e.g. "η = 0.50,
   * simultaneous update" (`how(eta, order)`).
   */
  readonly how: (eta: string, order: string) => string;
  readonly previewCaption: (how: string) => string;
  readonly stepCaption: (how: string) => string;
  readonly runningCaption: (step: string, total: string, how: string) => string;
  /** A run that reached N; `steps` is `steps(…)`'s. */
  readonly runCaption: (steps: string, how: string) => string;
  /** A run stopped after `done` (written) of `total` (`steps(…)`'s). */
  readonly stoppedCaption: (done: string, total: string, how: string) => string;
  /** The table's column heads, and the head of its last row, the error. */
  readonly heads: {
    readonly value: string;
    readonly old: string;
    readonly new: string;
    readonly change: string;
  };
  readonly errorRow: string;
  /**
   * The line under the figures: "Now: E = 0.2984, out_o1 = 0.7514 (target t1 = 0.01)." — its
   * label, the separator between values, the text around each output's target, and its end.
   */
  readonly now: {
    readonly label: string;
    readonly separator: string;
    readonly target: string;
    readonly close: string;
    readonly end: string;
  };
  /** The figures' captions, before the sentence that sums each up (the space between included). */
  readonly lossCaption: string;
  readonly outputsCaption: string;
  /** "a", "a and b", "a, b and c". */
  readonly list: (items: readonly string[]) => string;
  /**
   * The outputs figure's caption: after `steps` (`steps(…)`'s), each output at its end next to
   * its target (`outputEnd`, listed), and where the `count` outputs started (listed).
   */
  readonly outputEnd: (name: string, value: string, target: string, targetValue: string) => string;
  readonly outputsSummary: (steps: string, ends: string, starts: string, count: number) => string;
  /** The error figure's name, a summary of its data. */
  readonly lossEmpty: string;
  /**
   * "Error E falls from 0.2984 to 0.0000351 over 10,000 steps, on a log scale." `steps` is
   * `steps(…)`'s; `of` the run's N (written) while it is under way, else undefined.
   */
  readonly lossLabel: (
    trend: 'falls' | 'rises' | 'stays',
    first: string,
    last: string,
    steps: string,
    of: string | undefined,
  ) => string;
  /** The outputs figure's name: each output's way (`outputWay`), after `steps` (`steps(…)`'s). */
  readonly outputsEmpty: string;
  readonly outputWay: (
    name: string,
    first: string,
    last: string,
    target: string,
    index: number,
  ) => string;
  readonly outputsLabel: (steps: string, ways: readonly string[]) => string;
  /** The figures' data tables: their names and column heads. */
  readonly lossTable: string;
  readonly outputsTable: string;
  readonly stepHead: string;
  readonly errorHead: string;
  readonly outputHead: (name: string, target: string, targetValue: string) => string;
  /** The figures' axes, and each output's label at its target line. */
  readonly stepAxis: string;
  readonly lossAxis: string;
  readonly outputAxis: string;
  readonly targetMark: (name: string, target: string, targetValue: string) => string;
}

/** "a", "a and b", "a, b and c". */
const englishList = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

const englishSteps = ({ n, text }: Count): string => `${text} ${n === 1 ? 'step' : 'steps'}`;

const en: TrainingWords = {
  steps: englishSteps,
  settings: { eta: 'Learning rate η = ', steps: ', number of steps N = ', end: '.' },
  fieldLabel: (param, panel) => `${param}, ${panel}`,
  inPlaceLabel:
    'Update in place: output layer first, hidden gradients through the new output weights',
  actions: 'Training actions',
  takeStep: 'Take one step',
  train: (steps) => `Train ${steps}`,
  stop: 'Stop',
  reset: 'Reset',
  noScript:
    'Training needs JavaScript. The table and the figures show a run from the starting values.',
  stepOf: (step, total) => `Step ${step} of ${total}`,
  progress: (step, total, E) => `Step ${step} of ${total} — E = ${E}`,
  progressSentence: (step, total, E) => `Step ${step} of ${total} — E = ${E}.`,
  preview: (steps, eta, from, to) =>
    `Training ${steps} at η = ${eta} would take the error E from ${from} to ${to}.`,
  trained: (steps, from, to) => `Trained ${steps}: E went from ${from} to ${to}.`,
  stopped: (done, total, from, to) =>
    `Stopped after ${done} of ${total}: E went from ${from} to ${to}.`,
  stepTaken: (from, to) => `One step taken: E went from ${from} to ${to}.`,
  training: (steps) => `Training ${steps}…`,
  alreadyDefaults: 'All values are already at their defaults.',
  backToDefaults: 'Back to the defaults. ',
  stoppedByEdit: 'Training stopped, because a value changed. ',
  order: {
    inPlace: 'in-place update (output layer first)',
    simultaneous: 'simultaneous update',
  },
  how: (eta, order) => `η = ${eta}, ${order}`,
  previewCaption: (how) => `What one step from the current weights would do (${how})`,
  stepCaption: (how) => `The step just taken (${how})`,
  runningCaption: (step, total, how) => `The run so far, at step ${step} of ${total} (${how})`,
  runCaption: (steps, how) => `What the ${steps} just run did (${how})`,
  stoppedCaption: (done, total, how) => `What the ${done} of ${total} just run did (${how})`,
  heads: { value: 'Value', old: 'Old', new: 'New', change: 'Change' },
  errorRow: 'error E',
  now: { label: 'Now: ', separator: ', ', target: ' (target ', close: ')', end: '.' },
  lossCaption: 'The error E during training, on a log scale. ',
  outputsCaption: 'The outputs approach their targets (dashed). ',
  list: englishList,
  outputEnd: (name, value, target, targetValue) =>
    `${name} = ${value} (target ${target} = ${targetValue})`,
  outputsSummary: (steps, ends, starts, count) =>
    `After ${steps}, ${ends}; ${count === 1 ? 'it started at' : 'they started at'} ${starts}.`,
  lossEmpty: 'Error E during training: no steps yet.',
  lossLabel: (trend, first, last, steps, of) =>
    `Error E ${trend} ${trend === 'stays' ? `at ${last}` : `from ${first} to ${last}`} over ${steps}${of === undefined ? '' : ` (of ${of})`}, on a log scale.`,
  outputsEmpty: 'Outputs during training: no steps yet.',
  outputWay: (name, first, last, target, index) =>
    `${name} ${index === 0 ? 'goes ' : ''}from ${first} to ${last} (target ${target})`,
  outputsLabel: (steps, ways) => `Outputs over ${steps}: ${ways.join(', ')}.`,
  lossTable: 'The error E at some of the steps the figure shows',
  outputsTable: 'The outputs at some of the steps the figure shows',
  stepHead: 'Step',
  errorHead: 'Error E',
  outputHead: (name, target, targetValue) => `${name} (target ${target} = ${targetValue})`,
  stepAxis: 'Step',
  lossAxis: 'Error E (log scale)',
  outputAxis: 'Output',
  targetMark: (name, target, targetValue) => `${name}, ${target} = ${targetValue}`,
};

/** The panel's words in each language: `byLocale(trainingWords, lang)`. */
export const trainingWords: Readonly<Record<Locale, TrainingWords>> = { en, 'zh-CN': zhCN };

/** A step count as the page writes it: 10,000. */
export { formatCount };

/** A count and its text, for a plural. */
export const count = (n: number): Count => ({ n, text: formatCount(n) });

/** A number of steps in words: "1 step", "10,000 steps". */
export const countSteps = (n: number, words: TrainingWords = en): string => words.steps(count(n));

/** The Train button's text: "Train 1 step", "Train 10,000 steps". */
export const trainLabel = (n: number, words: TrainingWords = en): string =>
  words.train(countSteps(n, words));

/**
 * An error value in a sentence: 4 decimals down to 0.01, then 3 significant digits (0.000131,
 * 0.0000351), so that a falling error never reads as 0.0000.
 */
export function formatError(E: number): string {
  if (!Number.isFinite(E) || Math.abs(E) >= 0.01) return formatNumber(E, { digits: 4 });
  const rounded = Number(E.toPrecision(3));
  return formatNumber(rounded, { digits: decimalsOf(rounded), scientificBelow: 1e-6 });
}

/**
 * A number in the table: 6 decimals (the post prints 8 or 9; 6 show every step's change), a
 * math minus, and a plus on positive changes when `signed`.
 */
export function cellText(value: number, signed = false): string {
  const text = formatNumber(value, { digits: 6, scientificBelow: 1e-4, mathMinus: true });
  return signed && value > 0 && text !== '0.000000' ? `+${text}` : text;
}

/** η as the panel writes it: 0.50. */
const etaText = (eta: number): string => formatNumber(eta, { digits: 2 });

/**
 * The table's caption: whether it shows the step Take one step would take (`preview`), the step
 * or run just taken, or a run so far (`running`: the same step as the progress line).
 */
export function tableCaption(
  kind: 'preview' | 'step' | 'running' | 'run',
  change: Change,
  words: TrainingWords = en,
): string {
  const how = words.how(etaText(change.settings.eta), words.order[change.settings.order]);
  if (kind === 'preview') return words.previewCaption(how);
  if (kind === 'step') return words.stepCaption(how);
  if (kind === 'running')
    return words.runningCaption(formatCount(change.steps), formatCount(change.settings.steps), how);
  return change.steps === change.settings.steps
    ? words.runCaption(countSteps(change.steps, words), how)
    : words.stoppedCaption(
        formatCount(change.steps),
        countSteps(change.settings.steps, words),
        how,
      );
}

/** The status line: what Train would do (`preview`) or what the last run did. */
export function runSummary(
  kind: 'preview' | 'run' | 'stopped',
  change: Change,
  words: TrainingWords = en,
): string {
  const from = formatError(change.from.E);
  const to = formatError(change.to.E);
  const n = countSteps(change.steps, words);
  if (kind === 'preview') return words.preview(n, etaText(change.settings.eta), from, to);
  if (kind === 'stopped') {
    const total = countSteps(change.settings.steps, words);
    return words.stopped(formatCount(change.steps), total, from, to);
  }
  return words.trained(n, from, to);
}

/** The progress line of a run: "Step 4,200 of 10,000 — E = 0.0001". */
export function progressText(
  step: number,
  total: number,
  E: number,
  words: TrainingWords = en,
): string {
  return words.progress(formatCount(step), formatCount(total), formatError(E));
}

/** The progress line as the error figure's caption while a run goes, a sentence. */
export function progressSentence(
  step: number,
  total: number,
  E: number,
  words: TrainingWords = en,
): string {
  return words.progressSentence(formatCount(step), formatCount(total), formatError(E));
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[], words: TrainingWords = en): string {
  return words.list(items);
}

/** How the outputs ended up next to their targets, for the outputs figure's caption. */
export function outputsSummary(
  change: Change,
  outputs: readonly OutputLine[],
  words: TrainingWords = en,
): string {
  const f = (x: number | undefined) => formatNumber(x ?? NaN, { digits: 4 });
  const ends = outputs.map((o, i) =>
    words.outputEnd(o.name, f(change.to.outputs[i]), o.targetName, f(o.target)),
  );
  const starts = outputs.map((_, i) => f(change.from.outputs[i]));
  return words.outputsSummary(
    countSteps(change.steps, words),
    words.list(ends),
    words.list(starts),
    outputs.length,
  );
}

/** A figure's numbers in a sentence: 4 decimals, never NaN. */
const figureNumber = (x: number | undefined): string => formatNumber(x ?? NaN, { digits: 4 });

/**
 * The error figure's accessible name, a summary of its data: "Error E falls from 0.2984 to
 * 0.0000351 over 10,000 steps, on a log scale." `steps` is the run's N, said while it is under way.
 */
export function lossLabel(
  points: readonly TrainingPoint[],
  steps?: number,
  words: TrainingWords = en,
): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return words.lossEmpty;
  const of = steps !== undefined && steps !== last.step ? formatCount(steps) : undefined;
  const trend = last.E < first.E ? 'falls' : last.E > first.E ? 'rises' : 'stays';
  return words.lossLabel(
    trend,
    formatError(first.E),
    formatError(last.E),
    countSteps(last.step, words),
    of,
  );
}

/**
 * The outputs figure's accessible name, a summary of its data: "Outputs over 10,000 steps:
 * out_o1 goes from 0.7514 to 0.0159 (target 0.01), out_o2 from 0.7729 to 0.9841 (target 0.99)."
 */
export function outputsLabel(
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
  words: TrainingWords = en,
): string {
  const first = points[0];
  const end = points.at(-1);
  if (!first || !end) return words.outputsEmpty;
  const ways = outputs.map((o, i) =>
    words.outputWay(
      spokenName(o.name),
      figureNumber(first.outputs[i]),
      figureNumber(end.outputs[i]),
      String(o.target),
      i,
    ),
  );
  return words.outputsLabel(countSteps(end.step, words), ways);
}

/** The words of a figure's data table (figure-data.ts): its name, column heads and cells. */
export interface TableWords {
  readonly name: string;
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** The error figure's data as a table: the step and E. */
export function lossTableWords(
  points: readonly TrainingPoint[],
  words: TrainingWords = en,
): TableWords {
  return {
    name: words.lossTable,
    head: [words.stepHead, words.errorHead],
    rows: points.map((p) => [formatCount(p.step), formatError(p.E)]),
  };
}

/** The outputs figure's data as a table: the step and each output, its target in the head. */
export function outputsTableWords(
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
  words: TrainingWords = en,
): TableWords {
  return {
    name: words.outputsTable,
    head: [
      words.stepHead,
      ...outputs.map((o) =>
        words.outputHead(spokenName(o.name), spokenName(o.targetName), String(o.target)),
      ),
    ],
    rows: points.map((p) => [
      formatCount(p.step),
      ...outputs.map((_, i) => figureNumber(p.outputs[i])),
    ]),
  };
}
