/**
 * Chapter 3's experiment: one linear neuron with two weights, ŷ = w0·x0 + w1·x1, learning the
 * targets y = w*·x of a fixed set of examples by gradient descent on
 *
 *   L(w) = (1/2n) Σᵢ (yᵢ − w·xᵢ)²,      ∂L/∂wⱼ = −(1/n) Σᵢ (yᵢ − w·xᵢ)·xᵢⱼ.
 *
 * The inputs are the outputs of a previous layer: σ(u) (all positive) or tanh(u) (centred), for
 * the same underlying u ~ N(0, 1)². One example's gradient is its input vector times one shared
 * factor −(yᵢ − w·xᵢ), so with sigmoid inputs every per-example step moves both weights up or both
 * down: it points into the first or the third quadrant. The targets need no noise: the optimum is
 * exactly w*, and both per-example and full-batch descent converge to it.
 *
 * The loss is a quadratic, L(w) = ½ (w − w*)ᵀ H (w − w*) with H = (1/n) Σ xᵢxᵢᵀ, which the
 * contours and the tests use.
 */
import { tanh } from './activations.ts';
import { mulberry32 } from './rng.ts';
import { checkInt, checkRange } from './validate.ts';

/**
 * Where the two inputs come from. The first three are a previous layer's activations of the same
 * u ~ N(0, 1)²; the last three are the remedies the chapter tests against the sigmoid case:
 * - 'centred': sigmoid outputs minus their mean over the data (LeCun et al. 1998, §4.3);
 * - 'standardised': those, divided by their standard deviation too: what batch normalisation
 *   does to each unit's input before its learned scale and shift;
 * - 'unequal': tanh outputs with the second scaled by 1/4, centred but ill-conditioned.
 */
export type InputKind = 'sigmoid' | 'tanh' | 'elu' | 'centred' | 'standardised' | 'unequal';

export const INPUT_KINDS: readonly InputKind[] = [
  'sigmoid',
  'tanh',
  'elu',
  'centred',
  'standardised',
  'unequal',
];

export interface ZigzagData {
  /** xs[2i], xs[2i + 1]: example i's two inputs. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly n: number;
}

const sigmoid = (u: number): number => 1 / (1 + Math.exp(-u));
const elu = (u: number): number => (u > 0 ? u : Math.expm1(u));

/** Each column of xs (n × 2) shifted to mean 0 and, if `scale`, to standard deviation 1. */
function standardise(xs: Float64Array, n: number, scale: boolean): void {
  for (let j = 0; j < 2; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += xs[2 * i + j]! / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (xs[2 * i + j]! - mean) ** 2 / n;
    const sd = scale && variance > 0 ? Math.sqrt(variance) : 1;
    for (let i = 0; i < n; i++) xs[2 * i + j] = (xs[2 * i + j]! - mean) / sd;
  }
}

/**
 * n examples: u ~ N(0, 1)² from a seeded generator, x from u as `kind` says, y = w*·x. Every kind
 * uses the same u for the same seed, so they differ only in what is done to it.
 */
export function zigzagData(
  kind: InputKind,
  target: readonly [number, number],
  n = 32,
  seed = 7,
): ZigzagData {
  checkInt('zigzagData()', 'n', n, 2, 10_000);
  const rng = mulberry32(seed);
  const f = kind === 'tanh' || kind === 'unequal' ? tanh : kind === 'elu' ? elu : sigmoid;
  const xs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    xs[2 * i] = f(rng.normal());
    xs[2 * i + 1] = f(rng.normal()) * (kind === 'unequal' ? 0.25 : 1);
  }
  if (kind === 'centred' || kind === 'standardised') standardise(xs, n, kind === 'standardised');
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) ys[i] = target[0] * xs[2 * i]! + target[1] * xs[2 * i + 1]!;
  return { xs, ys, n };
}

/** H = (1/n) Σ xᵢxᵢᵀ as [h00, h01, h11]: the loss's curvature. */
export function hessian(data: ZigzagData): [number, number, number] {
  let h00 = 0;
  let h01 = 0;
  let h11 = 0;
  for (let i = 0; i < data.n; i++) {
    const x0 = data.xs[2 * i]!;
    const x1 = data.xs[2 * i + 1]!;
    h00 += x0 * x0;
    h01 += x0 * x1;
    h11 += x1 * x1;
  }
  return [h00 / data.n, h01 / data.n, h11 / data.n];
}

/** The loss at w. */
export function zigzagLoss(data: ZigzagData, w0: number, w1: number): number {
  let sum = 0;
  for (let i = 0; i < data.n; i++) {
    const r = data.ys[i]! - w0 * data.xs[2 * i]! - w1 * data.xs[2 * i + 1]!;
    sum += r * r;
  }
  return sum / (2 * data.n);
}

export interface DescentOptions {
  readonly eta: number;
  /** 'example': one example per step, in order 0, 1, …, n − 1, 0, …; 'batch': all of them. */
  readonly mode: 'example' | 'batch';
  readonly start: readonly [number, number];
  readonly target: readonly [number, number];
  /** Distance to the optimum w* that counts as arrived. */
  readonly epsilon: number;
  /** Steps at most. */
  readonly maxSteps: number;
  /** Points kept for the drawn path, at most (the first ones; the path ends where it arrives). */
  readonly maxPoints?: number;
}

export interface DescentResult {
  /** The path: path[2k], path[2k + 1] are w0, w1 after k steps (k = 0 is the start). */
  readonly path: Float64Array;
  /** Steps taken until within epsilon of w*; maxSteps + 1 if it never got there. */
  readonly stepsToEpsilon: number;
  /** Of the steps drawn, how many moved both weights the same way (both up or both down). */
  readonly sameSignSteps: number;
  /** Of the steps drawn, how many moved them opposite ways. */
  readonly mixedSteps: number;
  /**
   * The step after which a weight passed DIVERGED in size (η too large for the curvature), and
   * the descent stopped there; 0 if it never did.
   */
  readonly divergedAt: number;
  /** Where the descent ended (the path may stop earlier, at maxPoints). */
  readonly end: readonly [number, number];
}

/** A weight this large means the descent has diverged: it stops before overflowing to ∞. */
export const DIVERGED = 1e6;

/** Gradient descent from `start`, per example or per batch, until within ε of w* or maxSteps. */
export function descend(data: ZigzagData, options: DescentOptions): DescentResult {
  const where = 'descend()';
  checkRange(where, 'eta', options.eta, 0, 100, true);
  checkRange(where, 'epsilon', options.epsilon, 0, 100, true);
  checkInt(where, 'maxSteps', options.maxSteps, 1, 1_000_000);
  const maxPoints = options.maxPoints ?? options.maxSteps + 1;
  let [w0, w1] = options.start;
  const [t0, t1] = options.target;
  const points: number[] = [w0, w1];
  let sameSign = 0;
  let mixed = 0;
  let steps = options.maxSteps + 1;
  let divergedAt = 0;
  const near = (a: number, b: number) => Math.hypot(a - t0, b - t1) <= options.epsilon;
  if (near(w0, w1)) steps = 0;
  for (let k = 0; k < options.maxSteps && steps > options.maxSteps; k++) {
    let g0 = 0;
    let g1 = 0;
    if (options.mode === 'example') {
      const i = k % data.n;
      const x0 = data.xs[2 * i]!;
      const x1 = data.xs[2 * i + 1]!;
      const r = data.ys[i]! - w0 * x0 - w1 * x1;
      g0 = -r * x0;
      g1 = -r * x1;
    } else {
      for (let i = 0; i < data.n; i++) {
        const x0 = data.xs[2 * i]!;
        const x1 = data.xs[2 * i + 1]!;
        const r = data.ys[i]! - w0 * x0 - w1 * x1;
        g0 -= (r * x0) / data.n;
        g1 -= (r * x1) / data.n;
      }
    }
    const d0 = -options.eta * g0;
    const d1 = -options.eta * g1;
    w0 += d0;
    w1 += d1;
    if (points.length / 2 < maxPoints) {
      points.push(w0, w1);
      if (d0 * d1 > 0) sameSign++;
      else if (d0 * d1 < 0) mixed++;
    }
    if (near(w0, w1)) steps = k + 1;
    if (!(Math.abs(w0) < DIVERGED && Math.abs(w1) < DIVERGED)) {
      divergedAt = k + 1;
      break;
    }
  }
  return {
    path: Float64Array.from(points),
    stepsToEpsilon: steps,
    sameSignSteps: sameSign,
    mixedSteps: mixed,
    divergedAt,
    end: [w0, w1],
  };
}

/** L on a grid over [w0lo, w0hi] × [w1lo, w1hi], row-major by w1 then w0, for contours. */
export function lossGrid(
  data: ZigzagData,
  w0Range: readonly [number, number],
  w1Range: readonly [number, number],
  columns: number,
  rows: number,
): Float64Array {
  checkInt('lossGrid()', 'columns', columns, 2, 1000);
  checkInt('lossGrid()', 'rows', rows, 2, 1000);
  // L is quadratic: ½ (w − w*)ᵀ H (w − w*) plus a constant, so it needs H, Σ xᵢyᵢ and Σ yᵢ².
  const [h00, h01, h11] = hessian(data);
  let b0 = 0;
  let b1 = 0;
  let c = 0;
  for (let i = 0; i < data.n; i++) {
    const y = data.ys[i]!;
    b0 += (y * data.xs[2 * i]!) / data.n;
    b1 += (y * data.xs[2 * i + 1]!) / data.n;
    c += (y * y) / data.n;
  }
  const out = new Float64Array(columns * rows);
  for (let r = 0; r < rows; r++) {
    const w1 = w1Range[0] + ((w1Range[1] - w1Range[0]) * r) / (rows - 1);
    for (let col = 0; col < columns; col++) {
      const w0 = w0Range[0] + ((w0Range[1] - w0Range[0]) * col) / (columns - 1);
      // (1/2n) Σ (y − w·x)² = ½ (c − 2 w·b + wᵀ H w).
      out[r * columns + col] =
        0.5 * (c - 2 * (w0 * b0 + w1 * b1) + h00 * w0 * w0 + 2 * h01 * w0 * w1 + h11 * w1 * w1);
    }
  }
  return out;
}
