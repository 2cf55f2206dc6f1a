import { describe, expect, it } from 'vitest';
import { descend, hessian, zigzagData, zigzagLoss } from '../../engine/zigzag.ts';
import { checkModel, defaultValues, runGroup, type ParamValues } from '../model.ts';
import { ETA_GRID, GRID, WINDOW, bestRate, zigzagModel } from './zigzag.ts';

const at = (params: ParamValues = {}) =>
  checkModel(zigzagModel, { ...defaultValues(zigzagModel), ...params });
const num = (values: ReturnType<typeof at>, name: string): number => {
  const value = values[name];
  if (typeof value !== 'number') throw new Error(`${name} is not a number`);
  return value;
};

describe('zigzagModel', () => {
  it('takes clearly more steps from sigmoid inputs than from tanh inputs with the starting values', () => {
    const sigmoid = at();
    const tanh = at({ inputs: 'tanh' });
    expect(num(sigmoid, 'arrived')).toBe(1);
    expect(num(tanh, 'arrived')).toBe(1);
    expect(num(sigmoid, 'stepsToEps')).toBeGreaterThan(3 * num(tanh, 'stepsToEps'));
    // Every per-example step from all-positive inputs moves both weights the same way.
    expect(num(sigmoid, 'mixed')).toBe(0);
    expect(num(tanh, 'mixed')).toBeGreaterThan(0);
    expect(num(sigmoid, 'condition')).toBeGreaterThan(5 * num(tanh, 'condition'));
  });

  it('reports the engine’s descent for the reader’s start, η, mode and ε', () => {
    const p = { w0: -1, w1: 1, eta: 0.8, batch: true, epsilon: 0.01, inputs: 'tanh' };
    const v = at(p);
    const r = descend(zigzagData('tanh', [1, -1]), {
      eta: 0.8,
      mode: 'batch',
      start: [-1, 1],
      target: [1, -1],
      epsilon: 0.01,
      maxSteps: 2000,
    });
    expect(num(v, 'stepsToEps')).toBe(r.stepsToEpsilon);
    expect(Math.hypot(num(v, 'endW0') - 1, num(v, 'endW1') + 1)).toBeLessThanOrEqual(0.01);
  });

  it('says when the steps run out before ε is reached', () => {
    const v = at({ steps: 5 });
    expect(num(v, 'arrived')).toBe(0);
    expect(num(v, 'stepsToEps')).toBe(5);
  });

  it('computes the contours’ grid of the loss over the plotted window', () => {
    const group = zigzagModel.groups?.['contours'];
    if (!group) throw new Error('no contours group');
    const g = runGroup(zigzagModel, group, { ...defaultValues(zigzagModel) });
    const grid = g['grid'] as Float64Array;
    expect(grid).toHaveLength(GRID * GRID);
    const data = zigzagData('sigmoid', [1, -1]);
    expect(grid[0]).toBeCloseTo(zigzagLoss(data, WINDOW.w0[0], WINDOW.w1[0]), 12);
    expect(grid[GRID * GRID - 1]).toBeCloseTo(zigzagLoss(data, WINDOW.w0[1], WINDOW.w1[1]), 12);
    expect(g['lossMax']).toBe(Math.max(...grid));
  });

  it('says which quadrants one example’s step can point into', () => {
    // Sigmoid outputs are all positive: only the first and third.
    expect(num(at(), 'quadrants')).toBe(1);
    for (const inputs of ['tanh', 'elu', 'centred', 'standardised', 'unequal']) {
      expect(num(at({ inputs }), 'quadrants'), inputs).toBe(3);
    }
  });

  it('stops a descent that diverges, with finite values, beyond the full-batch limit 2/λmax', () => {
    const limit = num(at({ batch: true }), 'etaLimit');
    expect(limit).toBeCloseTo(2 / num(at(), 'lambdaMax'), 12);
    const below = at({ batch: true, eta: Math.floor(limit * 0.95 * 100) / 100 });
    expect(num(below, 'diverged')).toBe(0);
    const above = at({ batch: true, eta: Math.ceil(limit * 1.1 * 100) / 100 });
    expect(num(above, 'diverged')).toBe(1);
    expect(num(above, 'arrived')).toBe(0);
    expect(num(above, 'stepsToEps')).toBeLessThan(2000);
    expect(Number.isFinite(num(above, 'endW0'))).toBe(true);
  });

  it('gives the factor by which one full-batch step shrinks each axis of the error', () => {
    // Along an eigenvector of the Hessian, the component of w − w* is multiplied by 1 − ηλ at
    // each full-batch step: measure that on the descent's own path.
    const eta = 3.5;
    const values = at({ batch: true, eta });
    const data = zigzagData('sigmoid', [1, -1]);
    const [h00, h01] = hessian(data);
    const path = descend(data, {
      eta,
      mode: 'batch',
      start: [0, 0],
      target: [1, -1],
      epsilon: 1e-9,
      maxSteps: 3,
    }).path;
    const [w0, w1] = [path[0]! - 1, path[1]! + 1];
    const [v0, v1] = [path[2]! - 1, path[3]! + 1];
    for (const [key, lambda] of [
      ['steepFactor', num(values, 'lambdaMax')],
      ['flatFactor', num(values, 'lambdaMin')],
    ] as const) {
      // The eigenvector for λ of [[h00, h01], [h01, h11]] is (h01, λ − h00).
      const [e0, e1] = [h01, lambda - h00];
      const ratio = (v0 * e0 + v1 * e1) / (w0 * e0 + w1 * e1);
      expect(num(values, key), key).toBeCloseTo(ratio, 9);
      expect(num(values, key), key).toBeCloseTo(1 - eta * lambda, 12);
    }
    // At 3.5, just inside the limit, the steep axis flips sign each step; the flat one does not.
    expect(num(values, 'steepFactor')).toBeLessThan(0);
    expect(num(values, 'flatFactor')).toBeGreaterThan(0);
  });

  it('finds the learning rate of its grid that arrives soonest, by trying each', () => {
    const p = { ...defaultValues(zigzagModel), inputs: 'tanh', batch: true };
    const best = bestRate(p);
    expect(best.bestArrived).toBe(1);
    expect(ETA_GRID).toContain(best.bestEta);
    const steps = (eta: number) =>
      descend(zigzagData('tanh', [1, -1]), {
        eta,
        mode: 'batch',
        start: [0, 0],
        target: [1, -1],
        epsilon: 0.05,
        maxSteps: 2000,
      }).stepsToEpsilon;
    expect(best.bestSteps).toBe(steps(best.bestEta));
    for (const eta of ETA_GRID) expect(steps(eta)).toBeGreaterThanOrEqual(best.bestSteps);
    // Even at its best rate, the sigmoid case takes many times the tanh case's steps.
    expect(bestRate({ ...p, inputs: 'sigmoid' }).bestSteps).toBeGreaterThan(5 * best.bestSteps);
    expect(bestRate({ ...p, steps: 1 }).bestArrived).toBe(0);
  });

  it('spells out the first two per-example steps as the path takes them', () => {
    for (const inputs of ['sigmoid', 'tanh']) {
      const v = at({ inputs, w0: 0.3, w1: -0.2, eta: 0.7 });
      const path = v['path'] as Float64Array;
      // Step 1 is −η δa xa; with x > 0 both weights move the same way, against δa.
      expect(path[2]! - 0.3).toBeCloseTo(-0.7 * num(v, 'gradA0'), 12);
      expect(path[3]! + 0.2).toBeCloseTo(-0.7 * num(v, 'gradA1'), 12);
      expect(num(v, 'gradA0')).toBeCloseTo(num(v, 'deltaA') * num(v, 'x0a'), 14);
      expect(path[5]! - path[3]!).toBeCloseTo(num(v, 'secondDw1'), 12);
      expect(num(v, 'ya')).toBeCloseTo(num(v, 'x0a') - num(v, 'x1a'), 14);
    }
  });
});
