import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { placer, type Scale } from './figure-scales.ts';
import { outputsDomain } from './loss-plot.ts';
import type { TrainingPoint } from './model.ts';

describe('placer()', () => {
  const linear: Scale = { type: 'linear', domain: [0, 10000], range: [40, 620] };
  const log: Scale = { type: 'log', domain: [1e-6, 1], range: [250, 20] };

  it('places values as Plot’s own scales do, on a linear and on a log axis', () => {
    for (const scale of [linear, log]) {
      const plot = Plot.scale({
        x: { ...scale, domain: [...scale.domain], range: [...scale.range] },
      });
      const place = placer(scale);
      for (const value of [1e-6, 3e-4, 0.02, 0.5, 1, 37, 5000, 10000]) {
        if (scale.type === 'log' && value > 1) continue;
        expect(place(value)).toBeCloseTo(Number(plot.apply(value)), 9);
      }
    }
  });

  it('puts the ends of the domain at the ends of the range, and a log axis’s decades evenly', () => {
    const x = placer(linear);
    expect([x(0), x(10000), x(5000)]).toEqual([40, 620, 330]);
    const y = placer(log);
    expect(y(1e-6)).toBeCloseTo(250, 12);
    expect(y(1)).toBeCloseTo(20, 12);
    const step = y(1e-5) - y(1e-6);
    expect(y(1e-3) - y(1e-4)).toBeCloseTo(step, 9);
  });

  it('gives no position to what a log axis cannot show', () => {
    const y = placer(log);
    expect(Number.isFinite(y(0))).toBe(false);
    expect(Number.isNaN(y(-1))).toBe(true);
  });
});

describe('outputsDomain()', () => {
  const at = (...outputs: number[]): TrainingPoint => ({ step: 0, E: 0.1, outputs });
  const target = (value: number) => ({ name: 'out_o1', targetName: 't1', target: value });

  it('is a sigmoid’s range while every output and target lies in it', () => {
    expect(outputsDomain([at(0.2, 0.9), at(0.01, 0.99)], [target(0.01), target(0.99)])).toEqual([
      0, 1,
    ]);
  });

  it('widens to the data with a tenth of its extent as margin, outputs and targets alike', () => {
    const [lo, hi] = outputsDomain([at(-0.5, 0.3), at(0.2, 1.5)], [target(0)]);
    expect(lo).toBeCloseTo(-0.7, 12);
    expect(hi).toBeCloseTo(1.7, 12);
    const [lo2, hi2] = outputsDomain([at(0.5)], [target(3)]);
    expect(lo2).toBeCloseTo(-0.3, 12);
    expect(hi2).toBeCloseTo(3.3, 12);
  });

  it('leaves out values that are not finite', () => {
    expect(outputsDomain([at(NaN, Infinity), at(-Infinity, 0.5)], [target(NaN)])).toEqual([0, 1]);
  });
});
