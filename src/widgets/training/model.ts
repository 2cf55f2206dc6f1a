/**
 * The training panel's math: one gradient-descent step, and an N-step run sampled for a plot,
 * both on the worked example's network (Mazur's 2-2-2 sigmoid net) from the live model's
 * values. Pure: the engine does every computation, this module only picks what to record and
 * how to word it. The build (figures and table for the defaults) and the browser use it alike.
 */
// The engine's modules one by one, not its index: the index also pulls the autodiff graphs and
// diagnostics into the browser bundle.
import {
  MAZUR_PARAM_NAMES,
  mazurNetwork,
  mazurToNetwork,
  networkToMazur,
  type MazurParams,
} from '../../engine/mazur.ts';
import { forward, type UpdateOrder } from '../../engine/network.ts';
import { Trainer } from '../../engine/train.ts';
import { formatNumber } from '../../live/format.ts';
import type { ParamValues } from '../../live/model.ts';

export type { UpdateOrder };

/** The eight trainable weights, in the post's order (the biases stay frozen, as in the post). */
export const WEIGHT_NAMES = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const;
export type WeightName = (typeof WEIGHT_NAMES)[number];
export type Weights = Readonly<Record<WeightName, number>>;

/** How a run or a step is made: learning rate, number of steps and update order. */
export interface TrainingSettings {
  /** Learning rate η. Default: the model's `eta`. */
  readonly eta: number;
  /** Steps of a run, N. Default: the model's `steps`. */
  readonly steps: number;
  /** Default: the model's `inPlace` (true → 'inPlace', else 'simultaneous'). */
  readonly order: UpdateOrder;
}

/** The settings the live model's values ask for (`eta`, `steps`, `inPlace`). */
export function settingsOf(values: ParamValues): TrainingSettings {
  return {
    eta: need(values, 'eta'),
    steps: Math.round(need(values, 'steps')),
    order: values['inPlace'] === true ? 'inPlace' : 'simultaneous',
  };
}

/** A number the panel cannot do without. */
export function need(values: ParamValues, name: string): number {
  const value = values[name];
  if (typeof value !== 'number') throw new Error(`The training panel needs the number "${name}".`);
  return value;
}

/** The model's values → the engine's named parameters (every name required). */
function mazurOf(values: ParamValues): MazurParams {
  return Object.fromEntries(
    MAZUR_PARAM_NAMES.map((name) => [name, need(values, name)]),
  ) as unknown as MazurParams;
}

function weightsOf(params: ArrayLike<number>): Weights {
  const named = networkToMazur(params);
  return Object.fromEntries(WEIGHT_NAMES.map((w) => [w, named[w]])) as Record<WeightName, number>;
}

/** One side of a change: the weights, the error E and the two outputs there. */
export interface Snapshot {
  readonly weights: Weights;
  readonly E: number;
  readonly out_o1: number;
  readonly out_o2: number;
}

/** What a step or a run did: where it started, where it ended, and how many steps it took. */
export interface Change {
  readonly from: Snapshot;
  readonly to: Snapshot;
  readonly steps: number;
  readonly settings: TrainingSettings;
}

/** One sampled point of a run: the error and the outputs after `step` updates. */
export interface TrainingPoint {
  readonly step: number;
  readonly E: number;
  readonly out_o1: number;
  readonly out_o2: number;
}

/**
 * The steps at which a run of `total` steps is sampled for a plot: 0 and `total`, an even grid
 * (the plot's x axis is linear) and a log-spaced set (the error falls fastest at the start), at
 * most `maxPoints` in all, ascending and without repeats.
 */
export function sampleSteps(total: number, maxPoints = 400): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`total must be a whole number ≥ 0.`);
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new Error(`maxPoints must be ≥ 2.`);
  if (total + 1 <= maxPoints) return Array.from({ length: total + 1 }, (_, i) => i);
  const room = maxPoints - 2;
  const even = Math.ceil(room * 0.75);
  const logs = room - even;
  const steps = new Set<number>([0, total]);
  for (let i = 1; i <= even; i++) steps.add(Math.round((i * total) / (even + 1)));
  for (let i = 0; i < logs; i++) steps.add(Math.round(total ** (i / logs)));
  return [...steps].sort((a, b) => a - b);
}

/**
 * A training run from the model's values, advanced in slices (so a page can draw between them)
 * and sampled at `sampleSteps(steps, maxPoints)`. The engine's Trainer gives bit-identical
 * results however the run is sliced, so the page's run and the build's figure agree.
 */
export class TrainingRun {
  readonly settings: TrainingSettings;
  readonly total: number;
  readonly points: TrainingPoint[] = [];
  readonly #net = mazurNetwork();
  readonly #inputs: number[];
  readonly #trainer: Trainer;
  readonly #schedule: number[];
  readonly #start: Snapshot;
  #next = 0;

  constructor(values: ParamValues, settings: Partial<TrainingSettings> = {}, maxPoints = 400) {
    this.settings = { ...settingsOf(values), ...settings };
    this.total = this.settings.steps;
    const { params, inputs, targets } = mazurToNetwork(mazurOf(values));
    this.#inputs = inputs;
    this.#trainer = new Trainer(
      this.#net,
      params,
      { inputs: [inputs], targets: [targets] },
      { eta: this.settings.eta, update: this.settings.order, recordLoss: false },
    );
    this.#schedule = sampleSteps(this.total, maxPoints);
    this.#start = this.snapshot();
    this.#record();
  }

  /** Steps taken so far. */
  get step(): number {
    return this.#trainer.step;
  }

  get done(): boolean {
    return this.#trainer.step >= this.total;
  }

  /** The weights, error and outputs now. */
  snapshot(): Snapshot {
    const params = this.#trainer.params;
    const [out_o1 = NaN, out_o2 = NaN] = forward(this.#net, params, this.#inputs).outputs;
    return { weights: weightsOf(params), E: this.#trainer.loss(), out_o1, out_o2 };
  }

  /** What the run has done so far. */
  change(): Change {
    return { from: this.#start, to: this.snapshot(), steps: this.step, settings: this.settings };
  }

  /** Runs up to `steps` more steps (never past the total); returns how many it ran. */
  advance(steps: number): number {
    let budget = Math.max(0, Math.min(Math.floor(steps), this.total - this.step));
    const ran = budget;
    while (budget > 0) {
      const target = this.#schedule[this.#next] ?? this.total;
      const n = Math.min(budget, target - this.step);
      this.#trainer.run(n);
      budget -= n;
      this.#record();
    }
    return ran;
  }

  #record(): void {
    if (this.step !== this.#schedule[this.#next]) return;
    const { E, out_o1, out_o2 } = this.step === 0 ? this.#start : this.snapshot();
    this.points.push({ step: this.step, E, out_o1, out_o2 });
    this.#next++;
  }
}

/** A whole run at once: what the build renders and the page shows before Train is pressed. */
export function runTraining(
  values: ParamValues,
  settings: Partial<TrainingSettings> = {},
  maxPoints = 400,
): { points: TrainingPoint[]; change: Change } {
  const run = new TrainingRun(values, settings, maxPoints);
  run.advance(run.total);
  return { points: run.points, change: run.change() };
}

/** One step from the model's values, with its settings (default: the model's `eta` and order). */
export function stepOnce(values: ParamValues, settings: Partial<TrainingSettings> = {}): Change {
  const run = new TrainingRun(values, { ...settings, steps: 1 }, 2);
  run.advance(1);
  return run.change();
}

/** A step count as the page writes it: 10,000. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

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
 * The table's caption: whether it shows the step Take one step would take (`preview`), or the
 * step or run just taken.
 */
export function tableCaption(kind: 'preview' | 'step' | 'run', change: Change): string {
  const how = `η = ${formatNumber(change.settings.eta, { digits: 2 })}, ${orderWords(change.settings.order)}`;
  if (kind === 'preview') return `What one step from the current weights would do (${how})`;
  if (kind === 'step') return `The step just taken (${how})`;
  const of =
    change.steps === change.settings.steps ? '' : ` of ${formatCount(change.settings.steps)}`;
  return `What the ${formatCount(change.steps)}${of} steps just run did (${how})`;
}

/** The status line: what Train would do (`preview`) or what the last run did. */
export function runSummary(kind: 'preview' | 'run' | 'stopped', change: Change): string {
  const from = formatError(change.from.E);
  const to = formatError(change.to.E);
  const n = formatCount(change.steps);
  const eta = formatNumber(change.settings.eta, { digits: 2 });
  if (kind === 'preview') {
    return `Training ${n} steps at η = ${eta} would take the error E from ${from} to ${to}.`;
  }
  if (kind === 'stopped') {
    return `Stopped after ${n} of ${formatCount(change.settings.steps)} steps: E went from ${from} to ${to}.`;
  }
  return `Trained ${n} steps: E went from ${from} to ${to}.`;
}

/** The progress line of a run: "Step 4,200 of 10,000 — E = 0.0001". */
export function progressText(step: number, total: number, E: number): string {
  return `Step ${formatCount(step)} of ${formatCount(total)} — E = ${formatError(E)}`;
}

/** How the outputs ended up next to their targets, for the outputs figure's caption. */
export function outputsSummary(change: Change, t1: number, t2: number): string {
  const f = (x: number) => formatNumber(x, { digits: 4 });
  return `After ${formatCount(change.steps)} steps, out_o1 = ${f(change.to.out_o1)} (target t1 = ${f(t1)}) and out_o2 = ${f(change.to.out_o2)} (target t2 = ${f(t2)}); they started at ${f(change.from.out_o1)} and ${f(change.from.out_o2)}.`;
}
