/**
 * A module worker that answers jobs by their ids, seen from the page, with the page itself as
 * its stand-in. The worker starts on the first job. If it cannot start (an old browser, a strict
 * policy) or fails, every job waiting for it, and every later one, runs on the page instead: a
 * result is never lost, only slower. The page's compute worker (compute.ts) and the training
 * panel's figure worker (widgets/training/figures.ts) are two such workers.
 */

/** A worker's answer to the job with `id`: its result (`Ok`'s fields), or why there is none. */
export type Reply<Ok extends object> =
  | ({ readonly id: number; readonly ok: true } & Ok)
  | { readonly id: number; readonly ok: false; readonly message: string };

export interface OffThreadOptions<Job, Result, Ok extends object> {
  /** Starts the worker: `new Worker(new URL('./x-worker.ts', import.meta.url), …)`. */
  readonly start: () => Worker;
  /** The message the worker is sent for `job`. */
  readonly request: (id: number, job: Job) => unknown;
  /** A good reply's result. If it throws, the worker's answers are unusable: the page takes over. */
  readonly read: (reply: Ok & { readonly id: number }) => Result;
  /**
   * What a reply that is not ok means: the job itself cannot be done (`reject` it with the
   * reply's message), or the worker cannot do it (`fall back`: the page does it and every later
   * job).
   */
  readonly notOk: 'reject' | 'fall back';
  /** Does a job on the page. */
  readonly here: (job: Job) => Promise<Result>;
  /** What the console says, before the reason, when the page takes over from the worker. */
  readonly failure: string;
}

/** Sends each job to the worker, or once it has failed, to `here`; resolves with the result. */
export function offThread<Job, Result, Ok extends object>(
  options: OffThreadOptions<Job, Result, Ok>,
): (job: Job) => Promise<Result> {
  const { start, request, read, notOk, here, failure } = options;
  let worker: Worker | undefined;
  let broken = typeof Worker !== 'function';
  let nextId = 0;
  const waiting = new Map<
    number,
    { job: Job; resolve: (result: Result) => void; reject: (error: unknown) => void }
  >();

  const fallBack = (reason: unknown): void => {
    if (broken) return;
    console.error(failure, reason);
    broken = true;
    worker?.terminate();
    for (const [id, { job, resolve, reject }] of waiting) {
      waiting.delete(id);
      here(job).then(resolve, reject);
    }
  };

  const answer = (reply: Reply<Ok>): void => {
    const entry = waiting.get(reply.id);
    if (!entry) return;
    if (!reply.ok) {
      if (notOk === 'fall back') return fallBack(reply.message);
      waiting.delete(reply.id);
      return entry.reject(new Error(reply.message));
    }
    let result: Result;
    try {
      result = read(reply);
    } catch (error) {
      // The job is still waiting: the page does it.
      return fallBack(error);
    }
    waiting.delete(reply.id);
    entry.resolve(result);
  };

  return (job) => {
    if (broken) return here(job);
    return new Promise<Result>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { job, resolve, reject });
      try {
        if (!worker) {
          worker = start();
          worker.addEventListener('message', (event: MessageEvent<Reply<Ok>>) =>
            answer(event.data),
          );
          worker.addEventListener('error', (event) => fallBack(event.message));
        }
        worker.postMessage(request(id, job));
      } catch (error) {
        fallBack(error);
      }
    });
  };
}
