import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BooleanParam, ChoiceParam, NumberParam, ParamSpec, ParamValue } from './model.ts';
import { acceptValue, describeValue, numberParam, parseValue, writeValue } from './params.ts';

const w: NumberParam = { label: 'weight w', default: 0.4, min: -5, max: 5, step: 0.01 };
const act: ChoiceParam = {
  kind: 'choice',
  label: 'activation',
  default: 'sigmoid',
  options: { sigmoid: 'sigmoid σ', tanh: 'tanh', 'leaky-relu': 'leaky ReLU' },
};
const on: BooleanParam = { kind: 'boolean', label: 'in place', default: false };

describe('acceptValue()', () => {
  it('takes a number in range as it is, without a notice', () => {
    expect(acceptValue(w, 'w', 0.5)).toEqual({ ok: true, value: 0.5 });
    expect(acceptValue(w, 'w', -5)).toEqual({ ok: true, value: -5 });
  });

  it('clamps a number out of range, with a notice in full precision', () => {
    expect(acceptValue(w, 'w', 7)).toEqual({
      ok: true,
      value: 5,
      notice: '7 is above the maximum 5, so 5 is used.',
    });
    expect(acceptValue(w, 'w', -7.123456789012345)).toEqual({
      ok: true,
      value: -5,
      notice: '\u22127.12345678901 is below the minimum \u22125, so \u22125 is used.',
    });
  });

  it('refuses a non-finite number, or anything that is not a number, for a number parameter', () => {
    for (const bad of [NaN, Infinity, -Infinity, '0.5', true, null, undefined, [1]]) {
      expect(acceptValue(w, 'w', bad), String(bad)).toEqual({
        ok: false,
        message: 'w must be an ordinary number.',
      });
    }
  });

  it("takes a choice's option by name, and refuses anything else, listing the options", () => {
    expect(acceptValue(act, 'act', 'tanh')).toEqual({ ok: true, value: 'tanh' });
    expect(acceptValue(act, 'act', 'leaky-relu')).toEqual({ ok: true, value: 'leaky-relu' });
    for (const bad of ['relu', 'TANH', ' tanh', 'toString', 'constructor', 1, true, undefined]) {
      expect(acceptValue(act, 'act', bad), String(bad)).toEqual({
        ok: false,
        message: 'act must be one of sigmoid, tanh, leaky-relu.',
      });
    }
  });

  it('takes true and false for a boolean, and refuses 1, 0 or words', () => {
    expect(acceptValue(on, 'inPlace', true)).toEqual({ ok: true, value: true });
    expect(acceptValue(on, 'inPlace', false)).toEqual({ ok: true, value: false });
    for (const bad of [1, 0, 'true', 'false', null]) {
      expect(acceptValue(on, 'inPlace', bad), String(bad)).toEqual({
        ok: false,
        message: 'inPlace must be true or false.',
      });
    }
  });
});

describe('parseValue()', () => {
  it('reads numbers as a reader types them, and clamps them with a notice', () => {
    expect(parseValue(w, 'm.w', '0,5')).toEqual({ ok: true, value: 0.5 });
    expect(parseValue(w, 'm.w', ' −2 ')).toEqual({ ok: true, value: -2 });
    expect(parseValue(w, 'm.w', '1e1')).toEqual({
      ok: true,
      value: 5,
      notice: '10 is above the maximum 5, so 5 is used.',
    });
  });

  it('refuses text that is not a usable number, without echoing it', () => {
    for (const bad of ['abc', '', 'NaN', 'Infinity', '1e999', '<b>x</b>']) {
      const parsed = parseValue(w, 'm.w', bad);
      expect(parsed, bad).toEqual({
        ok: false,
        message: 'm.w in the link is not a usable number, so it keeps its default.',
      });
    }
  });

  it("reads a choice's option name in any case and with spaces around it", () => {
    expect(parseValue(act, 'm.act', 'tanh')).toEqual({ ok: true, value: 'tanh' });
    expect(parseValue(act, 'm.act', ' TANH ')).toEqual({ ok: true, value: 'tanh' });
    expect(parseValue(act, 'm.act', 'Leaky-ReLU')).toEqual({ ok: true, value: 'leaky-relu' });
  });

  it('refuses a word that is not an option (nor a label, nor a prototype name), listing the options', () => {
    for (const bad of ['bogus', 'leaky ReLU', 'sigmoid σ', 'constructor', '__proto__', '']) {
      expect(parseValue(act, 'm.act', bad), bad).toEqual({
        ok: false,
        message:
          'm.act in the link must be one of sigmoid, tanh, leaky-relu, so it keeps its default.',
      });
    }
  });

  it('reads true/false and 1/0 for a boolean, in any case', () => {
    for (const [text, value] of [
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['false', false],
      [' False ', false],
      ['0', false],
    ] as const) {
      expect(parseValue(on, 'm.inPlace', text), text).toEqual({ ok: true, value });
    }
  });

  it('refuses any other word for a boolean', () => {
    for (const bad of ['yes', 'no', 'on', '2', '1.0', '']) {
      expect(parseValue(on, 'm.inPlace', bad), bad).toEqual({
        ok: false,
        message: 'm.inPlace in the link must be true or false, so it keeps its default.',
      });
    }
  });
});

describe('writeValue()', () => {
  it('writes booleans as true/false, options by name and numbers in their shortest exact form', () => {
    expect(writeValue(on, true)).toBe('true');
    expect(writeValue(on, false)).toBe('false');
    expect(writeValue(act, 'leaky-relu')).toBe('leaky-relu');
    expect(writeValue(w, 0.1 + 0.2)).toBe('0.30000000000000004');
    expect(writeValue(w, 1e-7)).toBe('1e-7');
  });

  it('is read back by parseValue() as the very same value, for every kind (property)', () => {
    type Case = readonly [ParamSpec, ParamValue];
    const cases = fc.oneof(
      // -0 is written as "0": the URL cannot tell them apart, and neither can `===`.
      fc.double({ noNaN: true, min: w.min, max: w.max }).map((v): Case => [w, v + 0]),
      fc.constantFrom(...Object.keys(act.options)).map((v): Case => [act, v]),
      fc.boolean().map((v): Case => [on, v]),
    );
    fc.assert(
      fc.property(cases, ([p, value]) => {
        expect(parseValue(p, 'm.p', writeValue(p, value))).toEqual({ ok: true, value });
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('describeValue()', () => {
  it("says an option's label, on or off for a boolean, and a number in full", () => {
    expect(describeValue(act, 'leaky-relu')).toBe('leaky ReLU');
    expect(describeValue(on, true)).toBe('on');
    expect(describeValue(on, false)).toBe('off');
    expect(describeValue(w, 0.4)).toBe('0.4');
    expect(describeValue(w, -7.123456789012345)).toBe('-7.12345678901');
  });
});

describe('numberParam()', () => {
  it('gives a number parameter by name, and undefined for other kinds or unknown names', () => {
    const params = { w, act, on };
    expect(numberParam(params, 'w')).toBe(w);
    for (const name of ['act', 'on', 'zzz', 'toString', 'constructor']) {
      expect(numberParam(params, name), name).toBeUndefined();
    }
  });
});

describe('acceptValue() for a whole-number parameter', () => {
  const steps = { label: 'N', default: 10, min: 1, max: 100, step: 1, integer: true } as const;

  it('rounds a fraction to a whole number and says so', () => {
    expect(acceptValue(steps, 'N', 2.5)).toEqual({
      ok: true,
      value: 3,
      notice: '2.5 is not a whole number, so 3 is used.',
    });
  });

  it('takes whole numbers as they are, and still keeps to the range', () => {
    expect(acceptValue(steps, 'N', 7)).toEqual({ ok: true, value: 7 });
    expect(acceptValue(steps, 'N', 0.2)).toMatchObject({ ok: true, value: 1 });
  });

  it('rounds a fraction in a link too, with a notice', () => {
    expect(parseValue(steps, 'mazur.steps', '2.5')).toMatchObject({ ok: true, value: 3 });
  });
});
