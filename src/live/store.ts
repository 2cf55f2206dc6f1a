/**
 * The live state of a page: one signal of parameter values per model, and one computed record of
 * derived values. An edit sets one signal; the engine runs once; every read-out that depends on
 * the model updates in the same turn of the event loop. No DOM here: elements subscribe.
 */
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { clampToRange, type Clamped } from './parse.ts';
import { defaultValues, derivedSources, snap, type ModelSpec, type ParamValues } from './model.ts';
import { formatFull } from './format.ts';

type Derived = Readonly<Record<string, number>>;
type Derive = (params: ParamValues) => Derived;

export interface ModelState {
  readonly spec: ModelSpec;
  readonly params: ReadonlySignal<ParamValues>;
  /** The engine's output for the current parameters. */
  readonly derived: ReadonlySignal<Readonly<Record<string, number>>>;
  /** A parameter or a derived value by name, or undefined if the model has no such name. */
  value(name: string): number | undefined;
  /** Sets one parameter, clamped to its range; says so when it had to clamp. */
  set(name: string, value: number): Clamped;
  /** Sets several parameters at once (one recomputation). Values must be in range. */
  setMany(values: ParamValues): void;
  reset(): void;
  /** True when every parameter has its default. */
  readonly isDefault: ReadonlySignal<boolean>;
}

/** Whether `name` is one of the spec's own parameters (not, say, Object.prototype's toString). */
function isParam(spec: ModelSpec, name: string): boolean {
  return Object.hasOwn(spec.params, name);
}

/**
 * `base` with the known, finite entries of `values` clamped into range; unknown names and
 * non-finite values are skipped. Returns `base` itself when nothing changes.
 */
function merge(spec: ModelSpec, base: ParamValues, values: ParamValues): ParamValues {
  const next: Record<string, number> = { ...base };
  let changed = false;
  for (const [name, value] of Object.entries(values)) {
    const p = isParam(spec, name) ? spec.params[name] : undefined;
    if (!p || !Number.isFinite(value)) continue;
    const clamped = clampToRange(value, p.min, p.max).value;
    if (next[name] !== clamped) {
      next[name] = clamped;
      changed = true;
    }
  }
  return changed ? next : base;
}

export function createModelState(spec: ModelSpec, initial: ParamValues = {}): ModelState {
  const defaults = defaultValues(spec);
  // The initial values (from the URL, say) get the same treatment as setMany(), so that the
  // engine never sees an unknown name or an out-of-range value.
  const params: Signal<ParamValues> = signal(merge(spec, { ...defaults }, initial));
  // Each computed keeps the last values the engine produced. Params are always clamped to their
  // ranges, so the engine should never refuse them; if it ever does, the page keeps showing the
  // last good numbers (at first, the defaults') rather than breaking. Nothing runs until read.
  const keepLastGood = (label: string, derive: Derive): ReadonlySignal<Derived> => {
    let lastGood: Derived | undefined;
    return computed(() => {
      try {
        const next = derive(params.value);
        if (Object.values(next).every(Number.isFinite)) lastGood = next;
      } catch (error) {
        console.error(`The ${spec.name} model's ${label} could not be computed:`, error);
      }
      lastGood ??= derive(defaults);
      return lastGood;
    });
  };
  const derived = keepLastGood('values', (p) => spec.derive(p));
  // One computed per group: preact's computed runs only while something reads it.
  const sources = derivedSources(spec);
  const groups = new Map(
    Object.entries(spec.groups ?? {}).map(([group, derive]) => [
      group,
      keepLastGood(group, derive),
    ]),
  );
  const isDefault = computed(() =>
    Object.entries(defaults).every(([name, value]) => params.value[name] === value),
  );

  return {
    spec,
    params,
    derived,
    isDefault,
    value(name) {
      if (isParam(spec, name)) return params.value[name];
      const group = sources.get(name);
      const values = group ? groups.get(group)?.value : group === '' ? derived.value : undefined;
      return values && Object.hasOwn(values, name) ? values[name] : undefined;
    },
    set(name, value) {
      const p = isParam(spec, name) ? spec.params[name] : undefined;
      if (!p) throw new Error(`${spec.name} has no parameter "${name}".`);
      if (!Number.isFinite(value)) {
        const current = params.value[name] ?? p.default;
        return {
          value: current,
          notice: `That is not a usable number, so ${name} stays ${formatFull(current)}.`,
        };
      }
      const clamped = clampToRange(value, p.min, p.max, formatFull);
      if (params.value[name] !== clamped.value)
        params.value = { ...params.value, [name]: clamped.value };
      return clamped;
    },
    setMany(values) {
      batch(() => {
        // Unchanged values leave the signal alone, so nothing recomputes.
        params.value = merge(spec, params.value, values);
      });
    },
    reset() {
      if (!isDefault.value) params.value = { ...defaults };
    },
  };
}

/**
 * Moves a parameter by `multiplier` × its step (e.g. ±1 for an arrow key, ±10 with Shift, ±0.1
 * with Alt), snapped to the finer of the step and the move, and clamped to the range.
 */
export function stepParam(state: ModelState, name: string, multiplier: number): void {
  const p = Object.hasOwn(state.spec.params, name) ? state.spec.params[name] : undefined;
  const current = state.params.value[name];
  if (!p || current === undefined) return;
  const move = multiplier * p.step;
  // No move (or a NaN one) would make a zero grid for snap(): nothing to do.
  if (!(Math.abs(move) > 0) || !Number.isFinite(move)) return;
  state.set(name, snap(p, current + move, Math.min(p.step, Math.abs(move))));
}
