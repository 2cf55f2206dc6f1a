/**
 * The one backward pass with the options chapter 7 needs: residual connections, batch
 * normalisation (with its own backward), the linear loss and clipping, each checked against
 * central differences of the loss, and against what each option means.
 */
import { describe, expect, test } from 'vitest';
import { evaluateLoss, gradientStep, lossAndGradient } from './batch.ts';
import { initParams } from './init.ts';
import { mazurNetwork, mazurParams, mazurToNetwork } from './mazur.ts';
import { backward, createNetwork, forward } from './network.ts';
import type { NetworkSpec } from './network.ts';
import { mulberry32 } from './rng.ts';
import { centralDifference, expectClose } from './test-utils.ts';
import { Trainer } from './train.ts';

function batch(n0: number, nL: number, count: number, seed: number) {
  const rng = mulberry32(seed);
  const inputs = Array.from({ length: count }, () =>
    Array.from({ length: n0 }, () => rng.normal()),
  );
  const targets = Array.from({ length: count }, () =>
    Array.from({ length: nL }, () => rng.normal()),
  );
  return { inputs, targets };
}

/** Gradient against central differences, entry by entry, and non-trivially non-zero. */
function checkGradient(spec: NetworkSpec, seed: number, count = 5) {
  const net = createNetwork(spec);
  const params = initParams(net, { init: 'xavier', seed });
  // Non-zero biases, so that their gradients and the normalisation's shift are exercised.
  const rng = mulberry32(seed + 100);
  for (let l = 1; l <= net.layout.depth; l++) {
    const bo = net.layout.bOffset[l]!;
    for (let i = bo; i < bo + net.layout.bCount[l]!; i++) params[i] = 0.3 * rng.normal();
  }
  const { inputs, targets } = batch(net.sizes[0]!, net.sizes[net.sizes.length - 1]!, count, seed);
  const { gradient } = lossAndGradient(net, params, inputs, targets);
  const E = (p: Float64Array) => evaluateLoss(net, p, inputs, targets);
  let largest = 0;
  for (let i = 0; i < net.paramCount; i++) {
    const fd = centralDifference(E, params, i, 1e-6);
    expectClose(gradient[i]!, fd, { abs: 1e-7, rel: 1e-6 });
    largest = Math.max(largest, Math.abs(fd));
  }
  expect(largest).toBeGreaterThan(1e-3);
}

describe('the backward pass with chapter 7 options', () => {
  test('residual connections: the gradient matches central differences (tanh, sigmoid, ELU)', () => {
    for (const activation of ['tanh', 'sigmoid', 'elu'] as const) {
      checkGradient({ sizes: [3, 3, 3, 3, 2], activation, residual: true, loss: 'mse' }, 1);
    }
  });

  test('a residual layer adds its input: a^(l) = a^(l−1) + f(z^(l)), and true flags only square layers', () => {
    const net = createNetwork({ sizes: [2, 2, 1], activation: 'tanh', residual: true });
    expect(net.residual).toEqual([true, false]);
    const params = initParams(net, { seed: 3 });
    const t = forward(net, params, [0.4, -0.7]);
    expectClose(
      t.outs[1]!,
      [0.4 + Math.tanh(t.nets[1]![0]!), -0.7 + Math.tanh(t.nets[1]![1]!)],
      1e-15,
    );
    expect(() => createNetwork({ sizes: [2, 3, 1], residual: [true, false] })).toThrow(
      'a residual connection needs equal sizes',
    );
  });

  test('backward() on a residual network reports ∂E/∂a with the identity path: ∂E/∂a^(l−1) = Wᵀδ + ∂E/∂a^(l)', () => {
    const net = createNetwork({ sizes: [2, 2, 2], activation: 'sigmoid', residual: [true, false] });
    const params = initParams(net, { seed: 4 });
    const bw = backward(net, params, [0.5, 0.1], [0.2, 0.9]);
    const W2 = Array.from(params.subarray(6, 10)); // after W^(1) (4 entries) and b^(1) (2)
    for (let k = 0; k < 2; k++) {
      const viaW = W2[0 * 2 + k]! * bw.deltas[2]![0]! + W2[1 * 2 + k]! * bw.deltas[2]![1]!;
      expectClose(bw.dE_dout[1]![k]!, viaW, 1e-15);
      const viaW1 = params[0 * 2 + k]! * bw.deltas[1]![0]! + params[1 * 2 + k]! * bw.deltas[1]![1]!;
      expectClose(bw.dE_dout[0]![k]!, viaW1 + bw.dE_dout[1]![k]!, 1e-15);
    }
    // f' of a residual layer is taken at f(z), not at a = a^(l−1) + f(z)
    const s = 1 / (1 + Math.exp(-bw.nets[1]![0]!));
    expectClose(bw.dout_dnet[1]![0]!, s * (1 - s), 1e-15);
  });

  test('batch normalisation: the gradient through the batch statistics matches central differences', () => {
    for (const activation of ['tanh', 'relu', 'sigmoid'] as const) {
      checkGradient(
        { sizes: [3, 4, 4, 2], activation, batchNorm: [true, true, false], loss: 'mse' },
        2,
      );
    }
    checkGradient(
      { sizes: [3, 3, 3, 1], activation: 'tanh', batchNorm: true, residual: true },
      5,
      4,
    );
  });

  test('batch normalisation removes a shift common to the batch: a constant input gets no weight gradient', () => {
    const net = createNetwork({
      sizes: [3, 4, 1],
      activation: 'identity',
      batchNorm: [true, false],
    });
    const params = initParams(net, { seed: 6 });
    params[net.layout.bOffset[1]!] = 0.25;
    const { inputs, targets } = batch(3, 1, 8, 7);
    // A weight on an input that is the same for every sample adds the same amount to u for the
    // whole batch, which the mean subtraction removes: the loss cannot depend on it.
    const constant = inputs.map((x) => [x[0]!, x[1]!, 1]);
    const g = lossAndGradient(net, params, constant, targets).gradient;
    for (let j = 0; j < 4; j++) expectClose(g[j * 3 + 2]!, 0, 1e-12);
  });

  test('batch normalisation refuses a batch of one sample, where it is undefined', () => {
    const net = createNetwork({ sizes: [2, 2, 1], batchNorm: [true, false] });
    const params = initParams(net);
    expect(() => lossAndGradient(net, params, [[1, 2]], [[0]])).toThrow(
      'batch normalisation needs a batch of at least 2 samples',
    );
    expect(() => forward(net, params, [1, 2])).toThrow('batch normalisation');
    expect(
      () =>
        new Trainer(
          net,
          params,
          {
            inputs: [
              [1, 2],
              [3, 4],
            ],
            targets: [[0], [1]],
          },
          { mode: 'sgd' },
        ),
    ).toThrow('batches of at least 2 samples');
  });

  test('the linear loss E = t·o sends t itself into the top of the network', () => {
    const net = createNetwork({ sizes: [2, 3, 2], activation: 'tanh', loss: 'linear' });
    const params = initParams(net, { seed: 8 });
    const bw = backward(net, params, [0.3, -0.2], [0.6, -0.8]);
    expect(bw.dE_dout[2]).toEqual([0.6, -0.8]);
    expectClose(bw.loss, 0.6 * bw.outputs[0]! - 0.8 * bw.outputs[1]!, 1e-15);
    checkGradient({ sizes: [2, 3, 2], activation: 'tanh', loss: 'linear' }, 9);
  });
});

describe('clipping by global norm', () => {
  const net = createNetwork({ sizes: [2, 3, 1], activation: 'tanh', loss: 'mse' });
  const params = initParams(net, { seed: 10 });
  const { inputs, targets } = batch(2, 1, 4, 11);
  const { gradient } = lossAndGradient(net, params, inputs, targets);
  const G = Math.hypot(...gradient);

  test('a step with clip c < ‖g‖ moves the parameters by η·c along −g/‖g‖; with c ≥ ‖g‖ it is the plain step', () => {
    const eta = 0.5;
    const c = G / 4;
    const clipped = gradientStep(net, params, inputs, targets, { eta, clip: c }).params;
    const step = Array.from(clipped, (p, i) => p - params[i]!);
    expectClose(Math.hypot(...step), eta * c, { abs: 0, rel: 1e-12 });
    expectClose(
      step,
      Array.from(gradient, (g) => (-eta * c * g) / G),
      { abs: 1e-15, rel: 1e-12 },
    );
    const loose = gradientStep(net, params, inputs, targets, { eta, clip: 2 * G }).params;
    const plain = gradientStep(net, params, inputs, targets, { eta }).params;
    expect(Array.from(loose)).toEqual(Array.from(plain));
  });

  test('clip needs the simultaneous order and a positive bound', () => {
    expect(() =>
      gradientStep(net, params, inputs, targets, { clip: 1, update: 'inPlace' }),
    ).toThrow("update must be 'simultaneous'");
    expect(() => gradientStep(net, params, inputs, targets, { clip: 0 })).toThrow('clip');
  });

  test('frozen biases are left out of the norm and not moved', () => {
    const frozen = createNetwork({
      sizes: [2, 3, 1],
      activation: 'tanh',
      loss: 'mse',
      trainBiases: false,
    });
    const g = lossAndGradient(frozen, params, inputs, targets).gradient;
    const weights = Array.from(g).filter((_, i) => ![6, 7, 8, 12].includes(i));
    const Gw = Math.hypot(...weights);
    const next = gradientStep(frozen, params, inputs, targets, { eta: 1, clip: Gw / 2 }).params;
    const moved = Array.from(next, (p, i) => p - params[i]!);
    expect([6, 7, 8, 12].map((i) => moved[i])).toEqual([0, 0, 0, 0]);
    expectClose(Math.hypot(...moved), Gw / 2, { abs: 0, rel: 1e-12 });
  });
});

describe('the training step’s memory', () => {
  test('a step of the worked 2-2-2 network allocates next to nothing, so a long run makes no garbage to collect', async () => {
    const { Session } = await import('node:inspector/promises');
    // As the backprop chapter's training panel runs it (src/live/models/mazur.ts).
    const { params, inputs, targets } = mazurToNetwork(mazurParams);
    const trainer = new Trainer(
      mazurNetwork(),
      params,
      { inputs: [inputs], targets: [targets] },
      { eta: 0.5, recordLoss: false },
    );
    for (let i = 0; i < 200; i++) trainer.run(250); // optimised, as in a run on the page
    const session = new Session();
    session.connect();
    try {
      await session.post('HeapProfiler.enable');
      // Every 256th byte, objects the collector has since freed included.
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 256,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      for (let i = 0; i < 400; i++) trainer.run(250);
      const { profile } = await session.post('HeapProfiler.stopSampling');
      type Node = { callFrame: { url: string }; selfSize: number; children: Node[] };
      const inEngine = (node: Node): number =>
        (/\/engine\/(kernel|activations|network|train)\.ts$/.test(node.callFrame.url)
          ? node.selfSize
          : 0) + node.children.reduce((sum, child) => sum + inEngine(child), 0);
      // 100,000 steps. With the clamps written as ternaries on an imported bound, V8 boxed each
      // clamped value: 21 MB. Now a number or two a step (the step's loss): under 4 MB.
      expect(inEngine(profile.head as Node)).toBeLessThan(4e6);
    } finally {
      session.disconnect();
    }
    expect(trainer.step).toBe(150_000);
  });
});
