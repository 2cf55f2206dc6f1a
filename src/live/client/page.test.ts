import { describe, expect, it } from 'vitest';
import { mazurModel } from '../models/mazur.ts';
import { neuronModel } from '../models/neuron.ts';
import { createPageStore } from './page.ts';

const instances = {
  neuron: { spec: neuronModel },
  'neuron-second': { spec: neuronModel, defaults: { act: 'relu', w1: 2 } },
  mazur: { spec: mazurModel },
};

describe('createPageStore()', () => {
  it('gives each instance its own state, from its page defaults and the URL', () => {
    const store = createPageStore('?neuron.act=tanh&neuron-second.x1=2', instances);
    expect(store.notices).toEqual([]);
    const first = store.model('neuron')!;
    const second = store.model('neuron-second')!;
    expect(first.instance).toBe('neuron');
    expect(second.instance).toBe('neuron-second');
    expect(first.params.value).toMatchObject({ act: 'tanh', x1: 1, w1: 0.9 });
    expect(second.params.value).toMatchObject({ act: 'relu', x1: 2, w1: 2 });
    expect(second.defaults).toMatchObject({ act: 'relu', x1: 1, w1: 2 });
    second.set('b', 1);
    expect(first.params.value['b']).toBe(0.1);
  });

  it('counts the page defaults as unchanged and the URL values as changes', () => {
    const store = createPageStore('?neuron-second.x1=2', instances);
    const second = store.model('neuron-second')!;
    expect(second.isDefault.value).toBe(false);
    second.reset();
    expect(second.params.value).toMatchObject({ act: 'relu', x1: 1, w1: 2 });
    expect(second.isDefault.value).toBe(true);
  });

  it('makes a state only when an instance is first asked for, and then always the same one', () => {
    const store = createPageStore('', instances);
    expect([...store.active.keys()]).toEqual([]);
    const neuron = store.model('neuron');
    expect(store.model('neuron')).toBe(neuron);
    expect([...store.active.keys()]).toEqual(['neuron']);
    void store.model('mazur');
    expect([...store.active.keys()]).toEqual(['neuron', 'mazur']);
  });

  it('gives undefined for an instance the page does not have, including prototype names', () => {
    const store = createPageStore('', instances);
    for (const name of ['zigzag', 'neuron-third', 'toString', 'constructor']) {
      expect(store.model(name), name).toBeUndefined();
    }
    expect(store.active.size).toBe(0);
  });

  it('says which URL settings name an unknown instance or parameter, or carry a bad value', () => {
    const store = createPageStore(
      '?neuron-third.x1=1&zigzag.w=2&neuron.act=bogus&neuron.x1=3',
      instances,
    );
    expect(store.notices).toEqual([
      '“neuron-third.x1” is not a setting of this page, so it was ignored.',
      '“zigzag.w” is not a setting of this page, so it was ignored.',
      'neuron.act in the link must be one of sigmoid, tanh, relu, leaky-relu, elu, so it keeps its default.',
    ]);
    expect(store.model('neuron')!.params.value).toMatchObject({ act: 'sigmoid', x1: 3 });
  });

  it('hands its offload to every state, for worker groups', async () => {
    const asked: string[] = [];
    const store = createPageStore('', instances, (model, group) => {
      asked.push(`${model}/${group}`);
      return Promise.resolve({});
    });
    void store.model('mazur')!.value('E_after1_sim');
    await Promise.resolve();
    expect(asked).toEqual(['mazur/orders']);
  });
});
