/**
 * The backward pass's sweeps over one layer's parameters (kernel.ts calls them, layer by layer,
 * from the output down): the biases' gradient, the weights' gradient summed over the batch's
 * samples and, in a training step, the update, in the order the step asks for; then what flows
 * to the layer below. One small function per order: V8 inlines and optimises each tight loop
 * best on its own, and the worked example, a 2-2-2 network, spends most of its time in loop
 * overhead. Like kernel.ts, nothing here allocates or validates.
 */
import type { Layout, Workspace } from './kernel.ts';
import { clamp, VALUE_BOUND } from './validate.ts';

/**
 * ∂E/∂b^(l) for the batch mean from δ^(l) of slots 0..count−1 (summed over j when shared), and
 * with `update`, b ← b − η·∂E/∂b at once.
 */
export function biases(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  l: number,
  count: number,
  update: boolean,
  eta: number,
) {
  const nOut = lay.sizes[l]!;
  const bo = lay.bOffset[l]!;
  const end = bo + lay.bCount[l]!;
  const shared = lay.bCount[l] === 1;
  const g = ws.grad;
  const d = ws.d;
  for (let s = 0; s < count; s++) {
    const outOff = s * lay.nodeCount + lay.nodeOffset[l]!;
    const first = s === 0;
    if (shared) {
      let bSum = 0;
      for (let j = 0; j < nOut; j++) bSum += d[outOff + j]!;
      if (first) g[bo] = bSum;
      else g[bo]! += bSum;
    } else {
      for (let j = 0; j < nOut; j++) {
        if (first) g[bo + j] = d[outOff + j]!;
        else g[bo + j]! += d[outOff + j]!;
      }
    }
  }
  if (count > 1) {
    const inv = 1 / count;
    for (let i = bo; i < end; i++) g[i]! *= inv;
  }
  if (update) {
    for (let i = bo; i < end; i++) {
      const v = p[i]! - eta * g[i]!;
      p[i] = clamp(v, VALUE_BOUND);
    }
  }
}

/** The sums of slots 0..slots−1 into ws.grad, and with `below` their ∂E/∂a^(l−1). */
export function accumulate(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  l: number,
  slots: number,
  below: boolean,
) {
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const g = ws.grad;
  const a = ws.a;
  const d = ws.d;
  const gb = ws.g;
  for (let s = 0; s < slots; s++) {
    const inOff = s * lay.nodeCount + lay.nodeOffset[l - 1]!;
    const outOff = s * lay.nodeCount + lay.nodeOffset[l]!;
    if (below) for (let k = inOff; k < inOff + nIn; k++) gb[k] = 0;
    let r = lay.wOffset[l]!;
    for (let j = 0; j < nOut; j++) {
      const dj = d[outOff + j]!;
      for (let k = 0; k < nIn; k++, r++) {
        if (s === 0) g[r] = dj * a[inOff + k]!;
        else g[r]! += dj * a[inOff + k]!;
        if (below) gb[inOff + k]! += p[r]! * dj;
      }
    }
  }
}

/**
 * The last slot's part of each entry, plus the earlier slots' sum when there are several, times
 * the batch mean's 1/count; then w ← w − η·∂E/∂w, with ∂E/∂a^(l−1) summed through the old w.
 */
export function finishSimultaneous(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  l: number,
  count: number,
  below: boolean,
  eta: number,
) {
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const g = ws.grad;
  const a = ws.a;
  const d = ws.d;
  const gb = ws.g;
  const sum = count > 1;
  const inv = 1 / count;
  const inOff = (count - 1) * lay.nodeCount + lay.nodeOffset[l - 1]!;
  const outOff = (count - 1) * lay.nodeCount + lay.nodeOffset[l]!;
  const maxP = VALUE_BOUND; // a local: imported bindings are re-read in loops
  let r = lay.wOffset[l]!;
  for (let j = 0; j < nOut; j++) {
    const dj = d[outOff + j]!;
    for (let k = 0; k < nIn; k++, r++) {
      let gr = dj * a[inOff + k]!;
      if (sum) gr = (g[r]! + gr) * inv;
      const w = p[r]!;
      if (below) gb[inOff + k]! += w * dj; // the old weight
      const v = w - eta * gr;
      p[r] = clamp(v, maxP);
    }
  }
}

/** As finishSimultaneous, but ∂E/∂a^(l−1) is summed through the updated w. */
export function finishInPlace(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  l: number,
  count: number,
  below: boolean,
  eta: number,
) {
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const g = ws.grad;
  const a = ws.a;
  const d = ws.d;
  const gb = ws.g;
  const sum = count > 1;
  const inv = 1 / count;
  const inOff = (count - 1) * lay.nodeCount + lay.nodeOffset[l - 1]!;
  const outOff = (count - 1) * lay.nodeCount + lay.nodeOffset[l]!;
  const maxP = VALUE_BOUND;
  let r = lay.wOffset[l]!;
  for (let j = 0; j < nOut; j++) {
    const dj = d[outOff + j]!;
    for (let k = 0; k < nIn; k++, r++) {
      let gr = dj * a[inOff + k]!;
      if (sum) gr = (g[r]! + gr) * inv;
      const v = p[r]! - eta * gr;
      const w = clamp(v, maxP);
      p[r] = w;
      if (below) gb[inOff + k]! += w * dj; // the updated weight
    }
  }
}

/** The complete gradient into ws.grad, no update. */
export function finishGradient(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  l: number,
  count: number,
  below: boolean,
) {
  const nIn = lay.sizes[l - 1]!;
  const nOut = lay.sizes[l]!;
  const g = ws.grad;
  const a = ws.a;
  const d = ws.d;
  const gb = ws.g;
  const sum = count > 1;
  const inv = 1 / count;
  const inOff = (count - 1) * lay.nodeCount + lay.nodeOffset[l - 1]!;
  const outOff = (count - 1) * lay.nodeCount + lay.nodeOffset[l]!;
  let r = lay.wOffset[l]!;
  for (let j = 0; j < nOut; j++) {
    const dj = d[outOff + j]!;
    for (let k = 0; k < nIn; k++, r++) {
      const gr = dj * a[inOff + k]!;
      g[r] = sum ? (g[r]! + gr) * inv : gr;
      if (below) gb[inOff + k]! += p[r]! * dj;
    }
  }
}

/** ∂E/∂a^(l−1) = W^(l)ᵀ δ^(l) through the current weights, for the in-place order. */
export function gradientBelow(
  lay: Layout,
  p: Float64Array,
  ws: Workspace,
  count: number,
  l: number,
) {
  const n = lay.sizes[l - 1]!;
  const nNext = lay.sizes[l]!;
  const w = lay.wOffset[l]!;
  const d = ws.d;
  const g = ws.g;
  for (let slot = 0; slot < count; slot++) {
    const off = slot * lay.nodeCount + lay.nodeOffset[l - 1]!;
    const nextOff = slot * lay.nodeCount + lay.nodeOffset[l]!;
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = 0; i < nNext; i++) s += p[w + i * n + k]! * d[nextOff + i]!;
      g[off + k] = s;
    }
  }
}

/** Through a residual connection ∂E/∂a^(l) itself adds to ∂E/∂a^(l−1). */
export function addResidual(lay: Layout, ws: Workspace, count: number, l: number) {
  const n = lay.sizes[l]!;
  const g = ws.g;
  for (let s = 0; s < count; s++) {
    const off = s * lay.nodeCount + lay.nodeOffset[l - 1]!;
    const above = s * lay.nodeCount + lay.nodeOffset[l]!;
    for (let k = 0; k < n; k++) g[off + k]! += g[above + k]!;
  }
}

/** p ← p − η·g for layer l (its biases only when trainable), clamped to ±VALUE_BOUND. */
export function updateLayer(lay: Layout, p: Float64Array, g: Float64Array, l: number, eta: number) {
  const end = lay.trainBiases ? lay.bOffset[l]! + lay.bCount[l]! : lay.bOffset[l]!;
  for (let i = lay.wOffset[l]!; i < end; i++) {
    const v = p[i]! - eta * g[i]!;
    p[i] = clamp(v, VALUE_BOUND);
  }
}

/**
 * Global norm of the trainable gradient, without overflow; when it exceeds `clip`, returns
 * clip/norm (the factor the update is scaled by), else 1. Both go into ws.clip.
 */
export function clipGradient(lay: Layout, ws: Workspace, clip: number): number {
  const g = ws.grad;
  let m = 0;
  for (let l = 1; l <= lay.depth; l++) {
    const end = lay.trainBiases ? lay.bOffset[l]! + lay.bCount[l]! : lay.bOffset[l]!;
    for (let i = lay.wOffset[l]!; i < end; i++) m = Math.max(m, Math.abs(g[i]!));
  }
  let sum = 0;
  if (m > 0) {
    for (let l = 1; l <= lay.depth; l++) {
      const end = lay.trainBiases ? lay.bOffset[l]! + lay.bCount[l]! : lay.bOffset[l]!;
      for (let i = lay.wOffset[l]!; i < end; i++) sum += (g[i]! / m) ** 2;
    }
  }
  const norm = m * Math.sqrt(sum);
  const scale = norm > clip ? clip / norm : 1;
  ws.clip[0] = norm;
  ws.clip[1] = scale;
  return scale;
}
