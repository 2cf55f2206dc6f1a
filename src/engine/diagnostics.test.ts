import { describe, expect, test } from 'vitest';
import { DepthRun, gradientFlow, stableNorm } from './diagnostics.ts';
import type { GradientFlowOptions } from './diagnostics.ts';
import { initStd } from './init.ts';
import { expectClose } from './test-utils.ts';

const base = { depth: 20, width: 32, seed: 5, batchSize: 8 } as const;
const first = (xs: number[]) => xs[0]!;
const last = (xs: number[]) => xs[xs.length - 1]!;

describe('gradientFlow()', () => {
  test('gradientFlow() is deterministic for a seed and changes with it', () => {
    const o: GradientFlowOptions = { ...base, activation: 'tanh', init: 'xavier' };
    expect(gradientFlow(o)).toEqual(gradientFlow(o));
    expect(gradientFlow({ ...o, seed: 6 }).activationGradNorms).not.toEqual(
      gradientFlow(o).activationGradNorms,
    );
  });

  test('the unit upstream gradient makes ‖∂E/∂a^(L)‖ exactly 1 and there is one entry per layer', () => {
    const r = gradientFlow({ ...base, activation: 'relu', init: 'he' });
    expect(r.activationGradNorms.length).toBe(21);
    expect(r.weightGradNorms.length).toBe(20);
    expect(r.activationRms.length).toBe(21);
    expectClose(last(r.activationGradNorms), 1, 1e-12);
  });

  test('a sigmoid stack with scale-1 init shows gradient norms decaying toward the input layer', () => {
    const r = gradientFlow({ ...base, activation: 'sigmoid', init: { kind: 'scale', scale: 1 } });
    const g = r.activationGradNorms;
    // σ' ≤ 1/4, so each layer shrinks the gradient by roughly 4× or more
    for (let l = 1; l < g.length; l++) expect(g[l - 1]!).toBeLessThan(g[l]!);
    expect(first(g)).toBeLessThan(1e-8);
    expect(first(r.weightGradNorms)).toBeLessThan(1e-6 * last(r.weightGradNorms));
  });

  test('identity layers with scale > 1 explode toward the input, with scale 1 they roughly hold, below 1 they vanish', () => {
    const at = (scale: number) =>
      first(
        gradientFlow({ ...base, activation: 'identity', init: { kind: 'scale', scale } })
          .activationGradNorms,
      );
    expect(at(2)).toBeGreaterThan(1e4); // ≈ 2^20
    expect(at(1)).toBeGreaterThan(0.1);
    expect(at(1)).toBeLessThan(10);
    expect(at(0.5)).toBeLessThan(1e-4);
  });

  test('tanh with a large init scale (3) shows growth toward the input; Xavier init keeps it within 10×', () => {
    const big = gradientFlow({ ...base, activation: 'tanh', init: { kind: 'scale', scale: 3 } });
    expect(first(big.activationGradNorms)).toBeGreaterThan(20);
    const xavier = gradientFlow({ ...base, activation: 'tanh', init: 'xavier' });
    expect(first(xavier.activationGradNorms)).toBeGreaterThan(0.1);
  });

  test('residual connections stop the sigmoid stack from vanishing: the identity path carries the gradient', () => {
    const plain = gradientFlow({
      ...base,
      activation: 'sigmoid',
      init: { kind: 'scale', scale: 1 },
    });
    const res = gradientFlow({
      ...base,
      activation: 'sigmoid',
      init: { kind: 'scale', scale: 1 },
      residual: true,
    });
    expect(first(res.activationGradNorms)).toBeGreaterThan(0.5);
    expect(first(res.activationGradNorms)).toBeGreaterThan(1e6 * first(plain.activationGradNorms));
  });

  test('clipping rescales the weight gradients to the global norm c, keeps their ratios and leaves ∂E/∂a alone', () => {
    const o: GradientFlowOptions = {
      ...base,
      activation: 'identity',
      init: { kind: 'scale', scale: 2 },
    };
    const raw = gradientFlow(o);
    const clipped = gradientFlow({ ...o, clip: 1 });
    expect(raw.globalNorm).toBeGreaterThan(1);
    expectClose(Math.hypot(...clipped.weightGradNorms), 1, 1e-12);
    expectClose(clipped.clipScale, 1 / raw.globalNorm, { abs: 0, rel: 1e-12 });
    expectClose(
      clipped.weightGradNorms,
      raw.weightGradNorms.map((x) => x / raw.globalNorm),
      { abs: 0, rel: 1e-12 },
    );
    expect(clipped.rawWeightGradNorms).toEqual(raw.weightGradNorms);
    expect(clipped.activationGradNorms).toEqual(raw.activationGradNorms);
    // a bound above the global norm changes nothing
    const loose = gradientFlow({ ...o, clip: 2 * raw.globalNorm });
    expect(loose.clipScale).toBe(1);
    expect(loose.weightGradNorms).toEqual(raw.weightGradNorms);
  });

  test('depth 100 with the largest init scale stays finite (no Infinity, no NaN)', () => {
    for (const activation of ['identity', 'relu', 'elu', 'leakyRelu'] as const) {
      const r = gradientFlow({
        depth: 100,
        width: 16,
        activation,
        init: { kind: 'scale', scale: 10 },
        residual: activation !== 'identity',
        batchSize: 2,
      });
      const all = [
        ...r.activationGradNorms,
        ...r.weightGradNorms,
        ...r.activationRms,
        r.globalNorm,
      ];
      expect(all.every(Number.isFinite)).toBe(true);
    }
  });

  test('gradientFlow() rejects out-of-range options with an error naming them', () => {
    const o: GradientFlowOptions = { ...base, activation: 'tanh', init: 'xavier' };
    expect(() => gradientFlow({ ...o, depth: 0 })).toThrow(
      'gradientFlow(): depth must be an integer from 1 to 100, got 0',
    );
    expect(() => gradientFlow({ ...o, depth: 101 })).toThrow(
      'depth must be an integer from 1 to 100',
    );
    expect(() => gradientFlow({ ...o, width: 2.5 })).toThrow('gradientFlow(): width must be');
    expect(() => gradientFlow({ ...o, init: { kind: 'scale', scale: 11 } })).toThrow('init.scale');
    expect(() => gradientFlow({ ...o, clip: 0 })).toThrow('gradientFlow(): clip must be');
  });
});

describe('initialisation and norms', () => {
  test('initStd() follows the documented formulas: scale/√fan_in, √(2/(fan_in+fan_out)), √(2/fan_in)', () => {
    expect(initStd({ kind: 'scale', scale: 2 }, 4, 9)).toBe(1);
    expect(initStd('xavier', 3, 5)).toBe(0.5);
    expect(initStd('he', 8, 1)).toBe(0.5);
  });

  test('stableNorm() does not overflow or underflow where a naive √Σx² would', () => {
    expectClose(stableNorm(Float64Array.of(3e200, 4e200)), 5e200, { abs: 0, rel: 1e-15 });
    expectClose(stableNorm(Float64Array.of(3e-200, 4e-200)), 5e-200, { abs: 0, rel: 1e-15 });
    expect(stableNorm(new Float64Array(3))).toBe(0);
  });
});

describe('the chapter 7 figure: gradient flow and training through depth', () => {
  // The figure's defaults: 20 layers of 16, a batch of 32, seed 1.
  const fig = { depth: 20, width: 16, batchSize: 32, seed: 1 } as const;
  const spread = (xs: number[]) => Math.max(...xs) / Math.min(...xs);
  const sigmoid = { ...fig, activation: 'sigmoid', init: { kind: 'scale', scale: 1 } } as const;

  test('sigmoid at depth 20 with the default initialisation vanishes by more than 10⁵', () => {
    const r = gradientFlow(sigmoid);
    expect(last(r.weightGradNorms) / first(r.weightGradNorms)).toBeGreaterThan(1e5);
  });

  test('He initialisation with ReLU stays within 10× across depth', () => {
    expect(
      spread(gradientFlow({ ...fig, activation: 'relu', init: 'he' }).weightGradNorms),
    ).toBeLessThan(10);
  });

  test('residual connections keep the first layer within 100× of the last, and so does batch normalisation', () => {
    const res = gradientFlow({ ...sigmoid, residual: true }).weightGradNorms;
    expect(last(res) / first(res)).toBeLessThan(100);
    expect(first(res) / last(res)).toBeLessThan(100);
    const bn = gradientFlow({ ...sigmoid, batchNorm: true }).weightGradNorms;
    expect(spread(bn)).toBeLessThan(100);
  });

  test('the training run starts from the figure’s network: the same first layer moves as its gradient says', () => {
    // After one step of η, layer l has moved by η‖∂E/∂W^(l)‖ for the training loss; the loss
    // differs from gradientFlow's unit upstream gradient, but both vanish together.
    const run = new DepthRun({ ...sigmoid, eta: 0.03 });
    run.to(300);
    const change = run.weightChange();
    expect(first(change)).toBeLessThan(1e-10);
    expect(last(change)).toBeGreaterThan(1e-6);
    const he = new DepthRun({ ...fig, activation: 'relu', init: 'he', eta: 0.03 });
    he.to(300);
    expect(first(he.weightChange())).toBeGreaterThan(1e-2);
    // the vanishing stack learns nothing from its input; the He/ReLU one fits the teacher
    const l = run.losses;
    expect(last([...l]) / first([...l])).toBeGreaterThan(0.9);
    expect(last([...he.losses]) / first([...he.losses])).toBeLessThan(0.1);
  });

  test('every setting starts from the same loss, the readout starting at zero', () => {
    const a = new DepthRun({ ...sigmoid }).losses[0]!;
    const b = new DepthRun({ ...fig, activation: 'tanh', init: 'xavier', residual: true })
      .losses[0]!;
    expect(a).toBe(b);
  });

  test('clipping caps the update: with clip 1, tanh at scale 3 trains where the plain run does worse', () => {
    const wild = {
      ...fig,
      activation: 'tanh',
      init: { kind: 'scale', scale: 3 },
      eta: 0.03,
    } as const;
    expect(gradientFlow(wild).globalNorm).toBeGreaterThan(10);
    const clipped = gradientFlow({ ...wild, clip: 1 });
    expectClose(Math.hypot(...clipped.weightGradNorms), 1, 1e-12);
    const plain = new DepthRun(wild);
    plain.to(300);
    const capped = new DepthRun({ ...wild, clip: 1 });
    capped.to(300);
    expect(last([...capped.losses])).toBeLessThan(last([...plain.losses]));
  });

  test('to() trains on: two calls equal one straight run, bit for bit', () => {
    const a = new DepthRun({ ...fig, activation: 'tanh', init: 'xavier', batchNorm: true });
    a.to(40);
    a.to(100);
    const b = new DepthRun({ ...fig, activation: 'tanh', init: 'xavier', batchNorm: true });
    b.to(100);
    expect([...a.losses]).toEqual([...b.losses]);
    expect(a.weightChange()).toEqual(b.weightChange());
  });
});
