import { describe, expect, test } from 'vitest';
import { mazurParams, mazurWorkedExample } from './mazur.ts';
import {
  MAZUR_GRADIENT_NAMES,
  mazurForwardDifference,
  mazurGradientCheck,
  mazurGradientRatio,
  mazurGradientWork,
  mazurInPlaceStep,
} from './mazur-study.ts';
import { expectClose } from './test-utils.ts';

const r = mazurWorkedExample();
const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('mazurGradientCheck()', () => {
  test('central differences agree with backpropagation to 1e-9 at h = 1e-5, for every weight and bias', () => {
    const check = mazurGradientCheck({ ...mazurParams, w5: -1.3, t1: 0.7, i2: 2 }, 1e-5);
    for (const name of MAZUR_GRADIENT_NAMES) {
      expectClose(check[`cd_${name}`]!, check[`bp_${name}`]!, 1e-9);
      expect(check[`gap_${name}`]).toBe(check[`cd_${name}`]! - check[`bp_${name}`]!);
    }
    expect(check['bp_w5']).not.toBe(r['dE_dw5']);
  });

  test("backpropagation's side is the worked example's gradient, biases included", () => {
    const check = mazurGradientCheck(mazurParams, 1e-4);
    for (let k = 1; k <= 8; k++) expect(check[`bp_w${k}`]).toBe(r[`dE_dw${k}`]);
    expect(check['bp_b1']).toBe(r['dE_db1']);
    expect(check['bp_b2']).toBe(r['dE_db2']);
  });

  test('the gap shrinks like h² while truncation dominates', () => {
    const coarse = mazurGradientCheck(mazurParams, 1e-2)['gap_w5']!;
    const finer = mazurGradientCheck(mazurParams, 1e-3)['gap_w5']!;
    expectClose(coarse / finer, 100, 1);
  });

  test('rejects a step that is not in (0, 1]', () => {
    expect(() => mazurGradientCheck(mazurParams, 0)).toThrow(/h/);
    expect(() => mazurGradientCheck(mazurParams, Number.NaN)).toThrow(/h/);
  });
});

describe('mazurInPlaceStep()', () => {
  const step = mazurInPlaceStep(mazurParams, 0.5);

  test('moves w5..w8 exactly as the simultaneous rule does', () => {
    for (let k = 5; k <= 8; k++) expect(step[`w${k}_inplace`]).toBe(r[`w${k}_new`]);
  });

  test('moves w1 with the hidden error signal taken through the updated w5 and w7', () => {
    const p = mazurParams;
    const w5 = step['w5_inplace']!;
    const w7 = step['w7_inplace']!;
    const deltaH1 = (r['delta_o1']! * w5 + r['delta_o2']! * w7) * r['dout_h1_dnet_h1']!;
    expectClose(step['w1_inplace']!, p.w1 - 0.5 * deltaH1 * p.i1, 1e-15);
    expectClose(step['delta_h1_inplace']!, deltaH1, 1e-15);
    expect(Math.abs(step['w1_inplace']! - r['w1_new']!)).toBeGreaterThan(1e-5);
  });

  test("gives the post's first-round error, 0.291027924", () => {
    expect(step['E_new_inplace']!.toFixed(9)).toBe('0.291027924');
  });
});

describe('mazurGradientRatio()', () => {
  const ratio = mazurGradientRatio(r);

  test('splits ∂E/∂w1 / ∂E/∂w5 into three factors whose product is the ratio', () => {
    expectClose(
      ratio['ratio_input']! * ratio['ratio_slope']! * ratio['ratio_back']!,
      ratio['ratio_w1_w5']!,
      1e-15,
    );
  });

  test('at the starting values: 0.0053 = 0.084 (input) × 0.241 (slope) × 0.262 (back-propagated sum)', () => {
    expect(ratio['ratio_w1_w5']!.toFixed(4)).toBe('0.0053');
    expect(ratio['ratio_input']!.toFixed(3)).toBe('0.084');
    expect(ratio['ratio_slope']!.toFixed(3)).toBe('0.241');
    expect(ratio['ratio_back']!.toFixed(3)).toBe('0.262');
  });

  test('reports 0, not NaN, when out_o1 sits exactly on its target', () => {
    const zero = mazurGradientRatio({ ...r, delta_o1: 0, dE_dw5: 0 });
    expect(zero['ratio_back']).toBe(0);
    expect(zero['ratio_w1_w5']).toBe(0);
  });
});

describe('mazurForwardDifference()', () => {
  test('is (E(w5 + h) − E) / h, computed by hand', () => {
    const p = mazurParams;
    const E = (w5: number) => {
      const h1 = sig(p.w1 * p.i1 + p.w2 * p.i2 + p.b1);
      const h2 = sig(p.w3 * p.i1 + p.w4 * p.i2 + p.b1);
      const o1 = sig(w5 * h1 + p.w6 * h2 + p.b2);
      const o2 = sig(p.w7 * h1 + p.w8 * h2 + p.b2);
      return 0.5 * (p.t1 - o1) ** 2 + 0.5 * (p.t2 - o2) ** 2;
    };
    const fd = mazurForwardDifference(p, 0.1);
    expectClose(fd['E_w5_plus']!, E(p.w5 + 0.1), 1e-15);
    expectClose(fd['net_o1_plus']!, r['net_o1']! + 0.1 * r['out_h1']!, 1e-15);
    expectClose(fd['out_o1_plus']!, sig(fd['net_o1_plus']!), 1e-15);
    expectClose(fd['fd_w5']!, (E(p.w5 + 0.1) - E(p.w5)) / 0.1, 1e-13);
    // A coarse one-sided step is off in the third decimal here.
    expect(Math.abs(fd['fd_w5']! - r['dE_dw5']!)).toBeGreaterThan(5e-4);
  });
});

describe('mazurGradientWork()', () => {
  test('counts 10 parameters, and reverse mode as one forward pass plus one sweep', () => {
    const work = mazurGradientWork();
    expect(work['work_params']).toBe(10);
    expect(work['work_reverse']).toBe(work['work_forward']! + work['work_edges']!);
    expect(work['work_central']).toBeGreaterThan(work['work_forward_mode']!);
  });
});
