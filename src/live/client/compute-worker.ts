/**
 * The page's compute worker: runs a model's expensive groups (training runs, 50-layer gradient
 * flow, contour grids) off the main thread. Jobs for the same group of the same instance
 * coalesce: while one runs, only the newest waiting job for that group is kept, so a reader
 * dragging a number never queues up stale work. Two instances of one model (the two panels of
 * chapter 3's figure) each get their answer. Arrays come back as Float64Arrays whose buffers are transferred.
 */
import type { Derived, ParamValues } from '../model.ts';
import { computeHere } from './compute.ts';
import type { Reply as OffThreadReply } from './off-thread.ts';

export interface Job {
  readonly id: number;
  /** The instance the job is for, e.g. `zigzag-tanh`: jobs coalesce per instance and group. */
  readonly instance: string;
  readonly model: string;
  readonly group: string;
  readonly params: ParamValues;
}

export type Reply = OffThreadReply<{ readonly values: Derived }>;

/** Replaces arrays by Float64Arrays, and lists their buffers for transfer. */
export function packForTransfer(values: Derived): { values: Derived; transfer: ArrayBuffer[] } {
  const out: Record<string, Derived[string]> = {};
  const transfer: ArrayBuffer[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number') {
      out[name] = value;
      continue;
    }
    const copy = Float64Array.from(value);
    transfer.push(copy.buffer);
    out[name] = copy;
  }
  return { values: out, transfer };
}

type Post = (message: Reply, transfer: ArrayBuffer[]) => void;
type Compute = (model: string, group: string, params: ParamValues) => Promise<Derived>;

/**
 * The worker's queue: returns the function that takes each job. A job waiting for the same
 * instance's same group is answered "superseded" at once (the page drops an answer to stale
 * params anyway), and replaced; jobs run one at a time, in arrival order of their keys.
 */
export function jobQueue(post: Post, compute: Compute = computeHere): (job: Job) => void {
  const waiting = new Map<string, Job>();
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    for (const [key, job] of waiting) {
      waiting.delete(key);
      try {
        const { values, transfer } = packForTransfer(
          await compute(job.model, job.group, job.params),
        );
        post({ id: job.id, ok: true, values }, transfer);
      } catch (error) {
        post(
          {
            id: job.id,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          },
          [],
        );
      }
    }
    busy = false;
  };
  return (job) => {
    const key = `${job.instance}\u0000${job.group}`;
    const stale = waiting.get(key);
    if (stale) post({ id: stale.id, ok: false, message: 'superseded' }, []);
    waiting.set(key, job);
    if (!busy) void drain();
  };
}

// Only in a worker: the page imports this module for its types, packForTransfer and jobQueue.
const scope = globalThis as unknown as {
  WorkerGlobalScope?: unknown;
  postMessage(message: Reply, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Job>) => void): void;
};

if (typeof scope.WorkerGlobalScope !== 'undefined') {
  const take = jobQueue((message, transfer) => scope.postMessage(message, transfer));
  scope.addEventListener('message', (event) => take(event.data));
}
