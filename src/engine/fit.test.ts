import { describe, expect, it } from 'vitest';
import {
  CURVE_POINTS,
  DECAY_STEPS,
  FIT_POINTS,
  FitRun,
  TARGET_FUNCTIONS,
  curveXs,
  etaAt,
  fitData,
  fitStart,
  outputCurvature,
  type FitSettings,
} from './fit.ts';

const sine: FitSettings = {
  units: 3,
  activation: 'tanh',
  target: 'sine',
  eta: 0.2,
  decay: false,
  seed: 1,
};

describe('the fitting experiment', () => {
  it('samples the target at evenly spaced points of [−1, 1]', () => {
    const data = fitData('abs');
    expect(data.inputs).toHaveLength(FIT_POINTS);
    expect(data.inputs[0]).toEqual([-1]);
    expect(data.inputs[FIT_POINTS - 1]).toEqual([1]);
    expect(data.targets[0]).toEqual([1]);
    // 40 points: none falls on the step's jump at 0.
    expect(fitData('step').inputs.some((input) => input[0] === 0)).toBe(false);
    expect(TARGET_FUNCTIONS.step(0)).toBe(1);
  });

  it('spreads the hidden units’ centres over the interval at the start', () => {
    const p = fitStart(5, 1);
    const centres = [0, 1, 2, 3, 4].map((j) => -p[5 + j]! / p[j]!);
    centres.forEach((c, j) => expect(c).toBeCloseTo(-0.9 + 0.45 * j, 12));
  });

  it('decays the rate as η / (1 + t / DECAY_STEPS) when asked', () => {
    expect(etaAt({ eta: 0.2, decay: false }, 5000)).toBe(0.2);
    expect(etaAt({ eta: 0.2, decay: true }, DECAY_STEPS)).toBeCloseTo(0.1, 15);
  });

  it('trains on from where it stopped, exactly as a run straight to the end', () => {
    const straight = new FitRun(sine);
    straight.to(1200);
    const stopping = new FitRun(sine);
    for (const k of [0, 100, 450, 451, 1200]) stopping.to(k);
    expect(stopping.state().curve).toEqual(straight.state().curve);
    expect(stopping.losses).toEqual(straight.losses);
    // Going back starts again from the seeded start.
    stopping.to(100);
    const fresh = new FitRun(sine);
    fresh.to(100);
    expect(stopping.state().curve).toEqual(fresh.state().curve);
  });

  it('lowers the loss, records it every 50 steps, and fits sin(πx) better with more units', () => {
    const run = new FitRun(sine);
    run.to(5000);
    expect(run.losses).toHaveLength(101);
    expect(run.state().loss).toBeLessThan(run.losses[0]! / 100);
    const one = new FitRun({ ...sine, units: 1 });
    one.to(5000);
    expect(run.state().loss).toBeLessThan(one.state().loss / 100);
  });

  it('is the sum of its units’ contributions and the output bias', () => {
    const run = new FitRun({ ...sine, units: 4 });
    run.to(300);
    const { curve, contributions, outputBias } = run.state();
    expect(curve).toHaveLength(CURVE_POINTS);
    expect(curveXs()[60]).toBe(0);
    for (const i of [0, 37, 120]) {
      let sum = outputBias;
      for (let j = 0; j < 4; j++) sum += contributions[j * CURVE_POINTS + i]!;
      expect(sum).toBeCloseTo(curve[i]!, 12);
    }
  });

  it('refuses settings outside the figure’s range', () => {
    expect(() => new FitRun({ ...sine, units: 21 })).toThrow('units');
    expect(() => new FitRun({ ...sine, eta: 0 })).toThrow('eta');
  });
});

describe('the output layer’s curvature', () => {
  it('is the largest eigenvalue of (2/n) Σ h̃h̃ᵀ, and grows with the units', () => {
    // One unit: a 2 × 2 matrix whose largest eigenvalue has a closed form.
    const p = fitStart(1, 1);
    const { inputs } = fitData('sine');
    let [a, b, d] = [0, 0, 0];
    for (const [x] of inputs as number[][]) {
      const h = Math.tanh(p[0]! * x! + p[1]!);
      a += (2 / inputs.length) * h * h;
      b += (2 / inputs.length) * h;
      d += 2 / inputs.length;
    }
    const largest = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
    expect(outputCurvature(1, 'tanh', 'sine', p)).toBeCloseTo(largest, 9);
    const ten = outputCurvature(10, 'tanh', 'sine', fitStart(10, 1));
    const twenty = outputCurvature(20, 'tanh', 'sine', fitStart(20, 1));
    expect(twenty).toBeGreaterThan(ten);
    // η = 0.2 is under 2/λ for ten units and over it for twenty, as the chapter says.
    expect(2 / ten).toBeGreaterThan(0.2);
    expect(2 / twenty).toBeLessThan(0.2);
  });
});
