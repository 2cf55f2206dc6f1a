/**
 * Activation functions, each written next to its derivative (micrograd style), plus the
 * metadata the chapters display. Activations are named by a string id so pages and URLs can
 * refer to them ('sigmoid', 'leakyRelu:0.1', ...).
 *
 * Kink conventions (one-sided choices at points where the derivative does not exist):
 * - ReLU'(0) = 0: z = 0 counts as "off". This is the convention of most frameworks (PyTorch,
 *   TensorFlow) and keeps a dead unit dead.
 * - Leaky ReLU'(0) = a, ELU'(0) = α: the left branch is used at 0, consistently with ReLU.
 */
import { clamp, fail } from './validate.ts';

export type ActivationId = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'identity';

export const ACTIVATION_IDS: readonly ActivationId[] = Object.freeze([
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'identity',
]);

/** An activation: its id alone (default parameters) or the id with parameters. */
export type ActivationSpec =
  | ActivationId
  | {
      readonly id: ActivationId;
      /** Leaky ReLU slope for x ≤ 0, in [0, 1]. Default 0.01. Ignored by other activations. */
      readonly a?: number;
      /** ELU saturation level α (ELU → −α as x → −∞), in (0, 100]. Default 1. Ignored by others. */
      readonly alpha?: number;
      /**
       * Either parameter under one name, used when `a`/`alpha` is absent; this is what makes a
       * ResolvedActivation (e.g. from network.activations) a valid spec too.
       */
      readonly param?: number;
    };

/** Default leaky ReLU slope a (the value in Maas et al. 2013). */
export const DEFAULT_LEAKY_SLOPE = 0.01;
/** Default ELU α (Clevert et al. 2016). */
export const DEFAULT_ELU_ALPHA = 1;

/** Numeric codes so hot loops dispatch once per layer with a switch, not per neuron. */
export const ACT_CODE = Object.freeze({
  sigmoid: 0,
  tanh: 1,
  relu: 2,
  leakyRelu: 3,
  elu: 4,
  identity: 5,
} as const);

/** A validated activation: id, its numeric code and its one parameter (a, α, or 0). */
export interface ResolvedActivation {
  readonly id: ActivationId;
  readonly code: number;
  /** Leaky ReLU's a, ELU's α; 0 for activations without a parameter. */
  readonly param: number;
}

// ---------------------------------------------------------------------------------------------
// Scalar functions, each followed by its derivative.

/**
 * Logistic sigmoid σ(x) = 1/(1 + e^(−x)), written branchwise on the sign of x so exp only ever
 * sees a non-positive argument: no overflow at x = −1000 (the naive form computes e^1000 = ∞,
 * harmless here but the symmetric e^x/(1+e^x) form would give ∞/∞ = NaN at x = +1000).
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
/** σ'(x) = σ(x)(1 − σ(x)). */
export function sigmoidPrime(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}
/** σ' from the output y = σ(x): y(1 − y). This is what backprop uses (no second exp). */
export function sigmoidPrimeFromOutput(y: number): number {
  return y * (1 - y);
}

/**
 * tanh, from Math.expm1 rather than Math.tanh: Math.tanh's last bit differs between V8 versions
 * (Node 24's, which builds the pages, and Chromium 150's, which reads them, disagree on about one
 * input in three in optimised code), and a chaotic training run turns one bit into a different
 * figure. Math.expm1 and Math.exp agree. Relative error a few ulps; saturates to ±1 beyond
 * |x| = 22, where tanh rounds to ±1 in double precision anyway.
 */
export function tanh(x: number): number {
  const ax = Math.abs(x);
  if (ax > 22) return x > 0 ? 1 : -1;
  const e = Math.expm1(2 * ax);
  const t = e / (e + 2);
  return x < 0 ? -t : t;
}
/** tanh'(x) = 1 − tanh²(x). */
export function tanhPrime(x: number): number {
  const t = tanh(x);
  return 1 - t * t;
}
/** tanh' from the output y = tanh(x): 1 − y². */
export function tanhPrimeFromOutput(y: number): number {
  return 1 - y * y;
}

/** ReLU(x) = max(0, x). */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}
/** ReLU'(x) = 1 for x > 0, else 0 (0 at the kink x = 0, see the module comment). */
export function reluPrime(x: number): number {
  return x > 0 ? 1 : 0;
}

/** Leaky ReLU: x for x > 0, a·x otherwise. */
export function leakyRelu(x: number, a: number = DEFAULT_LEAKY_SLOPE): number {
  return x > 0 ? x : a * x;
}
/** Leaky ReLU'(x) = 1 for x > 0, else a (a at the kink). */
export function leakyReluPrime(x: number, a: number = DEFAULT_LEAKY_SLOPE): number {
  return x > 0 ? 1 : a;
}

/** ELU: x for x > 0, α(e^x − 1) otherwise; expm1 keeps precision near 0 and never overflows. */
export function elu(x: number, alpha: number = DEFAULT_ELU_ALPHA): number {
  return x > 0 ? x : alpha * Math.expm1(x);
}
/** ELU'(x) = 1 for x > 0, else α·e^x (α at the kink). */
export function eluPrime(x: number, alpha: number = DEFAULT_ELU_ALPHA): number {
  return x > 0 ? 1 : alpha * Math.exp(x);
}
/** ELU' from the output y: 1 for y > 0, else y + α (since α e^x = α(e^x − 1) + α). */
export function eluPrimeFromOutput(y: number, alpha: number = DEFAULT_ELU_ALPHA): number {
  return y > 0 ? 1 : y + alpha;
}

/** identity(x) = x. */
export function identity(x: number): number {
  return x;
}
/** identity'(x) = 1. */
export function identityPrime(_x: number): number {
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Specs: validation, naming and generic dispatch.

/** Validate a spec and fill in defaults. */
export function resolveActivation(
  spec: ActivationSpec,
  where = 'resolveActivation()',
  name = 'activation',
): ResolvedActivation {
  const id = typeof spec === 'string' ? spec : (spec as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !(ACTIVATION_IDS as readonly string[]).includes(id)) {
    fail(where, `${name} must be one of ${ACTIVATION_IDS.join(', ')}, got ${String(id)}`);
  }
  const act = id as ActivationId;
  const obj: { readonly a?: number; readonly alpha?: number; readonly param?: number } =
    typeof spec === 'string' ? {} : spec;
  let param = 0;
  if (act === 'leakyRelu') {
    param = obj.a ?? obj.param ?? DEFAULT_LEAKY_SLOPE;
    if (!Number.isFinite(param) || param < 0 || param > 1) {
      fail(where, `${name}.a must be a number from 0 to 1, got ${param}`);
    }
  } else if (act === 'elu') {
    param = obj.alpha ?? obj.param ?? DEFAULT_ELU_ALPHA;
    if (!Number.isFinite(param) || param <= 0 || param > 100) {
      fail(where, `${name}.alpha must be a number greater than 0 and at most 100, got ${param}`);
    }
  }
  return { id: act, code: ACT_CODE[act], param };
}

/**
 * URL-friendly name: the id, plus ':param' when the parameter differs from its default,
 * e.g. 'sigmoid', 'leakyRelu:0.1', 'elu:2'. Inverse of parseActivation().
 */
export function formatActivation(spec: ActivationSpec): string {
  const r = resolveActivation(spec, 'formatActivation()');
  if (r.id === 'leakyRelu' && r.param !== DEFAULT_LEAKY_SLOPE) return `leakyRelu:${r.param}`;
  if (r.id === 'elu' && r.param !== DEFAULT_ELU_ALPHA) return `elu:${r.param}`;
  return r.id;
}

/** Parse 'id' or 'id:param' (as produced by formatActivation) into a spec. */
export function parseActivation(text: string): ActivationSpec {
  const [id, param, extra] = text.split(':');
  const where = 'parseActivation()';
  if (extra !== undefined) fail(where, `text must look like 'id' or 'id:param', got '${text}'`);
  const value = param === undefined ? undefined : Number(param);
  let spec: ActivationSpec = id as ActivationId;
  if (value !== undefined) {
    if (id === 'leakyRelu') spec = { id, a: value };
    else if (id === 'elu') spec = { id, alpha: value };
    else fail(where, `activation '${id}' takes no parameter, got '${text}'`);
  }
  resolveActivation(spec, where, 'text');
  return spec;
}

/** f(x) for any activation. */
export function activate(spec: ActivationSpec, x: number): number {
  const r = resolveActivation(spec, 'activate()');
  return applyScalar(r.code, r.param, x);
}

/** f'(x) for any activation, computed from the input x. */
export function activationDerivative(spec: ActivationSpec, x: number): number {
  const r = resolveActivation(spec, 'activationDerivative()');
  return derivativeScalar(r.code, r.param, x);
}

/**
 * f'(x) computed from the output y = f(x) alone. Every activation here allows it, which is why
 * backprop never needs to keep x for the derivative. (For leaky ReLU this needs a > 0 or the
 * ReLU convention: y = 0 maps to the left branch.)
 */
export function derivativeFromOutput(spec: ActivationSpec, y: number): number {
  const r = resolveActivation(spec, 'derivativeFromOutput()');
  switch (r.code) {
    case ACT_CODE.sigmoid:
      return sigmoidPrimeFromOutput(y);
    case ACT_CODE.tanh:
      return tanhPrimeFromOutput(y);
    case ACT_CODE.relu:
      return y > 0 ? 1 : 0;
    case ACT_CODE.leakyRelu:
      return y > 0 ? 1 : r.param;
    case ACT_CODE.elu:
      return eluPrimeFromOutput(y, r.param);
    default:
      return 1;
  }
}

/** f(x) by numeric code. */
export function applyScalar(code: number, param: number, x: number): number {
  switch (code) {
    case ACT_CODE.sigmoid:
      return sigmoid(x);
    case ACT_CODE.tanh:
      return tanh(x);
    case ACT_CODE.relu:
      return relu(x);
    case ACT_CODE.leakyRelu:
      return leakyRelu(x, param);
    case ACT_CODE.elu:
      return elu(x, param);
    default:
      return x;
  }
}

/** f'(x) by numeric code. */
export function derivativeScalar(code: number, param: number, x: number): number {
  switch (code) {
    case ACT_CODE.sigmoid:
      return sigmoidPrime(x);
    case ACT_CODE.tanh:
      return tanhPrime(x);
    case ACT_CODE.relu:
      return reluPrime(x);
    case ACT_CODE.leakyRelu:
      return leakyReluPrime(x, param);
    case ACT_CODE.elu:
      return eluPrime(x, param);
    default:
      return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Layer kernels for the network's hot loop: one switch per layer, then a tight loop.

/**
 * Layer kernels clamp the outputs of unbounded activations to ±1e100. Inputs and weights are
 * bounded by 1e6 (validate.ts), so a layer's net input then stays below ~1e110 and no sum in the
 * network can overflow to ±∞ (and then to ∞ − ∞ = NaN), however deep the stack. Values this
 * large never occur in a chapter; the scalar functions above are not clamped.
 */
export const ACTIVATION_BOUND = 1e100;

/** x clamped to ±ACTIVATION_BOUND; NaN and −0 pass through. */
function bound(x: number): number {
  return clamp(x, ACTIVATION_BOUND);
}

/** out[i] = f(z[i]) for i in [off, off + n). */
export function activateLayer(
  code: number,
  param: number,
  z: Float64Array,
  out: Float64Array,
  off: number,
  n: number,
): void {
  const end = off + n;
  switch (code) {
    case ACT_CODE.sigmoid:
      for (let i = off; i < end; i++) out[i] = sigmoid(z[i]!);
      return;
    case ACT_CODE.tanh:
      for (let i = off; i < end; i++) out[i] = tanh(z[i]!);
      return;
    case ACT_CODE.relu:
      for (let i = off; i < end; i++) out[i] = bound(relu(z[i]!));
      return;
    case ACT_CODE.leakyRelu:
      for (let i = off; i < end; i++) out[i] = bound(leakyRelu(z[i]!, param));
      return;
    case ACT_CODE.elu:
      for (let i = off; i < end; i++) out[i] = bound(elu(z[i]!, param));
      return;
    default:
      for (let i = off; i < end; i++) out[i] = bound(z[i]!);
  }
}

/**
 * d[i] = g[i]·f'(z[i]) for i in [off, off + n), saturated at ±ACTIVATION_BOUND (g may be d
 * itself), using the stored output a
 * where that is cheaper (sigmoid, tanh, ELU) and the input z where the kink convention needs it
 * (ReLU, leaky ReLU).
 */
export function multiplyByDerivative(
  code: number,
  param: number,
  z: Float64Array,
  a: Float64Array,
  g: Float64Array,
  d: Float64Array,
  off: number,
  n: number,
): void {
  const end = off + n;
  switch (code) {
    case ACT_CODE.sigmoid:
      for (let i = off; i < end; i++) d[i] = bound(g[i]! * sigmoidPrimeFromOutput(a[i]!));
      return;
    case ACT_CODE.tanh:
      for (let i = off; i < end; i++) d[i] = bound(g[i]! * tanhPrimeFromOutput(a[i]!));
      return;
    case ACT_CODE.relu:
      for (let i = off; i < end; i++) d[i] = bound(g[i]! * reluPrime(z[i]!));
      return;
    case ACT_CODE.leakyRelu:
      for (let i = off; i < end; i++) d[i] = bound(g[i]! * leakyReluPrime(z[i]!, param));
      return;
    case ACT_CODE.elu:
      for (let i = off; i < end; i++) d[i] = bound(g[i]! * (z[i]! > 0 ? 1 : a[i]! + param));
      return;
    default:
      for (let i = off; i < end; i++) d[i] = bound(g[i]!);
  }
}
