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
import { applyScalar, derivativeScalar, resolveActivation } from './activations.ts';
import type { ActivationSpec } from './activations.ts';
import { checkInit, initStd } from './init.ts';
import type { InitSpec } from './init.ts';
import { mulberry32 } from './rng.ts';
import { checkInt, checkRange, fail } from './validate.ts';

export interface GradientFlowOptions {
  /** Number of weight layers L, 1..100. Required. */
  readonly depth: number;
  /**
   * Width n of every layer (and of the input), 1..256. Required. Cost grows as
   * depth × width² × batchSize: 100 layers of 256 with a batch of 16 take just under a second.
   */
  readonly width: number;
  /** Activation of every layer. Required. */
  readonly activation: ActivationSpec;
  /** Weight initialisation (see InitSpec for the exact formulas). Required. */
  readonly init: InitSpec;
  /** Generator seed. Default 1. */
  readonly seed?: number;
  /** Samples in the batch, 1..256. Default 16. */
  readonly batchSize?: number;
  /** Residual connections a^(l) = a^(l−1) + f(z^(l)). Default false. */
  readonly residual?: boolean;
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

/** Saturate at ±1e150: with scale ≤ 10 and depth ≤ 100 values stay far below; pure insurance. */
function sat(x: number): number {
  return x > 1e150 ? 1e150 : x < -1e150 ? -1e150 : x;
}

export function gradientFlow(options: GradientFlowOptions): GradientFlowResult {
  const where = 'gradientFlow()';
  if (options === null || typeof options !== 'object') fail(where, 'options must be an object');
  const L = checkInt(where, 'depth', options.depth, 1, 100);
  const n = checkInt(where, 'width', options.width, 1, 256);
  const act = resolveActivation(options.activation, where, 'activation');
  const init = checkInit(options.init, where);
  const seed = checkRange(where, 'seed', options.seed ?? 1, -(2 ** 53), 2 ** 53);
  const B = checkInt(where, 'batchSize', options.batchSize ?? 16, 1, 256);
  const residual = options.residual ?? false;
  const clip =
    options.clip === undefined
      ? Infinity
      : checkRange(where, 'clip', options.clip, 0, Number.MAX_VALUE, true);

  const rng = mulberry32(seed);
  const gaussian = (length: number, scale: number) => {
    const v = new Float64Array(length);
    for (let i = 0; i < length; i++) v[i] = scale * rng.normal();
    return v;
  };
  const std = initStd(init, n, n);
  const W: Float64Array[] = [];
  for (let l = 0; l < L; l++) W.push(gaussian(n * n, std));
  // a[l] and z[l] hold B × n values for layer l, sample b at offset b·n (z[0] unused).
  const a: Float64Array[] = [gaussian(B * n, 1)];
  const z: Float64Array[] = [new Float64Array(0)];
  const u = gaussian(B * n, 1);
  for (let b = 0; b < B; b++) {
    const norm = stableNorm(u, b * n, n);
    for (let i = 0; i < n; i++) {
      u[b * n + i] = norm === 0 ? (i === 0 ? 1 : 0) : u[b * n + i]! / norm;
    }
  }

  for (let l = 1; l <= L; l++) {
    const w = W[l - 1]!;
    const prev = a[l - 1]!;
    const zl = new Float64Array(B * n);
    const al = new Float64Array(B * n);
    for (let b = 0; b < B; b++) {
      const off = b * n;
      for (let j = 0; j < n; j++) {
        let s = 0;
        const row = j * n;
        for (let k = 0; k < n; k++) s += w[row + k]! * prev[off + k]!;
        const zz = sat(s);
        zl[off + j] = zz;
        const f = applyScalar(act.code, act.param, zz);
        al[off + j] = sat(residual ? prev[off + j]! + f : f);
      }
    }
    z.push(zl);
    a.push(al);
  }

  // Backward, per sample: g = ∂E_b/∂a^(l) (without the batch mean's 1/B).
  let g = u;
  const actNorm = new Array<number>(L + 1);
  const rawW = new Array<number>(L);
  const batchNorm = (v: Float64Array) => {
    const perSample: number[] = [];
    for (let b = 0; b < B; b++) perSample.push(stableNorm(v, b * n, n));
    return combineNorms(perSample) / Math.sqrt(B);
  };
  actNorm[L] = batchNorm(g);
  for (let l = L; l >= 1; l--) {
    const w = W[l - 1]!;
    const zl = z[l]!;
    const prev = a[l - 1]!;
    // δ = ∂E_b/∂z^(l) = g ⊙ f'(z^(l))
    const delta = new Float64Array(B * n);
    for (let i = 0; i < B * n; i++) {
      delta[i] = sat(g[i]! * derivativeScalar(act.code, act.param, zl[i]!));
    }
    // ∂E/∂W^(l) = (1/B) Σ_b δ_b a_b^(l−1)ᵀ
    const gw = new Float64Array(n * n);
    for (let b = 0; b < B; b++) {
      const off = b * n;
      for (let j = 0; j < n; j++) {
        const dj = delta[off + j]! / B;
        const row = j * n;
        for (let k = 0; k < n; k++) gw[row + k]! += dj * prev[off + k]!;
      }
    }
    rawW[l - 1] = stableNorm(gw);
    // ∂E_b/∂a^(l−1) = W^(l)ᵀ δ (+ g itself through the residual connection)
    const next = residual ? g.slice() : new Float64Array(B * n);
    for (let b = 0; b < B; b++) {
      const off = b * n;
      for (let j = 0; j < n; j++) {
        const dj = delta[off + j]!;
        const row = j * n;
        for (let k = 0; k < n; k++) next[off + k]! += w[row + k]! * dj;
      }
      for (let k = 0; k < n; k++) next[off + k] = sat(next[off + k]!);
    }
    g = next;
    actNorm[l - 1] = batchNorm(g);
  }

  const globalNorm = combineNorms(rawW);
  const clipScale = globalNorm > clip ? clip / globalNorm : 1;
  const rms = (v: Float64Array) => stableNorm(v) / Math.sqrt(v.length);
  return {
    depth: L,
    activationGradNorms: actNorm,
    weightGradNorms: rawW.map((x) => x * clipScale),
    rawWeightGradNorms: rawW,
    globalNorm,
    clipScale,
    activationRms: a.map(rms),
  };
}
