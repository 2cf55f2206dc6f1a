/**
 * A model is a named, typed set of parameters with defaults, plus the values the engine derives
 * from them. The same spec drives the build-time render, the controls, the URL codec and the
 * engine call, so they cannot disagree about a name, a kind or a range.
 *
 * Parameters come in four kinds: numbers (with a range and a step), choices (one of a few named
 * options, e.g. an activation), booleans (e.g. an update order) and texts (a function the reader
 * types, checked by the model's own parser). Derived values are numbers or
 * arrays of numbers (a curve, a path in weight space, one value per layer), and their names are
 * declared up front, so that nothing has to run to know what a model offers.
 */
import { digitsForStep, paramDigitsFor } from './format.ts';
import type { Trainable } from './trainable.ts';

/** A number the reader can edit: typed, dragged or stepped with the arrow keys. */
export interface NumberParam {
  /** Default 'number'. */
  readonly kind?: 'number';
  /** Accessible name for screen readers, e.g. "weight w5". */
  readonly label: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Arrow keys move by one step (Shift ×10, Alt ÷10); dragging snaps to it. */
  readonly step: number;
  /** Digits shown after the point. Default: as many as `step` needs. */
  readonly digits?: number;
  /** Only whole numbers (a count of steps, say): other values are rounded, with a notice. Default false. */
  readonly integer?: boolean;
}

/** One of a few named options, e.g. `act: { kind: 'choice', options: { relu: 'ReLU', … } }`. */
export interface ChoiceParam<O extends string = string> {
  readonly kind: 'choice';
  readonly label: string;
  readonly default: NoInfer<O>;
  /** Each option's name (used in the URL, `?neuron.act=tanh`) and its label for the control. */
  readonly options: Readonly<Record<O, string>>;
}

/** On or off, e.g. the in-place update order. The URL says `true`/`false` (or `1`/`0`). */
export interface BooleanParam {
  readonly kind: 'boolean';
  readonly label: string;
  readonly default: boolean;
}

/** Where a text is wrong: a message in plain words, and the position (0-based) it points at. */
export interface TextProblem {
  readonly message: string;
  readonly position: number;
}

/**
 * A short text the reader types, e.g. a function `sigmoid(w*x + b)`. `check` says what is wrong
 * with a text, or undefined if nothing is: a text that fails it is never accepted, from a field,
 * a link or a page. It must be a pure function of the text (no eval: the site runs under a CSP).
 */
export interface TextParam {
  readonly kind: 'text';
  readonly label: string;
  readonly default: string;
  /** The longest text accepted, in UTF-16 units; the URL codec reads values up to this long. */
  readonly maxLength: number;
  readonly check?: (text: string) => TextProblem | undefined;
}

export type ParamSpec = NumberParam | ChoiceParam | BooleanParam | TextParam;
export type ParamValue = number | string | boolean;

export type DerivedArray = Float64Array | readonly number[];
export type DerivedValue = number | DerivedArray;
export type Derived = Readonly<Record<string, DerivedValue>>;

/** The value type of one parameter spec. */
export type ValueOf<P> =
  P extends ChoiceParam<infer O>
    ? O
    : P extends BooleanParam
      ? boolean
      : P extends TextParam
        ? string
        : number;

export type ParamsSpec = Readonly<Record<string, ParamSpec>>;
/** A complete set of typed values for a model's parameters. */
export type ParamsOf<Ps extends ParamsSpec> = { readonly [K in keyof Ps]: ValueOf<Ps[K]> };
/** Values of any model, for code that handles every model alike. */
export type ParamValues = Readonly<Record<string, ParamValue>>;

/**
 * Values computed together by one function, with their names declared up front: `numbers` are
 * scalars, `arrays` arrays of numbers. Every value must be finite.
 */
export interface DerivedGroup<P = ParamValues> {
  readonly numbers: readonly string[];
  readonly arrays?: readonly string[];
  /** Returns exactly the declared names (checked by runGroup(), in the tests and the build). */
  derive(params: P): Derived;
}

/** A group that runs only while something on the page shows one of its values. */
export interface LazyGroup<P = ParamValues> extends DerivedGroup<P> {
  /**
   * 'worker': the page computes it in its compute worker, off the main thread, for work that
   * takes more than a few milliseconds (the build computes it in place). Default 'main'.
   */
  readonly runs?: 'main' | 'worker';
}

export interface ModelSpec<Ps extends ParamsSpec = ParamsSpec> {
  /** The name pages and URLs use, e.g. `mazur` in `?mazur.w5=0.5`. Lower-case letters and digits. */
  readonly name: string;
  readonly params: Ps;
  /** The cheap values, computed on every edit while anything shows one of them. */
  readonly values: DerivedGroup<ParamsOf<Ps>>;
  /**
   * Expensive values (a 10,000-step training run, say), by group: each is computed only while
   * something on the page shows one of its values, once per edit. Names are unique across the
   * model and never a parameter's. Default: none.
   */
  readonly groups?: Readonly<Record<string, LazyGroup<ParamsOf<Ps>>>>;
  /** How the training panel trains this model (src/live/trainable.ts). Default: it cannot. */
  readonly train?: Trainable<ParamsOf<Ps>>;
}

/** A spec of any model, as the registry, the store and the URL codec see it. */
export type AnyModel = ModelSpec;

const NAME = /^[a-z][a-z0-9]*$/;
const PARAM = /^[A-Za-z][A-Za-z0-9_]*$/;

export const kindOf = (p: ParamSpec): 'number' | 'choice' | 'boolean' | 'text' =>
  p.kind ?? 'number';
export const isNumberParam = (p: ParamSpec): p is NumberParam => kindOf(p) === 'number';

/** Checks one parameter spec; throws with `where` in the message. */
function checkParam(where: string, p: ParamSpec): void {
  if (typeof p.label !== 'string' || p.label.trim() === '')
    throw new Error(`${where}: needs a label.`);
  if (p.kind === 'choice') {
    const names = Object.keys(p.options);
    if (names.length < 2) throw new Error(`${where}: a choice needs at least two options.`);
    for (const option of names) {
      if (!/^[a-z][a-z0-9-]*$/.test(option))
        throw new Error(
          `${where}: option "${option}" must be lower-case letters, digits and dashes.`,
        );
    }
    if (!Object.hasOwn(p.options, p.default))
      throw new Error(`${where}: default "${p.default}" is not one of ${names.join(', ')}.`);
    return;
  }
  if (p.kind === 'boolean') {
    if (typeof p.default !== 'boolean') throw new Error(`${where}: default must be true or false.`);
    return;
  }
  if (p.kind === 'text') {
    if (!Number.isInteger(p.maxLength) || p.maxLength < 1 || p.maxLength > 1000)
      throw new Error(`${where}: maxLength must be a whole number from 1 to 1000.`);
    if (typeof p.default !== 'string' || p.default.length > p.maxLength)
      throw new Error(`${where}: default must be a text of at most ${p.maxLength} characters.`);
    const problem = p.check?.(p.default);
    if (problem)
      throw new Error(`${where}: default "${p.default}" fails its check: ${problem.message}`);
    return;
  }
  if (![p.default, p.min, p.max, p.step].every(Number.isFinite)) {
    throw new Error(`${where}: default, min, max and step must be finite numbers.`);
  }
  if (!(p.min <= p.default && p.default <= p.max)) {
    throw new Error(`${where}: default ${p.default} is outside [${p.min}, ${p.max}].`);
  }
  if (!(p.step > 0)) throw new Error(`${where}: step must be positive.`);
  if (p.integer === true && ![p.default, p.min, p.max, p.step].every(Number.isInteger)) {
    throw new Error(`${where}: a whole-number parameter needs whole default, min, max and step.`);
  }
  // toFixed() throws outside 0..100, so a bad `digits` would break every render of the value.
  if (p.digits !== undefined && !(Number.isInteger(p.digits) && p.digits >= 0 && p.digits <= 100)) {
    throw new Error(`${where}: digits must be a whole number from 0 to 100.`);
  }
}

/** Every derived name with the group that computes it: `''` for `values`, else the group's name. */
function declaredNames(spec: AnyModel): Array<{ name: string; group: string; array: boolean }> {
  const groups: Array<[string, DerivedGroup]> = [
    ['', spec.values],
    ...Object.entries(spec.groups ?? {}),
  ];
  return groups.flatMap(([group, g]) => [
    ...g.numbers.map((name) => ({ name, group, array: false })),
    ...(g.arrays ?? []).map((name) => ({ name, group, array: true })),
  ]);
}

/**
 * Checks a spec's declarations when it is defined: names, kinds, ranges and defaults. Cheap:
 * nothing is derived here (checkModel() does that, at build time and in the tests).
 */
export function defineModel<const Ps extends ParamsSpec>(spec: ModelSpec<Ps>): ModelSpec<Ps> {
  if (!NAME.test(spec.name)) {
    throw new Error(`Model name "${spec.name}" must be lower-case letters and digits.`);
  }
  for (const [name, p] of Object.entries(spec.params)) {
    if (!PARAM.test(name)) throw new Error(`${spec.name}.${name}: not a valid parameter name.`);
    checkParam(`${spec.name}.${name}`, p);
  }
  const seen = new Set<string>();
  for (const { name } of declaredNames(spec)) {
    const where = `${spec.name}.${name}`;
    if (!PARAM.test(name)) throw new Error(`${where}: not a valid name for a derived value.`);
    if (seen.has(name)) throw new Error(`${where}: two derived values share this name.`);
    seen.add(name);
    // Own names only: `in` would also see Object.prototype's (toString, constructor, ...).
    if (Object.hasOwn(spec.params, name))
      throw new Error(`${where}: a derived value may not have a parameter's name.`);
  }
  return spec;
}

export interface DerivedInfo {
  /** '' for the model's `values`, else the lazy group's name. */
  readonly group: string;
  readonly array: boolean;
}

const infoCache = new WeakMap<AnyModel, ReadonlyMap<string, DerivedInfo>>();

/** Which group computes each derived name, and whether it is an array. Computes nothing. */
export function derivedInfo(spec: AnyModel): ReadonlyMap<string, DerivedInfo> {
  let info = infoCache.get(spec);
  if (!info) {
    info = new Map(declaredNames(spec).map(({ name, group, array }) => [name, { group, array }]));
    infoCache.set(spec, info);
  }
  return info;
}

/**
 * Runs one group and checks what it returns against its declaration: exactly the declared
 * names, numbers where numbers are declared, arrays of finite numbers where arrays are.
 * Returns the values, or throws with the model and the name in the message.
 */
export function runGroup(spec: AnyModel, group: DerivedGroup, params: ParamValues): Derived {
  const out = group.derive(params);
  const declared = new Set<string>([...group.numbers, ...(group.arrays ?? [])]);
  for (const name of Object.keys(out)) {
    if (!declared.has(name)) throw new Error(`${spec.name}.${name}: computed but not declared.`);
  }
  for (const name of group.numbers) {
    const value = out[name];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`${spec.name}.${name}: derived value is ${String(value)}.`);
  }
  for (const name of group.arrays ?? []) {
    const value = out[name];
    if (
      typeof value === 'number' ||
      value === undefined ||
      !Array.from(value).every(Number.isFinite)
    )
      throw new Error(`${spec.name}.${name}: must be an array of finite numbers.`);
  }
  return out;
}

/** The spec's own default for every parameter. */
export function defaultValues<Ps extends ParamsSpec>(spec: ModelSpec<Ps>): ParamsOf<Ps> {
  return Object.fromEntries(
    Object.entries(spec.params).map(([name, p]) => [name, p.default]),
  ) as ParamsOf<Ps>;
}

/**
 * Every derived value at `params` (default: the spec's defaults), checked against the
 * declarations. What the build renders, and what the tests call to check a model.
 */
export function checkModel(spec: AnyModel, params: ParamValues = defaultValues(spec)): Derived {
  const all: Record<string, DerivedValue> = {};
  for (const group of [spec.values, ...Object.values(spec.groups ?? {})]) {
    Object.assign(all, runGroup(spec, group, params));
  }
  return all;
}

/** Digits to show for a number parameter. */
export function paramDigits(p: NumberParam): number {
  return p.digits ?? digitsForStep(p.step);
}

/**
 * A reference to a value on a page, `"mazur.w5"`, or to one instance of a model,
 * `"zigzag-tanh.w0"` (model "zigzag", instance "zigzag-tanh"). Returns undefined if malformed.
 */
export function splitRef(
  ref: string,
): { instance: string; model: string; name: string } | undefined {
  const match = /^(([a-z][a-z0-9]*)(?:-[a-z0-9]+)?)\.([A-Za-z][A-Za-z0-9_]*)$/.exec(ref);
  return match
    ? { instance: match[1] ?? '', model: match[2] ?? '', name: match[3] ?? '' }
    : undefined;
}

/** The model an instance name belongs to (`zigzag-tanh` → `zigzag`), or undefined. */
export function modelOfInstance(instance: string): string | undefined {
  return /^([a-z][a-z0-9]*)(?:-[a-z0-9]+)?$/.exec(instance)?.[1];
}

/**
 * Snaps a value to a grid of `grid` (default the parameter's step) measured from min, and to the
 * range. Rounding through toFixed removes binary noise: 0.4 + 0.01 is 0.41, not 0.41000000000000003.
 */
export function snap(p: NumberParam, value: number, grid: number = p.step): number {
  // A zero, negative or non-finite grid would divide by zero and yield NaN: use the step.
  const g = grid > 0 && Number.isFinite(grid) ? grid : p.step;
  const snapped = p.min + Math.round((value - p.min) / g) * g;
  const digits = Math.max(paramDigits(p), digitsForStep(g)) + 2;
  const result = Math.min(p.max, Math.max(p.min, Number(snapped.toFixed(digits))));
  // Number('-0.0000') is -0, which String() writes as "0" but Object.is tells apart from 0.
  return result === 0 ? 0 : result;
}

/**
 * Digits to show for an editable value: the parameter's own, or more when the value has them
 * (after Alt+arrow fine steps, typing or a shared link), so that the field never hides a digit
 * and agrees with the same parameter written in math and prose (format.ts, formatParam).
 */
export function editableDigits(p: NumberParam, value: number): number {
  return paramDigitsFor(value, paramDigits(p));
}
