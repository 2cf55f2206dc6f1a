/**
 * The work of computing a gradient three ways, for a dense sigmoid network whose size the
 * reader chooses: the backpropagation chapter's "why reverse order is cheap". Counts come from
 * engine/work.ts, in graph operations (one node evaluated, or one multiply-add along an edge).
 */
import { gradientWork } from '../../engine/work.ts';
import { defineModel } from '../model.ts';

const NUMBERS = [
  ...['params', 'forward', 'reverse', 'forwardMode', 'central'],
  // How many forward passes' worth of work each method costs.
  ...['reversePasses', 'forwardModePasses', 'centralPasses'],
] as const;

export const workModel = defineModel({
  name: 'work',
  params: {
    inputs: {
      label: 'inputs to the network',
      default: 784,
      min: 1,
      max: 10000,
      step: 1,
      integer: true,
    },
    width: {
      label: 'neurons in each hidden layer',
      default: 100,
      min: 1,
      max: 10000,
      step: 1,
      integer: true,
    },
    layers: { label: 'hidden layers', default: 2, min: 1, max: 50, step: 1, integer: true },
    outputs: { label: 'outputs', default: 10, min: 1, max: 10000, step: 1, integer: true },
  },
  values: {
    numbers: NUMBERS,
    derive(p) {
      const sizes = [p.inputs, ...Array.from({ length: p.layers }, () => p.width), p.outputs];
      const w = gradientWork(sizes);
      return {
        params: w.params,
        forward: w.forward,
        reverse: w.reverse,
        forwardMode: w.forwardMode,
        central: w.centralDifferences,
        reversePasses: w.reverse / w.forward,
        forwardModePasses: w.forwardMode / w.forward,
        // Exactly two passes a parameter; dividing the counts would add rounding.
        centralPasses: 2 * w.params,
      };
    },
  },
});

export default workModel;
