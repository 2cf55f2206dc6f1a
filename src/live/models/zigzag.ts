/**
 * Chapter 3's model: a linear neuron with two weights (w0, w1) learning y = w*·x by gradient
 * descent, from inputs that are a previous layer's outputs (sigmoid: all positive; tanh, ELU) or
 * one of the remedies (src/engine/zigzag.ts has the experiment). The page shows two instances
 * side by side, `zigzag` (sigmoid) and `zigzag-tanh`; the widget keeps their start, learning rate,
 * mode, step limit and ε the same (src/widgets/zigzag/).
 *
 * The cheap values are the descent itself and the loss's curvature. Two groups run in the page's
 * compute worker: the contours' grid, and the search for the learning rate that arrives soonest.
 */
import {
  DIVERGED,
  descend,
  hessian,
  lossGrid,
  zigzagData,
  type InputKind,
} from '../../engine/zigzag.ts';
import { defineModel, type ParamValues } from '../model.ts';

/** The optimum: w0 must grow and w1 shrink from any start in the upper-left of the plot. */
export const TARGET = [1, -1] as const;
/** The window the contours cover, in (w0, w1). */
export const WINDOW = Object.freeze({ w0: [-1.5, 2.5] as const, w1: [-2.5, 1.5] as const });
/** The contours' grid: 61 × 61 points. */
export const GRID = 61;
/** Path points kept for drawing, at most. */
const MAX_POINTS = 2000;

/**
 * The learning rates the search tries: round numbers a reader can type, from 0.01 to 40, about
 * 16 to a factor of ten (1, 1.2, 1.4, …, 9, then 10, 12, …).
 */
const MANTISSAS = [1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9];
export const ETA_GRID: readonly number[] = [0.01, 0.1, 1, 10]
  .flatMap((decade) => MANTISSAS.map((m) => Math.round(m * decade * 1000) / 1000))
  .filter((eta) => eta <= 40);

export const INPUTS = {
  sigmoid: 'sigmoid outputs (all positive)',
  tanh: 'tanh outputs (centred)',
  elu: 'ELU outputs',
  centred: 'sigmoid outputs, centred',
  standardised: 'sigmoid outputs, standardised',
  unequal: 'tanh outputs, one scaled by ¼',
} as const satisfies Record<InputKind, string>;

/** The data for each kind of input: the same underlying samples for all (seed 7). */
const DATA = Object.fromEntries(
  (Object.keys(INPUTS) as InputKind[]).map((kind) => [kind, zigzagData(kind, TARGET)]),
) as Record<InputKind, ReturnType<typeof zigzagData>>;

/** The eigenvalues of the 2 × 2 symmetric curvature [h00 h01; h01 h11], largest first. */
function eigenvalues([h00, h01, h11]: [number, number, number]): [number, number] {
  const mid = (h00 + h11) / 2;
  const radius = Math.hypot((h00 - h11) / 2, h01);
  return [mid + radius, mid - radius];
}

interface Run {
  readonly inputs: InputKind;
  readonly w0: number;
  readonly w1: number;
  readonly eta: number;
  readonly batch: boolean;
  readonly steps: number;
  readonly epsilon: number;
}

const run = (p: Run, eta = p.eta, maxPoints = MAX_POINTS) =>
  descend(DATA[p.inputs], {
    eta,
    mode: p.batch ? 'batch' : 'example',
    start: [p.w0, p.w1],
    target: TARGET,
    epsilon: p.epsilon,
    maxSteps: p.steps,
    maxPoints,
  });

/**
 * Which quadrants one example's step can point into: ±xᵢ lies in the first or third quadrant
 * when x0·x1 > 0, in the second or fourth when x0·x1 < 0. 1: only the first and third (every
 * step moves both weights the same way); 2: only the second and fourth; 3: both pairs.
 */
function quadrants(kind: InputKind): number {
  const { xs, n } = DATA[kind];
  let same = false;
  let opposite = false;
  for (let i = 0; i < n; i++) {
    const product = xs[2 * i]! * xs[2 * i + 1]!;
    if (product > 0) same = true;
    if (product < 0) opposite = true;
  }
  return (same ? 1 : 0) + (opposite ? 2 : 0);
}

export const zigzagModel = defineModel({
  name: 'zigzag',
  params: {
    inputs: { kind: 'choice', label: 'inputs', default: 'sigmoid', options: INPUTS },
    w0: { label: 'starting weight w0', default: 0, min: -1.5, max: 2.5, step: 0.1 },
    w1: { label: 'starting weight w1', default: 0, min: -2.5, max: 1.5, step: 0.1 },
    eta: { label: 'learning rate η', default: 0.5, min: 0.01, max: 40, step: 0.01 },
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
      'diverged',
      'sameSign',
      'mixed',
      'endW0',
      'endW1',
      'targetW0',
      'targetW1',
      'lambdaMax',
      'lambdaMin',
      'condition',
      'etaLimit',
      'steepFactor',
      'flatFactor',
      'quadrants',
      'x0a',
      'x1a',
      'ya',
      'deltaA',
      'gradA0',
      'gradA1',
      'x0b',
      'x1b',
      'yb',
      'secondDw1',
      'examples',
      'etaLow',
      'etaHigh',
    ],
    arrays: ['path'],
    derive(p) {
      const r = run(p);
      const [lambdaMax, lambdaMin] = eigenvalues(hessian(DATA[p.inputs]));
      const arrived = r.stepsToEpsilon <= p.steps;
      // The path stops where the weights passed DIVERGED; the plot clips it to its window.
      const path = r.path.map((w) => Math.max(-DIVERGED, Math.min(DIVERGED, w)));
      return {
        // Steps to within ε, or the steps taken when it did not get there (`arrived` says which).
        stepsToEps: arrived ? r.stepsToEpsilon : r.divergedAt || p.steps,
        arrived: arrived ? 1 : 0,
        diverged: r.divergedAt > 0 ? 1 : 0,
        sameSign: r.sameSignSteps,
        mixed: r.mixedSteps,
        endW0: Math.max(-DIVERGED, Math.min(DIVERGED, r.end[0])),
        endW1: Math.max(-DIVERGED, Math.min(DIVERGED, r.end[1])),
        targetW0: TARGET[0],
        targetW1: TARGET[1],
        lambdaMax,
        lambdaMin,
        condition: lambdaMax / lambdaMin,
        // Full-batch descent on a quadratic diverges for η > 2 / λmax.
        etaLimit: 2 / lambdaMax,
        // What one full-batch step at this η multiplies the distance to the optimum by, along
        // the steepest and the flattest axis of the bowl.
        steepFactor: 1 - p.eta * lambdaMax,
        flatFactor: 1 - p.eta * lambdaMin,
        quadrants: quadrants(p.inputs),
        ...firstSteps(p),
        // What the chapter says of the experiment: its size, and the rates the search tries.
        examples: DATA[p.inputs].n,
        etaLow: ETA_GRID[0] ?? 0,
        etaHigh: ETA_GRID.at(-1) ?? 0,
        path,
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
    tuning: {
      runs: 'worker',
      numbers: ['bestEta', 'bestSteps', 'bestArrived'],
      derive(p) {
        return bestRate(p);
      },
    },
  },
});

/**
 * The first two per-example steps from the start, spelled out for the chapter's derivation and
 * its exercise, whatever the mode: example a (the first) and example b (the second), their inputs
 * and targets, a's shared factor δ = −(y − w·x) and gradient δ·x at the start, and the change in
 * w1 that the second step, on example b, makes.
 */
function firstSteps(p: Run) {
  const { xs, ys } = DATA[p.inputs];
  const [x0a, x1a, x0b, x1b] = [xs[0]!, xs[1]!, xs[2]!, xs[3]!];
  const [ya, yb] = [ys[0]!, ys[1]!];
  const deltaA = -(ya - p.w0 * x0a - p.w1 * x1a);
  const [w0, w1] = [p.w0 - p.eta * deltaA * x0a, p.w1 - p.eta * deltaA * x1a];
  const deltaB = -(yb - w0 * x0b - w1 * x1b);
  return {
    x0a,
    x1a,
    ya,
    deltaA,
    gradA0: deltaA * x0a,
    gradA1: deltaA * x1a,
    x0b,
    x1b,
    yb,
    secondDw1: -p.eta * deltaB * x1b,
  };
}

/**
 * The learning rate of ETA_GRID that brings this start within ε in the fewest steps, in this
 * mode: the fair comparison of two kinds of input is at each one's best rate. bestArrived is 0
 * when no rate of the grid arrives within the step limit (bestSteps is then the limit).
 */
export function bestRate(p: Run | ParamValues): {
  bestEta: number;
  bestSteps: number;
  bestArrived: number;
} {
  const params = p as Run;
  let bestEta = params.eta;
  let bestSteps = Infinity;
  for (const eta of ETA_GRID) {
    const steps = run(params, eta, 1).stepsToEpsilon;
    if (steps <= params.steps && steps < bestSteps) {
      bestSteps = steps;
      bestEta = eta;
    }
  }
  const arrived = Number.isFinite(bestSteps);
  return { bestEta, bestSteps: arrived ? bestSteps : params.steps, bestArrived: arrived ? 1 : 0 };
}

export default zigzagModel;
