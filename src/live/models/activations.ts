/**
 * Chapter 2's model: the five activations side by side. The explorer plots the chosen one and
 * its slope over [−4, 4] and reads both at a point x; the properties table gives, for each
 * activation, the largest slope, the lower end of the output range where it depends on a
 * parameter, and the mean and variance of the output when the input is normal, N(μ, s²), with a
 * mean μ and a spread s the reader sets. The sigmoid section's scaled sigmoid σ(kx) and the
 * identity tanh(x) = 2σ(2x) − 1 are computed here too, so that the page prints them, never types
 * them.
 */
import { activate, activationDerivative, type ActivationSpec } from '../../engine/activations.ts';
import { normalCdf, outputMoments } from '../../engine/activation-stats.ts';
import { ACTIVATIONS, EACH_ACTIVATION, activationSpec } from '../activation-options.ts';
import { defineModel } from '../model.ts';

type Row = (typeof EACH_ACTIVATION)[number][0];

/**
 * Simpson panels per piece for the moments: 500 keeps them within 1e−8 of the closed forms
 * (activations.test.ts), far inside the four significant digits the table prints, in a quarter
 * of the time of outputMoments()' default.
 */
const PANELS = 500;

/**
 * A moment rounded to 10 decimal places, which the table's four significant digits never reach:
 * tanh's mean at μ = 0 is exactly 0 by symmetry, and its rounding residue (−3.1e−17) would
 * otherwise print in scientific notation.
 */
const settle = (x: number): number => Math.round(x * 1e10) / 1e10 + 0;

/** The largest slope of each activation over the reals (ELU's, for α > 1, is approached at 0⁻). */
function maxSlope(row: Row, leak: number, alpha: number): number {
  switch (row) {
    case 'sigmoid':
      return 0.25;
    case 'tanh':
    case 'relu':
      return 1;
    case 'leaky':
      return Math.max(1, leak);
    case 'elu':
      return Math.max(1, alpha);
  }
}

type Table = Record<`${'mean' | 'var' | 'maxd'}_${Row}`, number>;

/**
 * The table for one μ, s, a and α. It takes a few milliseconds, so the last one is kept: moving
 * x, or choosing another activation for the explorer, does not recompute it.
 */
let last: { key: string; table: Table } | undefined;
function table(mu: number, sd: number, leak: number, alpha: number): Table {
  const key = `${mu} ${sd} ${leak} ${alpha}`;
  if (last?.key === key) return last.table;
  const out: Record<string, number> = {};
  for (const [row, option] of EACH_ACTIVATION) {
    const { mean, variance } = outputMoments(activationSpec(option, leak, alpha), mu, sd, PANELS);
    out[`mean_${row}`] = settle(mean);
    out[`var_${row}`] = settle(variance);
    out[`maxd_${row}`] = maxSlope(row, leak, alpha);
  }
  last = { key, table: out as Table };
  return last.table;
}

/** A mean for a standard normal input, as the prose quotes it. */
const standardMean = (f: ActivationSpec): number => settle(outputMoments(f, 0, 1, PANELS).mean);

/** The α at which ELU's mean output is zero for a standard normal input (about 1.673). */
function eluZeroAlpha(): number {
  const relu = standardMean('relu');
  return -relu / (standardMean({ id: 'elu', alpha: 1 }) - relu);
}

/** Where the explorer samples its curves: 161 points from −4 to 4, every 0.05. */
const CURVE_X = Float64Array.from({ length: 161 }, (_, i) => (i - 80) / 20);

const sigmoid = (x: number): number => activate('sigmoid', x);

export const activationsModel = defineModel({
  name: 'activations',
  params: {
    act: {
      kind: 'choice',
      label: 'activation function',
      default: 'sigmoid',
      options: ACTIVATIONS,
    },
    x: { label: 'input x', default: 2, min: -4, max: 4, step: 0.1 },
    // 0.1, not the usual 0.01, so that the slope on the left is visible in a plot. At least
    // 0.01: at 0 leaky ReLU would be ReLU, and the table's words about it would be false.
    leak: { label: 'leaky ReLU slope a', default: 0.1, min: 0.01, max: 0.5, step: 0.01 },
    alpha: { label: 'ELU α', default: 1, min: 0.1, max: 3, step: 0.1 },
    k: { label: 'sigmoid steepness k', default: 1, min: 0.1, max: 10, step: 0.1 },
    mu: { label: 'input mean μ', default: 0, min: -3, max: 3, step: 0.1 },
    sd: { label: 'input standard deviation s', default: 1, min: 0.1, max: 3, step: 0.1 },
  },
  values: {
    numbers: [
      'fx',
      'dfx',
      'sigx',
      'dsigx',
      'sigkx',
      'dsigk0',
      'tanhx',
      'dtanhx',
      'sig2x',
      'tanhViaSigmoid',
      'tanhGap',
      'reluZeros',
      'stdmean_relu',
      'stdmean_leaky',
      'stdmean_elu',
      'eluZeroAlpha',
      'tanhQuarterX',
      'dsig5',
      'dtanh5',
      'eluMin',
      ...EACH_ACTIVATION.flatMap(([row]) => [`mean_${row}`, `var_${row}`, `maxd_${row}`] as const),
    ],
    arrays: ['curveX', 'curveF', 'curveDf'],
    derive(p) {
      const f = activationSpec(p.act, p.leak, p.alpha);
      const sig2x = sigmoid(2 * p.x);
      const tanhx = activate('tanh', p.x);
      const tanhViaSigmoid = 2 * sig2x - 1;
      return {
        fx: activate(f, p.x),
        dfx: activationDerivative(f, p.x),
        sigx: sigmoid(p.x),
        dsigx: activationDerivative('sigmoid', p.x),
        // The scaled sigmoid σ(x; k) = 1/(1 + e^(−kx)) and its slope at 0, k·σ(0)(1 − σ(0)).
        sigkx: sigmoid(p.k * p.x),
        dsigk0: p.k / 4,
        tanhx,
        dtanhx: activationDerivative('tanh', p.x),
        sig2x,
        tanhViaSigmoid,
        // Zero in exact arithmetic; in floating point, a rounding error or two.
        tanhGap: Math.abs(tanhx - tanhViaSigmoid),
        // ReLU outputs exactly 0 for every input at or below 0: P(X ≤ 0) for X ~ N(μ, s²).
        reluZeros: settle(normalCdf(0, p.mu, p.sd, PANELS)),
        eluMin: -p.alpha,
        // The three means for a standard normal input whatever μ and s are, for the prose that
        // corrects the notes' "leaky ReLU is zero-centred".
        stdmean_relu: standardMean('relu'),
        stdmean_leaky: standardMean({ id: 'leakyRelu', a: p.leak }),
        stdmean_elu: standardMean({ id: 'elu', alpha: p.alpha }),
        // ELU's mean for a standard normal input is linear in α, φ(0) + α·c with c < 0, so it is
        // zero at α = −φ(0)/c, where c is the mean at α = 1 less ReLU's mean φ(0).
        eluZeroAlpha: eluZeroAlpha(),
        // Where tanh's slope falls to sigmoid's largest, ¼: 1 − tanh²x = ¼, so tanh x = √3/2 and
        // x = artanh(√3/2) = ln(2 + √3), about 1.317.
        tanhQuarterX: Math.atanh(Math.sqrt(3) / 2),
        // The slopes far from 0, where sigmoid and tanh saturate.
        dsig5: activationDerivative('sigmoid', 5),
        dtanh5: activationDerivative('tanh', 5),
        ...table(p.mu, p.sd, p.leak, p.alpha),
        curveX: CURVE_X,
        curveF: CURVE_X.map((x) => activate(f, x)),
        curveDf: CURVE_X.map((x) => activationDerivative(f, x)),
      };
    },
  },
});

export default activationsModel;
