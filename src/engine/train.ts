/**
 * Training loops: full batch, per-sample SGD or mini-batches, for N steps, with optional loss
 * history and parameter path. A `Trainer` keeps all state (parameters, workspace, sample order,
 * generator) so a page can train 10,000 steps in slices between animation frames; `train()` is
 * the one-shot form. Both run the same loop, so chunked and one-shot results are bit-identical.
 *
 * The step loop allocates nothing: every buffer (activations, deltas, gradient, batch indices,
 * loss history, path snapshots) is allocated before it starts.
 */
import { batchLoss, batchStep, createWorkspace } from './kernel.ts';
import type { Workspace } from './kernel.ts';
import { readBatch, readStepOptions } from './batch.ts';
import type { StepOptions } from './batch.ts';
import { readParams } from './network.ts';
import type { Network, ParamsInput } from './network.ts';
import { mulberry32, shuffleInPlace } from './rng.ts';
import type { Rng } from './rng.ts';
import { checkInt, checkOneOf, checkRange, fail } from './validate.ts';

/** Training samples: inputs[i] (n_0 numbers) should map to targets[i] (n_L numbers). */
export interface Dataset {
  readonly inputs: readonly ArrayLike<number>[];
  readonly targets: readonly ArrayLike<number>[];
}

export type TrainMode = 'fullBatch' | 'sgd' | 'miniBatch';

export interface TrainOptions extends StepOptions {
  /**
   * 'fullBatch' (default): every step uses all samples. 'sgd': one sample per step.
   * 'miniBatch': batchSize samples per step. A step's loss and gradient are means over its batch.
   */
  readonly mode?: TrainMode;
  /** Samples per step in 'miniBatch' mode, 1..N. Default min(32, N). Ignored otherwise. */
  readonly batchSize?: number;
  /**
   * Sample order for 'sgd' and 'miniBatch'. Samples come from an endless stream of epochs, each
   * visiting every sample once: 'shuffled' (default) draws a fresh seeded Fisher–Yates
   * permutation per epoch, 'fixed' uses index order 0..N−1 every epoch. A batch takes the next
   * B samples of the stream and may straddle two epochs, so no sample is ever dropped.
   */
  readonly order?: 'shuffled' | 'fixed';
  /** Seed for the shuffles. Default 1. */
  readonly seed?: number;
  /** Record each step's loss (its batch's loss before the update). Default true. */
  readonly recordLoss?: boolean;
  /**
   * The learning rate of each step, from its global step number (0 for the first): a schedule,
   * e.g. `(t) => 0.5 / (1 + t / 1000)`. It overrides `eta`; every rate it gives must be in
   * (0, 1000], or the run stops with an error before that step.
   */
  readonly etaAt?: (step: number) => number;
  /**
   * Record a snapshot of the flat parameters every k steps: after steps k, 2k, ... and also the
   * starting point (step 0, handed out by the first run()). 0 (default) records no path.
   */
  readonly recordPathEvery?: number;
}

/** What one `Trainer.run()` produced. */
export interface TrainChunk {
  /** Global step number before and after this chunk. */
  readonly fromStep: number;
  readonly toStep: number;
  /** losses[i]: loss of step fromStep + i (batch loss before its update); empty if not recorded. */
  readonly losses: Float64Array;
  /** Parameter snapshots (views into one buffer), at the global steps in pathSteps. */
  readonly path: Float64Array[];
  readonly pathSteps: number[];
}

/** Most steps one call may run, to catch runaway requests. */
export const MAX_STEPS = 100_000_000;

export class Trainer {
  readonly net: Network;
  readonly mode: TrainMode;
  readonly batchSize: number;
  readonly #p: Float64Array;
  readonly #ws: Workspace;
  readonly #lossWs: Workspace;
  readonly #X: Float64Array;
  readonly #T: Float64Array;
  readonly #count: number;
  #eta: number;
  readonly #etaAt: ((step: number) => number) | undefined;
  readonly #stepMode: number;
  readonly #clip: number;
  readonly #shuffled: boolean;
  readonly #rng: Rng;
  /** Current epoch's sample order and how far into it the stream is. */
  readonly #order: Int32Array;
  #cursor: number;
  /** The batch's sample indices (the whole identity order for full batch). */
  readonly #batchRows: Int32Array;
  readonly #recordLoss: boolean;
  readonly #pathEvery: number;
  #step = 0;
  /** Whether the step-0 path snapshot has been handed out (by the first run()). */
  #startRecorded = false;

  constructor(net: Network, params: ParamsInput, data: Dataset, options: TrainOptions = {}) {
    const where = 'Trainer()';
    this.net = net;
    this.#p = readParams(net, params, where);
    if (data === null || typeof data !== 'object') fail(where, 'data must be { inputs, targets }');
    const batch = readBatch(net, data.inputs, data.targets, where);
    this.#X = batch.X;
    this.#T = batch.T;
    this.#count = batch.count;
    const step = readStepOptions(options, where);
    this.#eta = step.eta;
    if (options.etaAt !== undefined && typeof options.etaAt !== 'function')
      fail(where, 'etaAt must be a function of the step number');
    this.#etaAt = options.etaAt;
    this.#stepMode = step.mode;
    this.#clip = step.clip;
    this.mode = checkOneOf(where, 'mode', options.mode ?? 'fullBatch', [
      'fullBatch',
      'sgd',
      'miniBatch',
    ]);
    const N = this.#count;
    this.batchSize =
      this.mode === 'fullBatch'
        ? N
        : this.mode === 'sgd'
          ? 1
          : checkInt(where, 'batchSize', options.batchSize ?? Math.min(32, N), 1, N);
    this.#shuffled =
      checkOneOf(where, 'order', options.order ?? 'shuffled', ['shuffled', 'fixed']) === 'shuffled';
    this.#rng = mulberry32(checkRange(where, 'seed', options.seed ?? 1, -(2 ** 53), 2 ** 53));
    this.#recordLoss = options.recordLoss ?? true;
    if (typeof this.#recordLoss !== 'boolean') fail(where, 'recordLoss must be a boolean');
    this.#pathEvery = checkInt(
      where,
      'recordPathEvery',
      options.recordPathEvery ?? 0,
      0,
      MAX_STEPS,
    );
    if (net.layout.anyBatchNorm && this.batchSize < 2)
      fail(where, 'batch normalisation needs batches of at least 2 samples');
    this.#ws = createWorkspace(net.layout, this.batchSize);
    // The whole-dataset loss passes the dataset as one batch, which batch normalisation needs.
    this.#lossWs = net.layout.anyBatchNorm ? createWorkspace(net.layout, N) : this.#ws;
    this.#order = Int32Array.from({ length: N }, (_, i) => i);
    this.#batchRows = Int32Array.from({ length: this.batchSize }, (_, i) => i);
    this.#cursor = 0;
    if (this.mode !== 'fullBatch' && this.#shuffled) shuffleInPlace(this.#order, this.#rng);
  }

  /** Steps taken so far. */
  get step(): number {
    return this.#step;
  }

  /** The learning rate of the next step without a schedule (etaAt overrides it). */
  get eta(): number {
    return this.#eta;
  }

  /** Changes the learning rate from the next step on: in (0, 1000], as the option. */
  set eta(value: number) {
    this.#eta = checkRange('Trainer.eta', 'eta', value, 0, 1000, true);
  }

  /** A copy of the current flat parameters. */
  get params(): Float64Array {
    return this.#p.slice();
  }

  /** Loss over the whole dataset at the current parameters. */
  loss(): number {
    return batchLoss(
      this.net.layout,
      this.#p,
      this.#lossWs,
      this.#X,
      this.#T,
      null,
      0,
      this.#count,
    );
  }

  /** Fill #batchRows with the next batchSize samples of the epoch stream. */
  #nextBatch(): void {
    const rows = this.#batchRows;
    const order = this.#order;
    const N = this.#count;
    for (let i = 0; i < rows.length; i++) {
      if (this.#cursor === N) {
        this.#cursor = 0;
        if (this.#shuffled) shuffleInPlace(order, this.#rng);
      }
      rows[i] = order[this.#cursor++]!;
    }
  }

  /** Run `steps` more steps (0 allowed) and report their losses and path snapshots. */
  run(steps: number): TrainChunk {
    checkInt('Trainer.run()', 'steps', steps, 0, MAX_STEPS);
    const fromStep = this.#step;
    const toStep = fromStep + steps;
    const P = this.net.paramCount;
    const every = this.#pathEvery;
    const pathSteps: number[] = [];
    const recordStart = every > 0 && !this.#startRecorded;
    this.#startRecorded = true;
    if (every > 0) {
      if (recordStart) pathSteps.push(0);
      for (let s = (Math.floor(fromStep / every) + 1) * every; s <= toStep; s += every) {
        pathSteps.push(s);
      }
    }
    const pathBuf = new Float64Array(pathSteps.length * P);
    let snap = 0;
    if (recordStart) pathBuf.set(this.#p, snap++ * P);
    const losses = new Float64Array(this.#recordLoss ? steps : 0);

    const lay = this.net.layout;
    const p = this.#p;
    const ws = this.#ws;
    const X = this.#X;
    const T = this.#T;
    const rows = this.#batchRows;
    const B = this.batchSize;
    const etaAt = this.#etaAt;
    const fixedEta = this.#eta;
    const mode = this.#stepMode;
    const clip = this.#clip;
    const full = this.mode === 'fullBatch';
    const record = this.#recordLoss;
    for (let s = 0; s < steps; s++) {
      if (!full) this.#nextBatch();
      const eta =
        etaAt === undefined
          ? fixedEta
          : checkRange(
              'Trainer.run()',
              `etaAt(${fromStep + s})`,
              etaAt(fromStep + s),
              0,
              1000,
              true,
            );
      const loss = batchStep(lay, p, ws, X, T, rows, 0, B, eta, mode, clip);
      if (record) losses[s] = loss;
      const done = fromStep + s + 1;
      // Kept step by step, so that a schedule that fails part-way leaves a true count.
      this.#step = done;
      if (every > 0 && done % every === 0) pathBuf.set(p, snap++ * P);
    }
    this.#step = toStep;
    const path = pathSteps.map((_, i) => pathBuf.subarray(i * P, (i + 1) * P));
    return { fromStep, toStep, losses, path, pathSteps };
  }
}

/** Result of one-shot training. */
export interface TrainResult extends TrainChunk {
  /** Final flat parameters. */
  readonly params: Float64Array;
  /** Loss over the whole dataset after the last step. */
  readonly finalLoss: number;
}

/**
 * Train for `steps` steps from `params` (not modified) and return the final parameters, the
 * loss history and, if asked, the parameter path. To continue later, pass the returned params
 * back in (with a different seed for shuffled orders) or keep a `Trainer`.
 */
export function train(
  net: Network,
  params: ParamsInput,
  data: Dataset,
  steps: number,
  options: TrainOptions = {},
): TrainResult {
  const trainer = new Trainer(net, params, data, options);
  const chunk = trainer.run(steps);
  return { ...chunk, params: trainer.params, finalLoss: trainer.loss() };
}
