import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  checkModel,
  defaultValues,
  defineModel,
  derivedInfo,
  editableDigits,
  isNumberParam,
  kindOf,
  modelOfInstance,
  paramDigits,
  runGroup,
  snap,
  splitRef,
  type ChoiceParam,
  type DerivedGroup,
  type ModelSpec,
  type NumberParam,
  type ParamSpec,
  type ParamValues,
} from './model.ts';

const x: NumberParam = { label: 'x', default: 0.5, min: 0, max: 1, step: 0.01 };

/** A valid one-parameter spec `m.x` deriving `y`, with the given changes. */
function spec(
  changes: {
    name?: string;
    x?: Partial<NumberParam>;
    values?: DerivedGroup;
    groups?: ModelSpec['groups'];
  } = {},
): ModelSpec {
  return {
    name: changes.name ?? 'm',
    params: { x: { ...x, ...changes.x } },
    values: changes.values ?? { numbers: ['y'], derive: (p) => ({ y: 2 * Number(p.x) }) },
    ...(changes.groups ? { groups: changes.groups } : {}),
  };
}

/** A spec whose only parameter is `p`. */
const withParam = (p: ParamSpec): ModelSpec => ({
  name: 'm',
  params: { p },
  values: { numbers: [], derive: () => ({}) },
});

const act: ChoiceParam = {
  kind: 'choice',
  label: 'activation',
  default: 'relu',
  options: { relu: 'ReLU', tanh: 'tanh', 'leaky-relu': 'leaky ReLU' },
};

describe('defineModel()', () => {
  it('returns the very spec it was given when the spec is valid', () => {
    const s = spec();
    expect(defineModel(s)).toBe(s);
  });

  it('runs nothing: neither the values nor a lazy group are derived', () => {
    const values = vi.fn((p: ParamValues) => ({ y: Number(p.x) }));
    const slow = vi.fn(() => ({ z: 1 }));
    defineModel(
      spec({
        values: { numbers: ['y'], derive: values },
        groups: { slow: { numbers: ['z'], derive: slow } },
      }),
    );
    expect(values).not.toHaveBeenCalled();
    expect(slow).not.toHaveBeenCalled();
  });

  it('accepts model names of lower-case letters and digits that start with a letter', () => {
    for (const name of ['m', 'mazur', 'xor2', 'a1b2']) {
      expect(() => defineModel(spec({ name }))).not.toThrow();
    }
  });

  it('rejects a model name that is empty, capitalised, starts with a digit or has punctuation', () => {
    for (const name of ['', 'Mazur', 'mAzur', '2x', 'ma-zur', 'ma.zur', 'ma zur', 'ma_zur']) {
      expect(() => defineModel(spec({ name })), name).toThrow(
        `Model name "${name}" must be lower-case letters and digits.`,
      );
    }
  });

  it('rejects a parameter name that is not an identifier, naming model.param', () => {
    for (const bad of ['5w', 'w-5', 'w.5', 'w 5', '_w', '']) {
      const s: ModelSpec = {
        name: 'm',
        params: { [bad]: x },
        values: { numbers: [], derive: () => ({}) },
      };
      expect(() => defineModel(s), bad).toThrow(`m.${bad}: not a valid parameter name.`);
    }
  });

  it('rejects a parameter without a label, of any kind', () => {
    expect(() => defineModel(spec({ x: { label: ' ' } }))).toThrow('m.x: needs a label.');
    expect(() => defineModel(withParam({ ...act, label: '' }))).toThrow('m.p: needs a label.');
    expect(() => defineModel(withParam({ kind: 'boolean', label: '', default: true }))).toThrow(
      'm.p: needs a label.',
    );
  });

  it('rejects a text parameter whose default is too long or fails its own check', () => {
    const text = { kind: 'text', label: 'f', default: 'x', maxLength: 5 } as const;
    expect(() => defineModel(withParam(text))).not.toThrow();
    expect(() => defineModel(withParam({ ...text, default: 'x + x + x' }))).toThrow(
      'm.p: default must be a text of at most 5 characters.',
    );
    expect(() => defineModel(withParam({ ...text, maxLength: 0 }))).toThrow(
      'm.p: maxLength must be a whole number from 1 to 1000.',
    );
    const check = (t: string) => (t === 'x' ? { message: 'not x', position: 0 } : undefined);
    expect(() => defineModel(withParam({ ...text, check }))).toThrow(
      'm.p: default "x" fails its check: not x',
    );
  });

  it('rejects a default below the minimum or above the maximum, naming model.param', () => {
    expect(() => defineModel(spec({ x: { default: -0.1 } }))).toThrow(
      'm.x: default -0.1 is outside [0, 1].',
    );
    expect(() => defineModel(spec({ x: { default: 6 } }))).toThrow(
      'm.x: default 6 is outside [0, 1].',
    );
  });

  it('rejects a range whose minimum is above its maximum', () => {
    expect(() => defineModel(spec({ x: { min: 1, max: 0, default: 0.5 } }))).toThrow(
      /^m\.x: default 0\.5 is outside \[1, 0\]\.$/,
    );
  });

  it('accepts a default equal to the minimum or the maximum', () => {
    expect(() => defineModel(spec({ x: { default: 0 } }))).not.toThrow();
    expect(() => defineModel(spec({ x: { default: 1 } }))).not.toThrow();
  });

  it('rejects a zero or negative step, naming model.param', () => {
    for (const step of [0, -0, -0.01]) {
      expect(() => defineModel(spec({ x: { step } })), String(step)).toThrow(
        'm.x: step must be positive.',
      );
    }
  });

  it('rejects a non-finite default, min, max or step, naming model.param', () => {
    const bad: Partial<NumberParam>[] = [
      { default: NaN },
      { min: -Infinity },
      { max: Infinity },
      { step: NaN },
      { step: Infinity },
    ];
    for (const change of bad) {
      expect(() => defineModel(spec({ x: change })), JSON.stringify(change)).toThrow(
        'm.x: default, min, max and step must be finite numbers.',
      );
    }
  });

  it('rejects digits that toFixed() cannot show, naming model.param', () => {
    for (const digits of [-1, 1.5, 101, NaN]) {
      expect(() => defineModel(spec({ x: { digits } })), String(digits)).toThrow(
        'm.x: digits must be a whole number from 0 to 100.',
      );
    }
    expect(() => defineModel(spec({ x: { digits: 0 } }))).not.toThrow();
    expect(() => defineModel(spec({ x: { digits: 6 } }))).not.toThrow();
  });

  it('rejects a declared derived value that has the name of a parameter, naming model.param', () => {
    expect(() =>
      defineModel(spec({ values: { numbers: ['x'], derive: () => ({ x: 1 }) } })),
    ).toThrow("m.x: a derived value may not have a parameter's name.");
    expect(() =>
      defineModel(
        spec({ groups: { g: { numbers: [], arrays: ['x'], derive: () => ({ x: [1] }) } } }),
      ),
    ).toThrow("m.x: a derived value may not have a parameter's name.");
  });

  it('rejects two derived values of the same name, within a group or across groups', () => {
    expect(() =>
      defineModel(spec({ values: { numbers: ['y', 'y'], derive: () => ({}) } })),
    ).toThrow('m.y: two derived values share this name.');
    expect(() =>
      defineModel(spec({ groups: { g: { numbers: [], arrays: ['y'], derive: () => ({}) } } })),
    ).toThrow('m.y: two derived values share this name.');
  });

  it('rejects a derived name that is not an identifier', () => {
    for (const bad of ['1y', 'y-1', '']) {
      expect(
        () => defineModel(spec({ values: { numbers: [bad], derive: () => ({}) } })),
        bad,
      ).toThrow(`m.${bad}: not a valid name for a derived value.`);
    }
  });

  it('accepts derived values named like Object.prototype members (toString, constructor)', () => {
    const values = {
      numbers: ['toString', 'constructor'],
      derive: () => ({ toString: 1, constructor: 2 }),
    };
    expect(() => defineModel(spec({ values }))).not.toThrow();
  });
});

describe('defineModel() with choice and boolean parameters', () => {
  it('accepts a choice with a valid default and option names of lower-case letters, digits and dashes', () => {
    expect(() => defineModel(withParam(act))).not.toThrow();
  });

  it('rejects a choice whose default is not one of its options, listing them', () => {
    expect(() => defineModel(withParam({ ...act, default: 'elu' }))).toThrow(
      'm.p: default "elu" is not one of relu, tanh, leaky-relu.',
    );
    // Own options only: Object.prototype's names are not options.
    expect(() => defineModel(withParam({ ...act, default: 'toString' }))).toThrow(
      /default "toString" is not one of/,
    );
  });

  it('rejects a choice with fewer than two options', () => {
    for (const options of [{}, { relu: 'ReLU' }]) {
      expect(() => defineModel(withParam({ ...act, options })), JSON.stringify(options)).toThrow(
        'm.p: a choice needs at least two options.',
      );
    }
  });

  it('rejects an option name that the URL could not carry plainly', () => {
    for (const bad of ['ReLU', 'leaky_relu', '1x', 'a b', '-a', '']) {
      const options = { relu: 'ReLU', [bad]: 'bad' };
      expect(() => defineModel(withParam({ ...act, options })), bad).toThrow(
        `m.p: option "${bad}" must be lower-case letters, digits and dashes.`,
      );
    }
  });

  it('rejects a boolean whose default is not true or false', () => {
    expect(() =>
      defineModel(withParam({ kind: 'boolean', label: 'on', default: true })),
    ).not.toThrow();
    for (const bad of [0, 1, 'true', undefined]) {
      const p = { kind: 'boolean', label: 'on', default: bad } as unknown as ParamSpec;
      expect(() => defineModel(withParam(p)), String(bad)).toThrow(
        'm.p: default must be true or false.',
      );
    }
  });

  it('kindOf() reads a missing kind as a number, and isNumberParam() agrees', () => {
    expect(kindOf(x)).toBe('number');
    expect(kindOf({ ...x, kind: 'number' })).toBe('number');
    expect(kindOf(act)).toBe('choice');
    expect(kindOf({ kind: 'boolean', label: 'on', default: false })).toBe('boolean');
    expect([x, act].map(isNumberParam)).toEqual([true, false]);
  });
});

describe('checkModel() and runGroup()', () => {
  it('checkModel() runs each group once, at the defaults, and returns every value', () => {
    const values = vi.fn((p: ParamValues) => ({ y: 2 * Number(p.x) }));
    const slow = vi.fn((p: ParamValues) => ({ z: Number(p.x) + 1, path: [1, 2] }));
    const s = spec({
      values: { numbers: ['y'], derive: values },
      groups: { slow: { numbers: ['z'], arrays: ['path'], derive: slow } },
    });
    expect(checkModel(s)).toEqual({ y: 1, z: 1.5, path: [1, 2] });
    expect(values).toHaveBeenCalledTimes(1);
    expect(values).toHaveBeenCalledWith({ x: 0.5 });
    expect(slow).toHaveBeenCalledTimes(1);
    expect(slow).toHaveBeenCalledWith({ x: 0.5 });
  });

  it('checkModel() derives at the values it is given', () => {
    expect(checkModel(spec(), { x: 0.25 })).toEqual({ y: 0.5 });
  });

  it('rejects a non-finite derived number, naming model.value', () => {
    expect(() =>
      checkModel(spec({ values: { numbers: ['y'], derive: () => ({ y: NaN }) } })),
    ).toThrow('m.y: derived value is NaN.');
    const values = { numbers: ['ok', 'z'], derive: () => ({ ok: 1, z: -Infinity }) };
    expect(() => checkModel(spec({ values }))).toThrow('m.z: derived value is -Infinity.');
  });

  it('rejects a declared number that is missing or is an array', () => {
    const s = spec();
    expect(() => runGroup(s, { numbers: ['y'], derive: () => ({}) }, { x: 0.5 })).toThrow(
      'm.y: derived value is undefined.',
    );
    expect(() =>
      runGroup(s, { numbers: ['y'], derive: () => ({ y: [1, 2] }) }, { x: 0.5 }),
    ).toThrow(/^m\.y: derived value is /);
  });

  it('rejects a computed name that was not declared', () => {
    const group = { numbers: ['y'], derive: () => ({ y: 1, extra: 2 }) };
    expect(() => runGroup(spec(), group, { x: 0.5 })).toThrow(
      'm.extra: computed but not declared.',
    );
  });

  it('rejects a NaN or an infinity inside a declared array, in a plain or a typed array', () => {
    for (const bad of [[0, NaN, 1], Float64Array.of(1, Infinity)]) {
      const group = { numbers: [], arrays: ['path'], derive: () => ({ path: bad }) };
      expect(() => runGroup(spec(), group, { x: 0.5 })).toThrow(
        'm.path: must be an array of finite numbers.',
      );
    }
  });

  it('rejects a number or nothing where an array is declared', () => {
    for (const out of [{ path: 3 }, {}]) {
      const group = { numbers: [], arrays: ['path'], derive: () => out };
      expect(() => runGroup(spec(), group, { x: 0.5 }), JSON.stringify(out)).toThrow(
        'm.path: must be an array of finite numbers.',
      );
    }
  });

  it('accepts empty arrays and typed arrays of finite numbers, and returns them as they are', () => {
    const curve = Float64Array.of(0, 1, 2);
    const group = { numbers: [], arrays: ['curve', 'none'], derive: () => ({ curve, none: [] }) };
    const out = runGroup(spec(), group, { x: 0.5 });
    expect(out['curve']).toBe(curve);
    expect(out['none']).toEqual([]);
  });
});

describe('derivedInfo()', () => {
  it('tells, without running anything, which group computes each name and whether it is an array', () => {
    const derive = vi.fn(() => ({}));
    const s = spec({
      values: { numbers: ['y'], arrays: ['curve'], derive },
      groups: { slow: { numbers: ['z'], arrays: ['path'], derive } },
    });
    expect([...derivedInfo(s)]).toEqual([
      ['y', { group: '', array: false }],
      ['curve', { group: '', array: true }],
      ['z', { group: 'slow', array: false }],
      ['path', { group: 'slow', array: true }],
    ]);
    expect(derivedInfo(s)).toBe(derivedInfo(s));
    expect(derive).not.toHaveBeenCalled();
  });
});

describe('defaultValues()', () => {
  it('gives every parameter its default, of every kind, and nothing else', () => {
    const s: ModelSpec = {
      name: 'm',
      params: {
        a: { ...x, default: 0.1 },
        b: { ...x, default: 0.9 },
        act,
        on: { kind: 'boolean', label: 'on', default: true },
      },
      values: { numbers: [], derive: () => ({}) },
    };
    expect(defaultValues(s)).toEqual({ a: 0.1, b: 0.9, act: 'relu', on: true });
  });
});

describe('paramDigits()', () => {
  it('uses the digits given in the spec', () => {
    expect(paramDigits({ ...x, digits: 5 })).toBe(5);
    expect(paramDigits({ ...x, digits: 0 })).toBe(0);
  });

  it('otherwise uses as many digits as the step needs', () => {
    expect(paramDigits({ ...x, step: 0.01 })).toBe(2);
    expect(paramDigits({ ...x, step: 0.5 })).toBe(1);
    expect(paramDigits({ ...x, step: 1 })).toBe(0);
  });
});

describe('splitRef()', () => {
  it('splits "mazur.w5" into its instance, model and name', () => {
    expect(splitRef('mazur.w5')).toEqual({ instance: 'mazur', model: 'mazur', name: 'w5' });
    expect(splitRef('mazur.dE_dw5')).toEqual({ instance: 'mazur', model: 'mazur', name: 'dE_dw5' });
    expect(splitRef('xor2.W')).toEqual({ instance: 'xor2', model: 'xor2', name: 'W' });
  });

  it('splits a suffixed instance, "zigzag-tanh.w0", into instance "zigzag-tanh" of model "zigzag"', () => {
    expect(splitRef('zigzag-tanh.w0')).toEqual({
      instance: 'zigzag-tanh',
      model: 'zigzag',
      name: 'w0',
    });
    expect(splitRef('neuron-2.a')).toEqual({ instance: 'neuron-2', model: 'neuron', name: 'a' });
  });

  it('returns undefined for anything that is not exactly instance.name', () => {
    for (const ref of [
      '',
      'mazur',
      'mazur.',
      '.w5',
      'mazur.w5.x',
      'Mazur.w5',
      'mazur.5w',
      ' mazur.w5',
      'mazur.w5 ',
      'mazur.__proto__',
      'ma-zur-x.w5',
      'mazur-.w5',
      'mazur-X.w5',
      '-mazur.w5',
      'mazur_x.w5',
    ]) {
      expect(splitRef(ref), ref).toBeUndefined();
    }
  });
});

describe('modelOfInstance()', () => {
  it('gives the model an instance belongs to', () => {
    expect(modelOfInstance('mazur')).toBe('mazur');
    expect(modelOfInstance('zigzag-tanh')).toBe('zigzag');
    expect(modelOfInstance('neuron-2')).toBe('neuron');
  });

  it('gives undefined for a name that is not an instance name', () => {
    for (const bad of ['', 'Mazur', 'a-b-c', 'mazur-', '-x', 'mazur.w5', '2x']) {
      expect(modelOfInstance(bad), bad).toBeUndefined();
    }
  });

  it('agrees with splitRef() on every ref splitRef() accepts (property)', () => {
    const part = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
    fc.assert(
      fc.property(
        part,
        fc.option(fc.stringMatching(/^[a-z0-9]{1,5}$/)),
        part,
        (model, suffix, name) => {
          const instance = suffix === null ? model : `${model}-${suffix}`;
          expect(splitRef(`${instance}.${name}`)).toEqual({ instance, model, name });
          expect(modelOfInstance(instance)).toBe(model);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('snap()', () => {
  const w: NumberParam = { label: 'w', default: 0.4, min: -5, max: 5, step: 0.01 };

  it('removes binary noise: 0.4 + 0.01 snaps to exactly 0.41', () => {
    expect(0.4 + 0.01).not.toBe(0.41);
    expect(snap(w, 0.4 + 0.01)).toBe(0.41);
    expect(snap(w, 0.1 + 0.2)).toBe(0.3);
  });

  it('rounds to the nearest step', () => {
    expect(snap(w, 0.404)).toBe(0.4);
    expect(snap(w, 0.406)).toBe(0.41);
    expect(snap(w, -1.234)).toBe(-1.23);
  });

  it('measures the grid from the minimum', () => {
    const p: NumberParam = { label: 'p', default: 0.1, min: 0.1, max: 10, step: 0.25 };
    expect(snap(p, 1)).toBe(1.1);
    expect(snap(p, 0.2)).toBe(0.1);
  });

  it('snaps to a finer grid when one is given', () => {
    expect(snap(w, 0.40123, 0.001)).toBe(0.401);
    expect(snap(w, 0.4 + 0.001, 0.001)).toBe(0.401);
  });

  it('uses the step when the grid is zero, negative or not a number', () => {
    for (const grid of [0, -0.001, NaN, Infinity]) {
      expect(snap(w, 0.40123, grid), String(grid)).toBe(0.4);
    }
  });

  it('clamps to the range, including ±Infinity', () => {
    expect(snap(w, 7)).toBe(5);
    expect(snap(w, -7)).toBe(-5);
    expect(snap(w, Infinity)).toBe(5);
    expect(snap(w, -Infinity)).toBe(-5);
  });

  it('gives 0, never -0, even when min + k·step lands a hair below zero', () => {
    expect(Object.is(snap(w, -0), 0)).toBe(true);
    // -0.9 + 3 × 0.3 is -1.1e-16, which toFixed() turns into "-0.000".
    const p: NumberParam = { label: 'p', default: 0, min: -0.9, max: 0.9, step: 0.3 };
    expect(Object.is(snap(p, 0), 0)).toBe(true);
    expect(Object.is(snap(p, -0.01), 0)).toBe(true);
    expect(String(snap(p, 0))).toBe('0');
  });

  it('lands in range, on the grid, never on -0, and is idempotent (property)', () => {
    const specs: NumberParam[] = [
      w,
      { label: 't', default: 0.01, min: 0, max: 1, step: 0.01 },
      { label: 'eta', default: 0.5, min: 0.01, max: 5, step: 0.01 },
      { label: 'q', default: 0, min: -0.3, max: 0.7, step: 0.1 },
      { label: 'r', default: 0, min: -0.9, max: 0.9, step: 0.3 },
      { label: 'n', default: 3, min: 1, max: 64, step: 1 },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.double({ noNaN: true, min: -10, max: 70 }),
        fc.constantFrom(1, 0.1, 0.5),
        (p, value, fraction) => {
          const grid = p.step * fraction;
          const snapped = snap(p, value, grid);
          expect(snapped).toBeGreaterThanOrEqual(p.min);
          expect(snapped).toBeLessThanOrEqual(p.max);
          expect(Object.is(snapped, -0)).toBe(false);
          const k = (snapped - p.min) / grid;
          expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
          expect(snap(p, snapped, grid)).toBe(snapped);
          if (value >= p.min && value <= p.max) {
            expect(Math.abs(snapped - value)).toBeLessThanOrEqual(grid / 2 + 1e-9);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('editableDigits()', () => {
  const w: NumberParam = { label: 'w', default: 0.4, min: -5, max: 5, step: 0.01 };

  it("uses the parameter's digits when the value needs no more", () => {
    expect(editableDigits(w, 0.4)).toBe(2);
    expect(editableDigits(w, 0.41)).toBe(2);
    expect(editableDigits(w, 0.4 + 0.01)).toBe(2);
  });

  it('shows every digit the value has, so that the field never hides one', () => {
    expect(editableDigits(w, 0.401)).toBe(3);
    expect(editableDigits(w, 0.4012)).toBe(4);
    expect(editableDigits(w, 0.40123)).toBe(5);
    // Math.PI to formatFull's 12 significant digits: 3.14159265359.
    expect(editableDigits(w, Math.PI)).toBe(11);
  });

  it('counts from the digits given in the spec', () => {
    expect(editableDigits({ ...w, digits: 3 }, 0.4)).toBe(3);
    expect(editableDigits({ ...w, digits: 3 }, 0.40001)).toBe(5);
  });
});
