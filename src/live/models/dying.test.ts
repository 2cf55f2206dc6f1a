import { describe, expect, it } from 'vitest';
import { runTraining } from '../../widgets/training/model.ts';
import { checkModel, defaultValues, type ParamValues } from '../model.ts';
import { dyingModel } from './dying.ts';

const start = defaultValues(dyingModel);
const at = (params: ParamValues = {}) => checkModel(dyingModel, { ...start, ...params });
const num = (values: ReturnType<typeof at>, name: string): number => {
  const value = values[name];
  if (typeof value !== 'number') throw new Error(`${name} is not a number`);
  return value;
};
/** Trains from the starting values with this activation; the weights after N steps. */
const trained = (params: ParamValues, steps: number) =>
  runTraining(dyingModel, { ...start, ...params }, { steps }).change.to.weights;

describe('dyingModel', () => {
  it('starts with neither input switching the ReLU on: outputs 0, gradients exactly 0', () => {
    const v = at();
    expect([num(v, 'z1'), num(v, 'z2')]).toEqual([0.5 * 2 - 3, 0.5 * 1 - 3]);
    expect(num(v, 'active')).toBe(0);
    expect([num(v, 'out1'), num(v, 'out2')]).toEqual([0, 0]);
    expect([num(v, 'dE_dw'), num(v, 'dE_db')]).toEqual([0, 0]);
    // E = ½·mean((t − 0)²) = (1.5² + 0.5²)/4.
    expect(num(v, 'E')).toBeCloseTo((1.5 ** 2 + 0.5 ** 2) / 4, 15);
  });

  it('gives the gradient of E by hand for a leaky unit, matching central differences', () => {
    const p = { act: 'leaky-relu', leak: 0.1 };
    const v = at(p);
    const h = 1e-6;
    const E = (q: ParamValues) => num(at({ ...p, ...q }), 'E');
    expect(num(v, 'dE_dw')).toBeCloseTo((E({ w: 0.5 + h }) - E({ w: 0.5 - h })) / (2 * h), 8);
    expect(num(v, 'dE_db')).toBeCloseTo((E({ b: -3 + h }) - E({ b: -3 - h })) / (2 * h), 8);
    expect(num(v, 'dE_db')).toBeLessThan(0);
  });

  it('leaves a dead ReLU exactly where it started, however long it trains', () => {
    expect(trained({}, 10_000)).toEqual({ w: 0.5, b: -3 });
  });

  it('brings leaky ReLU and ELU back from the same start, to fit both examples', () => {
    for (const act of ['leaky-relu', 'elu']) {
      const weights = trained({ act }, 2000);
      const v = at({ act, ...weights });
      expect(num(v, 'active'), act).toBe(2);
      expect(num(v, 'E'), act).toBeLessThan(1e-4);
      // The exact fit is w = 1, b = −0.5: a(2) = 1.5 and a(1) = 0.5.
      expect(weights.w!).toBeCloseTo(1, 2);
      expect(weights.b!).toBeCloseTo(-0.5, 2);
    }
  });
});
