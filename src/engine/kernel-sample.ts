/**
 * The one-sample training step, fused for speed (see sampleStep). Used whenever a step's batch
 * has one sample: per-sample SGD, and full batch on a one-sample dataset like the worked example.
 */
import {
  STEP_IN_PLACE,
  STEP_SIMULTANEOUS,
  forwardSample,
  hiddenDerivative,
  outputDeltas,
} from './kernel.ts';
import type { Layout, Workspace } from './kernel.ts';
import { VALUE_BOUND } from './validate.ts';

/**
 * The one-sample step (the common case: SGD, and full batch on the worked example), fused:
 * after the forward pass each layer l, from L down, is visited once, and a single sweep over
 * W^(l) computes the gradient δ_j·a_k, accumulates Σ_j w_jk δ_j for δ^(l−1), and applies the
 * update. For 'simultaneous' that sum uses w_jk before its update, for 'inPlace' after it:
 * exactly the two orders' definitions. Results equal the batch path's with one sample (tested).
 * Keeping forward and backward as two small functions lets V8 optimise each well.
 */
export function sampleStep(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  X: Float64Array,
  T: Float64Array,
  row: number,
  eta: number,
  mode: number,
): number {
  forwardSample(lay, p, ws, 0, X, row);
  return sampleBackward(lay, p, ws, T, row, eta, mode);
}

function sampleBackward(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  T: Float64Array,
  row: number,
  eta: number,
  mode: number,
): number {
  const loss = outputDeltas(lay, ws, 0, T, row);
  const d = ws.d;
  for (let l = lay.depth; l >= 1; l--) {
    const back = l > 1;
    if (back) {
      // ∂E/∂a^(l−1) is accumulated by the sweep (a plain loop: TypedArray#fill is a builtin
      // call, costly for a handful of entries)
      const off = lay.nodeOffset[l - 1]!;
      const end = off + lay.sizes[l - 1]!;
      for (let k = off; k < end; k++) d[k] = 0;
    }
    if (mode === STEP_SIMULTANEOUS) sweepSimultaneous(lay, p, ws, l, eta, back);
    else if (mode === STEP_IN_PLACE) sweepInPlace(lay, p, ws, l, eta, back);
    else sweepGradient(lay, p, ws, l, back);
    if (back) hiddenDerivative(lay, ws, 0, l - 1);
  }
  return loss;
}

/**
 * The sweeps over W^(l) for slot 0. Each adds w_jk·δ_j into ∂E/∂a_k of the layer below (when
 * `back`); the update sweeps also apply w_jk ← w_jk − η·δ_j·a_k and differ only in whether that
 * sum uses the old or the new w_jk. The update sweeps do not store the gradient in ws.grad (a
 * training step has no use for it); sweepGradient stores it, biases included, and updates nothing.
 */
function sweepSimultaneous(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  l: number,
  eta: number,
  back: boolean,
) {
  const a = ws.a;
  const d = ws.d;
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const inOff = lay.nodeOffset[l - 1]!;
  const dOff = lay.nodeOffset[l]!;
  const maxP = VALUE_BOUND; // a local: imported bindings are re-read in loops
  let r = lay.wOffset[l]!;
  for (let j = 0; j < nOut; j++) {
    const dj = d[dOff + j]!;
    for (let k = 0; k < nIn; k++, r++) {
      const w = p[r]!;
      if (back) d[inOff + k]! += w * dj; // the old weight
      const v = w - eta * (dj * a[inOff + k]!);
      p[r] = v > maxP ? maxP : v < -maxP ? -maxP : v;
    }
  }
  if (lay.trainBiases) updateBiases(lay, p, ws, l, eta);
}

function sweepInPlace(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  l: number,
  eta: number,
  back: boolean,
) {
  const a = ws.a;
  const d = ws.d;
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const inOff = lay.nodeOffset[l - 1]!;
  const dOff = lay.nodeOffset[l]!;
  const maxP = VALUE_BOUND;
  let r = lay.wOffset[l]!;
  for (let j = 0; j < nOut; j++) {
    const dj = d[dOff + j]!;
    for (let k = 0; k < nIn; k++, r++) {
      const v = p[r]! - eta * (dj * a[inOff + k]!);
      const w = v > maxP ? maxP : v < -maxP ? -maxP : v;
      p[r] = w;
      if (back) d[inOff + k]! += w * dj; // the updated weight
    }
  }
  if (lay.trainBiases) updateBiases(lay, p, ws, l, eta);
}

/** b ← b − η·∂E/∂b for layer l, ∂E/∂b_j = δ_j (summed over j when shared). */
function updateBiases(lay: Layout, p: Float64Array, ws: Workspace, l: number, eta: number) {
  const d = ws.d;
  const n = lay.sizes[l]!;
  const dOff = lay.nodeOffset[l]!;
  const bo = lay.bOffset[l]!;
  const maxP = VALUE_BOUND;
  if (lay.bCount[l] === 1) {
    let s = 0;
    for (let j = 0; j < n; j++) s += d[dOff + j]!;
    const v = p[bo]! - eta * s;
    p[bo] = v > maxP ? maxP : v < -maxP ? -maxP : v;
  } else {
    for (let j = 0; j < n; j++) {
      const v = p[bo + j]! - eta * d[dOff + j]!;
      p[bo + j] = v > maxP ? maxP : v < -maxP ? -maxP : v;
    }
  }
}

function sweepGradient(lay: Layout, p: Float64Array, ws: Workspace, l: number, back: boolean) {
  const a = ws.a;
  const d = ws.d;
  const g = ws.grad;
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const inOff = lay.nodeOffset[l - 1]!;
  const dOff = lay.nodeOffset[l]!;
  let r = lay.wOffset[l]!;
  for (let j = 0; j < nOut; j++) {
    const dj = d[dOff + j]!;
    for (let k = 0; k < nIn; k++, r++) {
      g[r] = dj * a[inOff + k]!; // ∂E/∂w_jk = δ_j · a_k
      if (back) d[inOff + k]! += p[r]! * dj;
    }
  }
  const bo = lay.bOffset[l]!;
  if (lay.bCount[l] === 1) {
    let s = 0;
    for (let j = 0; j < nOut; j++) s += d[dOff + j]!;
    g[bo] = s;
  } else {
    for (let j = 0; j < nOut; j++) g[bo + j] = d[dOff + j]!;
  }
}
