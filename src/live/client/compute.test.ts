import { describe, expect, it } from 'vitest';
import { checkModel, defaultValues } from '../model.ts';
import { mazurModel } from '../models/mazur.ts';
import { computeHere, createOffload } from './compute.ts';
import { packForTransfer } from './compute-worker.ts';

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
    expect(await offload('mazur', 'orders', defaultValues(mazurModel))).toEqual(expected());
  });
});
