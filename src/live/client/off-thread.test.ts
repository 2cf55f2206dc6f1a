import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { offThread, type Reply } from './off-thread.ts';

type Ok = { readonly doubled: number };

/** A stand-in for a module worker: it keeps what it is sent, and the test answers. */
class FakeWorker {
  readonly sent: { id: number; n: number }[] = [];
  terminated = false;
  readonly #listeners = new Map<string, ((event: unknown) => void)[]>();

  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  postMessage(message: { id: number; n: number }): void {
    this.sent.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: Reply<Ok>): void {
    for (const listener of this.#listeners.get('message') ?? []) listener({ data });
  }

  fail(message: string): void {
    for (const listener of this.#listeners.get('error') ?? []) listener({ message });
  }
}

function setUp(notOk: 'reject' | 'fall back', start?: () => FakeWorker) {
  const workers: FakeWorker[] = [];
  const here = vi.fn((n: number) => Promise.resolve(-n));
  const run = offThread<number, number, Ok>({
    start: () => {
      const worker = start?.() ?? new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    request: (id, n) => ({ id, n }),
    read: (reply) => {
      if (reply.doubled < 0) throw new Error('unreadable');
      return reply.doubled;
    },
    notOk,
    here,
    failure: 'The test worker failed:',
  });
  return { run, here, workers };
}

describe('offThread()', () => {
  let errors: MockInstance<typeof console.error>;
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    errors.mockRestore();
  });

  it('starts one worker on the first job, and settles each job with the reply to its id, in any order', async () => {
    const { run, here, workers } = setUp('reject');
    const a = run(3);
    const b = run(5);
    expect(workers).toHaveLength(1);
    const [worker] = workers;
    expect(worker!.sent).toEqual([
      { id: 0, n: 3 },
      { id: 1, n: 5 },
    ]);
    worker!.reply({ id: 1, ok: true, doubled: 10 });
    worker!.reply({ id: 0, ok: true, doubled: 6 });
    // A reply to no waiting job (answered already) is ignored.
    worker!.reply({ id: 0, ok: true, doubled: 99 });
    expect(await Promise.all([a, b])).toEqual([6, 10]);
    expect(here).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });

  it("rejects a job with the reply's message when a reply that is not ok means the job is wrong", async () => {
    const { run, here, workers } = setUp('reject');
    const job = run(3);
    workers[0]!.reply({ id: 0, ok: false, message: 'No model "x".' });
    await expect(job).rejects.toThrow('No model "x".');
    // The worker is still used.
    const next = run(4);
    workers[0]!.reply({ id: 1, ok: true, doubled: 8 });
    expect(await next).toBe(8);
    expect(here).not.toHaveBeenCalled();
  });

  it('does a job on the page, and every later one, when a reply that is not ok means the worker cannot', async () => {
    const { run, here, workers } = setUp('fall back');
    const job = run(3);
    workers[0]!.reply({ id: 0, ok: false, message: 'Plot failed' });
    expect(await job).toBe(-3);
    expect(await run(4)).toBe(-4);
    expect(here.mock.calls).toEqual([[3], [4]]);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.sent).toHaveLength(1);
    expect(errors).toHaveBeenCalledExactlyOnceWith('The test worker failed:', 'Plot failed');
  });

  it('does every waiting job on the page, and every later one, once the worker fails, and says so once', async () => {
    const { run, here, workers } = setUp('reject');
    const waiting = [run(1), run(2)];
    workers[0]!.fail('boom');
    workers[0]!.fail('boom again');
    expect(await Promise.all(waiting)).toEqual([-1, -2]);
    expect(await run(3)).toBe(-3);
    expect(here).toHaveBeenCalledTimes(3);
    expect(workers).toHaveLength(1);
    expect(errors).toHaveBeenCalledOnce();
  });

  it('does a job on the page when its good reply cannot be read', async () => {
    const { run, workers } = setUp('reject');
    const job = run(7);
    workers[0]!.reply({ id: 0, ok: true, doubled: -1 });
    expect(await job).toBe(-7);
    expect(errors).toHaveBeenCalledWith('The test worker failed:', new Error('unreadable'));
  });

  it('does the job on the page when the worker cannot start', async () => {
    const { run, here } = setUp('reject', () => {
      throw new Error('blocked by policy');
    });
    expect(await run(2)).toBe(-2);
    expect(await run(3)).toBe(-3);
    expect(here).toHaveBeenCalledTimes(2);
    expect(errors).toHaveBeenCalledOnce();
  });

  it('never starts a worker where there is none (as in Node), and says nothing', async () => {
    vi.unstubAllGlobals();
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const { run, workers } = setUp('reject');
    expect(await run(2)).toBe(-2);
    expect(workers).toHaveLength(0);
    expect(errors).not.toHaveBeenCalled();
  });
});
