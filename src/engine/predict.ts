/**
 * A network's outputs for many inputs at once, and optionally every layer's activations: what a
 * figure needs to draw a fitted function, or each hidden unit's part in it, over a grid of
 * inputs. One workspace slot is reused for every input, so the only allocations are the results.
 */
import { createWorkspace, forwardBatch } from './kernel.ts';
import { readParams, type Network, type ParamsInput } from './network.ts';
import { fail } from './validate.ts';

export interface Prediction {
  /** outputs[i · n_L + j]: output j for input i. */
  readonly outputs: Float64Array;
  /**
   * With `layers: true`, layers[l][i · n_l + j]: activation a_j^(l) for input i, l = 0..L (layer
   * 0 is the input as the network saw it); otherwise empty.
   */
  readonly layers: readonly Float64Array[];
}

/** Most inputs one call takes: a figure's grid, or a dataset, not a stream. */
export const MAX_PREDICT = 1_000_000;

export function predict(
  net: Network,
  params: ParamsInput,
  inputs: readonly ArrayLike<number>[],
  options: { readonly layers?: boolean } = {},
): Prediction {
  const where = 'predict()';
  const p = readParams(net, params, where);
  const given: unknown = inputs;
  if (!Array.isArray(given)) fail(where, 'inputs must be an array of input vectors');
  const count = inputs.length;
  if (count > MAX_PREDICT) fail(where, `at most ${MAX_PREDICT} inputs, got ${count}`);
  const lay = net.layout;
  if (lay.anyBatchNorm)
    fail(where, 'a network with batch normalisation has no output for one input alone');
  const n0 = net.sizes[0]!;
  const X = new Float64Array(count * n0);
  inputs.forEach((input, i) => {
    if (input === null || typeof input !== 'object' || input.length !== n0)
      fail(where, `inputs[${i}] must have ${n0} numbers`);
    for (let k = 0; k < n0; k++) {
      const v = input[k];
      if (typeof v !== 'number' || !Number.isFinite(v))
        fail(where, `inputs[${i}][${k}] must be a finite number, got ${String(v)}`);
      X[i * n0 + k] = v;
    }
  });
  const ws = createWorkspace(lay, 1);
  const L = lay.depth;
  const nL = net.sizes[L]!;
  const outputs = new Float64Array(count * nL);
  const keep = options.layers === true;
  const layers = keep ? net.sizes.map((n) => new Float64Array(count * n)) : [];
  for (let i = 0; i < count; i++) {
    forwardBatch(lay, p, ws, X, null, i, 1);
    const outOffset = lay.nodeOffset[L]!;
    outputs.set(ws.a.subarray(outOffset, outOffset + nL), i * nL);
    if (keep) {
      for (let l = 0; l <= L; l++) {
        const n = net.sizes[l]!;
        const off = lay.nodeOffset[l]!;
        layers[l]!.set(ws.a.subarray(off, off + n), i * n);
      }
    }
  }
  return { outputs, layers };
}
