/**
 * Validation at the API boundary. Public functions call these once on entry; the hot loops
 * behind them (network kernel, trainer) then trust their buffers and never check again.
 *
 * Rules, the same everywhere:
 * - NaN (or anything that is not a number) is rejected with an Error naming the argument,
 *   e.g. `forward(): inputs[1] is NaN`.
 * - Wrong lengths are rejected, e.g. `forward(): weights[0] must have 2×2 entries, got 3`.
 * - Every other value, including ±Infinity, is clamped to [−VALUE_BOUND, VALUE_BOUND].
 */

/**
 * Largest magnitude any input, target, weight or bias may have after clamping: 1e6.
 *
 * Why 1e6: it is far beyond anything a chapter shows, and small enough that a product of a
 * bounded weight and a bounded input (1e12), summed over a layer, stays many orders of magnitude
 * below overflow (≈1.8e308). That keeps sigmoid/tanh/ELU/exp and the loss NaN-free for extreme
 * inputs. (Deep stacks of unbounded activations can still grow past it; see network.ts.)
 */
export const VALUE_BOUND = 1e6;

/**
 * x clamped to [−bound, bound] (±Infinity included); NaN and −0 pass through. Every clamp in the
 * engine is this, with Math.min and Math.max, not `x > B ? B : x < −B ? −B : x`: with B an
 * imported constant, V8 boxed the ternary's result on every store into a Float64Array, and a
 * training step of the 2-2-2 network allocated 210 bytes (21 MB per 100,000 steps in Node; on the
 * backprop chapter, 16 of the 45 MB a 100,000-step run allocated). Now the step allocates only
 * the loss it returns (kernel.test.ts).
 */
export function clamp(x: number, bound: number): number {
  return Math.min(Math.max(x, -bound), bound);
}

/** Clamp a number (±Infinity included) to [−VALUE_BOUND, VALUE_BOUND]; NaN passes through. */
export function clampValue(x: number): number {
  return clamp(x, VALUE_BOUND);
}

/** Throw the engine's boundary error: `${where}: ${message}`. */
export function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { length?: unknown }).length === 'number'
  );
}

/**
 * Read one number, rejecting NaN and non-numbers and clamping the rest.
 * @param where the public function, e.g. 'forward()'
 * @param name the argument's path, e.g. 'inputs[1]'
 */
export function readNumber(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number') fail(where, `${name} is not a number (got ${typeof value})`);
  if (Number.isNaN(value)) fail(where, `${name} is NaN`);
  return clampValue(value);
}

/**
 * Copy a vector into `out` at `offset`, validating and clamping every entry.
 * @param shape how the expected size is printed in errors, e.g. '2×2'; default the length
 */
export function readVectorInto(
  where: string,
  name: string,
  values: unknown,
  length: number,
  out: Float64Array,
  offset: number,
  shape: string = String(length),
): void {
  if (!isArrayLike(values)) fail(where, `${name} must be an array of ${shape} numbers`);
  if (values.length !== length) {
    fail(where, `${name} must have ${shape} entries, got ${values.length}`);
  }
  for (let i = 0; i < length; i++) {
    out[offset + i] = readNumber(where, `${name}[${i}]`, values[i]);
  }
}

/** Validated, clamped copy of a vector of exactly `length` entries. */
export function readVector(
  where: string,
  name: string,
  values: unknown,
  length: number,
): Float64Array {
  const out = new Float64Array(length);
  readVectorInto(where, name, values, length, out, 0);
  return out;
}

/**
 * Validated, clamped copy of a list of `rows` vectors each of `cols` entries, flattened
 * row-major (row r at offset r·cols). Pass rows = -1 to accept any non-zero number of rows.
 */
export function readRows(
  where: string,
  name: string,
  values: unknown,
  rows: number,
  cols: number,
): Float64Array {
  if (!isArrayLike(values)) fail(where, `${name} must be an array of vectors`);
  if (rows >= 0 && values.length !== rows) {
    fail(where, `${name} must have ${rows} rows, got ${values.length}`);
  }
  if (values.length === 0) fail(where, `${name} must not be empty`);
  const out = new Float64Array(values.length * cols);
  for (let r = 0; r < values.length; r++) {
    readVectorInto(where, `${name}[${r}]`, values[r], cols, out, r * cols);
  }
  return out;
}

/** Check an integer option lies in [min, max]. */
export function checkInt(where: string, name: string, value: unknown, min: number, max: number) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(where, `${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Check a finite number option lies in [min, max] (bounds inclusive unless told). */
export function checkRange(
  where: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
  minExclusive = false,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value > max ||
    value < min ||
    (minExclusive && value === min)
  ) {
    const lo = minExclusive ? `greater than ${min}` : `at least ${min}`;
    fail(where, `${name} must be a finite number ${lo} and at most ${max}, got ${String(value)}`);
  }
  return value;
}

/** Check a string option is one of `allowed`. */
export function checkOneOf<T extends string>(
  where: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(where, `${name} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  }
  return value as T;
}
