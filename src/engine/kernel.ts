/**
 * The network's hot path: forward, backward and update over preallocated Float64Array buffers.
 * Nothing here allocates, validates or dispatches per neuron; the public wrappers in network.ts
 * and train.ts validate once and then call in. Layer-indexed arrays in `Layout` use the layer
 * number l = 1..L (index 0 is unused for weights/biases, and is the input layer for neurons).
 */
import { activateLayer, multiplyByDerivative } from './activations.ts';

/**
 * Saturation guard for hidden deltas: |δ| ≤ 1e100. Inputs and parameters are bounded by
 * VALUE_BOUND (1e6, clamped on entry and after every update), outputs of unbounded activations
 * by ACTIVATION_BOUND (1e100, see the layer kernels in activations.ts) and hidden deltas by
 * this. With widths ≤ 4096 that keeps every net input below ~1e110, every gradient entry below
 * ~1e203 and every update below ~1e212: far from overflow (1.8e308), so no step can produce
 * ∞ − ∞ or ∞·0 = NaN, however deep the network. No chapter comes within 90 orders of magnitude
 * of these bounds; they matter only for deliberately absurd settings.
 */
export const DELTA_BOUND = 1e100;

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
  readonly trainBiases: boolean;
  /** 0 = halfSquared, 1 = mse. */
  readonly lossCode: number;
}

/** Per-sample buffers for up to `capacity` samples, plus one gradient vector. */
export interface Workspace {
  readonly capacity: number;
  /** Net inputs z, capacity × nodeCount (layer 0 unused). */
  readonly z: Float64Array;
  /** Outputs a, capacity × nodeCount (layer 0 = the inputs). */
  readonly a: Float64Array;
  /** Deltas δ = ∂E/∂z, capacity × nodeCount (layer 0 unused). */
  readonly d: Float64Array;
  /** Gradient of the batch loss, same layout as the parameters (see batchStep for when). */
  readonly grad: Float64Array;
}

export function createWorkspace(layout: Layout, capacity: number): Workspace {
  const size = capacity * layout.nodeCount;
  return {
    capacity,
    z: new Float64Array(size),
    a: new Float64Array(size),
    d: new Float64Array(size),
    grad: new Float64Array(layout.paramCount),
  };
}

/** What a step does after computing the gradient. */
export const STEP_GRADIENT_ONLY = 0;
/** Textbook rule: every gradient from the same (old) parameters, then update all. */
export const STEP_SIMULTANEOUS = 1;
/** Layers updated last to first; each delta backpropagated through already-updated weights. */
export const STEP_IN_PLACE = 2;

/** Forward one sample (row `row` of X) into workspace slot `slot`. */
export function forwardSample(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  slot: number,
  X: Float64Array,
  row: number,
): void {
  const z = ws.z;
  const a = ws.a;
  const sizes = lay.sizes;
  const base = slot * lay.nodeCount;
  const n0 = sizes[0]!;
  const xOff = row * n0;
  for (let i = 0; i < n0; i++) a[base + i] = X[xOff + i]!;
  for (let l = 1; l <= lay.depth; l++) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const inOff = base + lay.nodeOffset[l - 1]!;
    const outOff = base + lay.nodeOffset[l]!;
    const bo = lay.bOffset[l]!;
    const shared = lay.bCount[l] === 1;
    let w = lay.wOffset[l]!;
    for (let j = 0; j < nOut; j++) {
      // Σ_k w_jk a_k first, bias last: the order of Mazur's script (total += x·w; total + bias),
      // so the worked example's forward pass rounds exactly as his does.
      let s = 0;
      for (let k = 0; k < nIn; k++) s += p[w++]! * a[inOff + k]!;
      z[outOff + j] = s + p[shared ? bo : bo + j]!;
    }
    activateLayer(lay.actCode[l]!, lay.actParam[l]!, z, a, outOff, nOut);
  }
}

/**
 * Loss of the sample in `slot` against row `row` of T, and the output deltas δ^(L) written
 * into ws.d. Loss per sample: halfSquared E = ½ Σ_j (t_j − o_j)², so ∂E/∂o_j = o_j − t_j;
 * mse E = (1/n_L) Σ_j (t_j − o_j)², so ∂E/∂o_j = 2(o_j − t_j)/n_L.
 */
export function outputDeltas(
  lay: Layout,
  ws: Workspace,
  slot: number,
  T: Float64Array,
  row: number,
): number {
  const L = lay.depth;
  const nL = lay.sizes[L]!;
  const off = slot * lay.nodeCount + lay.nodeOffset[L]!;
  const tOff = row * nL;
  const a = ws.a;
  const d = ws.d;
  const mse = lay.lossCode === 1;
  const gScale = mse ? 2 / nL : 1;
  let sum = 0;
  for (let j = 0; j < nL; j++) {
    const diff = a[off + j]! - T[tOff + j]!;
    sum += diff * diff;
    d[off + j] = mse ? diff * gScale : diff;
  }
  multiplyByDerivative(lay.actCode[L]!, lay.actParam[L]!, ws.z, a, d, off, nL);
  return mse ? sum / nL : 0.5 * sum;
}

/** δ^(l) ← (already accumulated ∂E/∂a^(l)) ⊙ f'(z^(l)), saturated at ±DELTA_BOUND. */
export function hiddenDerivative(lay: Layout, ws: Workspace, slot: number, l: number) {
  const d = ws.d;
  const n = lay.sizes[l]!;
  const off = slot * lay.nodeCount + lay.nodeOffset[l]!;
  multiplyByDerivative(lay.actCode[l]!, lay.actParam[l]!, ws.z, ws.a, d, off, n);
  const maxD = DELTA_BOUND;
  for (let j = off; j < off + n; j++) {
    const v = d[j]!;
    d[j] = v > maxD ? maxD : v < -maxD ? -maxD : v;
  }
}
