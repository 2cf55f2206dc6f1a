import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { activationInfo } from './activation-info.ts';
import {
  ACTIVATION_IDS,
  ACT_CODE,
  activate,
  activateLayer,
  activationDerivative,
  derivativeFromOutput,
  elu,
  eluPrime,
  formatActivation,
  leakyReluPrime,
  multiplyByDerivative,
  parseActivation,
  reluPrime,
  resolveActivation,
  sigmoid,
  sigmoidPrime,
  tanhPrime,
} from './activations.ts';
import type { ActivationSpec } from './activations.ts';
import { centralDifference, expectClose } from './test-utils.ts';

const FC = { seed: 42, numRuns: 300 } as const;

/** Every activation, with non-default parameters for the two that have one. */
const SPECS: ActivationSpec[] = [
  'sigmoid',
  'tanh',
  'relu',
  { id: 'leakyRelu', a: 0.1 },
  { id: 'elu', alpha: 1.5 },
  'identity',
];

describe('derivatives', () => {
  test.each(SPECS.map((s) => [formatActivation(s), s] as const))(
    '%s: activationDerivative() matches central differences away from 0 (h = 1e-6, tol 1e-7 abs + 1e-6 rel)',
    (_name, spec) => {
      fc.assert(
        fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => {
          fc.pre(Math.abs(x) > 1e-3); // the kinks of ReLU, leaky ReLU and ELU are at 0
          const fd = centralDifference((v) => activate(spec, v[0]!), Float64Array.of(x), 0, 1e-6);
          expectClose(activationDerivative(spec, x), fd, { abs: 1e-7, rel: 1e-6 });
        }),
        FC,
      );
    },
  );

  test.each(SPECS.map((s) => [formatActivation(s), s] as const))(
    '%s: derivativeFromOutput(f(x)) equals activationDerivative(x)',
    (_name, spec) => {
      fc.assert(
        fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
          fc.pre(x !== 0);
          expectClose(
            derivativeFromOutput(spec, activate(spec, x)),
            activationDerivative(spec, x),
            {
              abs: 1e-15,
              rel: 1e-12,
            },
          );
        }),
        FC,
      );
    },
  );

  test("kink conventions: ReLU'(0) = 0, leaky ReLU'(0) = a, ELU'(0) = α", () => {
    expect(reluPrime(0)).toBe(0);
    expect(leakyReluPrime(0, 0.2)).toBe(0.2);
    expect(eluPrime(0, 1.5)).toBe(1.5);
    expect(derivativeFromOutput('relu', 0)).toBe(0);
  });

  test('activateLayer() and multiplyByDerivative() (the network kernels) agree with the scalar functions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...SPECS),
        (zs, spec) => {
          const r = resolveActivation(spec);
          const z = Float64Array.from(zs);
          const a = new Float64Array(zs.length);
          activateLayer(r.code, r.param, z, a, 0, zs.length);
          expectClose(
            a,
            zs.map((x) => activate(spec, x)),
            0,
          );
          const d = new Float64Array(zs.length).fill(2);
          multiplyByDerivative(r.code, r.param, z, a, d, d, 0, zs.length);
          expectClose(
            d,
            zs.map((x) => 2 * activationDerivative(spec, x)),
            { abs: 1e-15, rel: 1e-12 },
          );
        },
      ),
      FC,
    );
  });
});

describe('numerical stability', () => {
  test('sigmoid() is exact and NaN-free at ±1000, ±1e6 and ±Infinity', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1e6)).toBe(1);
    expect(sigmoid(-1e6)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoidPrime(-1000)).toBe(0);
    // the negative branch keeps precision where 1 − σ(−x) would cancel
    expectClose(sigmoid(-40), Math.exp(-40) / (1 + Math.exp(-40)), { abs: 0, rel: 1e-15 });
  });

  test('no activation or derivative returns NaN for extreme inputs', () => {
    const xs = [-Infinity, -1e308, -1e6, -1000, -0, 0, 1000, 1e6, 1e308, Infinity];
    for (const spec of SPECS) {
      for (const x of xs) {
        expect(Number.isNaN(activate(spec, x)), `${formatActivation(spec)}(${x})`).toBe(false);
        expect(Number.isNaN(activationDerivative(spec, x))).toBe(false);
      }
    }
    expect(elu(-1e6, 1.5)).toBe(-1.5);
    expect(tanhPrime(1e6)).toBe(0);
  });
});

describe('metadata', () => {
  test('activationInfo().maxDerivative is the supremum of the derivative over a fine grid', () => {
    for (const spec of SPECS) {
      const info = activationInfo(spec);
      let sup = 0;
      for (let x = -10; x <= 10; x += 1e-3) sup = Math.max(sup, activationDerivative(spec, x));
      expect(sup, info.name).toBeLessThanOrEqual(info.maxDerivative + 1e-12);
      expect(sup, info.name).toBeGreaterThan(info.maxDerivative - 1e-2);
    }
    expect(activationInfo('sigmoid').maxDerivative).toBe(0.25);
  });

  test('activationInfo() ranges contain sampled outputs and match the documented table', () => {
    const table = SPECS.map((s) => {
      const i = activationInfo(s);
      return [i.id, i.range.min, i.range.max, i.saturates, i.zeroCentred];
    });
    expect(table).toEqual([
      ['sigmoid', 0, 1, 'both', false],
      ['tanh', -1, 1, 'both', true],
      ['relu', 0, Infinity, 'one', false],
      ['leakyRelu', -Infinity, Infinity, 'none', false],
      ['elu', -1.5, Infinity, 'one', false],
      ['identity', -Infinity, Infinity, 'none', true],
    ]);
    for (const spec of SPECS) {
      const { range } = activationInfo(spec);
      for (let x = -5; x <= 5; x += 0.01) {
        const y = activate(spec, x);
        expect(range.minClosed ? y >= range.min : y > range.min).toBe(true);
        expect(range.maxClosed ? y <= range.max : y < range.max).toBe(true);
      }
    }
    expect(activationInfo('relu').range.minClosed).toBe(true);
    expect(activationInfo({ id: 'leakyRelu', a: 0 }).saturates).toBe('one');
  });

  test('every activation has a name and KaTeX formulas for itself and its derivative', () => {
    for (const id of ACTIVATION_IDS) {
      const info = activationInfo(id);
      expect(info.name.length).toBeGreaterThan(2);
      expect(info.formula).toContain('x');
      expect(info.derivativeFormula).toContain("'");
    }
  });
});

describe('specs and names', () => {
  test('formatActivation() and parseActivation() round-trip, default parameters are left out', () => {
    expect(formatActivation('sigmoid')).toBe('sigmoid');
    expect(formatActivation({ id: 'leakyRelu' })).toBe('leakyRelu');
    expect(formatActivation({ id: 'leakyRelu', a: 0.2 })).toBe('leakyRelu:0.2');
    expect(parseActivation('elu:2')).toEqual({ id: 'elu', alpha: 2 });
    for (const spec of SPECS)
      expect(resolveActivation(parseActivation(formatActivation(spec)))).toEqual(
        resolveActivation(spec),
      );
  });

  test('resolveActivation() fills defaults (a = 0.01, α = 1) and rejects bad ids and parameters by name', () => {
    expect(resolveActivation('leakyRelu')).toEqual({
      id: 'leakyRelu',
      code: ACT_CODE.leakyRelu,
      param: 0.01,
    });
    expect(resolveActivation('elu').param).toBe(1);
    expect(() => resolveActivation('softmax' as 'relu')).toThrow(
      'resolveActivation(): activation must be one of sigmoid, tanh, relu, leakyRelu, elu, identity, got softmax',
    );
    expect(() => resolveActivation({ id: 'leakyRelu', a: 2 })).toThrow(
      'activation.a must be a number from 0 to 1',
    );
    expect(() => resolveActivation({ id: 'elu', alpha: Number.NaN })).toThrow('activation.alpha');
    expect(() => parseActivation('relu:3')).toThrow("activation 'relu' takes no parameter");
  });
});
