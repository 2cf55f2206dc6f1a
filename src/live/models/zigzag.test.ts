import { describe, expect, it } from 'vitest';
import { descend, zigzagData, zigzagLoss } from '../../engine/zigzag.ts';
import { checkModel, defaultValues, runGroup, type ParamValues } from '../model.ts';
import { GRID, WINDOW, zigzagModel } from './zigzag.ts';

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
});
