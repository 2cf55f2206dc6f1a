/**
 * Chapter 2's dying-ReLU demonstration: one neuron, a = f(w·x + b), learning two examples
 * (x1, t1) and (x2, t2) by gradient descent on E = ½·mean((t − a)²), the training panel's loss.
 * Its starting bias is so negative that neither input switches a ReLU on: every gradient then
 * carries the factor f′(z) = 0, and the neuron never moves. The page shows two instances side by
 * side, `dying` (ReLU) and `dying-leaky` (leaky ReLU or ELU), trained from the same start.
 */
import { activate, activationDerivative } from '../../engine/activations.ts';
import { ACTIVATIONS, activationSpec } from '../activation-options.ts';
import { biasIndex, createNetwork, weightIndex, type Network } from '../../engine/network.ts';
import { defineModel } from '../model.ts';

/** The ReLU family only: the demonstration is about the left half of the activation. */
const OPTIONS = {
  relu: ACTIVATIONS.relu,
  'leaky-relu': ACTIVATIONS['leaky-relu'],
  elu: ACTIVATIONS.elu,
};
type Option = keyof typeof OPTIONS;

/** One input, one output: the engine's network for a single neuron with this activation. */
function network(option: Option, leak: number, alpha: number): Network {
  return createNetwork({
    sizes: [1, 1],
    activation: activationSpec(option, leak, alpha),
    loss: 'halfSquared',
  });
}

/** Where w and b sit in the engine's parameter vector (the same for every activation). */
const LAYOUT = network('relu', 0.1, 1);
const W = weightIndex(LAYOUT, 1, 0, 0);
const B = biasIndex(LAYOUT, 1, 0);

const input = (label: string, value: number) => ({
  label,
  default: value,
  min: -5,
  max: 5,
  step: 0.1,
});

export const dyingModel = defineModel({
  name: 'dying',
  params: {
    act: { kind: 'choice', label: 'activation function', default: 'relu', options: OPTIONS },
    leak: { label: 'leaky ReLU slope a', default: 0.1, min: 0.01, max: 0.5, step: 0.01 },
    alpha: { label: 'ELU α', default: 1, min: 0.1, max: 3, step: 0.1 },
    x1: input('first input x1', 2),
    t1: input('first target t1', 1.5),
    x2: input('second input x2', 1),
    t2: input('second target t2', 0.5),
    w: { label: 'weight w', default: 0.5, min: -5, max: 5, step: 0.1 },
    b: { label: 'bias b', default: -3, min: -10, max: 10, step: 0.1 },
    eta: { label: 'learning rate η', default: 0.5, min: 0.01, max: 2, step: 0.01 },
    steps: {
      label: 'number of training steps N',
      default: 200,
      min: 1,
      max: 10000,
      step: 1,
      integer: true,
    },
  },
  values: {
    numbers: ['z1', 'z2', 'out1', 'out2', 'df1', 'df2', 'E', 'dE_dw', 'dE_db', 'active'],
    derive(p) {
      const f = activationSpec(p.act, p.leak, p.alpha);
      const z1 = p.w * p.x1 + p.b;
      const z2 = p.w * p.x2 + p.b;
      const out1 = activate(f, z1);
      const out2 = activate(f, z2);
      const df1 = activationDerivative(f, z1);
      const df2 = activationDerivative(f, z2);
      // E = ½·mean over the examples of (t − a)²; each example's gradient is −(t − a)·f′(z)
      // times the input (for w) or 1 (for b). Every term has the factor f′(z).
      const e1 = p.t1 - out1;
      const e2 = p.t2 - out2;
      return {
        z1,
        z2,
        out1,
        out2,
        df1,
        df2,
        E: (e1 * e1 + e2 * e2) / 4,
        // `+ 0`: a dead unit's gradient is −0 in floating point; it is 0.
        dE_dw: -(e1 * df1 * p.x1 + e2 * df2 * p.x2) / 2 + 0,
        dE_db: -(e1 * df1 + e2 * df2) / 2 + 0,
        active: (z1 > 0 ? 1 : 0) + (z2 > 0 ? 1 : 0),
      };
    },
  },
  train: {
    setup(p) {
      const params = new Float64Array(LAYOUT.paramCount);
      params[W] = p.w;
      params[B] = p.b;
      return {
        net: network(p.act, p.leak, p.alpha),
        params,
        data: { inputs: [[p.x1], [p.x2]], targets: [[p.t1], [p.t2]] },
      };
    },
    weights: { w: W, b: B },
    outputs: [{ value: 'out1', target: 't1' }],
    loss: 'E',
    settings: { eta: 'eta', steps: 'steps' },
  },
});

export default dyingModel;
