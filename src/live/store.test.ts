import { effect } from '@preact/signals-core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModelState, stepParam, type ModelState } from './store.ts';
import { defaultValues } from './model.ts';
import { mazurModel } from './models/mazur.ts';
import { derived, derivesDuring, spyModel } from './store-fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createModelState()', () => {
  it('starts at the defaults, with their derived values, and isDefault true', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    expect(state.spec).toBe(spec);
    expect(state.params.value).toEqual({ a: 0.4, b: 2 });
    expect(derived(state)).toEqual({ sum: 2.4, product: 0.8 });
    expect(state.isDefault.value).toBe(true);
  });

  it('starts from the initial values given, and derives from them', () => {
    const { spec } = spyModel();
    const state = createModelState(spec, { initial: { a: 0.5 } });
    expect(state.params.value).toEqual({ a: 0.5, b: 2 });
    expect(state.value('sum')).toBe(2.5);
    expect(state.isDefault.value).toBe(false);
  });

  it('clamps initial values into range and drops unknown or non-finite ones', () => {
    const { spec } = spyModel();
    const state = createModelState(spec, { initial: { a: 7, b: NaN, zzz: 1, toString: 2 } });
    expect(state.params.value).toEqual({ a: 1, b: 2 });
    expect(Object.keys(state.params.value)).toEqual(['a', 'b']);
  });
});

describe('ModelState.set()', () => {
  it('recomputes derived exactly once, and runs a subscribed effect once', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    const counts = derivesDuring(state, counter, () => {
      state.set('a', 0.5);
      void state.value('sum');
      void state.value('product');
      void state.value('sum');
    });
    expect(counts).toEqual({ derives: 1, effectRuns: 1 });
    expect(state.value('sum')).toBe(2.5);
  });

  it('recomputes lazily without subscribers: two sets, then one read, derive once', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    void state.value('sum');
    const before = counter.calls;
    state.set('a', 0.5);
    state.set('b', 3);
    expect(counter.calls).toBe(before);
    expect(state.value('sum')).toBe(3.5);
    void state.value('product');
    expect(counter.calls).toBe(before + 1);
  });

  it('does not recompute when the value does not change', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    const counts = derivesDuring(state, counter, () => {
      expect(state.set('a', 0.4)).toEqual({ value: 0.4 });
    });
    expect(counts).toEqual({ derives: 0, effectRuns: 0 });
  });

  it('returns the value without a notice when it is in range', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    const result = state.set('b', -5);
    expect(result).toEqual({ value: -5 });
    expect('notice' in result).toBe(false);
    expect(state.params.value.b).toBe(-5);
  });

  it('clamps a value above the maximum and returns a notice saying so', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    expect(state.set('a', 5)).toEqual({
      value: 1,
      notice: '5 is above the maximum 1, so 1 is used.',
    });
    expect(state.params.value.a).toBe(1);
  });

  it('clamps a value below the minimum and writes the numbers in full precision', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    expect(state.set('b', -7.123456789012345)).toEqual({
      value: -5,
      notice: '\u22127.12345678901 is below the minimum \u22125, so \u22125 is used.',
    });
    expect(state.params.value.b).toBe(-5);
  });

  it('keeps the current value of a parameter set to NaN or ±Infinity, with a notice', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    state.set('a', 0.7);
    const counts = derivesDuring(state, counter, () => {
      for (const bad of [NaN, Infinity, -Infinity]) {
        expect(state.set('a', bad)).toEqual({
          value: 0.7,
          notice: 'a must be an ordinary number. It stays as it was.',
        });
      }
    });
    expect(counts.derives).toBe(0);
    expect(state.params.value.a).toBe(0.7);
  });

  it('throws for a name that is not a parameter, including Object.prototype names', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    for (const name of ['zzz', 'sum', 'toString', 'constructor', '__proto__']) {
      expect(() => state.set(name, 0.5), name).toThrow(`spy has no parameter "${name}".`);
    }
    expect(state.params.value).toEqual({ a: 0.4, b: 2 });
  });
});

describe('ModelState.setMany()', () => {
  it('sets several parameters with one recomputation and one effect run', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    const counts = derivesDuring(state, counter, () => state.setMany({ a: 0.6, b: 3 }));
    expect(counts).toEqual({ derives: 1, effectRuns: 1 });
    expect(state.params.value).toEqual({ a: 0.6, b: 3 });
    expect(state.value('sum')).toBe(3.6);
  });

  it('does not recompute when nothing changes', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    const before = state.params.value;
    const counts = derivesDuring(state, counter, () => {
      state.setMany({});
      state.setMany({ a: 0.4, b: 2 });
      state.setMany({ zzz: 3 });
    });
    expect(counts).toEqual({ derives: 0, effectRuns: 0 });
    expect(state.params.value).toBe(before);
  });

  it('clamps out-of-range values and ignores unknown names and non-finite values', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    state.setMany({ a: -3, b: Infinity, zzz: 1, toString: 1 });
    expect(state.params.value).toEqual({ a: 0, b: 2 });
    state.setMany({ a: NaN, b: 99 });
    expect(state.params.value).toEqual({ a: 0, b: 5 });
  });
});

describe('ModelState.reset() and isDefault', () => {
  it('reset() restores every default and isDefault becomes true', () => {
    const { spec } = spyModel();
    const state = createModelState(spec, { initial: { a: 0.9, b: -1 } });
    expect(state.isDefault.value).toBe(false);
    state.reset();
    expect(state.params.value).toEqual(defaultValues(spec));
    expect(derived(state)).toEqual({ sum: 2.4, product: 0.8 });
    expect(state.isDefault.value).toBe(true);
  });

  it('reset() at the defaults does not recompute', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    const counts = derivesDuring(state, counter, () => state.reset());
    expect(counts).toEqual({ derives: 0, effectRuns: 0 });
  });

  it('isDefault follows every change, including setting a value back by hand', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    const seen: boolean[] = [];
    const dispose = effect(() => {
      seen.push(state.isDefault.value);
    });
    state.set('a', 0.41);
    state.set('b', 2.5);
    state.set('a', 0.4);
    state.set('b', 2);
    state.setMany({ a: 0.1 });
    state.reset();
    dispose();
    expect(seen).toEqual([true, false, true, false, true]);
  });
});

describe('ModelState.value()', () => {
  it('gives a parameter or a derived value by name', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    expect(state.value('a')).toBe(0.4);
    expect(state.value('sum')).toBe(2.4);
    state.set('b', 1);
    expect(state.value('b')).toBe(1);
    expect(state.value('product')).toBeCloseTo(0.4, 15);
  });

  it('gives undefined for an unknown name, including Object.prototype names', () => {
    const { spec } = spyModel();
    const state = createModelState(spec);
    for (const name of ['zzz', 'toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      expect(state.value(name), name).toBeUndefined();
    }
  });
});

describe('a model whose engine refuses some inputs', () => {
  it('keeps the last good derived values when derive() throws, and logs the error', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { spec } = spyModel({ fail: true });
    const state = createModelState(spec);
    state.set('a', 0.8);
    expect(state.value('sum')).toBe(2.8);
    state.set('a', 0.95);
    expect(state.value('sum')).toBe(2.8);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toContain(
      "The spy model's values could not be computed",
    );
    state.set('a', 0.5);
    expect(state.value('sum')).toBe(2.5);
  });

  it('keeps the last good derived values when derive() returns a non-finite number, and logs why', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { spec } = spyModel({ fail: true });
    const state = createModelState(spec);
    expect(derived(state)).toEqual({ sum: 2.4, product: 0.8 });
    state.set('b', -4.5);
    // The whole group is refused, so the finite product does not move on without its sum.
    expect(derived(state)).toEqual({ sum: 2.4, product: 0.8 });
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[1])).toContain('spy.sum: derived value is NaN.');
  });

  it('gives undefined, not a stale or made-up number, when the first computation already fails', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { spec } = spyModel({ fail: true });
    const state = createModelState(spec, { initial: { a: 0.95 } });
    expect(derived(state)).toEqual({ sum: undefined, product: undefined });
    expect(error).toHaveBeenCalledTimes(1);
  });
});

describe('stepParam()', () => {
  /** A Mazur state with w5 (range [-5, 5], step 0.01) set to `w5`. */
  function at(w5: number): ModelState {
    const state = createModelState(mazurModel);
    state.set('w5', w5);
    return state;
  }

  it('moves by one step for ±1 without binary noise (0.4 + 0.01 → 0.41 exactly)', () => {
    let state = at(0.4);
    stepParam(state, 'w5', 1);
    expect(state.params.value.w5).toBe(0.41);
    state = at(0.4);
    stepParam(state, 'w5', -1);
    expect(state.params.value.w5).toBe(0.39);
  });

  it('moves by ten steps for ±10 (Shift)', () => {
    let state = at(0.4);
    stepParam(state, 'w5', 10);
    expect(state.params.value.w5).toBe(0.5);
    state = at(0.4);
    stepParam(state, 'w5', -10);
    expect(state.params.value.w5).toBe(0.3);
  });

  it('moves by a tenth of a step for ±0.1 (Alt), on the finer grid', () => {
    let state = at(0.4);
    stepParam(state, 'w5', 0.1);
    expect(state.params.value.w5).toBe(0.401);
    state = at(0.4);
    stepParam(state, 'w5', -0.1);
    expect(state.params.value.w5).toBe(0.399);
  });

  it('lands on exact decimals over a long run of steps', () => {
    const state = at(0.4);
    for (let k = 1; k <= 100; k++) {
      stepParam(state, 'w5', 1);
      expect(state.params.value.w5).toBe((40 + k) / 100);
    }
    for (let k = 1; k <= 10; k++) stepParam(state, 'w5', -0.1);
    expect(state.params.value.w5).toBe(1.39);
    for (let k = 1; k <= 30; k++) stepParam(state, 'w5', -10);
    expect(state.params.value.w5).toBe(-1.61);
  });

  it('snaps an off-grid value to the step grid when moving by a whole step', () => {
    const state = at(0.123);
    stepParam(state, 'w5', 1);
    expect(state.params.value.w5).toBe(0.13);
  });

  it('clamps at the maximum and the minimum', () => {
    let state = at(4.95);
    stepParam(state, 'w5', 10);
    expect(state.params.value.w5).toBe(5);
    stepParam(state, 'w5', 1);
    expect(state.params.value.w5).toBe(5);
    state = at(-5);
    stepParam(state, 'w5', -1);
    expect(state.params.value.w5).toBe(-5);
    stepParam(state, 't1', -10);
    expect(state.params.value.t1).toBe(0);
    state.set('eta', 0.02);
    stepParam(state, 'eta', -1);
    expect(state.params.value.eta).toBe(0.01);
    stepParam(state, 'eta', -1);
    expect(state.params.value.eta).toBe(0.01);
  });

  it('recomputes derived once per step, and not at all when clamped in place', () => {
    const { spec, counter } = spyModel();
    const state = createModelState(spec);
    expect(derivesDuring(state, counter, () => stepParam(state, 'a', 1))).toEqual({
      derives: 1,
      effectRuns: 1,
    });
    state.set('a', 1);
    expect(derivesDuring(state, counter, () => stepParam(state, 'a', 1)).derives).toBe(0);
  });

  it('does nothing for a zero, NaN or infinite multiplier, or an unknown name', () => {
    const state = at(0.4);
    const before = state.params.value;
    for (const multiplier of [0, -0, NaN, Infinity, -Infinity]) {
      stepParam(state, 'w5', multiplier);
    }
    stepParam(state, 'zzz', 1);
    stepParam(state, 'toString', 1);
    stepParam(state, 'E', 1);
    expect(state.params.value).toBe(before);
  });

  it('stays in range, on a 0.001 grid and off -0, for any sequence of key presses (property)', () => {
    const multipliers = fc.constantFrom(1, 10, 0.1, -1, -10, -0.1);
    fc.assert(
      fc.property(
        fc.constantFrom('w5', 't1', 'eta'),
        fc.array(multipliers, { maxLength: 40 }),
        (name, presses) => {
          const state = createModelState(mazurModel);
          const p = mazurModel.params[name];
          for (const multiplier of presses) {
            stepParam(state, name, multiplier);
            const value = state.params.value[name];
            if (typeof value !== 'number') throw new Error(`${name} is not a number`);
            expect(value).toBeGreaterThanOrEqual(p.min);
            expect(value).toBeLessThanOrEqual(p.max);
            expect(Number(value.toFixed(3))).toBe(value);
            expect(Object.is(value, -0)).toBe(false);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
