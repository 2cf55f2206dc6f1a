import { effect } from '@preact/signals-core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModelState, stepParam, type ModelState, type Offload } from './store.ts';
import { defaultValues, defineModel, type Derived, type ParamValues } from './model.ts';
import { mazurModel } from './models/mazur.ts';

/**
 * A two-parameter model that counts its derive() calls. With `fail`, derive throws when a > 0.9
 * and returns NaN when b < -4, as an engine might for inputs it cannot handle.
 */
function spyModel({ fail = false } = {}) {
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
const derived = (state: ModelState) => ({
  sum: state.value('sum'),
  product: state.value('product'),
});

/** A state with an effect reading a derived value, as a read-out on the page would. */
function watched(state: ModelState) {
  const seen = { runs: 0 };
  const dispose = effect(() => {
    void state.value('sum');
    seen.runs++;
  });
  return { seen, dispose };
}

/** How many derive() calls `action` causes, with a subscriber attached. */
function derivesDuring(
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
      notice: '-7.12345678901 is below the minimum -5, so -5 is used.',
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
      resolve: (values: Derived) => void;
      reject: (error: unknown) => void;
    }> = [];
    const offload: Offload = (model, group, params) =>
      new Promise((resolve, reject) => jobs.push({ model, group, params, resolve, reject }));
    const state = createModelState(full, { offload });
    return { state, jobs };
  }

  /** Lets the promise callbacks and queued microtasks of the store run. */
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  it('is undefined until the answer arrives, then set; busy meanwhile', async () => {
    const { state, jobs } = offloaded();
    expect(state.value('far')).toBeUndefined();
    expect(jobs.map((j) => [j.model, j.group, j.params])).toEqual([
      ['spy', 'far', { a: 0.4, b: 2 }],
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
