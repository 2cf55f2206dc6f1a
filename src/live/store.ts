/**
 * The live state of one model instance on a page: a signal of parameter values, and the derived
 * values computed from it. An edit sets the signal; the engine runs once per group that anything
 * shows; every read-out that depends on it updates in the same turn of the event loop. No DOM
 * here: elements subscribe.
 *
 *   params ──▶ values (cheap group, computed when read)
 *      │──────▶ group "orders" (computed only while something shows it)
 *      └──────▶ group "flow" (runs: 'worker') ──job──▶ compute worker ──result──▶ signal
 */
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import {
  defaultValues,
  derivedInfo,
  runGroup,
  type AnyModel,
  type Derived,
  type DerivedArray,
  type DerivedValue,
  type LazyGroup,
  type ParamValue,
  type ParamValues,
  snap,
} from './model.ts';
import { acceptValue, numberParam } from './params.ts';

/** Computes a group somewhere else (the page's worker); resolves with its checked values. */
/** Computes a group elsewhere (the compute worker), for one instance of a model. */
export type Offload = (
  model: string,
  group: string,
  params: ParamValues,
  instance: string,
) => Promise<Derived>;

export interface StateOptions {
  /** The instance's name on the page and in the URL: the model's name, or `model-suffix`. */
  readonly instance?: string;
  /** The page's own starting values (frontmatter), over the spec's defaults. Must be valid. */
  readonly defaults?: ParamValues;
  /** Values to start from (the URL's), over the defaults; invalid ones are skipped. */
  readonly initial?: ParamValues;
  /** Where groups that run in the worker are computed. Without it they run in place. */
  readonly offload?: Offload;
}

/** What set() did: the value now in place, and a notice when the asked value had to change. */
export interface SetResult {
  readonly value: ParamValue;
  readonly notice?: string;
}

export interface ModelState {
  readonly spec: AnyModel;
  /** The instance's name: what refs and URL keys start with, e.g. `mazur` or `zigzag-tanh`. */
  readonly instance: string;
  readonly params: ReadonlySignal<ParamValues>;
  /** What Reset goes back to: the spec's defaults with the page's own over them. */
  readonly defaults: ParamValues;
  /** A parameter or a derived value by name; undefined if there is none (yet, for a worker group). */
  value(name: string): ParamValue | DerivedValue | undefined;
  /** A number (parameter or derived) by name, or undefined. */
  number(name: string): number | undefined;
  /** An array-valued derived value by name, or undefined. */
  array(name: string): DerivedArray | undefined;
  /** Sets one parameter (numbers clamped to the range); says so when it had to change it. */
  set(name: string, value: ParamValue): SetResult;
  /** Sets several parameters at once (one recomputation); invalid entries are skipped. */
  setMany(values: ParamValues): void;
  reset(): void;
  /** True when every parameter has its default (the page's, where it sets one). */
  readonly isDefault: ReadonlySignal<boolean>;
  /** True while a worker group this state shows is being computed. */
  readonly busy: ReadonlySignal<boolean>;
}

/** `base` with the valid entries of `values` brought into range; `base` itself if none change. */
function merge(spec: AnyModel, base: ParamValues, values: ParamValues): ParamValues {
  const next: Record<string, ParamValue> = { ...base };
  let changed = false;
  for (const [name, value] of Object.entries(values)) {
    const p = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
    const accepted = p ? acceptValue(p, name, value) : undefined;
    if (!accepted?.ok || next[name] === accepted.value) continue;
    next[name] = accepted.value;
    changed = true;
  }
  return changed ? next : base;
}

const sameParams = (a: ParamValues, b: ParamValues): boolean =>
  Object.keys(a).every((name) => a[name] === b[name]);

export function createModelState(spec: AnyModel, options: StateOptions = {}): ModelState {
  const instance = options.instance ?? spec.name;
  const defaults = merge(spec, defaultValues(spec), options.defaults ?? {});
  const params: Signal<ParamValues> = signal(merge(spec, defaults, options.initial ?? {}));
  const busy = signal(false);
  const running = new Set<string>();

  // Params are always valid, so the engine should never refuse them; if it ever does, the page
  // keeps showing the last good numbers rather than breaking. Nothing runs until read.
  const inPlace = (label: string, run: (p: ParamValues) => Derived): ReadonlySignal<Derived> => {
    let lastGood: Derived = {};
    return computed(() => {
      try {
        lastGood = run(params.value);
      } catch (error) {
        console.error(`The ${spec.name} model's ${label} could not be computed:`, error);
      }
      return lastGood;
    });
  };

  // A worker group: the computed asks for the current params and returns the last result it
  // has; the answer arrives in a signal. A stale answer (the params moved on) is dropped.
  const offloaded = (group: string, offload: Offload): ReadonlySignal<Derived> => {
    const result = signal<{ params: ParamValues; values: Derived } | undefined>(undefined);
    let asked: ParamValues | undefined;
    return computed(() => {
      const now = params.value;
      const have = result.value;
      if (have && sameParams(have.params, now)) return have.values;
      if (asked !== now) {
        asked = now;
        running.add(group);
        queueMicrotask(() => (busy.value = running.size > 0));
        offload(spec.name, group, now, instance).then(
          (values) => {
            if (asked !== now) return; // a newer job is on its way
            running.delete(group);
            batch(() => {
              result.value = { params: now, values };
              busy.value = running.size > 0;
            });
          },
          (error: unknown) => {
            if (asked !== now) return; // superseded: the newer job answers
            running.delete(group);
            busy.value = running.size > 0;
            console.error(`The ${spec.name} model's ${group} could not be computed:`, error);
          },
        );
      }
      // Nothing until the answer: read-outs keep their text and say they are busy.
      return {};
    });
  };

  const values = inPlace('values', (p) => runGroup(spec, spec.values, p));
  const groupSignals = new Map<string, ReadonlySignal<Derived>>(
    Object.entries(spec.groups ?? {}).map(([name, group]: [string, LazyGroup]) => [
      name,
      group.runs === 'worker' && options.offload
        ? offloaded(name, options.offload)
        : inPlace(name, (p) => runGroup(spec, group, p)),
    ]),
  );
  const info = derivedInfo(spec);
  const isDefault = computed(() => sameParams(defaults, params.value));

  const value = (name: string): ParamValue | DerivedValue | undefined => {
    if (Object.hasOwn(spec.params, name)) return params.value[name];
    const where = info.get(name);
    if (!where) return undefined;
    const from = where.group === '' ? values : groupSignals.get(where.group);
    const all = from?.value;
    return all && Object.hasOwn(all, name) ? all[name] : undefined;
  };

  return {
    spec,
    instance,
    params,
    defaults,
    isDefault,
    busy,
    value,
    number(name) {
      const v = value(name);
      return typeof v === 'number' ? v : undefined;
    },
    array(name) {
      const v = value(name);
      return typeof v === 'object' ? v : undefined;
    },
    set(name, next) {
      const p = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
      if (!p) throw new Error(`${spec.name} has no parameter "${name}".`);
      const current = params.value[name] ?? p.default;
      const accepted = acceptValue(p, name, next);
      if (!accepted.ok)
        return { value: current, notice: `${accepted.message} It stays as it was.` };
      if (current !== accepted.value) params.value = { ...params.value, [name]: accepted.value };
      return accepted.notice
        ? { value: accepted.value, notice: accepted.notice }
        : { value: accepted.value };
    },
    setMany(next) {
      // Unchanged values leave the signal alone, so nothing recomputes.
      params.value = merge(spec, params.value, next);
    },
    reset() {
      if (!isDefault.value) params.value = { ...defaults };
    },
  };
}

/**
 * Moves a number parameter by `multiplier` × its step (e.g. ±1 for an arrow key, ±10 with Shift,
 * ±0.1 with Alt), snapped to the finer of the step and the move, and clamped to the range.
 */
export function stepParam(state: ModelState, name: string, multiplier: number): void {
  const p = numberParam(state.spec.params, name);
  const current = state.params.value[name];
  if (!p || typeof current !== 'number') return;
  const move = multiplier * p.step;
  // No move (or a NaN one) would make a zero grid for snap(): nothing to do.
  if (!(Math.abs(move) > 0) || !Number.isFinite(move)) return;
  state.set(name, snap(p, current + move, Math.min(p.step, Math.abs(move))));
}
