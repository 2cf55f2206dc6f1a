/**
 * Chapter 4's experiment: a 1-N-1 network (N hidden units, tanh or sigmoid, and a linear output)
 * fitted by full-batch gradient descent to a curve on [−1, 1], sampled at evenly spaced points.
 *
 *   ŷ(x) = c + Σⱼ vⱼ · f(wⱼ x + bⱼ)        the fitted function, a sum of N scaled units
 *   L = (1/n) Σᵢ (ŷ(xᵢ) − y(xᵢ))²          the mean squared error it minimises
 *
 * Each term vⱼ · f(wⱼ x + bⱼ) is hidden unit j's contribution; the figure draws them one by one.
 * A run is a pure function of its settings and its step count (seeded initial weights, full
 * batch, a learning rate given by the step number), so a link reproduces it exactly, and a
 * `FitRun` can go on from where it stopped instead of starting again.
 */
import { createNetwork, type Network } from './network.ts';
import { initParams } from './init.ts';
import { predict } from './predict.ts';
import { Trainer, type Dataset } from './train.ts';
import { checkInt, checkOneOf, checkRange } from './validate.ts';

export type FitTarget = 'sine' | 'bump' | 'abs' | 'step';
export const FIT_TARGETS: readonly FitTarget[] = ['sine', 'bump', 'abs', 'step'];

/** The target curves, on [−1, 1]: smooth, local, a kink, and a jump (not continuous). */
export const TARGET_FUNCTIONS: Readonly<Record<FitTarget, (x: number) => number>> = {
  sine: (x) => Math.sin(Math.PI * x),
  bump: (x) => Math.exp(-10 * x * x),
  abs: (x) => Math.abs(x),
  step: (x) => (x < 0 ? 0 : 1),
};

export type FitActivation = 'tanh' | 'sigmoid';
/** Most hidden units the figure offers. */
export const MAX_UNITS = 20;
/** Training points, evenly spaced on [−1, 1] (the step's jump falls between two of them). */
export const FIT_POINTS = 40;
/** Points the fitted curve is drawn through. */
export const CURVE_POINTS = 121;

export interface FitSettings {
  readonly units: number;
  readonly activation: FitActivation;
  readonly target: FitTarget;
  /** The learning rate at step 0. */
  readonly eta: number;
  /** Whether the rate decays as η / (1 + t / DECAY_STEPS). */
  readonly decay: boolean;
  /** Seed of the initial weights. */
  readonly seed: number;
}

/** The decay's time scale: the rate halves by step DECAY_STEPS, and is a tenth by 9 × that. */
export const DECAY_STEPS = 2000;

/** The learning rate of step t under the settings. */
export const etaAt = (settings: Pick<FitSettings, 'eta' | 'decay'>, t: number): number =>
  settings.decay ? settings.eta / (1 + t / DECAY_STEPS) : settings.eta;

const grid = (count: number): number[] =>
  Array.from({ length: count }, (_, i) => -1 + (2 * i) / (count - 1));

/** The training set: FIT_POINTS evenly spaced x on [−1, 1] and the target there. */
export function fitData(target: FitTarget): Dataset {
  const f = TARGET_FUNCTIONS[target];
  const xs = grid(FIT_POINTS);
  return { inputs: xs.map((x) => [x]), targets: xs.map((x) => [f(x)]) };
}

/** The points the figure draws curves through. */
export const curveXs = (): number[] => grid(CURVE_POINTS);

function checkSettings(s: FitSettings, where: string): FitSettings {
  checkInt(where, 'units', s.units, 1, MAX_UNITS);
  checkOneOf(where, 'activation', s.activation, ['tanh', 'sigmoid']);
  checkOneOf(where, 'target', s.target, FIT_TARGETS);
  checkRange(where, 'eta', s.eta, 0, 10, true);
  checkInt(where, 'seed', s.seed, 0, 2 ** 31 - 1);
  return s;
}

export function fitNetwork(units: number, activation: FitActivation): Network {
  return createNetwork({ sizes: [1, units, 1], activation: [activation, 'identity'], loss: 'mse' });
}

/**
 * The starting weights. Each hidden unit gets a seeded slope wⱼ ~ N(0, 3²), steep enough to bend
 * within the interval, and a bias that puts its centre (where wⱼ x + bⱼ = 0) at an evenly spaced
 * point of [−0.9, 0.9], so that the units start spread over the interval rather than all at 0;
 * the output weights are ~ N(0, 1/N) and the output bias 0.
 */
export function fitStart(units: number, seed: number): Float64Array {
  const N = checkInt('fitStart()', 'units', units, 1, MAX_UNITS);
  const net = fitNetwork(N, 'tanh');
  const p = initParams(net, { init: { kind: 'scale', scale: 3 }, seed: seed + 1 });
  for (let j = 0; j < N; j++) {
    const centre = N === 1 ? 0 : -0.9 + (1.8 * j) / (N - 1);
    p[N + j] = -p[j]! * centre;
    // The scale init gave the output layer std 3/√N: a third of it is 1/√N.
    p[2 * N + j] = p[2 * N + j]! / 3;
  }
  return p;
}

/**
 * The largest curvature of the loss along the output layer's parameters (v₁…v_N and c) at the
 * weights `params`: the largest eigenvalue of (2/n) Σᵢ h̃ᵢ h̃ᵢᵀ, where h̃ᵢ holds the hidden units'
 * outputs at xᵢ and a 1 for c. The loss is quadratic in these parameters, so this is exact for
 * them, and full-batch gradient descent on them alone is stable only if η < 2/λ (chapter 3); the
 * whole loss's largest curvature is at least this. Power iteration, to 1e-12 relative.
 */
export function outputCurvature(
  units: number,
  activation: FitActivation,
  target: FitTarget,
  params: Float64Array,
): number {
  const N = checkInt('outputCurvature()', 'units', units, 1, MAX_UNITS);
  const net = fitNetwork(N, activation);
  const data = fitData(target);
  const { layers } = predict(net, params, data.inputs, { layers: true });
  const h = layers[1]!;
  const n = data.inputs.length;
  const size = N + 1;
  const A = new Float64Array(size * size);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < size; r++) {
      const hr = r < N ? h[i * N + r]! : 1;
      for (let c = 0; c < size; c++) A[r * size + c]! += (2 / n) * hr * (c < N ? h[i * N + c]! : 1);
    }
  }
  let v = new Float64Array(size).fill(1 / Math.sqrt(size));
  let lambda = 0;
  for (let k = 0; k < 1000; k++) {
    const w = new Float64Array(size);
    for (let r = 0; r < size; r++) {
      let sum = 0;
      for (let c = 0; c < size; c++) sum += A[r * size + c]! * v[c]!;
      w[r] = sum;
    }
    const norm = Math.hypot(...w);
    if (norm === 0) return 0;
    const next = norm;
    v = w.map((x) => x / norm);
    if (Math.abs(next - lambda) <= 1e-12 * next) return next;
    lambda = next;
  }
  return lambda;
}

/** What a run shows at its current step. */
export interface FitState {
  readonly step: number;
  /** The loss over the training points now. */
  readonly loss: number;
  /** ŷ at curveXs(). */
  readonly curve: Float64Array;
  /** Unit j's contribution vⱼ · f(wⱼ x + bⱼ) at curveXs(), at [j · CURVE_POINTS + i]. */
  readonly contributions: Float64Array;
  /** The output bias c: the fitted function is c plus the contributions. */
  readonly outputBias: number;
  /** The flat parameters: W1 (N), b1 (N), W2 (N), b2 (1). */
  readonly params: Float64Array;
}

/**
 * A training run that can be advanced: `to(k)` trains on from the current step, or starts again
 * if k is behind it. The loss is recorded every `every` steps, for the loss curve.
 */
export class FitRun {
  readonly settings: FitSettings;
  readonly net: Network;
  #trainer: Trainer;
  readonly #every: number;
  /** Loss at steps 0, every, 2·every, … up to the current step. */
  #losses: number[] = [];

  constructor(settings: FitSettings, every = 50) {
    this.settings = checkSettings(settings, 'FitRun()');
    this.#every = checkInt('FitRun()', 'every', every, 1, 1_000_000);
    this.net = fitNetwork(settings.units, settings.activation);
    this.#trainer = this.#fresh();
    this.#losses = [this.#trainer.loss()];
  }

  #fresh(): Trainer {
    const s = this.settings;
    return new Trainer(this.net, fitStart(s.units, s.seed), fitData(s.target), {
      eta: s.eta,
      etaAt: (t) => etaAt(s, t),
      recordLoss: false,
    });
  }

  get step(): number {
    return this.#trainer.step;
  }

  /** Loss at steps 0, every, 2·every, …, at most the current step. */
  get losses(): Float64Array {
    return Float64Array.from(this.#losses);
  }

  get every(): number {
    return this.#every;
  }

  /** Trains until step k (from here, or from the start if k is behind). */
  to(k: number): void {
    checkInt('FitRun.to()', 'k', k, 0, 10_000_000);
    if (k < this.#trainer.step) {
      this.#trainer = this.#fresh();
      this.#losses = [this.#trainer.loss()];
    }
    while (this.#trainer.step < k) {
      const next = Math.min(k, (Math.floor(this.#trainer.step / this.#every) + 1) * this.#every);
      this.#trainer.run(next - this.#trainer.step);
      if (next % this.#every === 0) this.#losses.push(this.#trainer.loss());
    }
  }

  /** The fitted curve and each unit's contribution at the current step. */
  state(): FitState {
    const p = this.#trainer.params;
    const xs = curveXs();
    const { outputs, layers } = predict(
      this.net,
      p,
      xs.map((x) => [x]),
      { layers: true },
    );
    const N = this.settings.units;
    const hidden = layers[1]!;
    // Parameters: W1 (N×1), b1 (N), W2 (1×N), b2 (1), in the engine's flat layout.
    const v = p.subarray(2 * N, 3 * N);
    const contributions = new Float64Array(N * CURVE_POINTS);
    for (let j = 0; j < N; j++) {
      for (let i = 0; i < CURVE_POINTS; i++) {
        contributions[j * CURVE_POINTS + i] = v[j]! * hidden[i * N + j]!;
      }
    }
    return {
      step: this.#trainer.step,
      loss: this.#trainer.loss(),
      curve: outputs,
      contributions,
      outputBias: p[3 * N]!,
      params: p,
    };
  }
}
