/**
 * What an activation does to a normally distributed input: the mean and the variance of its
 * output when the input is X ~ N(μ, s²). Chapter 2's properties table shows them, to show which
 * activations are centred on zero and which are not (and that the answer depends on μ).
 *
 *   E[f(X)]   = ∫ f(x) φ(x) dx,          φ the density of N(μ, s²)
 *   Var[f(X)] = ∫ (f(x) − E[f(X)])² φ(x) dx
 *
 * computed by composite Simpson's rule on [μ − 12s, μ + 12s] (the tails beyond hold less than
 * 1e−32 of the probability), in two pieces split at 0, where ReLU and its relatives have a kink:
 * each piece is then smooth, and Simpson's error falls as the fourth power of the step. With the
 * default 2,000 panels per piece the results agree with the closed forms to better than 1e−10
 * (activation-stats.test.ts), far beyond the four significant digits the chapter prints.
 */
import { activate, type ActivationSpec } from './activations.ts';
import { checkInt, checkRange } from './validate.ts';

export interface OutputMoments {
  /** E[f(X)]. */
  readonly mean: number;
  /** Var[f(X)] = E[(f(X) − E[f(X)])²]. */
  readonly variance: number;
}

const WHERE = 'outputMoments()';
/** How many standard deviations either side of μ the integral covers. */
const REACH = 12;

/** ∫ g over [a, b] by composite Simpson's rule with n (even) panels. */
function simpson(g: (x: number) => number, a: number, b: number, n: number): number {
  if (b <= a) return 0;
  const h = (b - a) / n;
  let sum = g(a) + g(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * g(a + i * h);
  return (sum * h) / 3;
}

/** ∫ g over [lo, hi], split at 0 when 0 lies inside, so that a kink at 0 falls on a node. */
function integrate(g: (x: number) => number, lo: number, hi: number, n: number): number {
  if (lo < 0 && hi > 0) return simpson(g, lo, 0, n) + simpson(g, 0, hi, n);
  return simpson(g, lo, hi, 2 * n);
}

/**
 * The mean and variance of f(X) for X ~ N(mean, sd²).
 * @param panels Simpson panels per piece (even, at least 2); the default is far more than enough.
 */
export function outputMoments(
  spec: ActivationSpec,
  mean = 0,
  sd = 1,
  panels = 2000,
): OutputMoments {
  checkRange(WHERE, 'mean', mean, -1e3, 1e3);
  checkRange(WHERE, 'sd', sd, 0, 1e3, true);
  checkInt(WHERE, 'panels', panels, 2, 1e6);
  const n = panels % 2 === 0 ? panels : panels + 1;
  const f = (x: number): number => activate(spec, x);
  const norm = 1 / (sd * Math.sqrt(2 * Math.PI));
  const density = (x: number): number => norm * Math.exp(-0.5 * ((x - mean) / sd) ** 2);
  const lo = mean - REACH * sd;
  const hi = mean + REACH * sd;
  const m = integrate((x) => f(x) * density(x), lo, hi, n);
  const variance = integrate((x) => (f(x) - m) ** 2 * density(x), lo, hi, n);
  return { mean: m, variance };
}

/**
 * P(X ≤ x) for X ~ N(mean, sd²), by the same Simpson rule over [mean − 12 sd, x]: good to
 * about 1e−11 (activation-stats.test.ts), where the usual closed-form approximations of erf
 * give 1e−7.
 */
export function normalCdf(x: number, mean = 0, sd = 1, panels = 2000): number {
  checkRange('normalCdf()', 'mean', mean, -1e3, 1e3);
  checkRange('normalCdf()', 'sd', sd, 0, 1e3, true);
  checkInt('normalCdf()', 'panels', panels, 2, 1e6);
  const n = panels % 2 === 0 ? panels : panels + 1;
  const lo = mean - REACH * sd;
  const hi = mean + REACH * sd;
  if (!(x > lo)) return 0;
  if (x >= hi) return 1;
  const norm = 1 / (sd * Math.sqrt(2 * Math.PI));
  return simpson((t) => norm * Math.exp(-0.5 * ((t - mean) / sd) ** 2), lo, x, n);
}
