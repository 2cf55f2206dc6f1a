/**
 * The page's compute worker, seen from the page: `offload(model, group, params)` resolves with
 * the group's values, computed off the main thread, or on the page if the worker cannot start
 * or fails (off-thread.ts).
 */
import { runGroup, type Derived, type ParamValues } from '../model.ts';
import { modelLoaders } from '../models/loaders.ts';
import type { Offload } from '../store.ts';
import type { Job } from './compute-worker.ts';
import { offThread } from './off-thread.ts';

/** Computes a group on this thread: the fallback, and what the worker itself runs. */
export async function computeHere(
  model: string,
  group: string,
  params: ParamValues,
): Promise<Derived> {
  const load = Object.hasOwn(modelLoaders, model) ? modelLoaders[model] : undefined;
  if (!load) throw new Error(`No model "${model}".`);
  const spec = await load();
  const g = spec.groups && Object.hasOwn(spec.groups, group) ? spec.groups[group] : undefined;
  if (!g) throw new Error(`Model "${model}" has no group "${group}".`);
  return runGroup(spec, g, params);
}

export function createOffload(): Offload {
  const offload = offThread<Omit<Job, 'id'>, Derived, { readonly values: Derived }>({
    start: () => new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' }),
    request: (id, job): Job => ({ id, ...job }),
    read: (reply) => reply.values,
    // A model's own error (or "superseded", a job replaced by a newer one for the same group).
    notOk: 'reject',
    here: (job) => computeHere(job.model, job.group, job.params),
    failure: 'The compute worker failed; computing on the page instead:',
  });
  return (model, group, params, instance) => offload({ instance, model, group, params });
}
