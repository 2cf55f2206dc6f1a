/**
 * Display metadata for each activation: name, formulas (KaTeX), output range, saturation,
 * maximum derivative and zero-centring, as the activation chapters show them.
 */
import { resolveActivation } from './activations.ts';
import type { ActivationId, ActivationSpec } from './activations.ts';

/** An interval; infinite ends are always open. */
export interface OutputRange {
  readonly min: number;
  readonly max: number;
  readonly minClosed: boolean;
  readonly maxClosed: boolean;
}

export interface ActivationInfo {
  readonly id: ActivationId;
  /** Parameter value (a or α) or 0. */
  readonly param: number;
  readonly name: string;
  /** KaTeX-ready definition. */
  readonly formula: string;
  /** KaTeX-ready derivative. */
  readonly derivativeFormula: string;
  /** Mathematical output range (in float64, σ(40) already rounds to exactly 1). */
  readonly range: OutputRange;
  /** Which tails go flat (derivative → 0): 'both', 'one' or 'none'. */
  readonly saturates: 'both' | 'one' | 'none';
  /** sup of f' over the reals (for ELU with α > 1 approached as x → 0⁻, not attained). */
  readonly maxDerivative: number;
  /** True when the output range is symmetric about 0, so outputs of both signs are equally possible. */
  readonly zeroCentred: boolean;
}

const INF = Number.POSITIVE_INFINITY;

/** Display metadata for an activation (parameter-dependent entries use the spec's parameter). */
export function activationInfo(spec: ActivationSpec): ActivationInfo {
  const r = resolveActivation(spec, 'activationInfo()');
  const base = { id: r.id, param: r.param };
  const range = (min: number, max: number, minClosed: boolean, maxClosed: boolean) => ({
    min,
    max,
    minClosed,
    maxClosed,
  });
  switch (r.id) {
    case 'sigmoid':
      return {
        ...base,
        name: 'Sigmoid (logistic)',
        formula: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}`,
        derivativeFormula: String.raw`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)`,
        range: range(0, 1, false, false),
        saturates: 'both',
        maxDerivative: 0.25, // at x = 0: σ(0)(1 − σ(0)) = ½·½
        zeroCentred: false,
      };
    case 'tanh':
      return {
        ...base,
        name: 'Hyperbolic tangent',
        formula: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
        derivativeFormula: String.raw`\tanh'(x) = 1 - \tanh^2(x)`,
        range: range(-1, 1, false, false),
        saturates: 'both',
        maxDerivative: 1, // at x = 0
        zeroCentred: true,
      };
    case 'relu':
      return {
        ...base,
        name: 'ReLU',
        formula: String.raw`\operatorname{ReLU}(x) = \max(0, x)`,
        derivativeFormula: String.raw`\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}`,
        range: range(0, INF, true, false),
        saturates: 'one',
        maxDerivative: 1,
        zeroCentred: false,
      };
    case 'leakyRelu':
      return {
        ...base,
        name: 'Leaky ReLU',
        formula: String.raw`f(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}`,
        derivativeFormula: String.raw`f'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}`,
        // With a = 0 it is ReLU again: bounded below and flat on the left.
        range: r.param > 0 ? range(-INF, INF, false, false) : range(0, INF, true, false),
        saturates: r.param > 0 ? 'none' : 'one',
        maxDerivative: Math.max(1, r.param),
        zeroCentred: false,
      };
    case 'elu':
      return {
        ...base,
        name: 'ELU',
        formula: String.raw`f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
        derivativeFormula: String.raw`f'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}`,
        range: range(-r.param, INF, false, false),
        saturates: 'one',
        maxDerivative: Math.max(1, r.param),
        zeroCentred: false,
      };
    default:
      return {
        ...base,
        name: 'Identity (linear)',
        formula: String.raw`f(x) = x`,
        derivativeFormula: String.raw`f'(x) = 1`,
        range: range(-INF, INF, false, false),
        saturates: 'none',
        maxDerivative: 1,
        zeroCentred: true,
      };
  }
}
