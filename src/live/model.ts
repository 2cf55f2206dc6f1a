/**
 * A model is a named, typed set of parameters with defaults and ranges, plus the values the
 * engine derives from them. The same spec drives the build-time render, the editable numbers,
 * the URL codec and the engine call, so they cannot disagree about a name or a range.
 */
import { digitsForStep } from './format.ts';

/** One editable parameter of a model. */
export interface ParamSpec {
  /** Accessible name for screen readers, e.g. "weight w5". */
  readonly label: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Arrow keys move by one step (Shift ×10, Alt ÷10); dragging snaps to it. */
  readonly step: number;
  /** Digits shown after the point. Default: as many as `step` needs. */
  readonly digits?: number;
}

export type ParamValues = Readonly<Record<string, number>>;

export interface ModelSpec {
  /** The name pages and URLs use, e.g. `mazur` in `?mazur.w5=0.5`. Lower case letters and digits. */
  readonly name: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  /**
   * Every derived value, from a complete set of in-range parameters. Names must not clash with
   * parameter names; values must be finite.
   */
  derive(params: ParamValues): Readonly<Record<string, number>>;
  /**
   * Derived values that are expensive (a 10,000-step training run, say), by group. A group is
   * computed only while something on the page shows one of its values, and then once per edit.
   * Same rules as `derive`; names must be unique across groups. Default: none.
   */
  readonly groups?: Readonly<
    Record<string, (params: ParamValues) => Readonly<Record<string, number>>>
  >;
}

/** Checks a spec once, when it is defined, so that a mistake fails the build and the tests. */
export function defineModel<M extends ModelSpec>(spec: M): M {
  if (!/^[a-z][a-z0-9]*$/.test(spec.name)) {
    throw new Error(`Model name "${spec.name}" must be lower-case letters and digits.`);
  }
  for (const [name, p] of Object.entries(spec.params)) {
    const where = `${spec.name}.${name}`;
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
      throw new Error(`${where}: not a valid parameter name.`);
    if (![p.default, p.min, p.max, p.step].every(Number.isFinite)) {
      throw new Error(`${where}: default, min, max and step must be finite numbers.`);
    }
    if (!(p.min <= p.default && p.default <= p.max)) {
      throw new Error(`${where}: default ${p.default} is outside [${p.min}, ${p.max}].`);
    }
    if (!(p.step > 0)) throw new Error(`${where}: step must be positive.`);
    // toFixed() throws outside 0..100, so a bad `digits` would break every render of the value.
    if (
      p.digits !== undefined &&
      !(Number.isInteger(p.digits) && p.digits >= 0 && p.digits <= 100)
    ) {
      throw new Error(`${where}: digits must be a whole number from 0 to 100.`);
    }
  }
  const seen = new Set<string>();
  const outputs = [spec.derive(defaultValues(spec))];
  for (const group of Object.values(spec.groups ?? {})) outputs.push(group(defaultValues(spec)));
  for (const [name, value] of outputs.flatMap((derived) => Object.entries(derived))) {
    if (seen.has(name))
      throw new Error(`${spec.name}.${name}: two derived values share this name.`);
    seen.add(name);
    // Own names only: `in` would also see Object.prototype's (toString, constructor, ...).
    if (Object.hasOwn(spec.params, name)) {
      throw new Error(`${spec.name}.${name}: a derived value may not have a parameter's name.`);
    }
    if (!Number.isFinite(value))
      throw new Error(`${spec.name}.${name}: derived value is ${value}.`);
  }
  return spec;
}

// Finding the names runs every derive function once, so it is done once per spec.
const sourcesCache = new WeakMap<ModelSpec, Map<string, string>>();

/** Which derive function computes each derived name: `''` for `derive`, else the group's name. */
export function derivedSources(spec: ModelSpec): ReadonlyMap<string, string> {
  const cached = sourcesCache.get(spec);
  if (cached) return cached;
  const sources = new Map<string, string>();
  sourcesCache.set(spec, sources);
  const defaults = defaultValues(spec);
  for (const name of Object.keys(spec.derive(defaults))) sources.set(name, '');
  for (const [group, derive] of Object.entries(spec.groups ?? {})) {
    for (const name of Object.keys(derive(defaults))) sources.set(name, group);
  }
  return sources;
}

export function defaultValues(spec: ModelSpec): ParamValues {
  return Object.fromEntries(Object.entries(spec.params).map(([name, p]) => [name, p.default]));
}

/** Digits to show for a parameter. */
export function paramDigits(p: ParamSpec): number {
  return p.digits ?? digitsForStep(p.step);
}

/** Splits `"mazur.w5"` into its model and name, or returns undefined. */
export function splitRef(ref: string): { model: string; name: string } | undefined {
  const match = /^([a-z][a-z0-9]*)\.([A-Za-z][A-Za-z0-9_]*)$/.exec(ref);
  return match ? { model: match[1] ?? '', name: match[2] ?? '' } : undefined;
}

/**
 * Snaps a value to a grid of `grid` (default the parameter's step) measured from min, and to the
 * range. Rounding through toFixed removes binary noise: 0.4 + 0.01 is 0.41, not 0.41000000000000003.
 */
export function snap(p: ParamSpec, value: number, grid: number = p.step): number {
  // A zero, negative or non-finite grid would divide by zero and yield NaN: use the step.
  const g = grid > 0 && Number.isFinite(grid) ? grid : p.step;
  const snapped = p.min + Math.round((value - p.min) / g) * g;
  const digits = Math.max(paramDigits(p), digitsForStep(g)) + 2;
  const result = Math.min(p.max, Math.max(p.min, Number(snapped.toFixed(digits))));
  // Number('-0.0000') is -0, which String() writes as "0" but Object.is tells apart from 0.
  return result === 0 ? 0 : result;
}

/**
 * Digits to show for an editable value: the parameter's own, or up to two more when the value
 * has them (after Alt+arrow fine steps or typing), so that the display never hides a change.
 */
export function editableDigits(p: ParamSpec, value: number): number {
  const base = paramDigits(p);
  for (let digits = base; digits < base + 2; digits++) {
    if (Math.abs(Number(value.toFixed(digits)) - value) < 1e-12) return digits;
  }
  return base + 2;
}
