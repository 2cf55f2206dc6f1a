/**
 * The API boundary: NaN and wrong shapes are rejected with an error naming the argument;
 * ±Infinity is clamped to ±VALUE_BOUND (1e6); extreme values never produce NaN anywhere.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateLoss, gradientStep, lossAndGradient } from './batch.ts';
import { mazurNetwork, mazurToNetwork, mazurParams } from './mazur.ts';
import { backward, createNetwork, forward, packParams } from './network.ts';
import { makeCase, netCaseArb } from './test-utils.ts';
import { train } from './train.ts';
import { VALUE_BOUND, clampValue } from './validate.ts';

const net = mazurNetwork();
const { params, inputs, targets } = mazurToNetwork(mazurParams);

/** Every number in a (nested) result, for NaN checks. */
function numbers(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (ArrayBuffer.isView(x)) return Array.from(x as Float64Array);
  if (Array.isArray(x)) return x.flatMap(numbers);
  if (x !== null && typeof x === 'object') return Object.values(x).flatMap(numbers);
  return [];
}

describe('validation', () => {
  test('forward() rejects NaN inputs naming the index: "forward(): inputs[1] is NaN"', () => {
    expect(() => forward(net, params, [0.05, Number.NaN])).toThrow(
      /^forward\(\): inputs\[1\] is NaN$/,
    );
  });

  test('forward() rejects a weight layer of the wrong size: "weights[0] must have 2×2 entries, got 3"', () => {
    const bad = {
      weights: [
        [0.15, 0.2, 0.25],
        [0.4, 0.45, 0.5, 0.55],
      ],
      biases: [[0.35], [0.6]],
    };
    expect(() => forward(net, bad, inputs)).toThrow(
      'forward(): weights[0] must have 2×2 entries, got 3',
    );
    expect(() => forward(net, { weights: [[1, 2, 3, 4]] }, inputs)).toThrow(
      'forward(): weights must be an array of 2 layers',
    );
    expect(() =>
      forward(
        net,
        {
          weights: [
            [1, 2, 3, 4],
            [1, 2, 3, Number.NaN],
          ],
        },
        inputs,
      ),
    ).toThrow('forward(): weights[1][3] is NaN');
    expect(() =>
      forward(
        net,
        {
          weights: [
            [1, 2, 3, 4],
            [1, 2, 3, 4],
          ],
          biases: [[1, 2], [1]],
        },
        inputs,
      ),
    ).toThrow('forward(): biases[0] must have 1 entries, got 2');
  });

  test('every public entry point names the argument it rejects', () => {
    expect(() => forward(net, params.subarray(0, 9), inputs)).toThrow(
      'forward(): params must have 10 entries, got 9',
    );
    expect(() => forward(net, params, [1])).toThrow('forward(): inputs must have 2 entries, got 1');
    expect(() => backward(net, params, inputs, [0.01])).toThrow(
      'backward(): targets must have 2 entries, got 1',
    );
    expect(() => backward(net, params, inputs, [0.01, Number.NaN])).toThrow(
      'backward(): targets[1] is NaN',
    );
    expect(() =>
      lossAndGradient(net, params, [inputs, [1, Number.NaN]], [targets, targets]),
    ).toThrow('lossAndGradient(): inputs[1][1] is NaN');
    expect(() => evaluateLoss(net, params, [inputs], [targets, targets])).toThrow(
      'evaluateLoss(): targets must have 1 rows, got 2',
    );
    expect(() => evaluateLoss(net, params, [], [])).toThrow(
      'evaluateLoss(): inputs must not be empty',
    );
    expect(() => gradientStep(net, params, [inputs], [targets], { eta: Number.NaN })).toThrow(
      'gradientStep(): eta must be a finite number greater than 0',
    );
    expect(() =>
      gradientStep(net, params, [inputs], [targets], { update: 'sideways' as 'inPlace' }),
    ).toThrow('gradientStep(): update must be one of simultaneous, inPlace, got sideways');
    expect(() => forward(net, params, ['0.05', 0.1] as unknown as number[])).toThrow(
      'forward(): inputs[0] is not a number (got string)',
    );
  });

  test('createNetwork() rejects bad shapes and options by name', () => {
    expect(() => createNetwork({ sizes: [2] })).toThrow(
      'createNetwork(): sizes must be an array of 2 to 101',
    );
    expect(() => createNetwork({ sizes: [2, 0] })).toThrow(
      'createNetwork(): sizes[1] must be an integer from 1 to 4096, got 0',
    );
    expect(() => createNetwork({ sizes: [2, 2, 2], activation: ['relu'] })).toThrow(
      'createNetwork(): activation must have 2 entries (one per layer 1..L), got 1',
    );
    expect(() => createNetwork({ sizes: [2, 2], bias: 'none' as 'shared' })).toThrow(
      'createNetwork(): bias must be one of',
    );
    expect(() => createNetwork({ sizes: [2, 2], loss: 'l1' as 'mse' })).toThrow(
      'createNetwork(): loss must be one of',
    );
  });
});

describe('clamping and extreme values', () => {
  test('±Infinity inputs are clamped to ±1e6 (VALUE_BOUND) at the boundary', () => {
    expect(VALUE_BOUND).toBe(1e6);
    expect(clampValue(Infinity)).toBe(1e6);
    expect(clampValue(-Infinity)).toBe(-1e6);
    expect(clampValue(-3e9)).toBe(-1e6);
    expect(forward(net, params, [Infinity, -Infinity]).outs[0]).toEqual([1e6, -1e6]);
    const p = packParams(net, {
      weights: [
        [Infinity, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
    expect(p[0]).toBe(1e6);
  });

  test('forward, backward, gradient steps and training never produce NaN for extreme inputs, weights and targets', () => {
    const extreme = fc.constantFrom(1e6, -1e6, Infinity, -Infinity, 1e300, -1e300, 0, 1e-300);
    fc.assert(
      fc.property(
        netCaseArb,
        fc.array(extreme, { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        (c, xs, wild) => {
          const { net: n, params: p, inputs: X, targets: T } = makeCase(c);
          let k = 0;
          const next = () => xs[k++ % xs.length]!;
          const Xe = X.map((row) => row.map(next));
          const Te = T.map((row) => row.map((t) => (wild ? next() : t)));
          const pe = wild ? p.map(next) : p;
          const results = [
            forward(n, pe, Xe[0]!),
            backward(n, pe, Xe[0]!, Te[0]!),
            lossAndGradient(n, pe, Xe, Te),
            gradientStep(n, pe, Xe, Te, { eta: 1000, update: 'inPlace' }),
            train(n, pe, { inputs: Xe, targets: Te }, 20, {
              eta: 1000,
              mode: 'sgd',
              recordPathEvery: 5,
            }),
          ];
          for (const r of results) expect(numbers(r).some(Number.isNaN)).toBe(false);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  test('a 100-layer identity network with inputs and weights at ±1e6 saturates instead of overflowing to NaN', () => {
    const deep = createNetwork({
      sizes: Array.from({ length: 101 }, () => 3),
      activation: 'identity',
    });
    const p = new Float64Array(deep.paramCount).fill(1e6);
    const x = [1e6, -1e6, Infinity];
    const bw = backward(deep, p, x, [0, 0, 0]);
    expect(numbers(bw).some(Number.isNaN)).toBe(false);
    const r = train(deep, p, { inputs: [x], targets: [[1, 2, 3]] }, 5, { eta: 1000 });
    expect(numbers(r).some(Number.isNaN)).toBe(false);
  });
});
