import { describe, expect, it } from 'vitest';
import { mazurWorkedExample } from '../engine/mazur.ts';
import { AuthoringError, resolveDigits, resolveParam, resolveValue } from './authoring.ts';

const at = 'content/docs/x.mdx: <Editable param>';

describe('resolveParam()', () => {
  it('returns the parameter spec of a valid reference', () => {
    const { model, name, param } = resolveParam('mazur.w5', at);
    expect([model.name, name, param.default, param.label]).toEqual([
      'mazur',
      'w5',
      0.4,
      'weight w5, from h1 to o1',
    ]);
  });

  it('names the file and prop, and lists the choices, for an unknown model or parameter', () => {
    expect(() => resolveParam('mazr.w5', at)).toThrow(
      'content/docs/x.mdx: <Editable param>="mazr.w5": there is no model "mazr". Models: mazur.',
    );
    expect(() => resolveParam('mazur.w9', at)).toThrow(
      /model "mazur" has no parameter "w9"\. Its parameters: i1, i2, w1/,
    );
    expect(() => resolveParam('mazur.E', at)).toThrow(/has no parameter "E"/);
    expect(() => resolveParam('mazur.constructor', at)).toThrow(AuthoringError);
  });

  it('rejects references that are not "model.name" strings', () => {
    expect(() => resolveParam('w5', at)).toThrow(/must have the form "model\.name"/);
    expect(() => resolveParam(5, at)).toThrow(/must be a string like "mazur\.w5", got 5/);
    expect(() => resolveParam(undefined, at)).toThrow(/got undefined/);
  });
});

describe('resolveValue()', () => {
  it('returns the default value the engine computes, for derived values and parameters', () => {
    expect(resolveValue('mazur.E', at).value).toBe(mazurWorkedExample().E);
    expect(resolveValue('mazur.w5', at).value).toBe(0.4);
    expect(resolveValue('mazur.eta', at).value).toBe(0.5);
  });

  it('suggests close names for a misspelt value', () => {
    expect(() => resolveValue('mazur.out_o3', at)).toThrow(
      /has no value "out_o3"\. Did you mean: .*out_o1/,
    );
  });
});

describe('resolveDigits()', () => {
  it('uses the fallback when absent and accepts whole numbers from 0 to 10', () => {
    expect(resolveDigits(undefined, at, 4)).toBe(4);
    expect(resolveDigits(0, at, 4)).toBe(0);
    expect(resolveDigits(10, at, 4)).toBe(10);
  });

  it('rejects anything else, naming the prop', () => {
    for (const bad of [-1, 11, 2.5, NaN, '4', null]) {
      expect(() => resolveDigits(bad, at, 4)).toThrow(
        /<Editable param>=.* must be a whole number from 0 to 10/,
      );
    }
  });
});
