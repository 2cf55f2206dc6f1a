import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateLoss, gradientStep } from './batch.ts';
import { initParams } from './init.ts';
import { mazurNetwork, mazurParams, mazurToNetwork } from './mazur.ts';
import { createNetwork } from './network.ts';
import { mulberry32 } from './rng.ts';
import { expectClose } from './test-utils.ts';
import { Trainer, train } from './train.ts';
import type { TrainOptions } from './train.ts';

const FC = { seed: 42, numRuns: 60 } as const;

/** A seeded regression problem: 2 → 3 → 1 tanh network on N random samples. */
function problem(N: number, seed = 7) {
  const net = createNetwork({ sizes: [2, 3, 1], activation: ['tanh', 'identity'] });
  const params = initParams(net, { seed });
  const rng = mulberry32(seed + 100);
  const inputs = Array.from({ length: N }, () => [rng.normal(), rng.normal()]);
  const targets = inputs.map(([x, y]) => [Math.sin(x!) * y!]);
  return { net, params, data: { inputs, targets } };
}

describe('train()', () => {
  test('full-batch training on the worked example at η = 0.5 lowers the loss at every step', () => {
    const net = mazurNetwork();
    const { params, inputs, targets } = mazurToNetwork(mazurParams);
    const r = train(net, params, { inputs: [inputs], targets: [targets] }, 1000, { eta: 0.5 });
    expect(r.losses.length).toBe(1000);
    for (let i = 1; i < r.losses.length; i++) expect(r.losses[i]).toBeLessThan(r.losses[i - 1]!);
    expect(r.finalLoss).toBeLessThan(r.losses[999]!);
  });

  test('train() with the same seed is reproducible bit for bit; another seed shuffles differently', () => {
    const { net, params, data } = problem(12);
    const opts: TrainOptions = { mode: 'sgd', eta: 0.1, seed: 3, recordPathEvery: 10 };
    const a = train(net, params, data, 100, opts);
    const b = train(net, params, data, 100, opts);
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.losses)).toEqual(Array.from(b.losses));
    const c = train(net, params, data, 100, { ...opts, seed: 4 });
    expect(Array.from(c.losses)).not.toEqual(Array.from(a.losses));
  });

  test('train() records the parameter path at steps 0, k, 2k, … and each snapshot is the state after that many steps', () => {
    const { net, params, data } = problem(5);
    const r = train(net, params, data, 25, { eta: 0.2, recordPathEvery: 10 });
    expect(r.pathSteps).toEqual([0, 10, 20]);
    expect(Array.from(r.path[0]!)).toEqual(Array.from(params));
    for (const [i, s] of r.pathSteps.entries()) {
      expect(Array.from(r.path[i]!)).toEqual(
        Array.from(train(net, params, data, s, { eta: 0.2 }).params),
      );
    }
    const none = train(net, params, data, 25, { eta: 0.2 });
    expect(none.path).toEqual([]);
  });

  test('train() without history returns no losses and the same final state', () => {
    const { net, params, data } = problem(5);
    const withLoss = train(net, params, data, 50, { eta: 0.2 });
    const without = train(net, params, data, 50, { eta: 0.2, recordLoss: false });
    expect(without.losses.length).toBe(0);
    expect(Array.from(without.params)).toEqual(Array.from(withLoss.params));
    expect(without.finalLoss).toBe(evaluateLoss(net, without.params, data.inputs, data.targets));
  });

  test('train() does not modify the params it is given', () => {
    const { net, params, data } = problem(5);
    const before = Array.from(params);
    train(net, params, data, 10, { eta: 0.2 });
    expect(Array.from(params)).toEqual(before);
  });
});

describe('Trainer', () => {
  test('Trainer.run() in chunks equals one-shot train() for every mode, order and update rule', () => {
    const modes = fc.record({
      mode: fc.constantFrom('fullBatch', 'sgd', 'miniBatch' as const),
      order: fc.constantFrom('shuffled', 'fixed' as const),
      update: fc.constantFrom('simultaneous', 'inPlace' as const),
      batchSize: fc.integer({ min: 1, max: 7 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      every: fc.integer({ min: 0, max: 7 }),
    });
    const chunks = fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(modes, chunks, (m, sizes) => {
        const { net, params, data } = problem(7);
        const opts: TrainOptions = {
          mode: m.mode,
          order: m.order,
          update: m.update,
          batchSize: m.batchSize,
          seed: m.seed,
          eta: 0.05,
          recordPathEvery: m.every,
        };
        const total = sizes.reduce((s, n) => s + n, 0);
        const whole = train(net, params, data, total, opts);
        const trainer = new Trainer(net, params, data, opts);
        const losses: number[] = [];
        const path: number[][] = [];
        const pathSteps: number[] = [];
        for (const n of sizes) {
          const chunk = trainer.run(n);
          losses.push(...chunk.losses);
          path.push(...chunk.path.map((p) => Array.from(p)));
          pathSteps.push(...chunk.pathSteps);
        }
        expect(trainer.step).toBe(total);
        expect(Array.from(trainer.params)).toEqual(Array.from(whole.params));
        expect(losses).toEqual(Array.from(whole.losses));
        expect(pathSteps).toEqual(whole.pathSteps);
        expect(path).toEqual(whole.path.map((p) => Array.from(p)));
      }),
      FC,
    );
  });

  test("'sgd' with 'shuffled' order uses every sample exactly once per epoch, in a seeded order", () => {
    // With η = 1e-300 the parameters never move, so each step's loss identifies its sample.
    const { net, params, data } = problem(6);
    const perSample = data.inputs.map((x, i) => evaluateLoss(net, params, [x], [data.targets[i]!]));
    expect(new Set(perSample).size).toBe(6);
    const r = train(net, params, data, 18, { mode: 'sgd', eta: 1e-300, seed: 9 });
    const used = Array.from(r.losses, (l) => perSample.indexOf(l));
    for (let epoch = 0; epoch < 3; epoch++) {
      expect(used.slice(epoch * 6, epoch * 6 + 6).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    }
    expect(used.slice(0, 6)).not.toEqual(used.slice(6, 12)); // reshuffled between epochs
    const fixed = train(net, params, data, 8, { mode: 'sgd', eta: 1e-300, order: 'fixed' });
    expect(Array.from(fixed.losses, (l) => perSample.indexOf(l))).toEqual([0, 1, 2, 3, 4, 5, 0, 1]);
  });

  test("'miniBatch' with 'fixed' order takes the next B samples of 0..N−1, 0..N−1, … (batches may straddle epochs)", () => {
    const { net, params, data } = problem(4);
    const opts: TrainOptions = { mode: 'miniBatch', batchSize: 3, order: 'fixed', eta: 0.3 };
    const r = train(net, params, data, 2, opts);
    const rows = (idx: number[]) => ({
      inputs: idx.map((i) => data.inputs[i]!),
      targets: idx.map((i) => data.targets[i]!),
    });
    const b1 = rows([0, 1, 2]);
    const b2 = rows([3, 0, 1]);
    const s1 = gradientStep(net, params, b1.inputs, b1.targets, { eta: 0.3 });
    const s2 = gradientStep(net, s1.params, b2.inputs, b2.targets, { eta: 0.3 });
    expect(Array.from(r.params)).toEqual(Array.from(s2.params));
    expect(Array.from(r.losses)).toEqual([s1.loss, s2.loss]);
  });

  test('Trainer.loss() is the whole-dataset loss at the current parameters', () => {
    const { net, params, data } = problem(9);
    const t = new Trainer(net, params, data, { mode: 'miniBatch', batchSize: 2, eta: 0.1 });
    t.run(13);
    expectClose(t.loss(), evaluateLoss(net, t.params, data.inputs, data.targets), 0);
  });

  test('Trainer() rejects bad options with an error naming them', () => {
    const { net, params, data } = problem(3);
    expect(() => new Trainer(net, params, data, { eta: 0 })).toThrow('Trainer(): eta must be');
    expect(() => new Trainer(net, params, data, { mode: 'miniBatch', batchSize: 4 })).toThrow(
      'Trainer(): batchSize must be an integer from 1 to 3, got 4',
    );
    expect(() => new Trainer(net, params, data, { recordPathEvery: -1 })).toThrow(
      'recordPathEvery',
    );
    expect(() => new Trainer(net, params, { inputs: [[1, 2]], targets: [] })).toThrow(
      'Trainer(): targets must have 1 rows, got 0',
    );
    expect(() => new Trainer(net, params, data).run(1.5)).toThrow('Trainer.run(): steps must be');
  });
});

describe('a learning rate that changes between steps', () => {
  test('setting eta between runs equals a schedule that switches at the same step', () => {
    const { net, params, data } = problem(6);
    const set = new Trainer(net, params, data, { eta: 0.1 });
    set.run(5);
    set.eta = 0.02;
    expect(set.eta).toBe(0.02);
    set.run(7);
    const scheduled = new Trainer(net, params, data, {
      eta: 0.5, // overridden by the schedule
      etaAt: (t) => (t < 5 ? 0.1 : 0.02),
    });
    scheduled.run(12);
    expect(scheduled.params).toEqual(set.params);
    // And it differs from a constant rate: the switch did something.
    expect(train(net, params, data, 12, { eta: 0.1 }).params).not.toEqual(set.params);
  });

  test('a constant schedule equals the fixed rate, bit for bit', () => {
    const { net, params, data } = problem(5);
    const fixed = train(net, params, data, 20, { eta: 0.07, mode: 'sgd', seed: 3 });
    const scheduled = train(net, params, data, 20, {
      etaAt: () => 0.07,
      mode: 'sgd',
      seed: 3,
    });
    expect(scheduled.params).toEqual(fixed.params);
  });

  test('a bad rate is refused, from the setter or a schedule, and the step count stays true', () => {
    const { net, params, data } = problem(4);
    const trainer = new Trainer(net, params, data, { etaAt: (t) => (t < 3 ? 0.1 : NaN) });
    expect(() => trainer.run(5)).toThrow('etaAt(3) must be a finite number greater than 0');
    expect(trainer.step).toBe(3);
    expect(() => {
      trainer.eta = -1;
    }).toThrow('eta must be a finite number greater than 0');
    expect(() => new Trainer(net, params, data, { etaAt: 0.1 as never })).toThrow(
      'etaAt must be a function',
    );
  });
});
