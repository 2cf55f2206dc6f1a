import { describe, expect, it } from 'vitest';
import { normalCdf, outputMoments } from './activation-stats.ts';

// Closed forms for X ~ N(μ, 1), written out here, independently of the engine:
// φ and Φ are the standard normal density and distribution function.
const phi = (x: number): number => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
/** Φ(x) by the complementary error function (Numerical Recipes' erfc, error below 1.2e−7). */
function Phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + z / 2);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** ReLU of N(μ, 1): E = μΦ(μ) + φ(μ), E[f²] = (μ² + 1)Φ(μ) + μφ(μ). */
function reluMoments(mu: number) {
  const mean = mu * Phi(mu) + phi(mu);
  const second = (mu * mu + 1) * Phi(mu) + mu * phi(mu);
  return { mean, variance: second - mean * mean };
}

describe('outputMoments()', () => {
  it('gives ReLU of a standard normal input mean 1/√(2π) and variance 1/2 − 1/(2π)', () => {
    const { mean, variance } = outputMoments('relu');
    expect(mean).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 10);
    expect(variance).toBeCloseTo(0.5 - 1 / (2 * Math.PI), 10);
    // The course notes' figure: about 0.399.
    expect(mean.toPrecision(4)).toBe('0.3989');
  });

  it('gives leaky ReLU a mean of (1 − a)/√(2π): positive, not zero-centred', () => {
    for (const a of [0.01, 0.1, 0.3]) {
      const { mean, variance } = outputMoments({ id: 'leakyRelu', a });
      const want = (1 - a) / Math.sqrt(2 * Math.PI);
      expect(mean).toBeCloseTo(want, 10);
      // E[f²] = (1 + a²)/2, by symmetry of the two halves.
      expect(variance).toBeCloseTo((1 + a * a) / 2 - want * want, 10);
    }
    expect(outputMoments({ id: 'leakyRelu', a: 0.01 }).mean.toPrecision(4)).toBe('0.3950');
  });

  it('gives ELU (α = 1) a mean of 1/√(2π) + e^½ Φ(−1) − ½, about 0.16', () => {
    const want = 1 / Math.sqrt(2 * Math.PI) + Math.exp(0.5) * Phi(-1) - 0.5;
    const { mean } = outputMoments({ id: 'elu', alpha: 1 });
    // Φ here is good to about 1e−7, which bounds the agreement.
    expect(Math.abs(mean - want)).toBeLessThan(2e-7);
    expect(mean.toPrecision(4)).toBe('0.1605');
  });

  it('centres tanh and sigmoid on 0 and ½ for a symmetric input, and not for a shifted one', () => {
    expect(Math.abs(outputMoments('tanh').mean)).toBeLessThan(1e-15);
    expect(outputMoments('sigmoid').mean).toBeCloseTo(0.5, 15);
    expect(outputMoments('tanh', 1).mean).toBeGreaterThan(0.5);
    expect(outputMoments('tanh', -1).mean).toBeCloseTo(-outputMoments('tanh', 1).mean, 14);
    // tanh = 2σ(2x) − 1, so for X ~ N(0, 1), Var[tanh X] = 4 Var[σ(2X)] = 4 Var[σ(Y)], Y ~ N(0, 4).
    expect(outputMoments('tanh').variance).toBeCloseTo(
      4 * outputMoments('sigmoid', 0, 2).variance,
      12,
    );
  });

  it('follows the input mean: ReLU against its closed form for μ from −2 to 2', () => {
    for (const mu of [-2, -0.5, 0, 0.7, 2]) {
      const got = outputMoments('relu', mu);
      const want = reluMoments(mu);
      // Φ is good to about 1e−7.
      expect(Math.abs(got.mean - want.mean)).toBeLessThan(5e-7);
      expect(Math.abs(got.variance - want.variance)).toBeLessThan(5e-7);
    }
  });

  it('needs no more panels: halving them changes nothing at the precision shown', () => {
    for (const spec of ['sigmoid', 'tanh', 'relu', { id: 'elu', alpha: 2 }] as const) {
      const fine = outputMoments(spec, 0.3);
      const coarse = outputMoments(spec, 0.3, 1, 1000);
      expect(Math.abs(fine.mean - coarse.mean)).toBeLessThan(1e-8);
      expect(Math.abs(fine.variance - coarse.variance)).toBeLessThan(1e-8);
    }
  });

  it('refuses a spread that is not positive, a mean out of range and a bad panel count', () => {
    expect(() => outputMoments('relu', 0, 0)).toThrow(/sd must be a finite number greater than 0/);
    expect(() => outputMoments('relu', Number.NaN)).toThrow(/mean must be a finite number/);
    expect(() => outputMoments('relu', 0, 1, 1.5)).toThrow(/panels must be an integer/);
  });
});

describe('normalCdf()', () => {
  it('matches tabulated values of the standard normal distribution to 1e−11', () => {
    // Φ(x) to 16 digits, from the erfc of a multiple-precision library.
    const table: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [-1.96, 0.024997895148220435],
      [2.5, 0.9937903346742238],
    ];
    for (const [x, want] of table) expect(Math.abs(normalCdf(x) - want)).toBeLessThan(1e-11);
  });

  it('shifts and scales: P(X ≤ x) for N(μ, s²) is Φ((x − μ)/s)', () => {
    expect(normalCdf(3, 1, 2)).toBeCloseTo(normalCdf(1), 12);
    expect(normalCdf(0, 0.5, 0.25)).toBeCloseTo(normalCdf(-2), 12);
  });

  it('is 0 and 1 beyond twelve standard deviations, and rejects a bad spread', () => {
    expect(normalCdf(-20)).toBe(0);
    expect(normalCdf(20)).toBe(1);
    expect(() => normalCdf(0, 0, 0)).toThrow(/sd/);
    expect(() => normalCdf(0, Number.NaN, 1)).toThrow(/mean/);
  });
});
