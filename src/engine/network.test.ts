import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { activate, activationDerivative } from './activations.ts';
import { evaluateLoss, gradientStep, lossAndGradient } from './batch.ts';
import {
  backward,
  biasIndex,
  createNetwork,
  forward,
  packParams,
  unpackParams,
  weightIndex,
} from './network.ts';
import type { Network } from './network.ts';
import { centralDifference, closestKink, expectClose, makeCase, netCaseArb } from './test-utils.ts';

const FC = { seed: 42, numRuns: 150 } as const;

/** Skip draws with a pre-activation within 1e-4 of a kink: an FD step of 1e-6 cannot cross it. */
const KINK_MARGIN = 1e-4;

describe('gradients', () => {
  test('lossAndGradient() matches central finite differences (h = 1e-6, |Δ| ≤ 1e-6 + 1e-6·|fd|) for random networks and batches', () => {
    fc.assert(
      fc.property(netCaseArb, (c) => {
        const { net, params, inputs, targets } = makeCase(c);
        fc.pre(closestKink(net, params, inputs) > KINK_MARGIN);
        const { gradient } = lossAndGradient(net, params, inputs, targets);
        const E = (p: Float64Array) => evaluateLoss(net, p, inputs, targets);
        for (let i = 0; i < net.paramCount; i++) {
          expectClose(gradient[i]!, centralDifference(E, params, i, 1e-6), {
            abs: 1e-6,
            rel: 1e-6,
          });
        }
      }),
      FC,
    );
  });

  test('backward() factors multiply out: δ = ∂E/∂out·∂out/∂net, ∂E/∂w_jk = δ_j·∂net_j/∂w_jk, shared ∂E/∂b = Σ_j δ_j', () => {
    fc.assert(
      fc.property(netCaseArb, (c) => {
        const { net, params, inputs, targets } = makeCase(c);
        const bw = backward(net, params, inputs[0]!, targets[0]!);
        const L = net.sizes.length - 1;
        for (let l = 1; l <= L; l++) {
          const n = net.sizes[l]!;
          for (let j = 0; j < n; j++) {
            expect(bw.deltas[l]![j]).toBe(bw.dE_dout[l]![j]! * bw.dout_dnet[l]![j]!);
            const nIn = net.sizes[l - 1]!;
            for (let k = 0; k < nIn; k++) {
              expect(bw.weightGrads[l - 1]![j * nIn + k]).toBe(
                bw.deltas[l]![j]! * bw.dnet_dw[l]![k]!,
              );
            }
          }
          expect(bw.dnet_dw[l]).toEqual(bw.outs[l - 1]); // ∂z_j/∂w_jk = a_k^(l−1)
          const sum = bw.deltas[l]!.reduce((s, d) => s + d, 0);
          if (net.bias === 'shared') expectClose(bw.biasGrads[l - 1]![0]!, sum, 1e-14);
          else expectClose(bw.biasGrads[l - 1]!, bw.deltas[l]!, 0);
          // ∂out/∂net is the activation's derivative at the net input
          const act = net.activations[l - 1]!;
          bw.nets[l]!.forEach((z, j) => {
            if (Math.abs(z) > KINK_MARGIN) {
              expectClose(bw.dout_dnet[l]![j]!, activationDerivative(act, z), {
                abs: 1e-15,
                rel: 1e-12,
              });
            }
          });
        }
        expect(Array.from(bw.gradient)).toEqual(
          Array.from(lossAndGradient(net, params, [inputs[0]!], [targets[0]!]).gradient),
        );
      }),
      FC,
    );
  });

  test('lossAndGradient() on a batch equals the mean of backward() over its samples (batch and one-sample paths agree)', () => {
    fc.assert(
      fc.property(netCaseArb, (c) => {
        const { net, params, inputs, targets } = makeCase(c);
        const batch = lossAndGradient(net, params, inputs, targets);
        const mean = new Float64Array(net.paramCount);
        let loss = 0;
        inputs.forEach((x, s) => {
          const bw = backward(net, params, x, targets[s]!);
          loss += bw.loss / inputs.length;
          bw.gradient.forEach((g, i) => (mean[i]! += g / inputs.length));
        });
        expectClose(batch.loss, loss, { abs: 1e-14, rel: 1e-12 });
        expectClose(batch.gradient, mean, { abs: 1e-14, rel: 1e-12 });
      }),
      FC,
    );
  });
});

/**
 * Independent reference for one gradient step, on nested arrays and the scalar activation
 * functions: forward every sample with the old parameters, then for l = L..1 compute δ^(l)
 * through W^(l+1) as it is *now* (old for 'simultaneous', already updated for 'inPlace').
 */
function naiveStep(
  net: Network,
  params: Float64Array,
  X: number[][],
  T: number[][],
  eta: number,
  order: 'simultaneous' | 'inPlace',
): Float64Array {
  const L = net.sizes.length - 1;
  const { weights: W, biases: b } = unpackParams(net, params);
  const oldW = W.map((w) => w.slice());
  const n = net.sizes;
  const zs: number[][][] = [];
  const as: number[][][] = [];
  X.forEach((x) => {
    const z: number[][] = [[]];
    const a: number[][] = [x];
    for (let l = 1; l <= L; l++) {
      z.push([]);
      a.push([]);
      for (let j = 0; j < n[l]!; j++) {
        let s = 0;
        for (let k = 0; k < n[l - 1]!; k++) s += W[l - 1]![j * n[l - 1]! + k]! * a[l - 1]![k]!;
        s += b[l - 1]![net.bias === 'shared' ? 0 : j]!;
        z[l]!.push(s);
        a[l]!.push(activate(net.activations[l - 1]!, s));
      }
    }
    zs.push(z);
    as.push(a);
  });
  const act = (l: number) => net.activations[l - 1]!;
  let deltas = X.map((_, s) =>
    as[s]![L]!.map((o, j) => {
      const dEdo = net.loss === 'mse' ? (2 * (o - T[s]![j]!)) / n[L]! : o - T[s]![j]!;
      return dEdo * activationDerivative(act(L), zs[s]![L]![j]!);
    }),
  );
  for (let l = L; l >= 1; l--) {
    if (l < L) {
      const through = order === 'inPlace' ? W[l]! : oldW[l]!;
      deltas = deltas.map((dNext, s) =>
        zs[s]![l]!.map((z, j) => {
          let g = 0;
          for (let i = 0; i < n[l + 1]!; i++) g += through[i * n[l]! + j]! * dNext[i]!;
          return g * activationDerivative(act(l), z);
        }),
      );
    }
    const B = X.length;
    for (let j = 0; j < n[l]!; j++) {
      for (let k = 0; k < n[l - 1]!; k++) {
        let g = 0;
        for (let s = 0; s < B; s++) g += deltas[s]![j]! * as[s]![l - 1]![k]!;
        W[l - 1]![j * n[l - 1]! + k]! -= (eta * g) / B;
      }
    }
    if (net.trainBiases) {
      const bl = b[l - 1]!;
      for (let j = 0; j < n[l]!; j++) {
        let g = 0;
        for (let s = 0; s < B; s++) g += deltas[s]![j]!;
        bl[net.bias === 'shared' ? 0 : j]! -= (eta * g) / B;
      }
    }
  }
  return packParams(net, { weights: W, biases: b });
}

describe('gradient steps', () => {
  const eta = 0.3;

  test("gradientStep() with either order matches a naive layer-by-layer step ('inPlace' backpropagates through updated weights)", () => {
    fc.assert(
      fc.property(netCaseArb, fc.constantFrom('simultaneous', 'inPlace' as const), (c, order) => {
        const { net, params, inputs, targets } = makeCase(c);
        fc.pre(closestKink(net, params, inputs) > KINK_MARGIN);
        const step = gradientStep(net, params, inputs, targets, { eta, update: order });
        expectClose(step.params, naiveStep(net, params, inputs, targets, eta, order), {
          abs: 1e-14,
          rel: 1e-11,
        });
      }),
      FC,
    );
  });

  test("gradientStep('simultaneous') equals params − η·lossAndGradient(), frozen biases unchanged", () => {
    fc.assert(
      fc.property(netCaseArb, (c) => {
        const { net, params, inputs, targets } = makeCase(c);
        const { gradient, loss } = lossAndGradient(net, params, inputs, targets);
        const step = gradientStep(net, params, inputs, targets, { eta, update: 'simultaneous' });
        expect(step.loss).toBe(loss);
        const L = net.sizes.length - 1;
        const frozen = new Set<number>();
        if (!net.trainBiases) {
          for (let l = 1; l <= L; l++) {
            for (let j = 0; j < net.layout.bCount[l]!; j++) frozen.add(biasIndex(net, l, j));
          }
        }
        params.forEach((p, i) => {
          const expected = frozen.has(i) ? p : p - eta * gradient[i]!;
          expectClose(step.params[i]!, expected, { abs: 1e-15, rel: 1e-14 });
        });
      }),
      FC,
    );
  });

  test('gradientStep() on a batch of one sample repeated equals the one-sample step (batch path = fused path)', () => {
    fc.assert(
      fc.property(netCaseArb, fc.constantFrom('simultaneous', 'inPlace' as const), (c, order) => {
        const { net, params, inputs, targets } = makeCase(c);
        const x = inputs[0]!;
        const t = targets[0]!;
        const one = gradientStep(net, params, [x], [t], { eta, update: order });
        const three = gradientStep(net, params, [x, x, x], [t, t, t], { eta, update: order });
        expectClose(three.params, one.params, { abs: 1e-15, rel: 1e-13 });
      }),
      FC,
    );
  });
});

describe('layout and forward pass', () => {
  test('createNetwork() lays out the flat vector as W^(1), b^(1), W^(2), b^(2), … row-major', () => {
    const per = createNetwork({ sizes: [3, 2, 1], bias: 'perNeuron' });
    expect(per.paramCount).toBe(3 * 2 + 2 + 2 * 1 + 1);
    expect(weightIndex(per, 1, 0, 0)).toBe(0);
    expect(weightIndex(per, 1, 1, 2)).toBe(5); // j·n_{l−1} + k = 1·3 + 2
    expect(biasIndex(per, 1, 0)).toBe(6);
    expect(biasIndex(per, 1, 1)).toBe(7);
    expect(weightIndex(per, 2, 0, 1)).toBe(9);
    expect(biasIndex(per, 2)).toBe(10);
    const shared = createNetwork({ sizes: [3, 2, 1], bias: 'shared' });
    expect(shared.paramCount).toBe(6 + 1 + 2 + 1);
    expect(biasIndex(shared, 1, 1)).toBe(6);
  });

  test('forward() returns z = W·a + b and a = f(z) for every neuron, with nets[0] empty and outs[0] the input', () => {
    fc.assert(
      fc.property(netCaseArb, (c) => {
        const { net, params, inputs } = makeCase(c);
        const { weights, biases } = unpackParams(net, params);
        const tr = forward(net, params, inputs[0]!);
        const L = net.sizes.length - 1;
        expect(tr.nets.length).toBe(L + 1);
        expect(tr.nets[0]).toEqual([]);
        expect(tr.outs[0]).toEqual(inputs[0]);
        expect(tr.outputs).toEqual(tr.outs[L]);
        for (let l = 1; l <= L; l++) {
          const nIn = net.sizes[l - 1]!;
          tr.nets[l]!.forEach((z, j) => {
            let s = 0;
            for (let k = 0; k < nIn; k++) s += weights[l - 1]![j * nIn + k]! * tr.outs[l - 1]![k]!;
            s += biases[l - 1]![net.bias === 'shared' ? 0 : j]!;
            expectClose(z, s, { abs: 1e-15, rel: 1e-14 });
            expectClose(tr.outs[l]![j]!, activate(net.activations[l - 1]!, z), 1e-15);
          });
        }
      }),
      FC,
    );
  });

  test("evaluateLoss() is the batch mean of ½Σ(t−o)² ('halfSquared') or (1/n_L)Σ(t−o)² ('mse')", () => {
    for (const loss of ['halfSquared', 'mse'] as const) {
      // identity network with W = I, b = 0: outputs equal inputs
      const net = createNetwork({ sizes: [2, 2], activation: 'identity', loss });
      const p = packParams(net, { weights: [[1, 0, 0, 1]] });
      const X = [
        [1, 2],
        [0, -1],
      ];
      const T = [
        [0, 0],
        [1, 1],
      ];
      const per = (x: number[], t: number[]) => {
        const sq = (t[0]! - x[0]!) ** 2 + (t[1]! - x[1]!) ** 2;
        return loss === 'mse' ? sq / 2 : 0.5 * sq;
      };
      expectClose(evaluateLoss(net, p, X, T), (per(X[0]!, T[0]!) + per(X[1]!, T[1]!)) / 2, 1e-15);
    }
  });

  test('packParams() and unpackParams() are inverse', () => {
    const net = createNetwork({ sizes: [2, 3, 1], bias: 'perNeuron' });
    const layered = {
      weights: [
        [1, 2, 3, 4, 5, 6],
        [7, 8, 9],
      ],
      biases: [[0.1, 0.2, 0.3], [0.4]],
    };
    const flat = packParams(net, layered);
    expect(Array.from(flat)).toEqual([1, 2, 3, 4, 5, 6, 0.1, 0.2, 0.3, 7, 8, 9, 0.4]);
    expect(unpackParams(net, flat)).toEqual(layered);
    // omitted biases default to zero
    expect(Array.from(packParams(net, { weights: layered.weights })).slice(6, 9)).toEqual([
      0, 0, 0,
    ]);
  });
});
