import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../engine/test-utils.ts';
import {
  checkModel,
  defaultValues,
  isNumberParam,
  runGroup,
  type Derived,
  type LazyGroup,
  type ParamValues,
} from '../model.ts';
import { createModelState } from '../store.ts';
import { mazurModel } from './mazur.ts';
import { models } from './registry.ts';

const PARAM_NAMES = [
  'i1',
  'i2',
  'w1',
  'w2',
  'w3',
  'w4',
  'w5',
  'w6',
  'w7',
  'w8',
  'b1',
  'b2',
  't1',
  't2',
  'eta',
  'steps',
  'inPlace',
  'h',
];

/** Mazur's starting values, typed in from the post. */
const MAZUR_DEFAULTS = {
  i1: 0.05,
  i2: 0.1,
  w1: 0.15,
  w2: 0.2,
  w3: 0.25,
  w4: 0.3,
  w5: 0.4,
  w6: 0.45,
  w7: 0.5,
  w8: 0.55,
  b1: 0.35,
  b2: 0.6,
  t1: 0.01,
  t2: 0.99,
  eta: 0.5,
  // The page's own settings: "Train" runs N = 10,000 steps, in the textbook (simultaneous) order.
  steps: 10000,
  inPlace: false,
  // The live gradient check's central-difference step.
  h: 0.0001,
};

/**
 * The figures the post prints, as printed (so the number of decimals is the precision).
 * E_new is the error after one simultaneous update of all eight weights: the post's own figure,
 * 0.291027924, comes from updating them one after another (see src/engine/mazur.ts).
 */
const PUBLISHED: ReadonlyArray<readonly [string, string]> = [
  ['net_h1', '0.3775'],
  ['out_h1', '0.593269992'],
  ['out_h2', '0.596884378'],
  ['net_o1', '1.105905967'],
  ['out_o1', '0.75136507'],
  ['out_o2', '0.772928465'],
  ['E_o1', '0.274811083'],
  ['E_o2', '0.023560026'],
  ['E', '0.298371109'],
  ['dE_dout_o1', '0.74136507'],
  ['dout_o1_dnet_o1', '0.186815602'],
  ['dnet_o1_dw5', '0.593269992'],
  ['dE_dw5', '0.082167041'],
  ['w5_new', '0.35891648'],
  ['w6_new', '0.408666186'],
  ['w7_new', '0.51130127'],
  ['w8_new', '0.561370121'],
  ['dE_dout_h1', '0.036350306'],
  ['dout_h1_dnet_h1', '0.241300709'],
  ['dE_dw1', '0.000438568'],
  ['w1_new', '0.149780716'],
  ['w2_new', '0.19956143'],
  ['w3_new', '0.24975114'],
  ['w4_new', '0.29950229'],
];

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The worked example by hand, with plain formulas: forward pass, backward pass, one step. */
function byHand(v: ParamValues): Record<string, number> {
  const p = (name: string) => {
    const value = v[name];
    if (typeof value !== 'number') throw new Error(`missing ${name}`);
    return value;
  };
  const [i1, i2, b1, b2, t1, t2, eta] = ['i1', 'i2', 'b1', 'b2', 't1', 't2', 'eta'].map(p) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const w = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => (k === 0 ? NaN : p(`w${k}`)));
  const forward = (w: number[]) => {
    const net_h1 = w[1]! * i1 + w[2]! * i2 + b1;
    const net_h2 = w[3]! * i1 + w[4]! * i2 + b1;
    const out_h1 = sigmoid(net_h1);
    const out_h2 = sigmoid(net_h2);
    const net_o1 = w[5]! * out_h1 + w[6]! * out_h2 + b2;
    const net_o2 = w[7]! * out_h1 + w[8]! * out_h2 + b2;
    const out_o1 = sigmoid(net_o1);
    const out_o2 = sigmoid(net_o2);
    const E_o1 = 0.5 * (t1 - out_o1) ** 2;
    const E_o2 = 0.5 * (t2 - out_o2) ** 2;
    return { net_h1, net_h2, out_h1, out_h2, net_o1, net_o2, out_o1, out_o2, E_o1, E_o2 };
  };
  const f = forward(w);
  const E = f.E_o1 + f.E_o2;
  const dE_dout_o1 = f.out_o1 - t1;
  const dE_dout_o2 = f.out_o2 - t2;
  const dout_o1_dnet_o1 = f.out_o1 * (1 - f.out_o1);
  const dout_o2_dnet_o2 = f.out_o2 * (1 - f.out_o2);
  const delta_o1 = dE_dout_o1 * dout_o1_dnet_o1;
  const delta_o2 = dE_dout_o2 * dout_o2_dnet_o2;
  const dE_dout_h1 = delta_o1 * w[5]! + delta_o2 * w[7]!;
  const dE_dout_h2 = delta_o1 * w[6]! + delta_o2 * w[8]!;
  const dout_h1_dnet_h1 = f.out_h1 * (1 - f.out_h1);
  const dout_h2_dnet_h2 = f.out_h2 * (1 - f.out_h2);
  const delta_h1 = dE_dout_h1 * dout_h1_dnet_h1;
  const delta_h2 = dE_dout_h2 * dout_h2_dnet_h2;
  const grads = [
    NaN,
    delta_h1 * i1,
    delta_h1 * i2,
    delta_h2 * i1,
    delta_h2 * i2,
    delta_o1 * f.out_h1,
    delta_o1 * f.out_h2,
    delta_o2 * f.out_h1,
    delta_o2 * f.out_h2,
  ];
  const wNew = w.map((wk, k) => wk - eta * grads[k]!);
  const after = forward(wNew);
  const r: Record<string, number> = {
    ...f,
    E,
    dE_dout_o1,
    dE_dout_o2,
    dout_o1_dnet_o1,
    dout_o2_dnet_o2,
    delta_o1,
    delta_o2,
    dE_o1_dout_h1: delta_o1 * w[5]!,
    dE_o2_dout_h1: delta_o2 * w[7]!,
    dE_o1_dout_h2: delta_o1 * w[6]!,
    dE_o2_dout_h2: delta_o2 * w[8]!,
    dE_dout_h1,
    dE_dout_h2,
    dout_h1_dnet_h1,
    dout_h2_dnet_h2,
    delta_h1,
    delta_h2,
    // One bias per layer, shared by its neurons: its gradient is the sum of their deltas.
    dE_db1: delta_h1 + delta_h2,
    dE_db2: delta_o1 + delta_o2,
    E_new: after.E_o1 + after.E_o2,
  };
  for (let k = 1; k <= 8; k++) {
    r[`dE_dw${k}`] = grads[k]!;
    r[`w${k}_new`] = wNew[k]!;
  }
  return r;
}

/** Derived values that are all numbers (every one of Mazur's `values` is), checked as such. */
function numbers(derived: Derived): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(derived)) {
    if (typeof value !== 'number') throw new Error(`${name} is not a number`);
    out[name] = value;
  }
  return out;
}

/** The model's cheap values at `p`, checked against their declaration. */
const orders: LazyGroup = mazurModel.groups!['orders']!;
const study: LazyGroup = mazurModel.groups!['study']!;
/** The values and the study group: everything computed on the main thread. */
const derive = (p: ParamValues) =>
  numbers({ ...runGroup(mazurModel, mazurModel.values, p), ...runGroup(mazurModel, study, p) });

const defaults = defaultValues(mazurModel);
const derivedAtDefaults = derive(defaults);

/** Random in-range parameters (weights and inputs in [-5, 5], targets in [0, 1]), either order. */
const inRange = fc.record(
  Object.fromEntries(
    Object.entries(mazurModel.params).map(([name, p]) => [
      name,
      // Mazur's only parameter that is not a number is the boolean update order.
      isNumberParam(p) ? fc.double({ noNaN: true, min: p.min, max: p.max }) : fc.boolean(),
    ]),
  ),
);

describe('mazurModel', () => {
  it('is registered in models under its name, "mazur"', () => {
    expect(mazurModel.name).toBe('mazur');
    expect(models.mazur).toBe(mazurModel);
  });

  it("has the 15 values of the worked example, the training settings N and inPlace, and the gradient check's h", () => {
    expect(Object.keys(mazurModel.params).sort()).toEqual([...PARAM_NAMES].sort());
  });

  it("defaults to Mazur's starting values and η = 0.5", () => {
    expect(defaults).toEqual(MAZUR_DEFAULTS);
  });

  it('keeps targets in [0, 1], a positive learning rate, and gives every parameter a label', () => {
    expect(mazurModel.params.t1).toMatchObject({ min: 0, max: 1 });
    expect(mazurModel.params.t2).toMatchObject({ min: 0, max: 1 });
    expect(mazurModel.params.eta?.min).toBeGreaterThan(0);
    for (const [name, p] of Object.entries(mazurModel.params)) {
      if (name === 'steps' || name === 'inPlace' || name === 'h') continue;
      expect(p.label, name).toContain(name === 'eta' ? 'η' : name);
      expect(p, name).toMatchObject({ step: 0.01 });
    }
    expect(mazurModel.params.steps).toMatchObject({ default: 10000, min: 1, step: 1 });
    expect(mazurModel.params.h).toMatchObject({ default: 0.0001, step: 0.00001 });
    expect(mazurModel.params.inPlace).toEqual({
      kind: 'boolean',
      label: 'in-place update order',
      default: false,
    });
  });
});

describe('mazurModel.values', () => {
  it("matches the post's printed figures to their last printed digit", () => {
    for (const [name, printed] of PUBLISHED) {
      const value = derivedAtDefaults[name];
      const decimals = printed.split('.')[1]?.length ?? 0;
      expect(value, name).toBeDefined();
      // Within one unit of the last printed digit (1e-9 for 9 digits), and rounding to it.
      expectClose(value!, Number(printed), 10 ** -decimals);
      expect(value!.toFixed(decimals), name).toBe(printed);
    }
  });

  it('gives the error after one simultaneous update: 0.291027774 (the post, updating in place, prints 0.291027924)', () => {
    expect(derivedAtDefaults.E_new!.toFixed(9)).toBe('0.291027774');
    expect(derivedAtDefaults.E_new).toBeLessThan(derivedAtDefaults.E!);
  });

  it('agrees with the forward and backward pass computed by hand at the defaults', () => {
    const expected = byHand(defaults);
    for (const [name, value] of Object.entries(expected)) {
      expect(derivedAtDefaults[name], name).toBeDefined();
      expectClose(derivedAtDefaults[name]!, value, 1e-15);
    }
  });

  it('echoes the chain-rule factors that are plain parameters or activations', () => {
    const d = derivedAtDefaults;
    expect(d.dnet_o1_dw5).toBe(d.out_h1);
    expect(d.dnet_o1_dw6).toBe(d.out_h2);
    expect(d.dnet_o2_dw7).toBe(d.out_h1);
    expect(d.dnet_o2_dw8).toBe(d.out_h2);
    expect(d.dnet_o1_dout_h1).toBe(0.4);
    expect(d.dnet_o2_dout_h1).toBe(0.5);
    expect(d.dnet_o1_dout_h2).toBe(0.45);
    expect(d.dnet_o2_dout_h2).toBe(0.55);
    expect(d.dnet_h1_dw1).toBe(0.05);
    expect(d.dnet_h1_dw2).toBe(0.1);
    expect(d.dnet_h2_dw3).toBe(0.05);
    expect(d.dnet_h2_dw4).toBe(0.1);
  });

  it('never contains a parameter name among the derived values', () => {
    for (const name of PARAM_NAMES)
      expect(Object.hasOwn(derivedAtDefaults, name), name).toBe(false);
  });

  it('changing eta changes w5_new and E_new but not E or the gradients', () => {
    const faster = derive({ ...defaults, eta: 1 });
    expect(faster.E).toBe(derivedAtDefaults.E);
    expect(faster.dE_dw5).toBe(derivedAtDefaults.dE_dw5);
    expect(faster.dE_dw1).toBe(derivedAtDefaults.dE_dw1);
    expect(faster.w5_new).not.toBe(derivedAtDefaults.w5_new);
    expectClose(faster.w5_new!, 0.4 - 1 * derivedAtDefaults.dE_dw5!, 1e-15);
    expect(faster.E_new).not.toBe(derivedAtDefaults.E_new);
  });

  it('predicts the change in E when b1 rises and b2 falls by 0.01, and runs the network to compare', () => {
    // Worked independently from the hand computation: the shared biases' gradients are the sums
    // of their layers' deltas, and the network run again is the hand forward pass at moved biases.
    const hand = byHand(defaults);
    expectClose(
      derivedAtDefaults.bias_step_pred!,
      0.01 * hand.dE_db1! - 0.01 * hand.dE_db2!,
      1e-15,
    );
    const moved = byHand({ ...defaults, b1: defaults.b1 + 0.01, b2: defaults.b2 - 0.01 });
    expectClose(derivedAtDefaults.bias_step_change!, moved.E! - hand.E!, 1e-15);
    // Only second-order terms separate them: halving the step quarters the gap.
    const gap = derivedAtDefaults.bias_step_change! - derivedAtDefaults.bias_step_pred!;
    const half = byHand({ ...defaults, b1: defaults.b1 + 0.005, b2: defaults.b2 - 0.005 });
    const halfGap = half.E! - hand.E! - derivedAtDefaults.bias_step_pred! / 2;
    expect(halfGap / gap).toBeCloseTo(0.25, 1);
    // The prediction agrees with the run to the three figures the exercise asks for.
    expect(derivedAtDefaults.bias_step_pred!.toPrecision(3)).toBe(
      derivedAtDefaults.bias_step_change!.toPrecision(3),
    );
  });
  it('changing a weight changes the forward values that depend on it, and only those', () => {
    const d = derive({ ...defaults, w5: 0.5 });
    expect(d.out_h1).toBe(derivedAtDefaults.out_h1);
    expect(d.out_o2).toBe(derivedAtDefaults.out_o2);
    expect(d.out_o1).toBeGreaterThan(derivedAtDefaults.out_o1!);
    expect(d.E).not.toBe(derivedAtDefaults.E);
  });

  it('does not modify the values it is given', () => {
    const input = Object.freeze({ ...defaults });
    expect(() => derive(input)).not.toThrow();
    expect(input).toEqual(MAZUR_DEFAULTS);
  });

  it('agrees with the hand computation, stays finite and has no parameter names, anywhere in range (property)', () => {
    const names = Object.keys(derivedAtDefaults).sort();
    fc.assert(
      fc.property(inRange, (values) => {
        const derived = derive(values);
        expect(Object.keys(derived).sort()).toEqual(names);
        for (const value of Object.values(derived)) expect(Number.isFinite(value)).toBe(true);
        for (const [name, value] of Object.entries(byHand(values))) {
          expectClose(derived[name]!, value, { abs: 1e-12, rel: 1e-12 });
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('mazurModel.groups.orders', () => {
  it("gives Mazur's first-round error, and his 10,000-round error and outputs, under the in-place order", () => {
    const out = numbers(runGroup(mazurModel, orders, defaults));
    expect(out['E_after1_inplace']!.toFixed(9)).toBe('0.291027924');
    expect(out['E_after1_sim']!.toFixed(9)).toBe('0.291027774');
    expect(out['E_after10000_inplace']!.toFixed(9)).toBe('0.000035085');
    expect(out['out_o1_after10000_inplace']!.toFixed(9)).toBe('0.015912196');
    expect(out['out_o2_after10000_inplace']!.toFixed(9)).toBe('0.984065734');
    expect(out['out_o1_after10000_sim']!.toFixed(9)).toBe('0.015913620');
    expect(out['out_o2_after10000_sim']!.toFixed(9)).toBe('0.984064274');
    // The later copies' 0.0000351085 is the simultaneous error one step short, whose outputs
    // are not the printed ones.
    expect(out['E_after9999_sim']!.toExponential(5)).toBe('3.51085e-5');
    expect(out['out_o1_after9999_sim']!.toFixed(9)).not.toBe('0.015912196');
  });

  it('runs in the worker, and with the cheap values passes checkModel() at the defaults', () => {
    expect(orders.runs).toBe('worker');
    const all = checkModel(mazurModel);
    expect(Object.keys(all).sort()).toEqual(
      [...Object.keys(derivedAtDefaults), ...orders.numbers].sort(),
    );
    expect(all['E_after1_sim']).toBe(runGroup(mazurModel, orders, defaults)['E_after1_sim']);
  });

  it('is computed by a live state only while something reads it, as the study group is', () => {
    let runs = 0;
    const spec = {
      ...mazurModel,
      groups: { orders: { ...orders, derive: (p: ParamValues) => (runs++, orders.derive(p)) } },
    };
    const state = createModelState(spec);
    const before = runs;
    state.set('w5', 0.3);
    expect(runs).toBe(before);
    expect(state.value('E_after1_sim')).toBeGreaterThan(0);
    expect(runs).toBe(before + 1);

    let studies = 0;
    const counted = createModelState({
      ...mazurModel,
      groups: { study: { ...study, derive: (p: ParamValues) => (studies++, study.derive(p)) } },
    });
    counted.set('w5', 0.3);
    // The worked example's values do not need it.
    expect(counted.value('E')).toBeGreaterThan(0);
    expect(studies).toBe(0);
    expect(counted.value('E_w5_plus')).toBeGreaterThan(0);
    expect(studies).toBe(1);
  });
});

describe('mazurModel in a live state', () => {
  it('shows the post’s total error at first, and a new one after an edit', () => {
    const state = createModelState(mazurModel);
    expect(state.number('E')!.toFixed(9)).toBe('0.298371109');
    state.set('w5', 0.5);
    expectClose(state.number('E')!, byHand({ ...defaults, w5: 0.5 }).E!, 1e-15);
    state.reset();
    expect(state.number('E')!.toFixed(9)).toBe('0.298371109');
  });
});
