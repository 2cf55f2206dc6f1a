/**
 * The worked example of the first chapters: the 2-2-2 sigmoid network from Matt Mazur,
 * "A Step by Step Backpropagation Example" (2015),
 * https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/, whose accompanying
 * script is github.com/mattm/simple-neural-network. All numbers below are his.
 *
 * Names → network layout (sizes [2, 2, 2], sigmoid, one shared bias per layer, biases frozen):
 *   weights[0] = W^(1) = [w1, w2, w3, w4]: w1 i1→h1, w2 i2→h1, w3 i1→h2, w4 i2→h2
 *   weights[1] = W^(2) = [w5, w6, w7, w8]: w5 h1→o1, w6 h2→o1, w7 h1→o2, w8 h2→o2
 *   biases = [[b1], [b2]]; flat vector [w1, w2, w3, w4, b1, w5, w6, w7, w8, b2].
 *
 * About his later totals: after the first round the post prints an error of 0.291027924, and
 * after 10,000 rounds an error of 0.000035085 (some later copies print 0.0000351085) with outputs
 * 0.015912196 and 0.984065734. All of them are what the 'inPlace' order gives after exactly 1 and
 * 10,000 steps: E = 0.2910279239, then E = 3.50848e-5 (0.000035085 to the 9 decimals his script
 * rounds to) with outputs 0.0159121963 and 0.9840657345. The 'simultaneous' rule the post
 * describes gives 0.2910277737, then 3.51019e-5 with outputs 0.0159136204 and 0.9840642735.
 * His repository switched to the simultaneous order in commit 4b6faac (2015-03-15, "Update
 * backprop algorithm so that hidden layer weight updates use original weights"). The later
 * copies' 0.0000351085 has a tenth decimal his script never printed; it equals the simultaneous
 * rule's error after 9,999 steps, but that run's outputs (0.0159141850, 0.9840637123) are not the
 * ones printed beside it, so the outputs rule that reading out (mazur.test.ts checks all of it).
 */
import { evaluateLoss, gradientStep } from './batch.ts';
import { backward, createNetwork } from './network.ts';
import type { Network } from './network.ts';
import { readNumber, readVector } from './validate.ts';

export interface MazurParams {
  readonly i1: number;
  readonly i2: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
  readonly w4: number;
  readonly w5: number;
  readonly w6: number;
  readonly w7: number;
  readonly w8: number;
  readonly b1: number;
  readonly b2: number;
  readonly t1: number;
  readonly t2: number;
}

export type MazurParamName = keyof MazurParams;

export const MAZUR_PARAM_NAMES: readonly MazurParamName[] = Object.freeze([
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
]);

/** Index of each trainable name in the flat parameter vector. */
export const MAZUR_PARAM_INDEX = Object.freeze({
  w1: 0,
  w2: 1,
  w3: 2,
  w4: 3,
  b1: 4,
  w5: 5,
  w6: 6,
  w7: 7,
  w8: 8,
  b2: 9,
} as const);

/** The post's starting values. */
export const mazurParams: MazurParams = Object.freeze({
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
});

/** The worked example's constants, and the figures the post prints (to its printed digits). */
export const mazur = Object.freeze({
  params: mazurParams,
  inputs: Object.freeze([mazurParams.i1, mazurParams.i2]),
  targets: Object.freeze([mazurParams.t1, mazurParams.t2]),
  weights: Object.freeze([0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55]),
  b1: mazurParams.b1,
  b2: mazurParams.b2,
  /** Learning rate η. */
  eta: 0.5,
  /** The post never updates b1 and b2. */
  trainBiases: false,
  published: Object.freeze({
    net_h1: 0.3775,
    out_h1: 0.593269992,
    out_h2: 0.596884378,
    net_o1: 1.105905967,
    out_o1: 0.75136507,
    out_o2: 0.772928465,
    E_o1: 0.274811083,
    E_o2: 0.023560026,
    E: 0.298371109,
    dE_dout_o1: 0.74136507,
    dout_o1_dnet_o1: 0.186815602,
    dE_dw5: 0.082167041,
    w5_new: 0.35891648,
    w6_new: 0.408666186,
    w7_new: 0.51130127,
    w8_new: 0.561370121,
    dE_dout_h1: 0.036350306,
    dout_h1_dnet_h1: 0.241300709,
    dE_dw1: 0.000438568,
    w1_new: 0.149780716,
    w2_new: 0.19956143,
    w3_new: 0.24975114,
    w4_new: 0.29950229,
    /** "After this first round of backpropagation, the total error is now down to ...". */
    errorAfterFirstRound: 0.291027924,
    /** "After repeating this process 10,000 times ... the error plummets to ...". */
    errorAfter10000Rounds: 0.000035085,
    /** The same figure as some later copies of the post print it. */
    errorAfter10000RoundsLaterCopies: 0.0000351085,
    /** The outputs printed beside it, for targets 0.01 and 0.99. */
    out_o1After10000Rounds: 0.015912196,
    out_o2After10000Rounds: 0.984065734,
  }),
});

/** The worked example's network: [2, 2, 2], sigmoid, shared biases, halfSquared loss. */
export function mazurNetwork(
  options: {
    /** Whether training updates b1 and b2. Default false, as in the post. */
    readonly trainBiases?: boolean;
  } = {},
): Network {
  return createNetwork({
    sizes: [2, 2, 2],
    activation: 'sigmoid',
    bias: 'shared',
    trainBiases: options.trainBiases ?? false,
    loss: 'halfSquared',
  });
}

/** Named values → flat parameters, inputs and targets for mazurNetwork(). */
export function mazurToNetwork(p: MazurParams): {
  params: Float64Array;
  inputs: number[];
  targets: number[];
} {
  const where = 'mazurToNetwork()';
  const v = (name: MazurParamName) => readNumber(where, `p.${name}`, p[name]);
  return {
    params: Float64Array.of(
      v('w1'),
      v('w2'),
      v('w3'),
      v('w4'),
      v('b1'),
      v('w5'),
      v('w6'),
      v('w7'),
      v('w8'),
      v('b2'),
    ),
    inputs: [v('i1'), v('i2')],
    targets: [v('t1'), v('t2')],
  };
}

/** Flat parameters (plus inputs and targets) → named values. */
export function networkToMazur(
  params: ArrayLike<number>,
  inputs: ArrayLike<number> = mazur.inputs,
  targets: ArrayLike<number> = mazur.targets,
): MazurParams {
  const where = 'networkToMazur()';
  const p = readVector(where, 'params', params, 10);
  const x = readVector(where, 'inputs', inputs, 2);
  const t = readVector(where, 'targets', targets, 2);
  const I = MAZUR_PARAM_INDEX;
  return {
    i1: x[0]!,
    i2: x[1]!,
    w1: p[I.w1]!,
    w2: p[I.w2]!,
    w3: p[I.w3]!,
    w4: p[I.w4]!,
    w5: p[I.w5]!,
    w6: p[I.w6]!,
    w7: p[I.w7]!,
    w8: p[I.w8]!,
    b1: p[I.b1]!,
    b2: p[I.b2]!,
    t1: t[0]!,
    t2: t[1]!,
  };
}

/**
 * Every named quantity of the worked example, computed by the engine, for pages to display by
 * name. Keys (with the post's notation, ∂ written d):
 *   the inputs i1, i2, t1, t2, w1..w8, b1, b2, eta;
 *   forward: net_h1, out_h1, net_h2, out_h2, net_o1, out_o1, net_o2, out_o2, E_o1, E_o2, E;
 *   output layer: dE_dout_o1, dE_dout_o2, dout_o1_dnet_o1, dout_o2_dnet_o2, delta_o1, delta_o2,
 *     dnet_o1_dw5, dnet_o1_dw6, dnet_o2_dw7, dnet_o2_dw8, dE_dw5..dE_dw8;
 *   hidden layer: dnet_o1_dout_h1 (= w5), dnet_o2_dout_h1 (= w7), dnet_o1_dout_h2 (= w6),
 *     dnet_o2_dout_h2 (= w8), dE_o1_dout_h1, dE_o2_dout_h1, dE_o1_dout_h2, dE_o2_dout_h2,
 *     dE_dout_h1, dE_dout_h2, dout_h1_dnet_h1, dout_h2_dnet_h2, delta_h1, delta_h2,
 *     dnet_h1_dw1, dnet_h1_dw2, dnet_h2_dw3, dnet_h2_dw4, dE_dw1..dE_dw4;
 *   biases (frozen in the post, shown for completeness): dE_db1, dE_db2;
 *   after one simultaneous step at eta: w1_new..w8_new and E_new (the error there).
 * E_o1 = ½(t1 − out_o1)², E = E_o1 + E_o2; delta = ∂E/∂net.
 *
 * @param p named values; default the post's (mazurParams)
 * @param eta learning rate for the *_new values; default 0.5
 */
export function mazurWorkedExample(
  p: MazurParams = mazurParams,
  eta: number = mazur.eta,
): Record<string, number> {
  const net = mazurNetwork();
  const { params, inputs, targets } = mazurToNetwork(p);
  const bw = backward(net, params, inputs, targets);
  const r: Record<string, number> = {};
  const named = networkToMazur(params, inputs, targets);
  for (const name of MAZUR_PARAM_NAMES) r[name] = named[name];
  r.eta = eta;

  const [h1, h2] = [0, 1];
  const out = (l: number, j: number) => bw.outs[l]![j]!;
  r.net_h1 = bw.nets[1]![h1]!;
  r.out_h1 = out(1, h1);
  r.net_h2 = bw.nets[1]![h2]!;
  r.out_h2 = out(1, h2);
  r.net_o1 = bw.nets[2]![0]!;
  r.out_o1 = out(2, 0);
  r.net_o2 = bw.nets[2]![1]!;
  r.out_o2 = out(2, 1);
  r.E_o1 = 0.5 * (named.t1 - r.out_o1) ** 2;
  r.E_o2 = 0.5 * (named.t2 - r.out_o2) ** 2;
  r.E = bw.loss;

  const names = ['o1', 'o2'] as const;
  names.forEach((o, j) => {
    r[`dE_dout_${o}`] = bw.dE_dout[2]![j]!;
    r[`dout_${o}_dnet_${o}`] = bw.dout_dnet[2]![j]!;
    r[`delta_${o}`] = bw.deltas[2]![j]!;
  });
  r.dnet_o1_dw5 = r.out_h1;
  r.dnet_o1_dw6 = r.out_h2;
  r.dnet_o2_dw7 = r.out_h1;
  r.dnet_o2_dw8 = r.out_h2;
  const gOut = bw.weightGrads[1]!;
  const gHid = bw.weightGrads[0]!;
  ['dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'].forEach((k, i) => (r[k] = gOut[i]!));

  r.dnet_o1_dout_h1 = named.w5;
  r.dnet_o2_dout_h1 = named.w7;
  r.dnet_o1_dout_h2 = named.w6;
  r.dnet_o2_dout_h2 = named.w8;
  const [deltaO1, deltaO2] = [bw.deltas[2]![0]!, bw.deltas[2]![1]!];
  r.dE_o1_dout_h1 = deltaO1 * named.w5;
  r.dE_o2_dout_h1 = deltaO2 * named.w7;
  r.dE_o1_dout_h2 = deltaO1 * named.w6;
  r.dE_o2_dout_h2 = deltaO2 * named.w8;
  (['h1', 'h2'] as const).forEach((h, j) => {
    r[`dE_dout_${h}`] = bw.dE_dout[1]![j]!;
    r[`dout_${h}_dnet_${h}`] = bw.dout_dnet[1]![j]!;
    r[`delta_${h}`] = bw.deltas[1]![j]!;
  });
  r.dnet_h1_dw1 = named.i1;
  r.dnet_h1_dw2 = named.i2;
  r.dnet_h2_dw3 = named.i1;
  r.dnet_h2_dw4 = named.i2;
  ['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4'].forEach((k, i) => (r[k] = gHid[i]!));
  r.dE_db1 = bw.biasGrads[0]![0]!;
  r.dE_db2 = bw.biasGrads[1]![0]!;

  const step = gradientStep(net, params, [inputs], [targets], { eta, update: 'simultaneous' });
  const after = networkToMazur(step.params, inputs, targets);
  for (let k = 1; k <= 8; k++) r[`w${k}_new`] = after[`w${k}` as MazurParamName];
  r.E_new = evaluateLoss(net, step.params, [inputs], [targets]);
  return r;
}
