/**
 * Gradient-flow diagnostics for the vanishing/exploding-gradients chapter: how large is the
 * gradient that reaches each layer of a deep, square (n × n) stack?
 *
 * Setup, all drawn from one generator seeded with `seed`, in this order:
 *   1. weights W^(1..L), each n × n, N(0, std²) with std from `init` (see init.ts); no biases;
 *   2. a batch of inputs a^(0) ~ N(0, 1), batchSize × n;
 *   3. one upstream direction u_b per sample, uniform on the unit sphere (a normalised N(0, I)).
 * Forward: z^(l) = W^(l) a^(l−1); a^(l) = f(z^(l)), or with residual connections
 * a^(l) = a^(l−1) + f(z^(l)).
 *
 * Loss: a unit upstream gradient. Each sample's loss is E_b = u_b · a_b^(L), so ∂E_b/∂a_b^(L) = u_b
 * has norm exactly 1, and the batch loss is E = (1/B) Σ_b E_b. We use it instead of a squared
 * error because it isolates what backpropagation does to the signal: with a squared error,
 * ∂E/∂a^(L) = a^(L) − t itself grows or shrinks with the forward pass, mixing two effects.
 *
 * Reported per layer:
 *   activationGradNorms[l] = √(mean_b ‖∂E_b/∂a_b^(l)‖²), l = 0..L (so entry L is exactly 1);
 *   weightGradNorms[l − 1] = ‖∂E/∂W^(l)‖_F for the batch loss E, after clipping;
 *   rawWeightGradNorms: the same before clipping; activationRms[l] = RMS of a^(l) entries.
 * Clipping (`clip` = c): if the global norm G = √(Σ_l ‖∂E/∂W^(l)‖²) exceeds c, every weight
 * gradient is scaled by c/G (clip-by-global-norm, as in TensorFlow's clip_by_global_norm). It
 * rescales the parameter gradients only; the ∂E/∂a norms are what backprop delivered.
 */
import { STEP_GRADIENT_ONLY, batchStep, createWorkspace } from './kernel.ts';
import type { Layout } from './kernel.ts';
import { createNetwork } from './network.ts';
import { resolveActivation, tanh } from './activations.ts';
import type { ActivationSpec } from './activations.ts';
import { checkInit, initStd } from './init.ts';
import type { InitSpec } from './init.ts';
import { mulberry32 } from './rng.ts';
import type { Rng } from './rng.ts';
import { Trainer } from './train.ts';
import { checkInt, checkRange, fail } from './validate.ts';

export interface GradientFlowOptions {
  /** Number of weight layers L, 1..100. Required. */
  readonly depth: number;
  /**
   * Width n of every layer (and of the input), 1..256. Required. Cost grows as
   * depth × width² × batchSize: 100 layers of 256 with a batch of 16 take about a second.
   */
  readonly width: number;
  /** Activation of every layer. Required. */
  readonly activation: ActivationSpec;
  /** Weight initialisation (see InitSpec for the exact formulas). Required. */
  readonly init: InitSpec;
  /** Generator seed. Default 1. */
  readonly seed?: number;
  /** Samples in the batch, 1..256 (2..256 with batch normalisation). Default 16. */
  readonly batchSize?: number;
  /** Residual connections a^(l) = a^(l−1) + f(z^(l)). Default false. */
  readonly residual?: boolean;
  /** Batch normalisation of every layer's W a^(l−1) (see NetworkSpec.batchNorm). Default false. */
  readonly batchNorm?: boolean;
  /** Clip the global weight-gradient norm to this value (> 0). Default: no clipping. */
  readonly clip?: number;
}

export interface GradientFlowResult {
  readonly depth: number;
  /** √(mean over the batch of ‖∂E_b/∂a^(l)‖²) for l = 0..L. */
  readonly activationGradNorms: number[];
  /** ‖∂E/∂W^(l)‖_F after clipping, index l − 1. */
  readonly weightGradNorms: number[];
  /** ‖∂E/∂W^(l)‖_F before clipping, index l − 1. */
  readonly rawWeightGradNorms: number[];
  /** Global norm √(Σ_l ‖∂E/∂W^(l)‖²) before clipping. */
  readonly globalNorm: number;
  /** Factor the weight gradients were multiplied by (1 when not clipped). */
  readonly clipScale: number;
  /** RMS of the entries of a^(l), l = 0..L: shows whether the forward pass vanished/exploded. */
  readonly activationRms: number[];
}

/** Euclidean norm that cannot overflow: scales by the largest magnitude first. */
export function stableNorm(x: Float64Array, off = 0, n = x.length - off): number {
  let m = 0;
  for (let i = off; i < off + n; i++) m = Math.max(m, Math.abs(x[i]!));
  if (m === 0) return 0;
  let s = 0;
  for (let i = off; i < off + n; i++) {
    const r = x[i]! / m;
    s += r * r;
  }
  return m * Math.sqrt(s);
}

/** √(Σ v_i²) of already-stable norms, again without overflow. */
function combineNorms(norms: number[]): number {
  return stableNorm(Float64Array.from(norms));
}

interface Stack {
  readonly L: number;
  readonly n: number;
  readonly B: number;
  readonly init: InitSpec;
  readonly seed: number;
  readonly residual: boolean;
  readonly batchNorm: boolean;
  readonly activation: ActivationSpec;
  readonly clip: number;
}

/** The options every deep-stack function takes, checked once. */
function readStack(where: string, options: GradientFlowOptions): Stack {
  if (options === null || typeof options !== 'object') fail(where, 'options must be an object');
  const L = checkInt(where, 'depth', options.depth, 1, 100);
  const n = checkInt(where, 'width', options.width, 1, 256);
  resolveActivation(options.activation, where, 'activation');
  const init = checkInit(options.init, where);
  const seed = checkRange(where, 'seed', options.seed ?? 1, -(2 ** 53), 2 ** 53);
  const batchNorm = options.batchNorm ?? false;
  const residual = options.residual ?? false;
  if (typeof batchNorm !== 'boolean') fail(where, 'batchNorm must be a boolean');
  if (typeof residual !== 'boolean') fail(where, 'residual must be a boolean');
  const B = checkInt(where, 'batchSize', options.batchSize ?? 16, batchNorm ? 2 : 1, 256);
  const clip =
    options.clip === undefined
      ? Infinity
      : checkRange(where, 'clip', options.clip, 0, Number.MAX_VALUE, true);
  return { L, n, B, init, seed, residual, batchNorm, activation: options.activation, clip };
}

/**
 * The stack's weights W^(1..L), each n × n from N(0, std²), written into p in the network's
 * layout, then the batch of inputs N(0, 1): the first draws of the generator, in this order, so
 * that gradientFlow() and DepthRun start from the same network.
 */
function drawStack(s: Stack, lay: Layout, p: Float64Array, rng: Rng): Float64Array {
  const std = initStd(s.init, s.n, s.n);
  for (let l = 1; l <= s.L; l++) {
    for (let i = lay.wOffset[l]!; i < lay.bOffset[l]!; i++) p[i] = std * rng.normal();
  }
  const X = new Float64Array(s.B * s.n);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal();
  return X;
}

const allRows = (B: number) => Int32Array.from({ length: B }, (_, i) => i);

export function gradientFlow(options: GradientFlowOptions): GradientFlowResult {
  const s = readStack('gradientFlow()', options);
  const { L, n, B } = s;
  const net = createNetwork({
    sizes: new Array<number>(L + 1).fill(n),
    activation: s.activation,
    trainBiases: false,
    loss: 'linear',
    residual: s.residual,
    batchNorm: s.batchNorm,
  });
  const lay = net.layout;
  const p = new Float64Array(lay.paramCount);
  const rng = mulberry32(s.seed);
  const X = drawStack(s, lay, p, rng);
  // One upstream direction u_b per sample, uniform on the unit sphere: the linear loss's target.
  const u = new Float64Array(B * n);
  for (let i = 0; i < u.length; i++) u[i] = rng.normal();
  for (let b = 0; b < B; b++) {
    const norm = stableNorm(u, b * n, n);
    for (let i = 0; i < n; i++) {
      u[b * n + i] = norm === 0 ? (i === 0 ? 1 : 0) : u[b * n + i]! / norm;
    }
  }
  const ws = createWorkspace(lay, B);
  batchStep(lay, p, ws, X, u, allRows(B), 0, B, 0, STEP_GRADIENT_ONLY, Infinity);

  // ∂E_b/∂a^(l) per slot (the linear loss of one sample is E_b = u_b · a_b^(L)).
  const rmsOverBatch = (buf: Float64Array, l: number) => {
    const perSample: number[] = [];
    for (let b = 0; b < B; b++)
      perSample.push(stableNorm(buf, b * lay.nodeCount + lay.nodeOffset[l]!, n));
    return combineNorms(perSample) / Math.sqrt(B);
  };
  const activationGradNorms: number[] = [];
  const activationRms: number[] = [];
  for (let l = 0; l <= L; l++) {
    activationGradNorms.push(rmsOverBatch(ws.g, l));
    activationRms.push(rmsOverBatch(ws.a, l) / Math.sqrt(n));
  }
  const rawW: number[] = [];
  for (let l = 1; l <= L; l++) rawW.push(stableNorm(ws.grad, lay.wOffset[l], n * n));
  const globalNorm = combineNorms(rawW);
  const clipScale = globalNorm > s.clip ? s.clip / globalNorm : 1;
  return {
    depth: L,
    activationGradNorms,
    weightGradNorms: rawW.map((x) => x * clipScale),
    rawWeightGradNorms: rawW,
    globalNorm,
    clipScale,
    activationRms,
  };
}

export interface DepthRunOptions extends GradientFlowOptions {
  /** Learning rate η of full-batch gradient descent, in (0, 10]. Default 0.1. */
  readonly eta?: number;
}

/** Most steps a DepthRun takes. */
export const MAX_DEPTH_STEPS = 5000;

/**
 * Training the stack of gradientFlow(): the same L layers (the same weights and inputs, drawn
 * first from the same seed), then a linear readout of one output, v·a^(L) + c, starting at zero
 * so that every setting starts from the same output (0) and the same loss, trained by full-batch gradient descent on the mean squared error against a teacher,
 * t_b = tanh(2 w·x_b) for a random unit vector w drawn next. The teacher is a simple function of
 * the input, so a stack whose early layers learn can fit it; one whose early layers do not learn
 * must make do with whatever its random layers happen to pass up.
 *
 * The run trains on from where it stopped: to(k) for a larger k continues, bit-identical to a
 * straight run of k steps.
 */
export class DepthRun {
  readonly depth: number;
  readonly #trainer: Trainer;
  readonly #layout: Layout;
  readonly #start: Float64Array;
  readonly #losses: number[] = [];

  constructor(options: DepthRunOptions) {
    const where = 'DepthRun()';
    const s = readStack(where, options);
    const eta = checkRange(where, 'eta', options.eta ?? 0.1, 0, 10, true);
    const { L, n, B } = s;
    const net = createNetwork({
      sizes: [...new Array<number>(L + 1).fill(n), 1],
      activation: [...new Array<ActivationSpec>(L).fill(s.activation), 'identity'],
      loss: 'mse',
      residual: s.residual,
      batchNorm: [...new Array<boolean>(L).fill(s.batchNorm), false],
    });
    const lay = net.layout;
    const p = new Float64Array(lay.paramCount);
    const rng = mulberry32(s.seed);
    const X = drawStack(s, lay, p, rng);
    const w = Float64Array.from({ length: n }, () => rng.normal());
    const wNorm = stableNorm(w);
    const inputs: Float64Array[] = [];
    const targets: number[][] = [];
    for (let b = 0; b < B; b++) {
      const x = X.subarray(b * n, (b + 1) * n);
      let dot = 0;
      for (let k = 0; k < n; k++) dot += (wNorm === 0 ? (k === 0 ? 1 : 0) : w[k]! / wNorm) * x[k]!;
      inputs.push(x);
      targets.push([tanh(2 * dot)]);
    }
    this.depth = L;
    this.#layout = lay;
    this.#start = p.slice();
    this.#trainer = new Trainer(
      net,
      p,
      { inputs, targets },
      { eta, mode: 'fullBatch', ...(s.clip === Infinity ? {} : { clip: s.clip }) },
    );
  }

  /** Steps taken. */
  get step(): number {
    return this.#trainer.step;
  }

  /** Trains on until `steps` steps are taken (no-op if already there; a run never goes back). */
  to(steps: number): void {
    checkInt('DepthRun.to()', 'steps', steps, 0, MAX_DEPTH_STEPS);
    if (steps > this.#trainer.step) {
      const chunk = this.#trainer.run(steps - this.#trainer.step);
      for (const x of chunk.losses) this.#losses.push(x);
    }
  }

  /** losses[k]: the loss after k steps, k = 0..step. */
  get losses(): Float64Array {
    return Float64Array.from([...this.#losses, this.#trainer.loss()]);
  }

  /**
   * How far each layer of the stack has moved: ‖W^(l) − W^(l)(0)‖_F / ‖W^(l)(0)‖_F for
   * l = 1..L (the readout is not part of the stack).
   */
  weightChange(): number[] {
    const lay = this.#layout;
    const p = this.#trainer.params;
    const change: number[] = [];
    for (let l = 1; l <= this.depth; l++) {
      const from = lay.wOffset[l]!;
      const size = lay.bOffset[l]! - from;
      const diff = new Float64Array(size);
      for (let i = 0; i < size; i++) diff[i] = p[from + i]! - this.#start[from + i]!;
      const base = stableNorm(this.#start, from, size);
      change.push(base === 0 ? 0 : stableNorm(diff) / base);
    }
    return change;
  }
}
