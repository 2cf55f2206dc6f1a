/**
 * The training panel's math: one gradient-descent step, and an N-step run sampled for a plot, on
 * any model that declares how it is trained (`ModelSpec.train`, src/live/trainable.ts), from the
 * live model's values. Pure: the engine does every computation, this module only picks what to
 * record and how to word it. The build (figures and table for the page's starting values) and
 * the browser use it alike.
 */
// The engine's modules one by one, not its index: the index also pulls the autodiff graphs and
// diagnostics into the browser bundle.
import { forward, type Network, type UpdateOrder } from '../../engine/network.ts';
import { Trainer } from '../../engine/train.ts';
import {
  derivedInfo,
  isNumberParam,
  kindOf,
  type AnyModel,
  type ParamValues,
} from '../../live/model.ts';
import type { Trainable } from '../../live/trainable.ts';

export type { UpdateOrder };

/** The trainable parameters by name (those `train.weights` lists), e.g. `{ w1: 0.15, … }`. */
export type Weights = Readonly<Record<string, number>>;

/** How a model is trained, as the panel sees every model. */
export type Training = Trainable<ParamValues>;

/** The model's training declaration; throws, naming the model, if it has none. */
export function trainOf(spec: AnyModel): Training {
  if (!spec.train) throw new Error(`Model "${spec.name}" declares no train: it cannot be trained.`);
  return spec.train;
}

/** How a run or a step is made: learning rate, number of steps and update order. */
export interface TrainingSettings {
  /** Learning rate η. Default: the model's `train.settings.eta` parameter. */
  readonly eta: number;
  /** Steps of a run, N. Default: the model's `train.settings.steps` parameter. */
  readonly steps: number;
  /**
   * Default: the model's `train.settings.inPlace` (true → 'inPlace', else 'simultaneous');
   * 'simultaneous' if the model has no such setting.
   */
  readonly order: UpdateOrder;
}

/** The settings the live model's values ask for, by the parameter names `train.settings` gives. */
export function settingsOf(spec: AnyModel, values: ParamValues): TrainingSettings {
  const { eta, steps, inPlace } = trainOf(spec).settings;
  return {
    eta: need(values, eta),
    steps: Math.round(need(values, steps)),
    order: inPlace !== undefined && values[inPlace] === true ? 'inPlace' : 'simultaneous',
  };
}

/** A number the panel cannot do without. */
export function need(values: ParamValues, name: string): number {
  const value = values[name];
  if (typeof value !== 'number') throw new Error(`The training panel needs the number "${name}".`);
  return value;
}

/**
 * What is wrong with a model's training declaration at `values` (none: an empty list): every
 * weight a number parameter whose value sits at its index of the vector `setup` builds, one
 * output per network output, each a derived number with a number parameter as its target, and
 * settings that name parameters of the right kinds.
 */
export function trainingProblems(spec: AnyModel, values: ParamValues): string[] {
  const train = spec.train;
  if (!train) return ['it declares no train'];
  const problems: string[] = [];
  const numberParam = (name: string) => {
    const p = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
    return p !== undefined && isNumberParam(p);
  };
  const { net, params } = train.setup(values);
  for (const [name, index] of Object.entries(train.weights)) {
    if (!numberParam(name)) problems.push(`train.weights.${name} is not a number parameter`);
    else if (!Number.isInteger(index) || index < 0 || index >= params.length)
      problems.push(
        `train.weights.${name}: index ${index} is outside the vector 0..${params.length - 1}`,
      );
    else if (params[index] !== values[name])
      problems.push(
        `train.weights.${name}: setup() puts ${params[index]} at index ${index}, not its value ${String(values[name])}`,
      );
  }
  if (Object.keys(train.weights).length === 0) problems.push('train.weights lists no weight');
  const outputs = net.sizes.at(-1) ?? 0;
  if (train.outputs.length !== outputs)
    problems.push(
      `train.outputs lists ${train.outputs.length} outputs; the network has ${outputs}`,
    );
  const info = derivedInfo(spec);
  for (const [i, { value, target }] of train.outputs.entries()) {
    if (info.get(value)?.array !== false)
      problems.push(`train.outputs[${i}].value "${value}" is not a derived number`);
    if (!numberParam(target))
      problems.push(`train.outputs[${i}].target "${target}" is not a number parameter`);
  }
  if (derivedInfo(spec).get(train.loss)?.array !== false)
    problems.push(`train.loss "${train.loss}" is not a derived number`);
  const { eta, steps, inPlace } = train.settings;
  for (const [key, name] of [
    ['eta', eta],
    ['steps', steps],
  ] as const) {
    if (!numberParam(name))
      problems.push(`train.settings.${key} "${name}" is not a number parameter`);
  }
  const order =
    inPlace !== undefined && Object.hasOwn(spec.params, inPlace) ? spec.params[inPlace] : undefined;
  if (inPlace !== undefined && (!order || kindOf(order) !== 'boolean'))
    problems.push(`train.settings.inPlace "${inPlace}" is not a boolean parameter`);
  return problems;
}

/** One side of a change: the weights, the error E and the outputs (for the first example) there. */
export interface Snapshot {
  readonly weights: Weights;
  readonly E: number;
  /** One per `train.outputs`, in its order. */
  readonly outputs: readonly number[];
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
  readonly outputs: readonly number[];
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
  readonly #weights: ReadonlyArray<readonly [string, number]>;
  readonly #net: Network;
  readonly #inputs: ArrayLike<number>;
  readonly #trainer: Trainer;
  readonly #schedule: number[];
  readonly #start: Snapshot;
  #next = 0;

  constructor(
    spec: AnyModel,
    values: ParamValues,
    settings: Partial<TrainingSettings> = {},
    maxPoints = 400,
  ) {
    const train = trainOf(spec);
    this.settings = { ...settingsOf(spec, values), ...settings };
    this.total = this.settings.steps;
    this.#weights = Object.entries(train.weights);
    const { net, params, data } = train.setup(values);
    this.#net = net;
    // The outputs plotted are the first example's (src/live/trainable.ts).
    this.#inputs = data.inputs[0] ?? [];
    this.#trainer = new Trainer(net, params, data, {
      eta: this.settings.eta,
      update: this.settings.order,
      recordLoss: false,
    });
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
    const weights = Object.fromEntries(this.#weights.map(([name, i]) => [name, params[i] ?? NaN]));
    const outputs = Array.from(forward(this.#net, params, this.#inputs).outputs);
    return { weights, E: this.#trainer.loss(), outputs };
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
    const { E, outputs } = this.step === 0 ? this.#start : this.snapshot();
    this.points.push({ step: this.step, E, outputs });
    this.#next++;
  }
}

/** A whole run at once: what the build renders and the page shows before Train is pressed. */
export function runTraining(
  spec: AnyModel,
  values: ParamValues,
  settings: Partial<TrainingSettings> = {},
  maxPoints = 400,
): { points: TrainingPoint[]; change: Change } {
  const run = new TrainingRun(spec, values, settings, maxPoints);
  run.advance(run.total);
  return { points: run.points, change: run.change() };
}

/** One step from the model's values, with its settings (default: the model's η and order). */
export function stepOnce(
  spec: AnyModel,
  values: ParamValues,
  settings: Partial<TrainingSettings> = {},
): Change {
  const run = new TrainingRun(spec, values, { ...settings, steps: 1 }, 2);
  run.advance(1);
  return run.change();
}

/** One row of the step table: a weight (in `train.weights` order), then the error E. */
export interface TableRow {
  readonly key: string;
  /** The weight's name, or `E` (the panel writes the error row's head in the page's words). */
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** The step table's rows for a change: every weight `train.weights` lists, then E. */
export function tableRows(train: Training, change: Change): TableRow[] {
  return [
    ...Object.keys(train.weights).map((w) => ({
      key: w,
      label: w,
      from: change.from.weights[w] ?? NaN,
      to: change.to.weights[w] ?? NaN,
    })),
    { key: 'E', label: 'E', from: change.from.E, to: change.to.E },
  ];
}

/** An output as the figure and its caption name it: `out_o1`, aiming at `t1` = 0.01. */
export interface OutputLine {
  /** The derived value that shows the output on the page, e.g. `out_o1`. */
  readonly name: string;
  /** The parameter holding its target, e.g. `t1`. */
  readonly targetName: string;
  readonly target: number;
}

/** The outputs `train.outputs` declares, with their targets at `values`. */
export function outputLines(train: Training, values: ParamValues): OutputLine[] {
  return train.outputs.map(({ value, target }) => ({
    name: value,
    targetName: target,
    target: need(values, target),
  }));
}
