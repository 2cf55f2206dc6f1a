/**
 * Chapter 4's shape checker: a feedforward network's layer sizes M₀ (the input) to M_L, and what
 * they make: W^(l) is M_l × M_(l−1) and b^(l) has M_l entries, so layer l has M_l·M_(l−1) + M_l
 * parameters. Up to four layers of weights; `layers` says how many are in use, and the sizes of
 * the layers past it are ignored (their counts are 0).
 */
import { defineModel } from '../model.ts';

export const MAX_LAYERS = 4;
const size = (label: string, value: number) => ({
  label,
  default: value,
  min: 1,
  max: 10_000,
  step: 1,
  integer: true,
});

export const shapesModel = defineModel({
  name: 'shapes',
  params: {
    layers: {
      label: 'layers of weights L',
      default: 2,
      min: 1,
      max: MAX_LAYERS,
      step: 1,
      integer: true,
    },
    m0: size('inputs M₀', 784),
    m1: size('units in layer 1, M₁', 100),
    m2: size('units in layer 2, M₂', 10),
    m3: size('units in layer 3, M₃', 10),
    m4: size('units in layer 4, M₄', 10),
  },
  values: {
    numbers: ['w1', 'w2', 'w3', 'w4', 'p1', 'p2', 'p3', 'p4', 'total', 'outputs'],
    derive(p) {
      const m = [p.m0, p.m1, p.m2, p.m3, p.m4];
      const used = (l: number) => l <= p.layers;
      // Weights in W^(l), and all of layer l's parameters with its biases.
      const w = (l: number) => (used(l) ? m[l]! * m[l - 1]! : 0);
      const params = (l: number) => (used(l) ? w(l) + m[l]! : 0);
      return {
        w1: w(1),
        w2: w(2),
        w3: w(3),
        w4: w(4),
        p1: params(1),
        p2: params(2),
        p3: params(3),
        p4: params(4),
        total: params(1) + params(2) + params(3) + params(4),
        outputs: m[p.layers]!,
      };
    },
  },
});

export default shapesModel;
