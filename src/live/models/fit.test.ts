import { describe, expect, it } from 'vitest';
import { FitRun } from '../../engine/fit.ts';
import { checkModel, defaultValues, runGroup } from '../model.ts';
import { fitModel, runAt } from './fit.ts';
import { shapesModel } from './shapes.ts';

const group = fitModel.groups!['run']!;
const params = (over: Record<string, unknown> = {}) => ({ ...defaultValues(fitModel), ...over });

describe('fitModel', () => {
  it('counts 3N + 1 parameters and draws the target through the curve’s points', () => {
    const v = checkModel(fitModel, params({ units: 7, target: 'abs' }));
    expect(v['paramCount']).toBe(22);
    const xs = v['xs'] as Float64Array;
    const target = v['targetCurve'] as Float64Array;
    expect(target[0]).toBe(Math.abs(xs[0]!));
  });

  it('computes the run in the worker’s group: at step 0 the loss is the start’s', () => {
    const out = runGroup(fitModel, group, params());
    expect(out['loss']).toBe(out['startLoss']);
    expect(out['losses']).toHaveLength(1);
  });

  it('trains on as `steps` rises, to what a fresh run to that step gives', () => {
    for (const steps of [100, 400, 1000]) runGroup(fitModel, group, params({ steps }));
    const on = runGroup(fitModel, group, params({ steps: 2500 }));
    const fresh = new FitRun({
      units: 3,
      activation: 'tanh',
      target: 'sine',
      eta: 0.1,
      decay: false,
      seed: 1,
    });
    fresh.to(2500);
    expect(on['curve']).toEqual(fresh.state().curve);
    expect(on['loss']).toBeLessThan(on['startLoss'] as number);
    // 0, 50, …, 2500.
    expect(on['losses']).toHaveLength(51);
  });

  it('keeps a few runs, so that going back to a setting does not start it again', () => {
    const settings = {
      units: 2,
      activation: 'tanh',
      target: 'bump',
      eta: 0.1,
      decay: true,
      seed: 4,
    } as const;
    const run = runAt(settings, 300);
    runAt({ ...settings, units: 5 }, 300);
    expect(runAt(settings, 600)).toBe(run);
    expect(run.step).toBe(600);
  });
});

describe('shapesModel', () => {
  it('counts the MNIST-sized default: 784 → 100 → 10 has 79,510 parameters', () => {
    const v = checkModel(shapesModel, defaultValues(shapesModel));
    expect(v['w1']).toBe(78_400);
    expect(v['p1']).toBe(78_500);
    expect(v['p2']).toBe(1_010);
    expect(v['p3']).toBe(0);
    expect(v['total']).toBe(79_510);
    expect(v['outputs']).toBe(10);
  });

  it('counts only the layers in use', () => {
    const v = checkModel(shapesModel, {
      ...defaultValues(shapesModel),
      layers: 3,
      m0: 2,
      m1: 3,
      m2: 4,
      m3: 1,
    });
    // 3·2 + 3, 4·3 + 4, 1·4 + 1.
    expect([v['p1'], v['p2'], v['p3'], v['p4']]).toEqual([9, 16, 5, 0]);
    expect(v['total']).toBe(30);
    expect(v['outputs']).toBe(1);
  });
});
