import { describe, expect, it } from 'vitest';
import { checkModel, defaultValues } from '../model.ts';
import { mazurModel } from '../models/mazur.ts';
import { computeHere, createOffload } from './compute.ts';
import { jobQueue, packForTransfer, type Job, type Reply } from './compute-worker.ts';

describe('packForTransfer()', () => {
  it('turns arrays into Float64Arrays, lists their buffers, and passes numbers through', () => {
    const typed = Float64Array.of(4, 5);
    const { values, transfer } = packForTransfer({ a: 1.5, curve: [1, 2, 3], typed });
    expect(values['a']).toBe(1.5);
    expect(values['curve']).toBeInstanceOf(Float64Array);
    expect(Array.from(values['curve'] as Float64Array)).toEqual([1, 2, 3]);
    expect(values['typed']).toBeInstanceOf(Float64Array);
    expect(Array.from(values['typed'] as Float64Array)).toEqual([4, 5]);
    expect(transfer).toHaveLength(2);
    expect(transfer).toContain((values['curve'] as Float64Array).buffer);
    expect(transfer).toContain((values['typed'] as Float64Array).buffer);
  });

  // neuron's curveX is one module-level array: transferring it itself would detach it for good.
  it("copies a typed array, so transferring leaves the caller's own array usable", () => {
    const typed = Float64Array.of(4, 5);
    const { values, transfer } = packForTransfer({ typed });
    expect(values['typed']).not.toBe(typed);
    expect(transfer[0]).not.toBe(typed.buffer);
  });

  it('lists nothing to transfer when every value is a number', () => {
    expect(packForTransfer({ a: 1, b: 2 })).toEqual({ values: { a: 1, b: 2 }, transfer: [] });
  });
});

describe('computeHere()', () => {
  const orderNames = mazurModel.groups!['orders']!.numbers;
  const expected = () => {
    const all = checkModel(mazurModel);
    return Object.fromEntries(orderNames.map((name) => [name, all[name]]));
  };

  it("computes mazur's orders group as checkModel() does", async () => {
    expect(await computeHere('mazur', 'orders', defaultValues(mazurModel))).toEqual(expected());
  });

  it('rejects an unknown model or group, naming it', async () => {
    await expect(computeHere('nosuch', 'orders', {})).rejects.toThrow('No model "nosuch".');
    await expect(computeHere('constructor', 'orders', {})).rejects.toThrow(
      'No model "constructor".',
    );
    await expect(computeHere('mazur', 'flow', {})).rejects.toThrow(
      'Model "mazur" has no group "flow".',
    );
  });

  it('falls back to computing on this thread where there is no Worker (as in Node)', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const offload = createOffload();
    expect(await offload('mazur', 'orders', defaultValues(mazurModel), 'mazur')).toEqual(
      expected(),
    );
  });
});

describe('jobQueue()', () => {
  /** A queue whose computations finish when the test says, and the replies it posted. */
  function queue() {
    const replies: Reply[] = [];
    const finish: Array<() => void> = [];
    const take = jobQueue(
      (reply) => replies.push(reply),
      (model, group, params) =>
        new Promise((resolve) =>
          finish.push(() => resolve({ [`${model}.${group}`]: Number(params['x']) })),
        ),
    );
    const job = (id: number, instance: string, x: number): Job => ({
      id,
      instance,
      model: 'zigzag',
      group: 'contours',
      params: { x },
    });
    const settle = async () => {
      while (finish.length > 0) {
        finish.shift()?.();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    return { replies, take, job, settle };
  }

  it('answers each of two instances of one model, although their groups have one name', async () => {
    const { replies, take, job, settle } = queue();
    take(job(1, 'zigzag', 1)); // runs at once
    take(job(2, 'zigzag', 2)); // waits
    take(job(3, 'zigzag-tanh', 3)); // waits too: another instance, not a newer job
    await settle();
    expect(replies).toEqual([
      { id: 1, ok: true, values: { 'zigzag.contours': 1 } },
      { id: 2, ok: true, values: { 'zigzag.contours': 2 } },
      { id: 3, ok: true, values: { 'zigzag.contours': 3 } },
    ]);
  });

  it('supersedes a waiting job of the same instance and group at once, and runs the newest', async () => {
    const { replies, take, job, settle } = queue();
    take(job(1, 'zigzag', 1));
    take(job(2, 'zigzag', 2));
    take(job(3, 'zigzag', 3));
    expect(replies).toEqual([{ id: 2, ok: false, message: 'superseded' }]);
    await settle();
    expect(replies.slice(1).map((r) => r.id)).toEqual([1, 3]);
  });
});
