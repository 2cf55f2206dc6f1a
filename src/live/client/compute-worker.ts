/**
 * The page's compute worker: runs a model's expensive groups (training runs, 50-layer gradient
 * flow, contour grids) off the main thread. Jobs for the same group coalesce: while one runs,
 * only the newest waiting job for that group is kept, so a reader dragging a number never
 * queues up stale work. Arrays come back as Float64Arrays whose buffers are transferred.
 */
import type { Derived, ParamValues } from '../model.ts';
import { computeHere } from './compute.ts';

export interface Job {
  readonly id: number;
  readonly model: string;
  readonly group: string;
  readonly params: ParamValues;
}

export type Reply =
  | { readonly id: number; readonly ok: true; readonly values: Derived }
  | { readonly id: number; readonly ok: false; readonly message: string };

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

// Only in a worker: the page imports this module for its types and packForTransfer alone.
const scope = globalThis as unknown as {
  WorkerGlobalScope?: unknown;
  postMessage(message: Reply, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Job>) => void): void;
};

if (typeof scope.WorkerGlobalScope !== 'undefined') {
  const waiting = new Map<string, Job>();
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    for (const [key, job] of waiting) {
      waiting.delete(key);
      try {
        const { values, transfer } = packForTransfer(
          await computeHere(job.model, job.group, job.params),
        );
        scope.postMessage({ id: job.id, ok: true, values }, transfer);
      } catch (error) {
        scope.postMessage(
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
  scope.addEventListener('message', (event) => {
    const job = event.data;
    const key = `${job.model}\u0000${job.group}`;
    const stale = waiting.get(key);
    // The page drops an answer to stale params anyway; say so at once rather than compute it.
    if (stale) scope.postMessage({ id: stale.id, ok: false, message: 'superseded' }, []);
    waiting.set(key, job);
    if (!busy) void drain();
  });
}
