/**
 * The network's one forward and one backward pass, over preallocated Float64Array buffers. Every
 * caller uses them: training (train.ts, batch.ts), the display passes that show each factor of
 * the chain rule (network.ts), and the gradient-flow diagnostics (diagnostics.ts). Nothing here
 * allocates, validates or dispatches per neuron; the public wrappers validate once and call in.
 * Layer-indexed arrays in `Layout` use the layer number l = 1..L (index 0 is unused for weights
 * and biases, and is the input layer for neurons).
 *
 * Per layer, with u = W^(l) a^(l−1):
 *   z^(l) = u + b^(l), or with batch normalisation z^(l) = (u − μ_B)/√(σ²_B + ε) + b^(l);
 *   a^(l) = f_l(z^(l)), or with a residual connection a^(l) = a^(l−1) + f_l(z^(l)).
 * Batch normalisation uses the statistics of the batch being passed (training mode), with the
 * gain γ fixed at 1 and the layer's bias as its shift β.
 */
import { ACTIVATION_BOUND, activateLayer, multiplyByDerivative } from './activations.ts';
import {
  accumulate,
  addResidual,
  biases,
  clipGradient,
  finishGradient,
  finishInPlace,
  finishSimultaneous,
  gradientBelow,
  updateLayer,
} from './kernel-sweeps.ts';
import { clamp } from './validate.ts';

/**
 * Saturation guard for hidden deltas and ∂E/∂a: |δ| ≤ 1e100. Inputs and parameters are bounded
 * by VALUE_BOUND (1e6, clamped on entry and after every update), outputs of unbounded activations
 * by ACTIVATION_BOUND (1e100, see the layer kernels in activations.ts) and hidden deltas by this.
 * With widths ≤ 4096 that keeps every net input below ~1e112 (residual sums included), every
 * gradient entry below ~1e205 and every update below ~1e214: far from overflow (1.8e308), so no
 * step can produce ∞ − ∞ or ∞·0 = NaN, however deep the network. No chapter comes within 90
 * orders of magnitude of these bounds; they matter only for deliberately absurd settings.
 */
export const DELTA_BOUND = ACTIVATION_BOUND;

/** ε in batch normalisation's √(σ² + ε), PyTorch's default. */
export const BATCH_NORM_EPSILON = 1e-5;

/** Shape and parameter layout of a network, with per-layer lookups as typed arrays. */
export interface Layout {
  /** Number of weight layers L. */
  readonly depth: number;
  /** n_0..n_L. */
  readonly sizes: Int32Array;
  /** Offset of layer l's neurons (l = 0..L) inside one sample's neuron buffer. */
  readonly nodeOffset: Int32Array;
  /** Σ n_l over l = 0..L: the per-sample neuron buffer size. */
  readonly nodeCount: number;
  /**
   * Offset of W^(l) in the flat parameter vector (index l = 1..L). The flat vector is, for
   * l = 1..L in turn, W^(l) row-major (n_l × n_{l−1}; entry j·n_{l−1} + k is the weight from
   * neuron k of layer l−1 to neuron j of layer l) followed by b^(l).
   */
  readonly wOffset: Int32Array;
  /** Offset of b^(l) (index l = 1..L). */
  readonly bOffset: Int32Array;
  /** Number of biases in layer l: 1 when shared, n_l per neuron. */
  readonly bCount: Int32Array;
  readonly paramCount: number;
  /** Activation code and parameter of layer l (index l = 1..L). */
  readonly actCode: Int32Array;
  readonly actParam: Float64Array;
  /** residual[l] = 1 when a^(l) = a^(l−1) + f_l(z^(l)) (then n_l = n_{l−1}). */
  readonly residual: Uint8Array;
  /** batchNorm[l] = 1 when layer l normalises u = W^(l) a^(l−1) over the batch. */
  readonly batchNorm: Uint8Array;
  /** Whether any layer normalises over the batch (then a pass needs the whole batch at once). */
  readonly anyBatchNorm: boolean;
  readonly trainBiases: boolean;
  /** 0 = halfSquared, 1 = mse, 2 = linear (E = t · o: the target row is ∂E/∂o itself). */
  readonly lossCode: number;
}

/** Per-sample buffers for up to `capacity` samples, plus one gradient vector. */
export interface Workspace {
  readonly capacity: number;
  /** Net inputs z, capacity × nodeCount (layer 0 unused). */
  readonly z: Float64Array;
  /** Outputs a, capacity × nodeCount (layer 0 = the inputs). */
  readonly a: Float64Array;
  /** f_l(z^(l)) of residual layers, where it differs from a (other entries unused). */
  readonly f: Float64Array;
  /** The normalised u of batch-normalised layers (other entries unused). */
  readonly xhat: Float64Array;
  /** 1/√(σ²_B + ε) per neuron of batch-normalised layers, nodeCount entries. */
  readonly invStd: Float64Array;
  /**
   * ∂S/∂a, capacity × nodeCount, where S is the sum of the batch's per-sample losses (without
   * batch normalisation, slot s holds sample s's own ∂E_s/∂a). Layer 0 (the inputs) is filled
   * by gradient-only passes; training steps skip it.
   */
  readonly g: Float64Array;
  /**
   * Deltas δ = ∂S/∂z, capacity × nodeCount (layer 0 unused). In a batch-normalised layer, once
   * the layer's bias gradient is taken, they become ∂S/∂u, which the weights' gradient uses.
   */
  readonly d: Float64Array;
  /** Gradient of the batch loss, same layout as the parameters (see batchStep for when). */
  readonly grad: Float64Array;
  /** [global gradient norm before clipping, factor it was scaled by], set by clipped steps. */
  readonly clip: Float64Array;
}

export function createWorkspace(layout: Layout, capacity: number): Workspace {
  const size = capacity * layout.nodeCount;
  return {
    capacity,
    z: new Float64Array(size),
    a: new Float64Array(size),
    f: new Float64Array(layout.residual.some((r) => r === 1) ? size : 0),
    xhat: new Float64Array(layout.anyBatchNorm ? size : 0),
    invStd: new Float64Array(layout.anyBatchNorm ? layout.nodeCount : 0),
    g: new Float64Array(size),
    d: new Float64Array(size),
    grad: new Float64Array(layout.paramCount),
    clip: Float64Array.of(0, 1),
  };
}

/** What a step does after computing the gradient. */
export const STEP_GRADIENT_ONLY = 0;
/** Textbook rule: every gradient from the same (old) parameters, then update all. */
export const STEP_SIMULTANEOUS = 1;
/** Layers updated last to first; each delta backpropagated through already-updated weights. */
export const STEP_IN_PLACE = 2;

/**
 * Forward the samples rows[start..start+count) of X (or rows start..start+count−1 when `rows` is
 * null) into workspace slots 0..count−1, layer by layer, so that a batch-normalised layer sees
 * the whole batch.
 */
export function forwardBatch(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  X: Float64Array,
  rows: Int32Array | null,
  start: number,
  count: number,
): void {
  const z = ws.z;
  const a = ws.a;
  const sizes = lay.sizes;
  const stride = lay.nodeCount;
  const n0 = sizes[0]!;
  for (let s = 0; s < count; s++) {
    const xOff = (rows === null ? start + s : rows[start + s]!) * n0;
    const base = s * stride;
    for (let i = 0; i < n0; i++) a[base + i] = X[xOff + i]!;
  }
  for (let l = 1; l <= lay.depth; l++) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const inRel = lay.nodeOffset[l - 1]!;
    const outRel = lay.nodeOffset[l]!;
    const bo = lay.bOffset[l]!;
    const shared = lay.bCount[l] === 1;
    const bn = lay.batchNorm[l] === 1;
    for (let s = 0; s < count; s++) {
      const inOff = s * stride + inRel;
      const outOff = s * stride + outRel;
      let w = lay.wOffset[l]!;
      for (let j = 0; j < nOut; j++) {
        // Σ_k w_jk a_k first, bias last: the order of Mazur's script (total += x·w; total + bias),
        // so the worked example's forward pass rounds exactly as his does.
        let u = 0;
        for (let k = 0; k < nIn; k++) u += p[w++]! * a[inOff + k]!;
        z[outOff + j] = bn ? u : u + p[shared ? bo : bo + j]!;
      }
    }
    if (bn) normalise(lay, p, ws, l, count);
    const code = lay.actCode[l]!;
    const param = lay.actParam[l]!;
    if (lay.residual[l] === 1) {
      const f = ws.f;
      for (let s = 0; s < count; s++) {
        const outOff = s * stride + outRel;
        const inOff = s * stride + inRel;
        activateLayer(code, param, z, f, outOff, nOut);
        for (let j = 0; j < nOut; j++) a[outOff + j] = a[inOff + j]! + f[outOff + j]!;
      }
    } else {
      for (let s = 0; s < count; s++) activateLayer(code, param, z, a, s * stride + outRel, nOut);
    }
  }
}

/** z ← (u − μ_B)·invStd + b for layer l over slots 0..count−1 (u is in z on entry). */
function normalise(lay: Layout, p: Float64Array, ws: Workspace, l: number, count: number) {
  const z = ws.z;
  const xhat = ws.xhat;
  const stride = lay.nodeCount;
  const rel = lay.nodeOffset[l]!;
  const bo = lay.bOffset[l]!;
  const shared = lay.bCount[l] === 1;
  for (let j = 0; j < lay.sizes[l]!; j++) {
    let mean = 0;
    for (let s = 0; s < count; s++) mean += z[s * stride + rel + j]!;
    mean /= count;
    let variance = 0;
    for (let s = 0; s < count; s++) {
      const c = z[s * stride + rel + j]! - mean;
      variance += c * c;
    }
    const inv = 1 / Math.sqrt(variance / count + BATCH_NORM_EPSILON);
    ws.invStd[rel + j] = inv;
    const b = p[shared ? bo : bo + j]!;
    for (let s = 0; s < count; s++) {
      const i = s * stride + rel + j;
      const x = (z[i]! - mean) * inv;
      xhat[i] = x;
      z[i] = x + b;
    }
  }
}

/**
 * Loss of the sample in `slot` against row `row` of T, with ∂E/∂a^(L) written into ws.g.
 * halfSquared E = ½ Σ_j (t_j − o_j)², so ∂E/∂o_j = o_j − t_j; mse E = (1/n_L) Σ_j (t_j − o_j)²,
 * so ∂E/∂o_j = 2(o_j − t_j)/n_L; linear E = Σ_j t_j o_j, so ∂E/∂o_j = t_j.
 */
export function outputGradient(
  lay: Layout,
  ws: Workspace,
  slot: number,
  T: Float64Array,
  row: number,
): number {
  const nL = lay.sizes[lay.depth]!;
  const off = slot * lay.nodeCount + lay.nodeOffset[lay.depth]!;
  const tOff = row * nL;
  const a = ws.a;
  const g = ws.g;
  let sum = 0;
  if (lay.lossCode === 2) return linearGradient(ws, off, T, tOff, nL);
  const mse = lay.lossCode === 1;
  const gScale = mse ? 2 / nL : 1;
  for (let j = 0; j < nL; j++) {
    const diff = a[off + j]! - T[tOff + j]!;
    sum += diff * diff;
    g[off + j] = mse ? diff * gScale : diff;
  }
  return mse ? sum / nL : 0.5 * sum;
}

/** The linear loss t · o and its gradient t (kept apart so that the squared losses stay small). */
function linearGradient(ws: Workspace, off: number, T: Float64Array, tOff: number, n: number) {
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const t = T[tOff + j]!;
    sum += t * ws.a[off + j]!;
    ws.g[off + j] = t;
  }
  return sum;
}

/** δ^(l) = ∂E/∂a^(l) ⊙ f'(z^(l)) for one slot, saturated at ±DELTA_BOUND (by the kernel). */
function layerDeltas(lay: Layout, ws: Workspace, slot: number, l: number) {
  const n = lay.sizes[l]!;
  const off = slot * lay.nodeCount + lay.nodeOffset[l]!;
  // f' is computed from f(z) for sigmoid, tanh and ELU: a residual layer's a is not f(z).
  const out = lay.residual[l] === 1 ? ws.f : ws.a;
  multiplyByDerivative(lay.actCode[l]!, lay.actParam[l]!, ws.z, out, ws.g, ws.d, off, n);
}

/**
 * Through batch normalisation: with δ = ∂S/∂x̂ (x̂ the normalised u, since z = x̂ + b),
 * ∂S/∂u_s = invStd·(δ_s − mean_s δ − x̂_s·mean_s(δ·x̂)), written over δ in ws.d.
 */
function normaliseBackward(lay: Layout, ws: Workspace, l: number, count: number) {
  const d = ws.d;
  const xhat = ws.xhat;
  const stride = lay.nodeCount;
  const rel = lay.nodeOffset[l]!;
  for (let j = 0; j < lay.sizes[l]!; j++) {
    let meanD = 0;
    let meanDx = 0;
    for (let s = 0; s < count; s++) {
      const i = s * stride + rel + j;
      meanD += d[i]!;
      meanDx += d[i]! * xhat[i]!;
    }
    meanD /= count;
    meanDx /= count;
    const inv = ws.invStd[rel + j]!;
    for (let s = 0; s < count; s++) {
      const i = s * stride + rel + j;
      const v = inv * (d[i]! - meanD - xhat[i]! * meanDx);
      d[i] = clamp(v, DELTA_BOUND);
    }
  }
}

/**
 * One gradient computation (and, depending on `mode`, one update) over a batch: the samples
 * rows[start], ..., rows[start + count − 1] of X and T. Returns the batch loss, the mean of the
 * per-sample losses (so for one sample with halfSquared it is Mazur's E_total). ws.grad receives
 * the gradient of that mean (with STEP_IN_PLACE, each layer's as it was when applied).
 *
 * `clip` (Infinity for none): if the global norm G of the trainable parameters' gradient exceeds
 * it, the whole gradient is scaled by clip/G before the update (clip-by-global-norm). That needs
 * every layer's gradient before any update, so it takes the simultaneous order.
 */
export function batchStep(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  X: Float64Array,
  T: Float64Array,
  rows: Int32Array,
  start: number,
  count: number,
  eta: number,
  mode: number,
  clip: number,
): number {
  forwardBatch(lay, p, ws, X, rows, start, count);
  // Forward and backward as two functions of their own: V8 optimises each better than one.
  return backwardBatch(lay, p, ws, T, rows, start, count, eta, mode, clip);
}

/** The backward half of batchStep, over the slots forwardBatch filled. */
function backwardBatch(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  T: Float64Array,
  rows: Int32Array,
  start: number,
  count: number,
  eta: number,
  mode: number,
  clip: number,
): number {
  let loss = 0;
  for (let s = 0; s < count; s++) loss += outputGradient(lay, ws, s, T, rows[start + s]!);
  const clipped = clip !== Infinity && mode !== STEP_GRADIENT_ONLY;
  const order = clipped ? STEP_GRADIENT_ONLY : mode;
  for (let l = lay.depth; l >= 1; l--) {
    for (let s = 0; s < count; s++) layerDeltas(lay, ws, s, l);
    // The bias shifts the normalised value, so its gradient is δ before the normalisation's.
    // (A training step with frozen biases has no use for their gradient.)
    if (order === STEP_GRADIENT_ONLY || lay.trainBiases)
      biases(lay, p, ws, l, count, order !== STEP_GRADIENT_ONLY, eta);
    if (lay.batchNorm[l] === 1) normaliseBackward(lay, ws, l, count);
    // The inputs' gradient is for display and diagnostics; a training step has no use for it.
    const back = l > 1 || order === STEP_GRADIENT_ONLY;
    const late = order === STEP_IN_PLACE && count > 1;
    // One sweep over W^(l): ∂E/∂w_jk = mean over slots of δ_j·a_k^(l−1) (∂u_j/∂w_jk = a_k),
    // and with `below`, ∂E/∂a_k^(l−1) = Σ_j w_jk δ_j. On the last slot each entry's gradient is
    // complete, and a training step applies it at once: 'simultaneous' sums ∂E/∂a^(l−1)
    // through w_jk before its update, 'inPlace' after it, exactly the two orders' definitions.
    // (In place with several slots, the earlier slots summed through the old weights, so
    // gradientBelow() runs after the update instead.) The sweeps are in kernel-sweeps.ts.
    const below = back && !late;
    if (count > 1) accumulate(lay, p, ws, l, count - 1, below);
    if (below) {
      const off = (count - 1) * lay.nodeCount + lay.nodeOffset[l - 1]!;
      // a plain loop: TypedArray#fill is a builtin call, costly for a handful of entries
      for (let k = off; k < off + lay.sizes[l - 1]!; k++) ws.g[k] = 0;
    }
    if (order === STEP_SIMULTANEOUS) finishSimultaneous(lay, p, ws, l, count, below, eta);
    else if (order === STEP_IN_PLACE) finishInPlace(lay, p, ws, l, count, below, eta);
    else finishGradient(lay, p, ws, l, count, below);
    if (back && late) gradientBelow(lay, p, ws, count, l);
    if (back && lay.residual[l] === 1) addResidual(lay, ws, count, l);
  }
  if (clipped) {
    const scale = clipGradient(lay, ws, clip);
    for (let l = 1; l <= lay.depth; l++) updateLayer(lay, p, ws.grad, l, eta * scale);
  }
  return loss / count;
}

/**
 * Mean loss over rows[start..start+count) (or rows start.. when `rows` is null) without touching
 * gradients. Without batch normalisation one slot is reused, sample by sample; with it, the
 * samples are one batch, and the workspace must hold them all.
 */
export function batchLoss(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  X: Float64Array,
  T: Float64Array,
  rows: Int32Array | null,
  start: number,
  count: number,
): number {
  let loss = 0;
  if (lay.anyBatchNorm) {
    forwardBatch(lay, p, ws, X, rows, start, count);
    for (let s = 0; s < count; s++) {
      loss += outputGradient(lay, ws, s, T, rows === null ? start + s : rows[start + s]!);
    }
  } else {
    for (let s = 0; s < count; s++) {
      forwardBatch(lay, p, ws, X, rows, start + s, 1);
      loss += outputGradient(lay, ws, 0, T, rows === null ? start + s : rows[start + s]!);
    }
  }
  return count > 1 ? loss / count : loss;
}
