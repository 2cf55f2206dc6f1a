/**
 * The course's running example, Matt Mazur's 2-2-2 sigmoid network ("A Step by Step
 * Backpropagation Example", 2015), as a live model. The defaults are his numbers
 * (src/engine/mazur.ts); every derived value comes from the engine.
 */
import {
  MAZUR_PARAM_INDEX,
  mazurNetwork,
  mazurParams,
  mazurToNetwork,
  mazurWorkedExample,
  type MazurParamName,
  type MazurParams,
} from '../../engine/mazur.ts';
import {
  MAZUR_GRADIENT_NAMES,
  mazurForwardDifference,
  mazurGradientCheck,
  mazurGradientRatio,
  mazurGradientWork,
  mazurInPlaceStep,
} from '../../engine/mazur-study.ts';
import { forward } from '../../engine/network.ts';
import { Trainer } from '../../engine/train.ts';
import { defineModel, type NumberParam } from '../model.ts';

const weight = (k: number, from: string, to: string): NumberParam => ({
  label: `weight w${k}, from ${from} to ${to}`,
  default: mazurParams[`w${k}` as MazurParamName],
  min: -5,
  max: 5,
  step: 0.01,
});

/** The worked example's values that mazurWorkedExample() computes (its inputs aside). */
const VALUES = [
  ...['net_h1', 'out_h1', 'net_h2', 'out_h2', 'net_o1', 'out_o1', 'net_o2', 'out_o2'],
  ...['E_o1', 'E_o2', 'E'],
  ...['dE_dout_o1', 'dout_o1_dnet_o1', 'delta_o1', 'dE_dout_o2', 'dout_o2_dnet_o2', 'delta_o2'],
  ...['dnet_o1_dw5', 'dnet_o1_dw6', 'dnet_o2_dw7', 'dnet_o2_dw8'],
  ...['dE_dw5', 'dE_dw6', 'dE_dw7', 'dE_dw8'],
  ...['dnet_o1_dout_h1', 'dnet_o2_dout_h1', 'dnet_o1_dout_h2', 'dnet_o2_dout_h2'],
  ...['dE_o1_dout_h1', 'dE_o2_dout_h1', 'dE_o1_dout_h2', 'dE_o2_dout_h2'],
  ...['dE_dout_h1', 'dout_h1_dnet_h1', 'delta_h1', 'dE_dout_h2', 'dout_h2_dnet_h2', 'delta_h2'],
  ...['dnet_h1_dw1', 'dnet_h1_dw2', 'dnet_h2_dw3', 'dnet_h2_dw4'],
  ...['dE_dw1', 'dE_dw2', 'dE_dw3', 'dE_dw4', 'dE_db1', 'dE_db2'],
  ...['w1_new', 'w2_new', 'w3_new', 'w4_new', 'w5_new', 'w6_new', 'w7_new', 'w8_new', 'E_new'],
];

/** What the chapter derives beyond the post (engine/mazur-study.ts). */
const STUDY = [
  ...MAZUR_GRADIENT_NAMES.flatMap((name) => [`bp_${name}`, `cd_${name}`, `gap_${name}`]),
  ...['ratio_w1_w5', 'ratio_input', 'ratio_slope', 'ratio_back'],
  ...['w1_inplace', 'w2_inplace', 'w3_inplace', 'w4_inplace'],
  ...['w5_inplace', 'w6_inplace', 'w7_inplace', 'w8_inplace', 'E_new_inplace'],
  ...['dE_dout_h1_inplace', 'delta_h1_inplace', 'dw1_inplace', 'dw1_sim', 'E_change'],
  ...['net_o1_plus', 'out_o1_plus', 'E_w5_plus', 'fd_w5'],
  ...['bias_step_pred', 'bias_step_change'],
  ...['work_params', 'work_forward', 'work_edges', 'work_reverse', 'work_forward_mode'],
  'work_central',
];

/** The coarse step of the one-sided difference the chapter asks the reader to take. */
const FD_STEP = 0.1;

/** The exercise on the shared biases raises b1 and lowers b2 by this much at once. */
const BIAS_STEP = 0.01;

/** After 1 and 10,000 steps of each order: the error and both outputs. */
const ORDERS = [
  ...['sim', 'inplace'].flatMap((order) => [
    `E_after1_${order}`,
    ...['E', 'out_o1', 'out_o2'].map((name) => `${name}_after10000_${order}`),
  ]),
  // The simultaneous rule one step short, for the aside on the later copies of the post.
  ...['E_after9999_sim', 'out_o1_after9999_sim', 'out_o2_after9999_sim'],
];

const named = (p: MazurParams): MazurParams => ({
  i1: p.i1,
  i2: p.i2,
  w1: p.w1,
  w2: p.w2,
  w3: p.w3,
  w4: p.w4,
  w5: p.w5,
  w6: p.w6,
  w7: p.w7,
  w8: p.w8,
  b1: p.b1,
  b2: p.b2,
  t1: p.t1,
  t2: p.t2,
});

/** The engine's network, parameter vector and one-example data set for these values. */
function setup(p: MazurParams) {
  const { params, inputs, targets } = mazurToNetwork(p);
  return { net: mazurNetwork(), params, data: { inputs: [inputs], targets: [targets] } };
}

export const mazurModel = defineModel({
  name: 'mazur',
  params: {
    i1: { label: 'input i1', default: mazurParams.i1, min: -5, max: 5, step: 0.01 },
    i2: { label: 'input i2', default: mazurParams.i2, min: -5, max: 5, step: 0.01 },
    w1: weight(1, 'i1', 'h1'),
    w2: weight(2, 'i2', 'h1'),
    w3: weight(3, 'i1', 'h2'),
    w4: weight(4, 'i2', 'h2'),
    w5: weight(5, 'h1', 'o1'),
    w6: weight(6, 'h2', 'o1'),
    w7: weight(7, 'h1', 'o2'),
    w8: weight(8, 'h2', 'o2'),
    b1: { label: 'hidden-layer bias b1', default: mazurParams.b1, min: -5, max: 5, step: 0.01 },
    b2: { label: 'output-layer bias b2', default: mazurParams.b2, min: -5, max: 5, step: 0.01 },
    // Targets of a sigmoid output must lie in [0, 1].
    t1: { label: 'target t1', default: mazurParams.t1, min: 0, max: 1, step: 0.01 },
    t2: { label: 'target t2', default: mazurParams.t2, min: 0, max: 1, step: 0.01 },
    eta: { label: 'learning rate η', default: 0.5, min: 0.01, max: 5, step: 0.01 },
    /** How many gradient steps "Train" runs. */
    steps: {
      label: 'number of training steps N',
      default: 10000,
      min: 1,
      max: 100000,
      step: 1,
      integer: true,
    },
    /** The step of the live gradient check's central differences. */
    h: {
      label: 'finite-difference step ε',
      default: 0.0001,
      min: 0.00001,
      max: 0.1,
      step: 0.00001,
    },
    /** Update the output layer first and backpropagate through the new weights (see mazur.ts). */
    inPlace: { kind: 'boolean', label: 'in-place update order', default: false },
  },
  values: {
    numbers: VALUES,
    derive(p) {
      const worked = mazurWorkedExample(named(p), p.eta);
      // mazurWorkedExample echoes its inputs; the model keeps parameters and derived values apart.
      return Object.fromEntries(VALUES.map((name) => [name, worked[name] ?? NaN]));
    },
  },
  groups: {
    /**
     * What the chapter builds on the worked example (the gradient check, the in-place order,
     * the differences, the ratios and the count of work): computed when a read-out of it is
     * read, not with every edit of a weight. Its read-outs sit below the worked example, so
     * while the reader edits there they wait, uncomputed (near-writes.ts).
     */
    study: {
      numbers: STUDY,
      derive(p) {
        const values = named(p);
        const worked = mazurWorkedExample(values, p.eta);
        const inPlace = mazurInPlaceStep(values, p.eta);
        const derived: Record<string, number | undefined> = {
          ...mazurGradientCheck(values, p.h),
          ...mazurGradientRatio(worked),
          ...inPlace,
          dw1_inplace: (inPlace.w1_inplace ?? NaN) - p.w1,
          dw1_sim: (worked.w1_new ?? NaN) - p.w1,
          E_change: (worked.E_new ?? NaN) - (worked.E ?? NaN),
          ...mazurForwardDifference(values, FD_STEP),
          // ΔE to first order (the gradient along the step) and as the network computes it.
          bias_step_pred: BIAS_STEP * ((worked.dE_db1 ?? NaN) - (worked.dE_db2 ?? NaN)),
          bias_step_change:
            (mazurWorkedExample(
              { ...values, b1: values.b1 + BIAS_STEP, b2: values.b2 - BIAS_STEP },
              p.eta,
            ).E ?? NaN) - (worked.E ?? NaN),
          ...mazurGradientWork(),
        };
        return Object.fromEntries(STUDY.map((name) => [name, derived[name] ?? NaN]));
      },
    },
    /**
     * The error after 1 and 10,000 steps under both update orders, with the outputs after
     * 10,000, from the current values: what the chapter compares with the figures printed in
     * Mazur's post. 20,000 steps: a few milliseconds, so it runs in the page's worker.
     */
    orders: {
      numbers: ORDERS,
      runs: 'worker',
      derive(p) {
        const { net, params, data } = setup(named(p));
        const out: Record<string, number> = {};
        for (const [key, update] of [
          ['sim', 'simultaneous'],
          ['inplace', 'inPlace'],
        ] as const) {
          const trainer = new Trainer(net, params, data, { eta: p.eta, update, recordLoss: false });
          const record = (steps: number) => {
            const [o1 = NaN, o2 = NaN] = forward(net, trainer.params, data.inputs[0]!).outputs;
            Object.assign(out, {
              [`E_after${steps}_${key}`]: trainer.loss(),
              [`out_o1_after${steps}_${key}`]: o1,
              [`out_o2_after${steps}_${key}`]: o2,
            });
          };
          trainer.run(1);
          out[`E_after1_${key}`] = trainer.loss();
          trainer.run(9998);
          if (key === 'sim') record(9999);
          trainer.run(1);
          record(10000);
        }
        return out;
      },
    },
  },
  /**
   * The training panel trains w1..w8 at the engine's own indices in the flat vector; b1 and b2
   * sit there too but stay frozen (mazurNetwork() does not train them), as in the post.
   */
  train: {
    setup: (p) => setup(named(p)),
    weights: {
      w1: MAZUR_PARAM_INDEX.w1,
      w2: MAZUR_PARAM_INDEX.w2,
      w3: MAZUR_PARAM_INDEX.w3,
      w4: MAZUR_PARAM_INDEX.w4,
      w5: MAZUR_PARAM_INDEX.w5,
      w6: MAZUR_PARAM_INDEX.w6,
      w7: MAZUR_PARAM_INDEX.w7,
      w8: MAZUR_PARAM_INDEX.w8,
    },
    outputs: [
      { value: 'out_o1', target: 't1' },
      { value: 'out_o2', target: 't2' },
    ],
    loss: 'E',
    settings: { eta: 'eta', steps: 'steps', inPlace: 'inPlace' },
  },
});

export default mazurModel;
