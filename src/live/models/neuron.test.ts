import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centralDifference, expectClose } from '../../engine/test-utils.ts';
import { checkModel, defaultValues, derivedInfo, type ParamValues } from '../model.ts';
import { createModelState } from '../store.ts';
import { neuronModel } from './neuron.ts';

const OPTIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu'];

/** Each activation and its derivative written out by hand (leaky slope 0.01, ELU α = 1). */
const BY_HAND: Record<string, [(z: number) => number, (z: number) => number]> = {
  sigmoid: [(z) => 1 / (1 + Math.exp(-z)), (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2],
  tanh: [(z) => Math.tanh(z), (z) => 1 - Math.tanh(z) ** 2],
  relu: [(z) => (z > 0 ? z : 0), (z) => (z > 0 ? 1 : 0)],
  'leaky-relu': [(z) => (z > 0 ? z : 0.01 * z), (z) => (z > 0 ? 1 : 0.01)],
  elu: [(z) => (z > 0 ? z : Math.exp(z) - 1), (z) => (z > 0 ? 1 : Math.exp(z))],
};

const at = (params: ParamValues) =>
  checkModel(neuronModel, { ...defaultValues(neuronModel), ...params });
const num = (values: ReturnType<typeof at>, name: string): number => {
  const value = values[name];
  if (typeof value !== 'number') throw new Error(`${name} is not a number`);
  return value;
};
const arr = (values: ReturnType<typeof at>, name: string): number[] => {
  const value = values[name];
  if (value === undefined || typeof value === 'number') throw new Error(`${name} is not an array`);
  return Array.from(value);
};

describe('neuronModel', () => {
  it('has three inputs, three weights, a bias and an activation, sigmoid by default', () => {
    expect(neuronModel.name).toBe('neuron');
    expect(defaultValues(neuronModel)).toEqual({
      x1: 1,
      x2: -0.5,
      x3: 2,
      w1: 0.9,
      w2: 0.4,
      w3: -0.2,
      b: 0.1,
      act: 'sigmoid',
      leak: 0.01,
      alpha: 1,
    });
    const act = neuronModel.params.act;
    expect(act.kind).toBe('choice');
    expect(Object.keys(act.options)).toEqual(OPTIONS);
    expect(act.options['leaky-relu']).toBe('leaky ReLU');
  });

  it('declares the terms, z, a, the derivatives and the curves', () => {
    const numbers = [
      ...['wx1', 'wx2', 'wx3', 'z', 'a', 'dadz', 'dadw1', 'dadw2', 'dadw3', 'dadb'],
      ...['dadx1', 'dadx2', 'dadx3', 'bAtZero'],
      ...['sigmoid', 'tanh', 'relu', 'leaky', 'elu'].flatMap((f) => [`f_${f}`, `df_${f}`]),
    ];
    expect([...derivedInfo(neuronModel)]).toEqual([
      ...numbers.map((name) => [name, { group: '', array: false }]),
      ...['curveX', 'curveF', 'curveDf'].map((name) => [name, { group: '', array: true }]),
    ]);
  });

  it('computes z = w1·x1 + w2·x2 + w3·x3 + b, a = f(z) and f′(z) for every activation', () => {
    for (const act of OPTIONS) {
      const values = at({ act, x1: 2, x2: -1.5, x3: 0.5, w1: -0.7, w2: 1.1, w3: 0.9, b: 0.3 });
      const z = -0.7 * 2 + 1.1 * -1.5 + 0.9 * 0.5 + 0.3;
      const [f, df] = BY_HAND[act]!;
      expectClose(num(values, 'wx2'), 1.1 * -1.5, 1e-15);
      expectClose(num(values, 'z'), z, 1e-15);
      expectClose(num(values, 'a'), f(z), 1e-15);
      expectClose(num(values, 'dadz'), df(z), 1e-15);
    }
  });

  it('gives ∂a/∂wᵢ and ∂a/∂b that agree with central differences of a, for every activation', () => {
    const point = { x1: 1.3, x2: -0.4, x3: 2.2, w1: 0.5, w2: -0.9, w3: 0.25, b: -0.35 };
    for (const act of OPTIONS) {
      const a = (changes: Record<string, number>) => num(at({ ...point, act, ...changes }), 'a');
      const values = at({ ...point, act });
      for (const name of ['w1', 'w2', 'w3', 'b'] as const) {
        const numeric = centralDifference(
          (v) => a({ [name]: v[0]! }),
          Float64Array.of(point[name]),
          0,
        );
        expectClose(num(values, `dad${name}`), numeric, 1e-7);
      }
    }
  });

  it('gives ∂a/∂xᵢ = f′(z)·wᵢ, in agreement with central differences', () => {
    const point = { x1: 1.3, x2: -0.4, x3: 2.2, w1: 0.5, w2: -0.9, w3: 0.25, b: -0.35 };
    for (const act of OPTIONS) {
      const values = at({ ...point, act });
      for (const name of ['x1', 'x2', 'x3'] as const) {
        const numeric = centralDifference(
          (v) => num(at({ ...point, act, [name]: v[0]! }), 'a'),
          Float64Array.of(point[name]),
          0,
        );
        expectClose(num(values, `dad${name}`), numeric, 1e-7);
      }
    }
  });

  it('gives every activation and its slope at the neuron’s z, whichever is chosen', () => {
    const names = {
      sigmoid: 'sigmoid',
      tanh: 'tanh',
      relu: 'relu',
      leaky: 'leaky-relu',
      elu: 'elu',
    };
    for (const z of [-1.5, 0.3]) {
      // w1 moves z: z = w1 − 0.2 − 0.4 + 0.1.
      const values = at({ act: 'tanh', w1: z + 0.5 });
      expectClose(num(values, 'z'), z, 1e-15);
      for (const [name, option] of Object.entries(names)) {
        const [f, df] = BY_HAND[option]!;
        expectClose(num(values, `f_${name}`), f(z), 1e-15);
        expectClose(num(values, `df_${name}`), df(z), 1e-15);
      }
    }
  });

  it('gives every weight a gradient with the sign of its input, times one shared factor', () => {
    const values = at({});
    const dadz = num(values, 'dadz');
    expect(dadz).toBeGreaterThan(0);
    expect(num(values, 'dadw1')).toBe(dadz * 1);
    expect(num(values, 'dadw2')).toBe(dadz * -0.5);
    expect(num(values, 'dadw3')).toBe(dadz * 2);
    expect(Math.sign(num(values, 'dadw2'))).toBe(-1);
  });

  it('gives the bias that puts the inputs on the threshold z = 0', () => {
    const values = at({ x3: 1.3, w3: 0.7 });
    const bias = num(values, 'bAtZero');
    expect(num(at({ x3: 1.3, w3: 0.7, b: bias }), 'z')).toBe(0);
    // The chapter's starting values, where the floating-point sum is −5.55e−17.
    expect(0.9 * 1 + 0.4 * -0.5 + -0.2 * 2 + -0.3).not.toBe(0);
    expect(num(at({ b: num(at({}), 'bAtZero') }), 'z')).toBe(0);
    expect(Object.is(num(at({ b: -0.3 }), 'z'), 0)).toBe(true);
    expect(num(at({ b: -0.3, act: 'tanh' }), 'a')).toBe(0);
    expect(num(at({ act: 'sigmoid', x3: 1.3, w3: 0.7, b: bias }), 'a')).toBeCloseTo(0.5, 14);
  });

  it('uses the page’s leaky slope and ELU α', () => {
    const leaky = at({ act: 'leaky-relu', leak: 0.2, w1: -1 }); // z = −1 − 0.2 − 0.4 + 0.1 = −1.5
    expectClose(num(leaky, 'a'), 0.2 * -1.5, 1e-15);
    expect(num(leaky, 'dadz')).toBe(0.2);
    const elu = at({ act: 'elu', alpha: 2, w1: -1 });
    expectClose(num(elu, 'a'), 2 * (Math.exp(-1.5) - 1), 1e-15);
    expectClose(num(elu, 'dadz'), 2 * Math.exp(-1.5), 1e-15);
  });

  it('samples 121 points of f and f′ from −6 to 6, every 0.1 exactly as written', () => {
    const values = at({});
    const x = arr(values, 'curveX');
    expect(x).toHaveLength(121);
    expect([x[0], x[60], x[61], x[120]]).toEqual([-6, 0, 0.1, 6]);
    x.forEach((xi, i) => expect(xi).toBe(Number(((i - 60) / 10).toFixed(1))));
    for (const name of ['curveF', 'curveDf']) {
      const curve = arr(values, name);
      expect(curve, name).toHaveLength(121);
      expect(curve.every(Number.isFinite), name).toBe(true);
    }
  });

  it('gives curves that match f, and whose f′ agrees with central differences of f, for every activation', () => {
    for (const act of OPTIONS) {
      const values = at({ act });
      const [f] = BY_HAND[act]!;
      const x = arr(values, 'curveX');
      const fx = arr(values, 'curveF');
      const dfx = arr(values, 'curveDf');
      x.forEach((xi, i) => {
        expectClose(fx[i]!, f(xi), 1e-15);
        // Away from the kink at 0, where the one-sided slopes differ.
        if (xi !== 0)
          expectClose(
            dfx[i]!,
            centralDifference((v) => f(v[0]!), Float64Array.of(xi), 0),
            1e-7,
          );
      });
    }
  });

  it('passes checkModel() anywhere in range, for every activation (property)', () => {
    const number = fc.double({ noNaN: true, min: -5, max: 5 });
    fc.assert(
      fc.property(
        fc.record({
          x1: number,
          x2: number,
          x3: number,
          w1: number,
          w2: number,
          w3: number,
          b: number,
          act: fc.constantFrom(...OPTIONS),
        }),
        (params) => {
          const values = checkModel(neuronModel, params);
          const [f] = BY_HAND[params.act]!;
          expectClose(num(values, 'a'), f(num(values, 'z')), { abs: 1e-12, rel: 1e-12 });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('gives its curves through a live state as arrays, and changes them with the activation', () => {
    const state = createModelState(neuronModel);
    expect(state.array('curveX')).toHaveLength(121);
    expect(state.number('curveF')).toBeUndefined();
    expect(state.array('a')).toBeUndefined();
    const sigmoidAt0 = state.array('curveF')?.[60];
    expect(sigmoidAt0).toBe(0.5);
    state.set('act', 'tanh');
    expect(state.array('curveF')?.[60]).toBe(0);
    expect(state.number('a')).toBe(Math.tanh(0.4)); // z = 0.9 − 0.2 − 0.4 + 0.1, kept to 12 decimals
  });
});
