import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageInstances } from './instances.ts';

const page = (body: string) =>
  parseHTML(`<!doctype html><html><body>${body}</body></html>`).document;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pageInstances()', () => {
  it('finds every instance the elements name, through each kind of reference', () => {
    const doc = page(`
      <input data-param="mazur.w5"><span data-value="neuron.a"></span>
      <live-exercise data-answer="zigzag-tanh.loss"></live-exercise>
      <live-controls data-model="mazur"></live-controls>
      <live-training data-model="flow"></live-training>`);
    expect([...pageInstances(doc).keys()].sort()).toEqual([
      'flow',
      'mazur',
      'neuron',
      'zigzag-tanh',
    ]);
  });

  it('gives declared instances their starting values, and undeclared ones none', () => {
    const doc = page(`
      <script type="application/json" data-live-page>{"neuron":{"act":"tanh"},"neuron-b":{"x1":2}}</script>
      <input data-param="neuron.x1"><input data-param="mazur.w1">`);
    const found = pageInstances(doc);
    expect(found.get('neuron')).toEqual({ act: 'tanh' });
    expect(found.get('neuron-b')).toEqual({ x1: 2 });
    expect(found.get('mazur')).toEqual({});
  });

  it('skips malformed references, and logs (not throws) unreadable page JSON', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const doc = page(`
      <script type="application/json" data-live-page>{not json</script>
      <input data-param="w5"><span data-value="Mazur.E"></span><span data-value="mazur.E"></span>`);
    expect([...pageInstances(doc).keys()]).toEqual(['mazur']);
    expect(error).toHaveBeenCalledOnce();
  });
});
