/**
 * The page's compute worker, seen from the page: `offload(model, group, params)` resolves with
 * the group's values, computed off the main thread. The worker starts on the first job. If it
 * cannot start (an old browser, a strict policy), or fails, the job runs here instead, so a
 * value is never lost, only slower.
 */
import { runGroup, type Derived, type ParamValues } from '../model.ts';
import { modelLoaders } from '../models/loaders.ts';
import type { Offload } from '../store.ts';
import type { Job, Reply } from './compute-worker.ts';

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
  let worker: Worker | undefined;
  let broken = typeof Worker === 'undefined';
  let next = 0;
  const waiting = new Map<
    number,
    { job: Job; resolve: (d: Derived) => void; reject: (e: unknown) => void }
  >();

  const fallBack = (reason: unknown): void => {
    console.error('The compute worker failed; computing on the page instead:', reason);
    broken = true;
    worker?.terminate();
    for (const [id, { job, resolve, reject }] of waiting) {
      waiting.delete(id);
      computeHere(job.model, job.group, job.params).then(resolve, reject);
    }
  };

  const start = (): Worker => {
    const w = new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.ok) entry.resolve(reply.values);
      else entry.reject(new Error(reply.message));
    });
    w.addEventListener('error', (event) => fallBack(event.message));
    return w;
  };

  return (model, group, params, instance) => {
    if (broken) return computeHere(model, group, params);
    try {
      worker ??= start();
    } catch (error) {
      fallBack(error);
      return computeHere(model, group, params);
    }
    const job: Job = { id: ++next, instance, model, group, params };
    return new Promise<Derived>((resolve, reject) => {
      waiting.set(job.id, { job, resolve, reject });
      worker?.postMessage(job);
    });
  };
}
