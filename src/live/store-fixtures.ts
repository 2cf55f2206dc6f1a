/**
 * Spy models and watchers shared by the store's tests: a model that counts its derive() calls,
 * and helpers that count the recomputations an action causes.
 */
import { effect } from '@preact/signals-core';
import { defineModel } from './model.ts';
import type { ModelState } from './store.ts';

/**
 * A two-parameter model that counts its derive() calls. With `fail`, derive throws when a > 0.9
 * and returns NaN when b < -4, as an engine might for inputs it cannot handle.
 */
export function spyModel({ fail = false } = {}) {
  const counter = { calls: 0 };
  const spec = defineModel({
    name: 'spy',
    params: {
      a: { label: 'a', default: 0.4, min: 0, max: 1, step: 0.01 },
      b: { label: 'b', default: 2, min: -5, max: 5, step: 0.5 },
    },
    values: {
      numbers: ['sum', 'product'],
      derive(p) {
        counter.calls++;
        if (fail && p.a > 0.9) throw new Error('a is too large for this engine');
        return { sum: fail && p.b < -4 ? NaN : p.a + p.b, product: p.a * p.b };
      },
    },
  });
  return { spec, counter };
}

/** The spy model's derived values, as a read-out shows them. */
export const derived = (state: ModelState) => ({
  sum: state.value('sum'),
  product: state.value('product'),
});

/** A state with an effect reading a derived value, as a read-out on the page would. */
export function watched(state: ModelState) {
  const seen = { runs: 0 };
  const dispose = effect(() => {
    void state.value('sum');
    seen.runs++;
  });
  return { seen, dispose };
}

/** How many derive() calls `action` causes, with a subscriber attached. */
export function derivesDuring(
  state: ModelState,
  counter: { calls: number },
  action: () => void,
): { derives: number; effectRuns: number } {
  const { seen, dispose } = watched(state);
  const calls = counter.calls;
  const runs = seen.runs;
  action();
  const result = { derives: counter.calls - calls, effectRuns: seen.runs - runs };
  dispose();
  return result;
}
