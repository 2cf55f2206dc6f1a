/**
 * The training panel's words: the status line, the table's caption, the progress line and the
 * outputs figure's caption, for any trainable model. The outputs are named as the model names
 * them (the derived value and its target parameter, `out_o1` and `t1`).
 */
import { formatNumber } from '../../live/format.ts';
import type { Change, OutputLine, TrainingPoint, UpdateOrder } from './model.ts';

/** A step count as the page writes it: 10,000. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** A number of steps in words: "1 step", "10,000 steps". */
export const countSteps = (n: number): string => `${formatCount(n)} ${n === 1 ? 'step' : 'steps'}`;

/** The Train button's text: "Train 1 step", "Train 10,000 steps". */
export const trainLabel = (n: number): string => `Train ${countSteps(n)}`;

/**
 * An error value in a sentence: 4 decimals down to 0.01, then 3 significant digits (0.000131,
 * 0.0000351), so that a falling error never reads as 0.0000.
 */
export function formatError(E: number): string {
  if (!Number.isFinite(E) || Math.abs(E) >= 0.01) return formatNumber(E, { digits: 4 });
  return String(Number(E.toPrecision(3)));
}

/**
 * A number in the table: 6 decimals (the post prints 8 or 9; 6 show every step's change), a
 * math minus, and a plus on positive changes when `signed`.
 */
export function cellText(value: number, signed = false): string {
  const text = formatNumber(value, { digits: 6, scientificBelow: 1e-4, mathMinus: true });
  return signed && value > 0 && text !== '0.000000' ? `+${text}` : text;
}

const orderWords = (order: UpdateOrder): string =>
  order === 'inPlace' ? 'in-place update (output layer first)' : 'simultaneous update';

/**
 * The table's caption: whether it shows the step Take one step would take (`preview`), the step
 * or run just taken, or a run so far (`running`: the same step as the progress line).
 */
export function tableCaption(kind: 'preview' | 'step' | 'running' | 'run', change: Change): string {
  const how = `η = ${formatNumber(change.settings.eta, { digits: 2 })}, ${orderWords(change.settings.order)}`;
  if (kind === 'preview') return `What one step from the current weights would do (${how})`;
  if (kind === 'step') return `The step just taken (${how})`;
  if (kind === 'running')
    return `The run so far, at step ${formatCount(change.steps)} of ${formatCount(change.settings.steps)} (${how})`;
  const done =
    change.steps === change.settings.steps
      ? countSteps(change.steps)
      : `${formatCount(change.steps)} of ${countSteps(change.settings.steps)}`;
  return `What the ${done} just run did (${how})`;
}

/** The status line: what Train would do (`preview`) or what the last run did. */
export function runSummary(kind: 'preview' | 'run' | 'stopped', change: Change): string {
  const from = formatError(change.from.E);
  const to = formatError(change.to.E);
  const n = countSteps(change.steps);
  const eta = formatNumber(change.settings.eta, { digits: 2 });
  if (kind === 'preview') {
    return `Training ${n} at η = ${eta} would take the error E from ${from} to ${to}.`;
  }
  if (kind === 'stopped') {
    return `Stopped after ${formatCount(change.steps)} of ${countSteps(change.settings.steps)}: E went from ${from} to ${to}.`;
  }
  return `Trained ${n}: E went from ${from} to ${to}.`;
}

/** The progress line of a run: "Step 4,200 of 10,000 — E = 0.0001". */
export function progressText(step: number, total: number, E: number): string {
  return `Step ${formatCount(step)} of ${formatCount(total)} — E = ${formatError(E)}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** How the outputs ended up next to their targets, for the outputs figure's caption. */
export function outputsSummary(change: Change, outputs: readonly OutputLine[]): string {
  const f = (x: number | undefined) => formatNumber(x ?? NaN, { digits: 4 });
  const ends = outputs.map(
    (o, i) => `${o.name} = ${f(change.to.outputs[i])} (target ${o.targetName} = ${f(o.target)})`,
  );
  const starts = outputs.map((_, i) => f(change.from.outputs[i]));
  const they = outputs.length === 1 ? 'it started at' : 'they started at';
  return `After ${countSteps(change.steps)}, ${listWords(ends)}; ${they} ${listWords(starts)}.`;
}

/**
 * A name split for display with a subscript, as the chapters write them: `out_o1` → out + o1,
 * `t1` → t + 1, `E` → E alone.
 */
export function nameParts(name: string): { base: string; sub: string } {
  const underscore = name.lastIndexOf('_');
  if (underscore > 0) return { base: name.slice(0, underscore), sub: name.slice(underscore + 1) };
  const digits = /^(.*?[^\d])(\d+)$/.exec(name);
  return digits ? { base: digits[1] ?? name, sub: digits[2] ?? '' } : { base: name, sub: '' };
}

/** A figure's numbers in a sentence: 4 decimals, never NaN. */
const figureNumber = (x: number | undefined): string => formatNumber(x ?? NaN, { digits: 4 });

/**
 * The error figure's accessible name, a summary of its data: "Error E falls from 0.2984 to
 * 0.0000351 over 10,000 steps, on a log scale." `steps` is the run's N, said while it is under way.
 */
export function lossLabel(points: readonly TrainingPoint[], steps?: number): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'Error E during training: no steps yet.';
  const of = steps !== undefined && steps !== last.step ? ` (of ${formatCount(steps)})` : '';
  const verb = last.E < first.E ? 'falls' : last.E > first.E ? 'rises' : 'stays';
  const to =
    verb === 'stays'
      ? `at ${formatError(last.E)}`
      : `from ${formatError(first.E)} to ${formatError(last.E)}`;
  return `Error E ${verb} ${to} over ${countSteps(last.step)}${of}, on a log scale.`;
}

/**
 * The outputs figure's accessible name, a summary of its data: "Outputs over 10,000 steps:
 * out_o1 goes from 0.7514 to 0.0159 (target 0.01), out_o2 from 0.7729 to 0.9841 (target 0.99)."
 */
export function outputsLabel(
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
): string {
  const first = points[0];
  const end = points.at(-1);
  if (!first || !end) return 'Outputs during training: no steps yet.';
  const each = outputs.map(
    (o, i) =>
      `${o.name} ${i === 0 ? 'goes ' : ''}from ${figureNumber(first.outputs[i])} to ${figureNumber(end.outputs[i])} (target ${String(o.target)})`,
  );
  return `Outputs over ${countSteps(end.step)}: ${each.join(', ')}.`;
}

/** The words of a figure's data table (figure-data.ts): its name, column heads and cells. */
export interface TableWords {
  readonly name: string;
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** The error figure's data as a table: the step and E. */
export function lossTableWords(points: readonly TrainingPoint[]): TableWords {
  return {
    name: 'The error E at some of the steps the figure shows',
    head: ['Step', 'Error E'],
    rows: points.map((p) => [formatCount(p.step), formatError(p.E)]),
  };
}

/** The outputs figure's data as a table: the step and each output, its target in the head. */
export function outputsTableWords(
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
): TableWords {
  return {
    name: 'The outputs at some of the steps the figure shows',
    head: [
      'Step',
      ...outputs.map((o) => `${o.name} (target ${o.targetName} = ${String(o.target)})`),
    ],
    rows: points.map((p) => [
      formatCount(p.step),
      ...outputs.map((_, i) => figureNumber(p.outputs[i])),
    ]),
  };
}
