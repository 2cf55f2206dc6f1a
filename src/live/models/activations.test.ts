import { describe, expect, it } from 'vitest';
import { checkModel, defaultValues, type ParamValues } from '../model.ts';
import { activationsModel } from './activations.ts';

const at = (params: ParamValues = {}) =>
  checkModel(activationsModel, { ...defaultValues(activationsModel), ...params });
const num = (values: ReturnType<typeof at>, name: string): number => {
  const value = values[name];
  if (typeof value !== 'number') throw new Error(`${name} is not a number`);
  return value;
};

// Closed forms for X ~ N(0, 1), written out here, independently of the engine.
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Φ(−1), from a multiple-precision erfc. */
const PHI_MINUS_1 = 0.15865525393145707;

describe('activationsModel', () => {
  it('reads the chosen activation and its slope at x, as written out by hand', () => {
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    let v = at();
    expect(num(v, 'fx')).toBeCloseTo(sigmoid(2), 15);
    expect(num(v, 'dfx')).toBeCloseTo(sigmoid(2) * (1 - sigmoid(2)), 15);
    v = at({ act: 'leaky-relu', x: -2, leak: 0.1 });
    expect(num(v, 'fx')).toBeCloseTo(-0.2, 15);
    expect(num(v, 'dfx')).toBe(0.1);
    v = at({ act: 'elu', x: -1, alpha: 2 });
    expect(num(v, 'fx')).toBeCloseTo(2 * (Math.exp(-1) - 1), 15);
    expect(num(v, 'dfx')).toBeCloseTo(2 * Math.exp(-1), 15);
    v = at({ act: 'relu', x: -0.5 });
    expect([num(v, 'fx'), num(v, 'dfx')]).toEqual([0, 0]);
  });

  it('gives tanh(x) and 2σ(2x) − 1 equal to within a rounding error, at every x on the slider', () => {
    for (let i = -40; i <= 40; i++) {
      const v = at({ x: i / 10 });
      expect(num(v, 'tanhx')).toBeCloseTo(Math.tanh(i / 10), 15);
      expect(num(v, 'tanhGap')).toBeLessThan(1e-15);
      // Its derivative by the chain rule: tanh′(x) = 4σ′(2x).
      const s2 = num(v, 'sig2x');
      expect(4 * s2 * (1 - s2)).toBeCloseTo(1 - Math.tanh(i / 10) ** 2, 14);
      expect(num(v, 'dtanhx')).toBeCloseTo(1 - Math.tanh(i / 10) ** 2, 14);
    }
  });

  it('gives the scaled sigmoid σ(kx) and its slope k/4 at 0', () => {
    const v = at({ k: 4, x: 0.5 });
    expect(num(v, 'sigkx')).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(num(v, 'dsigk0')).toBe(1);
  });

  it('computes the table for a standard normal input: ReLU 0.3989, leaky (1 − a)/√(2π), tanh 0', () => {
    const v = at({ leak: 0.01 });
    expect(num(v, 'mean_relu')).toBeCloseTo(1 / SQRT_2PI, 8);
    expect(num(v, 'var_relu')).toBeCloseTo(0.5 - 1 / (2 * Math.PI), 8);
    expect(num(v, 'mean_leaky')).toBeCloseTo(0.99 / SQRT_2PI, 8);
    expect(num(v, 'mean_tanh')).toBe(0);
    expect(num(v, 'mean_sigmoid')).toBe(0.5);
    // ELU with α = 1: E = φ(0) + e^½ Φ(−1) − ½.
    expect(num(v, 'mean_elu')).toBeCloseTo(1 / SQRT_2PI + Math.exp(0.5) * PHI_MINUS_1 - 0.5, 8);
    expect(num(v, 'reluZeros')).toBe(0.5);
    expect([num(v, 'maxd_sigmoid'), num(v, 'maxd_tanh'), num(v, 'maxd_relu')]).toEqual([
      0.25, 1, 1,
    ]);
  });

  it('moves the means with the input mean μ: tanh is centred only for a centred input', () => {
    const v = at({ mu: 1 });
    expect(num(v, 'mean_tanh')).toBeGreaterThan(0.5);
    // ReLU of N(1, 1): μΦ(μ) + φ(μ), with Φ(1) = 1 − Φ(−1).
    const want = 1 - PHI_MINUS_1 + Math.exp(-0.5) / SQRT_2PI;
    expect(num(v, 'mean_relu')).toBeCloseTo(want, 8);
    expect(num(v, 'reluZeros')).toBeCloseTo(PHI_MINUS_1, 8);
    // A wider input: sigmoid's variance grows, its mean stays ½ by symmetry.
    const wide = at({ sd: 3 });
    expect(num(wide, 'mean_sigmoid')).toBe(0.5);
    expect(num(wide, 'var_sigmoid')).toBeGreaterThan(num(at(), 'var_sigmoid'));
  });

  it('keeps the standard-normal means for the prose whatever μ and s are', () => {
    const v = at({ mu: 2, sd: 0.5, leak: 0.1 });
    expect(num(v, 'stdmean_relu')).toBeCloseTo(1 / SQRT_2PI, 8);
    expect(num(v, 'stdmean_leaky')).toBeCloseTo(0.9 / SQRT_2PI, 8);
    expect(num(v, 'stdmean_elu')).toBeCloseTo(1 / SQRT_2PI + Math.exp(0.5) * PHI_MINUS_1 - 0.5, 8);
  });

  it('finds the α that centres ELU on zero for a standard normal input, 1.6733 (SELU’s)', () => {
    const alpha = num(at(), 'eluZeroAlpha');
    // φ(0) + α(e^½ Φ(−1) − ½) = 0.
    expect(alpha).toBeCloseTo(1 / SQRT_2PI / (0.5 - Math.exp(0.5) * PHI_MINUS_1), 7);
    expect(Math.abs(num(at({ alpha: 1.7 }), 'stdmean_elu'))).toBeLessThan(0.01);
    expect(alpha.toFixed(4)).toBe('1.6733');
  });

  it('finds where tanh’s slope falls to sigmoid’s largest, ¼: at ln(2 + √3)', () => {
    const x = num(at(), 'tanhQuarterX');
    expect(x).toBeCloseTo(Math.log(2 + Math.sqrt(3)), 14);
    // tanh′ = 4σ′(2x) there is ¼, so σ′(2x) = σ(2x)(1 − σ(2x)) = 1/16: the engine agrees.
    const s2 = num(at({ x }), 'sig2x');
    expect(num(at({ x }), 'dtanhx')).toBeCloseTo(0.25, 14);
    expect(s2 * (1 - s2)).toBeCloseTo(1 / 16, 14);
    expect(x.toFixed(2)).toBe('1.32');
  });

  it('follows a and α in the largest slope and ELU’s floor', () => {
    const v = at({ alpha: 2.5, leak: 0.3 });
    expect(num(v, 'maxd_elu')).toBe(2.5);
    expect(num(v, 'maxd_leaky')).toBe(1);
    expect(num(v, 'eluMin')).toBe(-2.5);
  });
});
