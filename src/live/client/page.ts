/**
 * One state per model instance on a page. Every element that names an instance gets the same
 * ModelState, so one edit updates everything that depends on it. The states start from the
 * page's own defaults and the URL.
 */
import type { AnyModel, ParamValues } from '../model.ts';
import { createModelState, type ModelState, type Offload } from '../store.ts';
import { createScheduler, type Scheduler } from '../scheduler.ts';
import { decodeState } from '../url-codec.ts';

/** A model instance the page uses: its spec and the page's starting values for it. */
export interface InstanceSetup {
  readonly spec: AnyModel;
  readonly defaults?: ParamValues;
}

export interface PageStore {
  /** The state of an instance on this page (`mazur`, `zigzag-tanh`), or undefined. */
  model(instance: string): ModelState | undefined;
  /** The instances in use on this page so far. */
  readonly active: ReadonlyMap<string, ModelState>;
  /** What the URL asked for that could not be used, in words for the reader. */
  readonly notices: readonly string[];
  /** Where time-sliced main-thread runs (training) go: one per page. */
  readonly scheduler: Scheduler;
}

export function createPageStore(
  search: string,
  instances: Readonly<Record<string, InstanceSetup>>,
  offload?: Offload,
  scheduler: Scheduler = createScheduler(),
): PageStore {
  const specs = Object.fromEntries(Object.entries(instances).map(([name, i]) => [name, i.spec]));
  const decoded = decodeState(search, specs);
  const active = new Map<string, ModelState>();
  return {
    active,
    scheduler,
    notices: decoded.notices,
    model(instance) {
      const existing = active.get(instance);
      if (existing) return existing;
      const setup = Object.hasOwn(instances, instance) ? instances[instance] : undefined;
      if (!setup) return undefined;
      const state = createModelState(setup.spec, {
        instance,
        ...(setup.defaults ? { defaults: setup.defaults } : {}),
        ...(decoded.values[instance] ? { initial: decoded.values[instance] } : {}),
        ...(offload ? { offload } : {}),
      });
      active.set(instance, state);
      return state;
    },
  };
}
