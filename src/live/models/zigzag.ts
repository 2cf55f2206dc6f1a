/**
 * Chapter 3's model: a linear neuron with two weights (w0, w1) learning y = w*·x by gradient
 * descent, from inputs that are a previous layer's outputs, sigmoid (all positive) or tanh
 * (centred). The page shows two instances side by side, `zigzag` (sigmoid) and `zigzag-tanh`,
 * with the same start, learning rate and mode (src/engine/zigzag.ts has the experiment).
 *
 * The cheap values are the descent itself (path, steps to ε, same-sign and mixed steps) and the
 * loss's curvature; the contours' grid runs in the page's compute worker.
 */
import { descend, hessian, lossGrid, zigzagData, type InputKind } from '../../engine/zigzag.ts';
import { defineModel } from '../model.ts';

/** The optimum: w0 must grow and w1 shrink from any start in the upper-left of the plot. */
const TARGET = [1, -1] as const;
/** The window the contours cover, in (w0, w1). */
export const WINDOW = Object.freeze({ w0: [-1.5, 2.5] as const, w1: [-2.5, 1.5] as const });
/** The contours' grid: 61 × 61 points. */
export const GRID = 61;
/** Path points kept for drawing, at most. */
const MAX_POINTS = 2000;

const INPUTS = {
  sigmoid: 'sigmoid outputs (all positive)',
  tanh: 'tanh outputs (centred)',
} as const;

/** The data for one kind of input: the same underlying samples for both kinds (seed 7). */
const DATA = {
  sigmoid: zigzagData('sigmoid', TARGET),
  tanh: zigzagData('tanh', TARGET),
} as const;

/** The eigenvalues of the 2 × 2 symmetric curvature [h00 h01; h01 h11], largest first. */
function eigenvalues([h00, h01, h11]: [number, number, number]): [number, number] {
  const mid = (h00 + h11) / 2;
  const radius = Math.hypot((h00 - h11) / 2, h01);
  return [mid + radius, mid - radius];
}

export const zigzagModel = defineModel({
  name: 'zigzag',
  params: {
    inputs: { kind: 'choice', label: 'inputs', default: 'sigmoid', options: INPUTS },
    w0: { label: 'starting weight w0', default: 0, min: -1.5, max: 2.5, step: 0.1 },
    w1: { label: 'starting weight w1', default: 0, min: -2.5, max: 1.5, step: 0.1 },
    eta: { label: 'learning rate η', default: 0.5, min: 0.01, max: 2, step: 0.01 },
    batch: { kind: 'boolean', label: 'full-batch steps', default: false },
    steps: {
      label: 'steps at most',
      default: 2000,
      min: 1,
      max: 20000,
      step: 1,
      integer: true,
    },
    epsilon: { label: 'distance ε', default: 0.05, min: 0.001, max: 0.5, step: 0.001 },
  },
  values: {
    numbers: [
      'stepsToEps',
      'arrived',
      'sameSign',
      'mixed',
      'endW0',
      'endW1',
      'targetW0',
      'targetW1',
      'lambdaMax',
      'lambdaMin',
      'condition',
    ],
    arrays: ['path'],
    derive(p) {
      const kind: InputKind = p.inputs;
      const data = DATA[kind];
      const r = descend(data, {
        eta: p.eta,
        mode: p.batch ? 'batch' : 'example',
        start: [p.w0, p.w1],
        target: TARGET,
        epsilon: p.epsilon,
        maxSteps: p.steps,
        maxPoints: MAX_POINTS,
      });
      const [lambdaMax, lambdaMin] = eigenvalues(hessian(data));
      const arrived = r.stepsToEpsilon <= p.steps;
      return {
        // Steps to within ε, or the cap when it did not get there (`arrived` says which).
        stepsToEps: arrived ? r.stepsToEpsilon : p.steps,
        arrived: arrived ? 1 : 0,
        sameSign: r.sameSignSteps,
        mixed: r.mixedSteps,
        endW0: r.path[r.path.length - 2] ?? p.w0,
        endW1: r.path[r.path.length - 1] ?? p.w1,
        targetW0: TARGET[0],
        targetW1: TARGET[1],
        lambdaMax,
        lambdaMin,
        condition: lambdaMax / lambdaMin,
        path: r.path,
      };
    },
  },
  groups: {
    contours: {
      runs: 'worker',
      numbers: ['lossMax'],
      arrays: ['grid'],
      derive(p) {
        const grid = lossGrid(DATA[p.inputs], WINDOW.w0, WINDOW.w1, GRID, GRID);
        return { grid, lossMax: Math.max(...grid) };
      },
    },
  },
});

export default zigzagModel;
