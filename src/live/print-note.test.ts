import { describe, expect, it } from 'vitest';
import { defaultValues, type ParamValues } from './model.ts';
import { mazurModel } from './models/mazur.ts';
import { neuronModel } from './models/neuron.ts';
import { printNote } from './print-note.ts';

const PAGE = 'https://uni.example/ml101/chapters/backprop/';
const defaults = defaultValues(mazurModel);
const mazur = (values: ParamValues, starts: ParamValues = defaults) => ({
  instance: 'mazur',
  spec: mazurModel,
  values: { ...starts, ...values },
  defaults: starts,
});

describe('printNote()', () => {
  it('is undefined at the starting values, so nothing extra prints', () => {
    expect(printNote([mazur({})], PAGE)).toBeUndefined();
    expect(printNote([], PAGE)).toBeUndefined();
  });

  it('gives the update order, every changed value with its start, and the full link', () => {
    const note = printNote([mazur({ w5: 0.9, inPlace: true })], `${PAGE}?utm=x#training`);
    expect(note?.title).toMatch(/differ from the page’s starting ones/);
    expect(note?.orders).toEqual([
      'Update order: in place (output layer first; the hidden-layer gradients use the new output weights), not the starting order.',
    ]);
    expect(note?.changed).toEqual(['weight w5, from h1 to o1 = 0.9 (starting value 0.4)']);
    // Other keys stay; the fragment goes, since the link reproduces values, not a scroll position.
    expect(note?.link).toBe(`${PAGE}?utm=x&mazur.w5=0.9&mazur.inPlace=true`);
  });

  it('says the order even when only other values changed, and takes the page’s own starts', () => {
    const starts = { ...defaults, eta: 1 };
    const note = printNote([mazur({ eta: 0.5, steps: 2000 }, starts)], PAGE);
    expect(note?.orders).toEqual([
      'Update order: simultaneous (every weight updated from the same old weights).',
    ]);
    expect(note?.changed).toEqual([
      'learning rate η = 0.5 (starting value 1)',
      'number of training steps N = 2000 (starting value 10000)',
    ]);
    expect(note?.link).toBe(`${PAGE}?mazur.eta=0.5&mazur.steps=2000`);
  });

  it('names the instance when more than one has changed, and handles models without training', () => {
    const neuron = {
      instance: 'neuron',
      spec: neuronModel,
      values: { ...defaultValues(neuronModel), act: 'tanh' },
      defaults: defaultValues(neuronModel),
    };
    const alone = printNote([mazur({}), neuron], PAGE);
    expect(alone?.orders).toEqual([]);
    expect(alone?.changed).toHaveLength(1);
    expect(alone?.changed[0]).not.toMatch(/^neuron: /);
    const both = printNote([mazur({ w1: 0.2 }), neuron], PAGE);
    expect(both?.orders[0]).toMatch(/^Update order \(mazur\): simultaneous/);
    expect(both?.changed.map((line) => line.split(':')[0])).toEqual(['mazur', 'neuron']);
  });
});
