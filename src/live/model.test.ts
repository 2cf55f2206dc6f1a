import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  defaultValues,
  defineModel,
  editableDigits,
  paramDigits,
  snap,
  splitRef,
  type ModelSpec,
  type ParamSpec,
} from './model.ts';

const x: ParamSpec = { label: 'x', default: 0.5, min: 0, max: 1, step: 0.01 };

/** A valid one-parameter spec `m.x`, with the given changes. */
function spec(
  changes: { name?: string; x?: Partial<ParamSpec>; derive?: ModelSpec['derive'] } = {},
): ModelSpec {
  return {
    name: changes.name ?? 'm',
    params: { x: { ...x, ...changes.x } },
    derive: changes.derive ?? ((p) => ({ y: 2 * (p.x ?? 0) })),
  };
}

describe('defineModel()', () => {
  it('returns the very spec it was given when the spec is valid', () => {
    const s = spec();
    expect(defineModel(s)).toBe(s);
  });

  it('calls derive() once, with the defaults', () => {
    const derive = vi.fn((p: Readonly<Record<string, number>>) => ({ y: p.x ?? 0 }));
    defineModel(spec({ derive }));
    expect(derive).toHaveBeenCalledTimes(1);
    expect(derive).toHaveBeenCalledWith({ x: 0.5 });
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
      const s: ModelSpec = { name: 'm', params: { [bad]: x }, derive: () => ({}) };
      expect(() => defineModel(s), bad).toThrow(`m.${bad}: not a valid parameter name.`);
    }
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
    const bad: Partial<ParamSpec>[] = [
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

  it('rejects a derived value that has the name of a parameter, naming model.param', () => {
    expect(() => defineModel(spec({ derive: () => ({ x: 1 }) }))).toThrow(
      "m.x: a derived value may not have a parameter's name.",
    );
  });

  it('accepts derived values named like Object.prototype members (toString, constructor)', () => {
    expect(() =>
      defineModel(spec({ derive: () => ({ toString: 1, constructor: 2 }) })),
    ).not.toThrow();
  });

  it('rejects a non-finite derived value, naming model.value', () => {
    expect(() => defineModel(spec({ derive: () => ({ y: NaN }) }))).toThrow(
      'm.y: derived value is NaN.',
    );
    expect(() => defineModel(spec({ derive: () => ({ ok: 1, z: -Infinity }) }))).toThrow(
      'm.z: derived value is -Infinity.',
    );
  });
});

describe('defaultValues()', () => {
  it('gives every parameter its default, and nothing else', () => {
    const s: ModelSpec = {
      name: 'm',
      params: { a: { ...x, default: 0.1 }, b: { ...x, default: 0.9 } },
      derive: () => ({}),
    };
    expect(defaultValues(s)).toEqual({ a: 0.1, b: 0.9 });
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
  it('splits "mazur.w5" into its model and name', () => {
    expect(splitRef('mazur.w5')).toEqual({ model: 'mazur', name: 'w5' });
    expect(splitRef('mazur.dE_dw5')).toEqual({ model: 'mazur', name: 'dE_dw5' });
    expect(splitRef('xor2.W')).toEqual({ model: 'xor2', name: 'W' });
  });

  it('returns undefined for anything that is not exactly model.name', () => {
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
      'ma-zur.w5',
    ]) {
      expect(splitRef(ref), ref).toBeUndefined();
    }
  });
});

describe('snap()', () => {
  const w: ParamSpec = { label: 'w', default: 0.4, min: -5, max: 5, step: 0.01 };

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
    const p: ParamSpec = { label: 'p', default: 0.1, min: 0.1, max: 10, step: 0.25 };
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
    const p: ParamSpec = { label: 'p', default: 0, min: -0.9, max: 0.9, step: 0.3 };
    expect(Object.is(snap(p, 0), 0)).toBe(true);
    expect(Object.is(snap(p, -0.01), 0)).toBe(true);
    expect(String(snap(p, 0))).toBe('0');
  });

  it('lands in range, on the grid, never on -0, and is idempotent (property)', () => {
    const specs: ParamSpec[] = [
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
  const w: ParamSpec = { label: 'w', default: 0.4, min: -5, max: 5, step: 0.01 };

  it("uses the parameter's digits when the value needs no more", () => {
    expect(editableDigits(w, 0.4)).toBe(2);
    expect(editableDigits(w, 0.41)).toBe(2);
    expect(editableDigits(w, 0.4 + 0.01)).toBe(2);
  });

  it('shows up to two more digits when the value has them', () => {
    expect(editableDigits(w, 0.401)).toBe(3);
    expect(editableDigits(w, 0.4012)).toBe(4);
  });

  it('stops at two more digits than the parameter has', () => {
    expect(editableDigits(w, 0.40123)).toBe(4);
    expect(editableDigits(w, Math.PI)).toBe(4);
  });

  it('counts from the digits given in the spec', () => {
    expect(editableDigits({ ...w, digits: 3 }, 0.4)).toBe(3);
    expect(editableDigits({ ...w, digits: 3 }, 0.40001)).toBe(5);
  });
});
