/**
 * One neuron with three inputs, z = w1·x1 + w2·x2 + w3·x3 + b and a = f(z), for the first
 * chapters. The activation is a choice, with leaky ReLU's slope and ELU's α as parameters. The
 * model gives each term of the sum, the derivative of the output with respect to each weight and
 * the bias (f′(z)·xᵢ and f′(z)), and f and f′ sampled over an interval, for plots.
 */
import { activate, activationDerivative } from '../../engine/activations.ts';
import { ACTIVATIONS, EACH_ACTIVATION, activationSpec } from '../activation-options.ts';
import { defineModel, type NumberParam } from '../model.ts';

const number = (label: string, value: number): NumberParam => ({
  label,
  default: value,
  min: -5,
  max: 5,
  step: 0.1,
});

function eachAt(z: number, leak: number, alpha: number) {
  const out: Record<string, number> = {};
  for (const [name, option] of EACH_ACTIVATION) {
    out[`f_${name}`] = activate(activationSpec(option, leak, alpha), z);
    out[`df_${name}`] = activationDerivative(activationSpec(option, leak, alpha), z);
  }
  return out as Record<`${'f' | 'df'}_${(typeof EACH_ACTIVATION)[number][0]}`, number>;
}

/**
 * A sum of typed decimals, kept to 12 decimal places. Floating point leaves residues where the
 * exact sum is 0 (0.9 − 0.2 − 0.4 − 0.3 gives −5.55e−17), which a page would print in scientific
 * notation and which would make "exactly on the boundary" false; `+ 0` turns −0 into 0.
 */
const decimal = (x: number): number => Math.round(x * 1e12) / 1e12 + 0;

/** Where the curves are sampled: 121 points from −6 to 6, every 0.1. */
const CURVE_X = Float64Array.from({ length: 121 }, (_, i) => Math.round(i - 60) / 10);

export const neuronModel = defineModel({
  name: 'neuron',
  params: {
    x1: number('input x1', 1),
    x2: number('input x2', -0.5),
    x3: number('input x3', 2),
    w1: number('weight w1', 0.9),
    w2: number('weight w2', 0.4),
    w3: number('weight w3', -0.2),
    b: number('bias b', 0.1),
    act: {
      kind: 'choice',
      label: 'activation function',
      default: 'sigmoid',
      options: ACTIVATIONS,
    },
    leak: { label: 'leaky ReLU slope s', default: 0.01, min: 0, max: 0.5, step: 0.01 },
    alpha: { label: 'ELU α', default: 1, min: 0.1, max: 3, step: 0.1 },
  },
  values: {
    numbers: [
      'wx1',
      'wx2',
      'wx3',
      'z',
      'a',
      'dadz',
      'dadw1',
      'dadw2',
      'dadw3',
      'dadb',
      'dadx1',
      'dadx2',
      'dadx3',
      'bAtZero',
      ...EACH_ACTIVATION.flatMap(([name]) => [`f_${name}`, `df_${name}`] as const),
    ],
    arrays: ['curveX', 'curveF', 'curveDf'],
    derive(p) {
      const f = activationSpec(p.act, p.leak, p.alpha);
      const wx1 = p.w1 * p.x1;
      const wx2 = p.w2 * p.x2;
      const wx3 = p.w3 * p.x3;
      const z = decimal(wx1 + wx2 + wx3 + p.b);
      const dadz = activationDerivative(f, z);
      return {
        wx1,
        wx2,
        wx3,
        z,
        a: activate(f, z),
        dadz,
        // ∂a/∂wᵢ = f′(z)·∂z/∂wᵢ = f′(z)·xᵢ, and ∂a/∂b = f′(z)·1.
        dadw1: dadz * p.x1,
        dadw2: dadz * p.x2,
        dadw3: dadz * p.x3,
        dadb: dadz,
        // ∂a/∂xᵢ = f′(z)·wᵢ: the same product with the roles of weight and input swapped.
        dadx1: dadz * p.w1,
        dadx2: dadz * p.w2,
        dadx3: dadz * p.w3,
        // The bias that would put these inputs exactly on the threshold z = 0.
        bAtZero: -(wx1 + wx2 + wx3),
        ...eachAt(z, p.leak, p.alpha),
        curveX: CURVE_X,
        curveF: CURVE_X.map((x) => activate(f, x)),
        curveDf: CURVE_X.map((x) => activationDerivative(f, x)),
      };
    },
  },
});

export default neuronModel;
