// The store's newer features: parameter kinds, array values, instances and page defaults, lazy
// groups and worker groups. The basics are in store.test.ts.
import { effect } from '@preact/signals-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModelState, type Offload } from './store.ts';
import { defaultValues, defineModel, type Derived, type ParamValues } from './model.ts';
import { spyModel } from './store-fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A model with one parameter of each kind, and a value that depends on all three. */
const kinds = defineModel({
  name: 'kinds',
  params: {
    n: { label: 'n', default: 1, min: 0, max: 10, step: 1 },
    act: { kind: 'choice', label: 'act', default: 'relu', options: { relu: 'ReLU', tanh: 'tanh' } },
    on: { kind: 'boolean', label: 'on', default: false },
  },
  values: {
    numbers: ['y'],
    derive: (p) => ({ y: (p.act === 'tanh' ? 10 : 20) + (p.on ? 1 : 0) + p.n * 100 }),
  },
});

describe('choice and boolean parameters in a state', () => {
  it('set() takes an option by name and a boolean, and the derived values follow', () => {
    const state = createModelState(kinds);
    expect(state.value('y')).toBe(120);
    expect(state.set('act', 'tanh')).toEqual({ value: 'tanh' });
    expect(state.set('on', true)).toEqual({ value: true });
    expect(state.params.value).toEqual({ n: 1, act: 'tanh', on: true });
    expect(state.value('y')).toBe(111);
  });

  it('set() keeps the value of a choice given an unknown option, with a notice listing the options', () => {
    const state = createModelState(kinds);
    state.set('act', 'tanh');
    const before = state.params.value;
    expect(state.set('act', 'bogus')).toEqual({
      value: 'tanh',
      notice: 'act must be one of relu, tanh. It stays as it was.',
    });
    expect(state.params.value).toBe(before);
  });

  it('set() refuses a number for a boolean, and a string for a number', () => {
    const state = createModelState(kinds);
    expect(state.set('on', 1)).toEqual({
      value: false,
      notice: 'on must be true or false. It stays as it was.',
    });
    expect(state.set('n', 'tanh')).toEqual({
      value: 1,
      notice: 'n must be an ordinary number. It stays as it was.',
    });
    expect(state.params.value).toEqual(defaultValues(kinds));
  });

  it('setMany() applies the valid entries of every kind and skips the invalid ones', () => {
    const state = createModelState(kinds);
    state.setMany({ act: 'bogus', on: 1, n: 3 });
    expect(state.params.value).toEqual({ n: 3, act: 'relu', on: false });
    state.setMany({ act: 'tanh', on: true, n: Infinity });
    expect(state.params.value).toEqual({ n: 3, act: 'tanh', on: true });
  });

  it('reset() and isDefault treat choices and booleans like numbers', () => {
    const state = createModelState(kinds, { initial: { act: 'tanh', on: true } });
    expect(state.isDefault.value).toBe(false);
    state.set('act', 'relu');
    expect(state.isDefault.value).toBe(false);
    state.set('on', false);
    expect(state.isDefault.value).toBe(true);
    state.setMany({ on: true });
    state.reset();
    expect(state.params.value).toEqual({ n: 1, act: 'relu', on: false });
    expect(state.isDefault.value).toBe(true);
  });

  it('skips invalid initial values of every kind', () => {
    const state = createModelState(kinds, { initial: { act: 'TANH', on: 'true', n: 20 } });
    expect(state.params.value).toEqual({ n: 10, act: 'relu', on: false });
  });
});

describe('array values in a state', () => {
  /** Declares a curve of three points that move with the parameter. */
  const curved = defineModel({
    name: 'curved',
    params: { k: { label: 'k', default: 1, min: 0, max: 5, step: 1 } },
    values: {
      numbers: ['top'],
      arrays: ['curve'],
      derive: (p) => ({ top: 2 * p.k, curve: [0, p.k, 2 * p.k] }),
    },
  });

  it('array() gives an array value and number() a number, each undefined for the other kind', () => {
    const state = createModelState(curved);
    expect(state.array('curve')).toEqual([0, 1, 2]);
    expect(state.number('top')).toBe(2);
    expect(state.number('curve')).toBeUndefined();
    expect(state.array('top')).toBeUndefined();
    expect(state.number('k')).toBe(1);
    expect(state.array('k')).toBeUndefined();
    expect(state.array('zzz')).toBeUndefined();
    state.set('k', 2);
    expect(state.array('curve')).toEqual([0, 2, 4]);
  });

  it('number() is undefined for choice and boolean parameters, value() gives them', () => {
    const state = createModelState(kinds);
    expect(state.number('act')).toBeUndefined();
    expect(state.number('on')).toBeUndefined();
    expect([state.value('act'), state.value('on')]).toEqual(['relu', false]);
  });
});

describe('instances and page defaults', () => {
  it('names the state after the model, or after the instance given', () => {
    const { spec } = spyModel();
    expect(createModelState(spec).instance).toBe('spy');
    expect(createModelState(spec, { instance: 'spy-second' }).instance).toBe('spy-second');
  });

  it('two instances of one model keep separate values', () => {
    const { spec } = spyModel();
    const first = createModelState(spec);
    const second = createModelState(spec, { instance: 'spy-second' });
    second.set('a', 0.9);
    expect(first.value('sum')).toBe(2.4);
    expect(second.value('sum')).toBe(2.9);
  });

  it('starts at the page defaults, which count as the defaults for isDefault and reset()', () => {
    const { spec } = spyModel();
    const state = createModelState(spec, { defaults: { a: 0.6 } });
    expect(state.defaults).toEqual({ a: 0.6, b: 2 });
    expect(state.params.value).toEqual({ a: 0.6, b: 2 });
    expect(state.isDefault.value).toBe(true);
    state.set('a', 0.4); // the spec's own default is a change on this page
    expect(state.isDefault.value).toBe(false);
    state.reset();
    expect(state.params.value).toEqual({ a: 0.6, b: 2 });
    expect(state.isDefault.value).toBe(true);
  });

  it('takes the initial values over the page defaults', () => {
    const { spec } = spyModel();
    const state = createModelState(spec, { defaults: { a: 0.6, b: 1 }, initial: { a: 0.7 } });
    expect(state.params.value).toEqual({ a: 0.7, b: 1 });
    expect(state.isDefault.value).toBe(false);
    state.reset();
    expect(state.params.value).toEqual({ a: 0.6, b: 1 });
  });
});

describe('nothing runs until it is read', () => {
  /** A spy model with a lazy group `slow` that counts its own calls. */
  function withGroup() {
    const { spec, counter } = spyModel();
    const slow = { calls: 0 };
    const full = defineModel({
      ...spec,
      groups: {
        slow: {
          numbers: ['twice'],
          derive: (p: ParamValues) => (slow.calls++, { twice: 2 * Number(p.a) }),
        },
      },
    });
    return { spec: full, counter, slow };
  }

  it('neither defineModel() nor createModelState() derives anything', () => {
    const { spec, counter, slow } = withGroup();
    createModelState(spec, { defaults: { a: 0.5 }, initial: { b: 3 } });
    expect([counter.calls, slow.calls]).toEqual([0, 0]);
  });

  it('derives the values once when first read, and not again until the parameters change', () => {
    const { spec, counter, slow } = withGroup();
    const state = createModelState(spec);
    expect(state.value('sum')).toBe(2.4);
    void state.value('product');
    void state.value('a');
    expect(counter.calls).toBe(1);
    state.set('a', 0.5);
    state.set('a', 0.5);
    expect(counter.calls).toBe(1);
    expect(state.value('sum')).toBe(2.5);
    expect(counter.calls).toBe(2);
    expect(slow.calls).toBe(0);
  });

  it('runs a lazy group only when one of its values is read', () => {
    const { spec, counter, slow } = withGroup();
    const state = createModelState(spec);
    expect(state.value('twice')).toBe(0.8);
    expect([counter.calls, slow.calls]).toEqual([0, 1]);
    state.set('b', 3);
    expect(state.value('twice')).toBe(0.8);
    expect(slow.calls).toBe(2);
  });
});

describe('worker groups', () => {
  /** A spy model with a worker group `far`, and an offload whose jobs are answered by hand. */
  function offloaded() {
    const { spec } = spyModel();
    const full = defineModel({
      ...spec,
      groups: {
        far: {
          numbers: ['far'],
          runs: 'worker',
          derive: (p: ParamValues) => ({ far: 10 * Number(p.a) }),
        },
      },
    });
    const jobs: Array<{
      model: string;
      group: string;
      params: ParamValues;
      instance: string;
      resolve: (values: Derived) => void;
      reject: (error: unknown) => void;
    }> = [];
    const offload: Offload = (model, group, params, instance) =>
      new Promise((resolve, reject) =>
        jobs.push({ model, group, params, instance, resolve, reject }),
      );
    const state = createModelState(full, { offload, instance: 'spy-b' });
    return { state, jobs };
  }

  /** Lets the promise callbacks and queued microtasks of the store run. */
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  it('is undefined until the answer arrives, then set; busy meanwhile', async () => {
    const { state, jobs } = offloaded();
    expect(state.value('far')).toBeUndefined();
    // The instance goes with the job: the worker coalesces jobs per instance.
    expect(jobs.map((j) => [j.model, j.group, j.params, j.instance])).toEqual([
      ['spy', 'far', { a: 0.4, b: 2 }, 'spy-b'],
    ]);
    await settle();
    expect(state.busy.value).toBe(true);
    expect(state.value('far')).toBeUndefined();
    expect(jobs).toHaveLength(1); // reading again asks no second time
    jobs[0]!.resolve({ far: 4 });
    await settle();
    expect(state.value('far')).toBe(4);
    expect(state.busy.value).toBe(false);
    expect(jobs).toHaveLength(1);
  });

  it('does not block the cheap values, and asks nothing while no one reads the group', async () => {
    const { state, jobs } = offloaded();
    expect(state.value('sum')).toBe(2.4);
    state.set('a', 0.5);
    expect(state.value('sum')).toBe(2.5);
    await settle();
    expect(jobs).toHaveLength(0);
    expect(state.busy.value).toBe(false);
  });

  it('drops an answer for stale parameters and shows the answer for the current ones', async () => {
    const { state, jobs } = offloaded();
    void state.value('far');
    state.set('a', 0.5);
    void state.value('far');
    expect(jobs.map((j) => j.params['a'])).toEqual([0.4, 0.5]);
    jobs[0]!.resolve({ far: 4 });
    await settle();
    expect(state.value('far')).toBeUndefined();
    expect(state.busy.value).toBe(true);
    jobs[1]!.resolve({ far: 5 });
    await settle();
    expect(state.value('far')).toBe(5);
    expect(state.busy.value).toBe(false);
  });

  it('shows nothing while a newer job runs (read-outs keep their text), then the new answer', async () => {
    const { state, jobs } = offloaded();
    const seen: Array<number | undefined> = [];
    const dispose = effect(() => {
      seen.push(state.number('far'));
    });
    jobs[0]!.resolve({ far: 4 });
    await settle();
    state.set('a', 0.6);
    jobs[1]!.resolve({ far: 6 });
    await settle();
    dispose();
    expect(seen).toEqual([undefined, 4, undefined, 6]);
  });

  it('logs nothing when a superseded job is rejected, and logs a failure of the current job', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { state, jobs } = offloaded();
    void state.value('far');
    state.set('a', 0.5);
    void state.value('far');
    jobs[0]!.reject(new Error('superseded'));
    await settle();
    expect(error).not.toHaveBeenCalled();
    expect(state.busy.value).toBe(true);
    jobs[1]!.reject(new Error('out of memory'));
    await settle();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toContain("The spy model's far could not be computed");
    expect(state.busy.value).toBe(false);
    expect(state.value('far')).toBeUndefined();
  });

  it('runs in place, at once, when the state has no offload', () => {
    const { state } = offloaded();
    const here = createModelState(state.spec);
    expect(here.value('far')).toBe(4);
    expect(here.busy.value).toBe(false);
  });
});
