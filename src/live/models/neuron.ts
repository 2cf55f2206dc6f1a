/**
 * One neuron with two inputs, z = w1·x1 + w2·x2 + b and a = f(z), for the first chapters: the
 * activation is a choice, and the model also gives f and f′ sampled over an interval, for plots.
 */
import { activate, activationDerivative, type ActivationId } from '../../engine/activations.ts';
import { defineModel, type NumberParam } from '../model.ts';

const number = (label: string, value: number): NumberParam => ({
  label,
  default: value,
  min: -5,
  max: 5,
  step: 0.1,
});

/** The activation options, by the name the URL uses, with the engine's id and a label. */
const ACTIVATIONS = {
  sigmoid: ['sigmoid', 'sigmoid σ'],
  tanh: ['tanh', 'tanh'],
  relu: ['relu', 'ReLU'],
  'leaky-relu': ['leakyRelu', 'leaky ReLU'],
  elu: ['elu', 'ELU'],
} as const satisfies Record<string, readonly [ActivationId, string]>;
type Option = keyof typeof ACTIVATIONS;

/** Where the curves are sampled: 121 points from −6 to 6, every 0.1. */
const CURVE_X = Float64Array.from({ length: 121 }, (_, i) => Math.round(i - 60) / 10);

export const neuronModel = defineModel({
  name: 'neuron',
  params: {
    x1: number('input x1', 1),
    x2: number('input x2', -0.5),
    w1: number('weight w1', 0.8),
    w2: number('weight w2', 0.4),
    b: number('bias b', 0.1),
    act: {
      kind: 'choice',
      label: 'activation function',
      default: 'sigmoid',
      options: Object.fromEntries(
        Object.entries(ACTIVATIONS).map(([name, [, label]]) => [name, label]),
      ) as Record<Option, string>,
    },
  },
  values: {
    numbers: ['z', 'a', 'dadz'],
    arrays: ['curveX', 'curveF', 'curveDf'],
    derive(p) {
      const id = ACTIVATIONS[p.act][0];
      const z = p.w1 * p.x1 + p.w2 * p.x2 + p.b;
      return {
        z,
        a: activate(id, z),
        dadz: activationDerivative(id, z),
        curveX: CURVE_X,
        curveF: CURVE_X.map((x) => activate(id, x)),
        curveDf: CURVE_X.map((x) => activationDerivative(id, x)),
      };
    },
  },
});

export default neuronModel;
