import { describe, expect, it } from 'vitest';
import {
  DIVERGED,
  INPUT_KINDS,
  descend,
  hessian,
  lossGrid,
  zigzagData,
  zigzagLoss,
} from './zigzag.ts';

const TARGET = [1, -1] as const;
const START = [0, 0] as const;
const run = (kind: 'sigmoid' | 'tanh', mode: 'example' | 'batch', eta = 0.5) =>
  descend(zigzagData(kind, TARGET), {
    eta,
    mode,
    start: START,
    target: TARGET,
    epsilon: 0.05,
    maxSteps: 20_000,
  });

describe('zigzagData()', () => {
  it('gives all-positive inputs from sigmoid and inputs of both signs from tanh, from the same u', () => {
    const s = zigzagData('sigmoid', TARGET);
    const t = zigzagData('tanh', TARGET);
    expect(Array.from(s.xs).every((x) => x > 0 && x < 1)).toBe(true);
    expect(Array.from(t.xs).some((x) => x < 0)).toBe(true);
    // tanh(u) = 2σ(2u) − 1 cannot be checked here, but the same u gives the same signs' order.
    for (let i = 0; i < s.xs.length; i++) expect(s.xs[i]! > 0.5).toBe(t.xs[i]! > 0);
    expect(s.ys[0]).toBeCloseTo(s.xs[0]! - s.xs[1]!, 15);
  });
});

describe('the remedies’ inputs', () => {
  const mean = (xs: Float64Array, j: number) =>
    Array.from(xs)
      .filter((_, k) => k % 2 === j)
      .reduce((a, b) => a + b, 0) /
    (xs.length / 2);
  const variance = (xs: Float64Array, j: number) => {
    const m = mean(xs, j);
    return (
      Array.from(xs)
        .filter((_, k) => k % 2 === j)
        .reduce((a, b) => a + (b - m) ** 2, 0) /
      (xs.length / 2)
    );
  };

  it('centres the sigmoid outputs, and standardises them, over the data set', () => {
    const s = zigzagData('sigmoid', TARGET);
    const c = zigzagData('centred', TARGET);
    const z = zigzagData('standardised', TARGET);
    for (const j of [0, 1]) {
      expect(mean(c.xs, j)).toBeCloseTo(0, 14);
      expect(variance(c.xs, j)).toBeCloseTo(variance(s.xs, j), 14);
      expect(mean(z.xs, j)).toBeCloseTo(0, 14);
      expect(variance(z.xs, j)).toBeCloseTo(1, 12);
    }
    expect(c.xs[0]).toBeCloseTo(s.xs[0]! - mean(s.xs, 0), 14);
    expect(c.ys[3]).toBeCloseTo(c.xs[6]! - c.xs[7]!, 14);
  });

  it('gives ELU outputs, and tanh outputs with the second scaled by 1/4, from the same u', () => {
    const t = zigzagData('tanh', TARGET);
    const e = zigzagData('elu', TARGET);
    const u = zigzagData('unequal', TARGET);
    for (let i = 0; i < t.xs.length; i++) {
      // tanh and ELU are increasing, 0 at 0: the same u gives the same sign.
      expect(Math.sign(e.xs[i]!)).toBe(Math.sign(t.xs[i]!));
      expect(e.xs[i]!).toBeGreaterThan(-1);
      expect(u.xs[i]).toBeCloseTo(i % 2 === 0 ? t.xs[i]! : t.xs[i]! / 4, 15);
    }
  });

  it('every kind gives finite inputs and targets on the optimum w*', () => {
    for (const kind of INPUT_KINDS) {
      const d = zigzagData(kind, TARGET);
      expect(Array.from(d.xs).every(Number.isFinite), kind).toBe(true);
      expect(zigzagLoss(d, 1, -1), kind).toBeCloseTo(0, 14);
    }
  });
});

describe('the loss', () => {
  it('is zero at w* and matches ½ (w − w*)ᵀ H (w − w*) elsewhere', () => {
    const data = zigzagData('sigmoid', TARGET);
    const [h00, h01, h11] = hessian(data);
    expect(zigzagLoss(data, 1, -1)).toBeCloseTo(0, 15);
    const [d0, d1] = [0.3 - 1, 0.8 + 1];
    expect(zigzagLoss(data, 0.3, 0.8)).toBeCloseTo(
      0.5 * (h00 * d0 * d0 + 2 * h01 * d0 * d1 + h11 * d1 * d1),
      12,
    );
  });

  it('on a grid, equals the loss computed example by example', () => {
    const data = zigzagData('tanh', TARGET);
    const grid = lossGrid(data, [-2, 3], [-3, 2], 6, 5);
    expect(grid).toHaveLength(30);
    // Row 2 is w1 = −0.5, column 4 is w0 = 2.
    expect(grid[2 * 6 + 4]).toBeCloseTo(zigzagLoss(data, 2, -0.5), 12);
    expect(grid[0]).toBeCloseTo(zigzagLoss(data, -2, -3), 12);
  });

  it('is ill-conditioned for sigmoid inputs and not for tanh inputs', () => {
    const cond = (h: [number, number, number]) => {
      const [a, b, c] = h;
      const mid = (a + c) / 2;
      const rad = Math.hypot((a - c) / 2, b);
      return (mid + rad) / (mid - rad);
    };
    expect(cond(hessian(zigzagData('sigmoid', TARGET)))).toBeGreaterThan(5);
    expect(cond(hessian(zigzagData('tanh', TARGET)))).toBeLessThan(2);
  });
});

describe('descend()', () => {
  it('moves both weights the same way on every per-example step when the inputs are all positive', () => {
    const r = run('sigmoid', 'example');
    expect(r.mixedSteps).toBe(0);
    expect(r.sameSignSteps).toBeGreaterThan(0);
    // With centred inputs, many single steps move the weights in opposite directions.
    expect(run('tanh', 'example').mixedSteps).toBeGreaterThan(0);
  });

  it('reaches the optimum from the same start in far fewer steps with centred inputs', () => {
    for (const mode of ['example', 'batch'] as const) {
      const sigmoid = run('sigmoid', mode).stepsToEpsilon;
      const tanh = run('tanh', mode).stepsToEpsilon;
      expect(sigmoid, mode).toBeLessThanOrEqual(20_000);
      expect(sigmoid, mode).toBeGreaterThan(3 * tanh);
    }
  });

  it('follows the update rule w ← w − η ∂L/∂w exactly, step by step', () => {
    const data = zigzagData('sigmoid', TARGET, 4);
    const r = descend(data, {
      eta: 0.5,
      mode: 'batch',
      start: START,
      target: TARGET,
      epsilon: 1e-9,
      maxSteps: 3,
    });
    let [w0, w1] = [0, 0];
    for (let k = 1; k <= 3; k++) {
      const h = 1e-6;
      const g0 = (zigzagLoss(data, w0 + h, w1) - zigzagLoss(data, w0 - h, w1)) / (2 * h);
      const g1 = (zigzagLoss(data, w0, w1 + h) - zigzagLoss(data, w0, w1 - h)) / (2 * h);
      [w0, w1] = [w0 - 0.5 * g0, w1 - 0.5 * g1];
      expect(r.path[2 * k]).toBeCloseTo(w0, 8);
      expect(r.path[2 * k + 1]).toBeCloseTo(w1, 8);
    }
    expect(r.stepsToEpsilon).toBe(4);
  });

  it('counts zero steps from a start already within ε, and maxSteps + 1 when it never arrives', () => {
    const data = zigzagData('tanh', TARGET);
    const base = { eta: 0.5, mode: 'batch', target: TARGET, epsilon: 0.05 } as const;
    expect(descend(data, { ...base, start: [1.01, -1], maxSteps: 10 }).stepsToEpsilon).toBe(0);
    expect(descend(data, { ...base, start: [-3, 3], maxSteps: 2 }).stepsToEpsilon).toBe(3);
    expect(() => descend(data, { ...base, eta: Number.NaN, start: START, maxSteps: 2 })).toThrow(
      /eta/,
    );
  });

  it('stops when η is too large and the weights grow without bound, before they overflow', () => {
    const data = zigzagData('sigmoid', TARGET);
    const r = descend(data, {
      eta: 8,
      mode: 'batch',
      start: START,
      target: TARGET,
      epsilon: 0.05,
      maxSteps: 5000,
    });
    expect(r.divergedAt).toBeGreaterThan(0);
    expect(r.divergedAt).toBeLessThan(5000);
    expect(r.stepsToEpsilon).toBe(5001);
    expect(Array.from(r.path).every(Number.isFinite)).toBe(true);
    expect(Math.max(...Array.from(r.path, Math.abs))).toBeGreaterThanOrEqual(DIVERGED);
    expect(run('sigmoid', 'batch').divergedAt).toBe(0);
  });
});
