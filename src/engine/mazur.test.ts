/**
 * The worked example, checked against an independent hand-unrolled scalar implementation of
 * Mazur's network written here (not with the engine), and against the figures his post prints.
 */
import { describe, expect, test } from 'vitest';
import { mazurGraphStep } from './graph-examples.ts';
import {
  MAZUR_PARAM_INDEX,
  mazur,
  mazurNetwork,
  mazurParams,
  mazurToNetwork,
  mazurWorkedExample,
  networkToMazur,
} from './mazur.ts';
import type { MazurParams } from './mazur.ts';
import { weightIndex } from './network.ts';
import { expectClose } from './test-utils.ts';
import { train } from './train.ts';

// ---- Independent scalar reference -------------------------------------------------------------

const sig = (x: number) => 1 / (1 + Math.exp(-x));

function scalarForward(p: MazurParams) {
  const net_h1 = p.w1 * p.i1 + p.w2 * p.i2 + p.b1;
  const net_h2 = p.w3 * p.i1 + p.w4 * p.i2 + p.b1;
  const out_h1 = sig(net_h1);
  const out_h2 = sig(net_h2);
  const net_o1 = p.w5 * out_h1 + p.w6 * out_h2 + p.b2;
  const net_o2 = p.w7 * out_h1 + p.w8 * out_h2 + p.b2;
  const out_o1 = sig(net_o1);
  const out_o2 = sig(net_o2);
  const E_o1 = 0.5 * (p.t1 - out_o1) ** 2;
  const E_o2 = 0.5 * (p.t2 - out_o2) ** 2;
  return {
    net_h1,
    net_h2,
    out_h1,
    out_h2,
    net_o1,
    net_o2,
    out_o1,
    out_o2,
    E_o1,
    E_o2,
    E: E_o1 + E_o2,
  };
}

/** Chain rule written out as in the post: ∂E/∂w = ∂E/∂out · ∂out/∂net · ∂net/∂w. */
function scalarGradients(p: MazurParams, f = scalarForward(p)) {
  const delta_o1 = -(p.t1 - f.out_o1) * f.out_o1 * (1 - f.out_o1);
  const delta_o2 = -(p.t2 - f.out_o2) * f.out_o2 * (1 - f.out_o2);
  const delta_h1 = (delta_o1 * p.w5 + delta_o2 * p.w7) * f.out_h1 * (1 - f.out_h1);
  const delta_h2 = (delta_o1 * p.w6 + delta_o2 * p.w8) * f.out_h2 * (1 - f.out_h2);
  return {
    delta_o1,
    delta_o2,
    delta_h1,
    delta_h2,
    dE_dw1: delta_h1 * p.i1,
    dE_dw2: delta_h1 * p.i2,
    dE_dw3: delta_h2 * p.i1,
    dE_dw4: delta_h2 * p.i2,
    dE_dw5: delta_o1 * f.out_h1,
    dE_dw6: delta_o1 * f.out_h2,
    dE_dw7: delta_o2 * f.out_h1,
    dE_dw8: delta_o2 * f.out_h2,
  };
}

/**
 * One step at rate eta, biases frozen. 'inPlace' updates w5..w8 first and computes the hidden
 * deltas with the new w5..w8 (the early version of Mazur's script).
 */
function scalarStep(p: MazurParams, eta: number, order: 'simultaneous' | 'inPlace'): MazurParams {
  const f = scalarForward(p);
  const g = scalarGradients(p, f);
  const w5 = p.w5 - eta * g.dE_dw5;
  const w6 = p.w6 - eta * g.dE_dw6;
  const w7 = p.w7 - eta * g.dE_dw7;
  const w8 = p.w8 - eta * g.dE_dw8;
  let { delta_h1, delta_h2 } = g;
  if (order === 'inPlace') {
    delta_h1 = (g.delta_o1 * w5 + g.delta_o2 * w7) * f.out_h1 * (1 - f.out_h1);
    delta_h2 = (g.delta_o1 * w6 + g.delta_o2 * w8) * f.out_h2 * (1 - f.out_h2);
  }
  return {
    ...p,
    w1: p.w1 - eta * delta_h1 * p.i1,
    w2: p.w2 - eta * delta_h1 * p.i2,
    w3: p.w3 - eta * delta_h2 * p.i1,
    w4: p.w4 - eta * delta_h2 * p.i2,
    w5,
    w6,
    w7,
    w8,
  };
}

/** Error after each of `steps` steps: errors[k] is the error after k steps (errors[0] = start). */
function scalarErrors(order: 'simultaneous' | 'inPlace', steps: number): number[] {
  let p = mazurParams;
  const errors = [scalarForward(p).E];
  for (let k = 0; k < steps; k++) {
    p = scalarStep(p, 0.5, order);
    errors.push(scalarForward(p).E);
  }
  return errors;
}

/** Half a unit in the last printed decimal of a published figure, e.g. 0.75136507 → 5e-9. */
function printedTolerance(figure: number): number {
  const decimals = (String(figure).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals + 1e-15;
}

/** The forward pass after `steps` steps of the given order. */
function scalarRun(order: 'simultaneous' | 'inPlace', steps: number) {
  let p = mazurParams;
  for (let k = 0; k < steps; k++) p = scalarStep(p, 0.5, order);
  return scalarForward(p);
}

const SIM_ERRORS = scalarErrors('simultaneous', 10_000);
const INPLACE_ERRORS = scalarErrors('inPlace', 10_000);

// ---- Tests ------------------------------------------------------------------------------------

describe('worked example (Mazur 2015)', () => {
  const r = mazurWorkedExample();
  const f = scalarForward(mazurParams);
  const g = scalarGradients(mazurParams);

  test('mazurWorkedExample() forward values equal a hand-written scalar forward pass to 1e-9', () => {
    for (const key of Object.keys(f) as (keyof typeof f)[]) {
      expectClose(r[key]!, f[key], 1e-9);
    }
  });

  test('mazurWorkedExample() deltas and all eight weight gradients equal the scalar chain rule', () => {
    for (const key of Object.keys(g) as (keyof typeof g)[]) expectClose(r[key]!, g[key], 1e-12);
    // and each factor of the chain rule multiplies out to its product
    expectClose(r.dE_dw5!, r.dE_dout_o1! * r.dout_o1_dnet_o1! * r.dnet_o1_dw5!, 1e-15);
    expectClose(r.dE_dout_h1!, r.dE_o1_dout_h1! + r.dE_o2_dout_h1!, 1e-15);
    expectClose(r.dE_dw1!, r.dE_dout_h1! * r.dout_h1_dnet_h1! * r.dnet_h1_dw1!, 1e-15);
  });

  test('mazurWorkedExample() weights after one step equal w − η·∂E/∂w computed by hand', () => {
    const next = scalarStep(mazurParams, 0.5, 'simultaneous');
    for (let k = 1; k <= 8; k++) {
      const name = `w${k}` as keyof MazurParams;
      expectClose(r[`${name}_new`]!, next[name], 1e-12);
    }
    expectClose(r.E_new!, scalarForward(next).E, 1e-12);
  });

  test("mazurWorkedExample() reproduces every figure the post prints, to the post's printed precision", () => {
    // The later figures come from training; the update-order tests below check them.
    const {
      errorAfterFirstRound,
      errorAfter10000Rounds,
      errorAfter10000RoundsLaterCopies,
      out_o1After10000Rounds,
      out_o2After10000Rounds,
      ...figures
    } = mazur.published;
    void [errorAfterFirstRound, errorAfter10000Rounds, errorAfter10000RoundsLaterCopies];
    void [out_o1After10000Rounds, out_o2After10000Rounds];
    for (const [key, figure] of Object.entries(figures)) {
      expect(r[key], key).toBeDefined();
      expectClose(r[key]!, figure, printedTolerance(figure));
    }
    expectClose(r.out_o1!, 0.75136507, 5e-9);
    expectClose(r.out_o2!, 0.772928465, 5e-10);
    expectClose(r.E!, 0.298371109, 5e-10);
    expectClose(r.dE_dw5!, 0.082167041, 5e-10);
  });

  test('mazurToNetwork() places w1..w8 where weightIndex() says (w_k: from neuron k of l−1 to j of l)', () => {
    const net = mazurNetwork();
    const expected: [keyof typeof MAZUR_PARAM_INDEX, number, number, number][] = [
      ['w1', 1, 0, 0], // i1 → h1
      ['w2', 1, 0, 1], // i2 → h1
      ['w3', 1, 1, 0], // i1 → h2
      ['w4', 1, 1, 1], // i2 → h2
      ['w5', 2, 0, 0], // h1 → o1
      ['w6', 2, 0, 1], // h2 → o1
      ['w7', 2, 1, 0], // h1 → o2
      ['w8', 2, 1, 1], // h2 → o2
    ];
    const { params } = mazurToNetwork(mazurParams);
    for (const [name, l, j, k] of expected) {
      expect(weightIndex(net, l, j, k), name).toBe(MAZUR_PARAM_INDEX[name]);
      expect(params[weightIndex(net, l, j, k)], name).toBe(mazurParams[name]);
    }
  });

  test('networkToMazur() inverts mazurToNetwork()', () => {
    const { params, inputs, targets } = mazurToNetwork(mazurParams);
    expect(networkToMazur(params, inputs, targets)).toEqual(mazurParams);
  });
});

describe('update orders on the worked example (η = 0.5, biases frozen)', () => {
  const net = mazurNetwork();
  const { params, inputs, targets } = mazurToNetwork(mazurParams);
  const data = { inputs: [inputs], targets: [targets] };

  test('train() with each order matches the scalar reference after 1 and 10,000 steps', () => {
    for (const [update, errors] of [
      ['simultaneous', SIM_ERRORS],
      ['inPlace', INPLACE_ERRORS],
    ] as const) {
      const one = train(net, params, data, 1, { eta: 0.5, update });
      expectClose(one.finalLoss, errors[1]!, { abs: 0, rel: 1e-12 });
      const many = train(net, params, data, 10_000, { eta: 0.5, update });
      expectClose(many.finalLoss, errors[10_000]!, { abs: 0, rel: 1e-9 });
      // losses[k] is the error before step k, i.e. after k steps
      expectClose(many.losses[9_999]!, errors[9_999]!, { abs: 0, rel: 1e-9 });
    }
  });

  test("'inPlace' gives the post's first-round error 0.291027924; 'simultaneous' gives 0.291027774", () => {
    expectClose(INPLACE_ERRORS[1]!, 0.291027924, printedTolerance(0.291027924));
    expectClose(SIM_ERRORS[1]!, 0.291027774, printedTolerance(0.291027774));
    expect(Math.abs(SIM_ERRORS[1]! - 0.291027924)).toBeGreaterThan(1e-7);
  });

  test("'inPlace' after exactly 10,000 steps prints the post's error and both outputs; 'simultaneous' does not", () => {
    const pub = mazur.published;
    const inPlace = scalarRun('inPlace', 10_000);
    const sim = scalarRun('simultaneous', 10_000);
    // His script prints round(error, 9); the outputs are printed to 9 digits.
    expect(inPlace.E.toFixed(9)).toBe(pub.errorAfter10000Rounds.toFixed(9));
    expectClose(inPlace.out_o1, pub.out_o1After10000Rounds, printedTolerance(0.015912196));
    expectClose(inPlace.out_o2, pub.out_o2After10000Rounds, printedTolerance(0.984065734));
    expect(Math.abs(sim.out_o1 - pub.out_o1After10000Rounds)).toBeGreaterThan(1e-6);
    expect(Math.abs(sim.out_o2 - pub.out_o2After10000Rounds)).toBeGreaterThan(1e-6);
  });

  test("the later copies' 0.0000351085 matches 'simultaneous' after 9,999 steps, but not the outputs printed beside it", () => {
    const pub = mazur.published;
    const sim9999 = scalarRun('simultaneous', 9_999);
    expectClose(sim9999.E, pub.errorAfter10000RoundsLaterCopies, printedTolerance(0.0000351085));
    expect(Math.abs(sim9999.out_o1 - pub.out_o1After10000Rounds)).toBeGreaterThan(1e-6);
    expect(Math.abs(sim9999.out_o2 - pub.out_o2After10000Rounds)).toBeGreaterThan(1e-6);
  });

  test('mazurGraphStep() (graph engine) takes the same step as the network engine', () => {
    const viaGraph = mazurGraphStep(mazurParams, 0.5).params;
    const byHand = scalarStep(mazurParams, 0.5, 'simultaneous');
    for (const name of ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const) {
      expectClose(viaGraph[name], byHand[name], 1e-15);
    }
    expect(viaGraph.b1).toBe(mazurParams.b1);
  });
});
