/**
 * Batch steps: forward every sample of the batch into its own workspace slot, then backpropagate
 * layer by layer over all slots, so that 'inPlace' can update a layer before the deltas below
 * it are computed. One-sample batches go to the fused path in kernel-sample.ts.
 */
import { sampleStep } from './kernel-sample.ts';
import {
  STEP_IN_PLACE,
  STEP_SIMULTANEOUS,
  forwardSample,
  hiddenDerivative,
  outputDeltas,
} from './kernel.ts';
import type { Layout, Workspace } from './kernel.ts';
import { VALUE_BOUND } from './validate.ts';

/** δ^(l) = (W^(l+1)ᵀ δ^(l+1)) ⊙ f'(z^(l)) for the sample in `slot`, with the current p. */
function hiddenDeltas(lay: Layout, p: Float64Array, ws: Workspace, slot: number, l: number) {
  const n = lay.sizes[l]!;
  const nNext = lay.sizes[l + 1]!;
  const base = slot * lay.nodeCount;
  const off = base + lay.nodeOffset[l]!;
  const nextOff = base + lay.nodeOffset[l + 1]!;
  const w = lay.wOffset[l + 1]!;
  const d = ws.d;
  for (let j = 0; j < n; j++) {
    let g = 0;
    for (let i = 0; i < nNext; i++) g += p[w + i * n + j]! * d[nextOff + i]!;
    d[off + j] = g;
  }
  hiddenDerivative(lay, ws, slot, l);
}

/** ∂E/∂W^(l) and ∂E/∂b^(l) for the batch mean, from the deltas of slots 0..count−1. */
function layerGradient(lay: Layout, ws: Workspace, l: number, count: number) {
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const wo = lay.wOffset[l]!;
  const bo = lay.bOffset[l]!;
  const shared = lay.bCount[l] === 1;
  const g = ws.grad;
  const a = ws.a;
  const d = ws.d;
  const stride = lay.nodeCount;
  const inRel = lay.nodeOffset[l - 1]!;
  const outRel = lay.nodeOffset[l]!;
  // ∂E/∂w_jk = δ_j · a_k (∂net_j/∂w_jk = a_k); ∂E/∂b_j = δ_j, summed over j when shared.
  for (let s = 0; s < count; s++) {
    const inOff = s * stride + inRel;
    const outOff = s * stride + outRel;
    const first = s === 0;
    let w = wo;
    let bSum = 0;
    for (let j = 0; j < nOut; j++) {
      const dj = d[outOff + j]!;
      if (first) for (let k = 0; k < nIn; k++) g[w++] = dj * a[inOff + k]!;
      else for (let k = 0; k < nIn; k++) g[w++]! += dj * a[inOff + k]!;
      if (shared) bSum += dj;
      else if (first) g[bo + j] = dj;
      else g[bo + j]! += dj;
    }
    if (shared) {
      if (first) g[bo] = bSum;
      else g[bo]! += bSum;
    }
  }
  if (count > 1) {
    const inv = 1 / count;
    const end = bo + lay.bCount[l]!;
    for (let i = wo; i < end; i++) g[i]! *= inv;
  }
}

/** p ← p − η·g for layer l (its biases only when trainable), clamped to ±VALUE_BOUND. */
function updateLayer(lay: Layout, p: Float64Array, g: Float64Array, l: number, eta: number) {
  const end = lay.trainBiases ? lay.bOffset[l]! + lay.bCount[l]! : lay.bOffset[l]!;
  for (let i = lay.wOffset[l]!; i < end; i++) {
    const v = p[i]! - eta * g[i]!;
    p[i] = v > VALUE_BOUND ? VALUE_BOUND : v < -VALUE_BOUND ? -VALUE_BOUND : v;
  }
}

/**
 * One gradient computation (and, depending on `mode`, one update) over a batch: the samples
 * rows[start], ..., rows[start + count − 1] of X and T. Returns the batch loss, defined as the
 * mean of the per-sample losses (so for one sample with halfSquared it is Mazur's E_total).
 * With STEP_GRADIENT_ONLY, ws.grad receives the gradient of that mean; in the update modes its
 * contents are unspecified (the one-sample path skips writing it, a training step needs only p).
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
): number {
  if (count === 1) return sampleStep(lay, p, ws, X, T, rows[start]!, eta, mode);
  let loss = 0;
  for (let s = 0; s < count; s++) {
    const row = rows[start + s]!;
    forwardSample(lay, p, ws, s, X, row);
    loss += outputDeltas(lay, ws, s, T, row);
  }
  const L = lay.depth;
  for (let l = L; l >= 1; l--) {
    if (l < L) {
      for (let s = 0; s < count; s++) hiddenDeltas(lay, p, ws, s, l);
      // Simultaneous: W^(l+1) may change only now that δ^(l) has been computed through it.
      if (mode === STEP_SIMULTANEOUS) updateLayer(lay, p, ws.grad, l + 1, eta);
    }
    layerGradient(lay, ws, l, count);
    if (mode === STEP_IN_PLACE) updateLayer(lay, p, ws.grad, l, eta);
  }
  if (mode === STEP_SIMULTANEOUS) updateLayer(lay, p, ws.grad, 1, eta);
  return loss / count;
}

/** Mean loss over rows[start..start+count) without touching gradients (slot 0 reused). */
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
  for (let s = 0; s < count; s++) {
    const row = rows === null ? start + s : rows[start + s]!;
    forwardSample(lay, p, ws, 0, X, row);
    loss += outputDeltas(lay, ws, 0, T, row);
  }
  return count > 1 ? loss / count : loss;
}
