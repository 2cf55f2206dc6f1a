import { describe, expect, it } from 'vitest';
import { checkModel, defaultValues, type ParamValues } from '../model.ts';
import { acceptValue, parseValue } from '../params.ts';
import { decodeState, encodeState } from '../url-codec.ts';
import { autodiffModel } from './autodiff.ts';

const at = (params: ParamValues = {}) =>
  checkModel(autodiffModel, { ...defaultValues(autodiffModel), ...params });
const num = (v: ReturnType<typeof at>, name: string): number => {
  const value = v[name];
  if (typeof value !== 'number') throw new Error(`${name} is not a number`);
  return value;
};
const fn = autodiffModel.params.fn;

describe('autodiffModel', () => {
  it('reproduces the notes at x = 1, w = 0, b = 0: f = 0.5, and ∂f/∂w = 0.25 in both modes', () => {
    const v = at();
    expect(num(v, 'f')).toBe(0.5);
    expect(num(v, 'steps')).toBe(6);
    expect(num(v, 'seedDerivative')).toBe(0.25);
    expect(num(v, 'dfdw')).toBe(0.25);
    expect(num(v, 'dfdb')).toBe(0.25);
    expect(Array.from(v['nodeTangents'] as Float64Array).slice(3)).toEqual([
      1, 1, -1, -1, -1, 0.25,
    ]);
    expect(Array.from(v['nodeAdjoints'] as Float64Array).slice(3)).toEqual([
      0.25, 0.25, -0.25, -0.25, -0.25, 1,
    ]);
  });

  it('differentiates a typed function in both modes, matching central differences', () => {
    const v = at({ fn: 'tanh(w*x + b)^2 + max(0, x)', x: 0.7, w: -1.3, b: 0.4, seed: 'x' });
    expect(num(v, 'defined')).toBe(1);
    expect(num(v, 'seedDerivative')).toBeCloseTo(num(v, 'dfdx'), 12);
    for (const name of ['x', 'w', 'b']) {
      expect(num(v, `dfd${name}`)).toBeCloseTo(num(v, `fd${name}`), 6);
      // Forward mode, one pass per seed, agrees with the one reverse pass.
      expect(num(v, `fwd${name}`)).toBeCloseTo(num(v, `dfd${name}`), 12);
    }
  });

  it('gives 0 for an input the function does not use, in both modes', () => {
    const v = at({ fn: 'x*w + sin(w)', x: 2, w: 0.5 });
    expect(num(v, 'dfdb')).toBe(0);
    expect(num(v, 'fwdb')).toBe(0);
    expect(num(v, 'fwdw')).toBeCloseTo(2 + Math.cos(0.5), 12);
  });

  it('says where the function is not defined, with no number that is not one', () => {
    const v = at({ fn: 'log(x - 2)' });
    expect(num(v, 'defined')).toBe(0);
    expect(
      Object.values(v).every((value) => typeof value !== 'number' || Number.isFinite(value)),
    ).toBe(true);
  });
});

describe('the pass-count table', () => {
  it('needs one forward pass per input and one reverse pass per output', () => {
    const v = at();
    // The backprop chapter's network: 10 parameters, one loss.
    expect([num(v, 'forwardPasses'), num(v, 'reversePasses')]).toEqual([10, 1]);
    const w = at({ nIn: 784, nOut: 10 });
    expect([num(w, 'forwardPasses'), num(w, 'reversePasses')]).toEqual([784, 10]);
  });
});

describe('the function as a text parameter', () => {
  it('accepts a function the parser reads, and refuses one it cannot, saying where', () => {
    expect(acceptValue(fn, 'fn', 'x^2 + w')).toEqual({ ok: true, value: 'x^2 + w' });
    expect(acceptValue(fn, 'fn', 'x^2 +')).toEqual({
      ok: false,
      message: 'Expected a number, a variable or "(", found the end.',
      position: 5,
    });
    expect(acceptValue(fn, 'fn', '3 + 4')).toMatchObject({
      ok: false,
      message: 'The function must use at least one of x, w and b.',
    });
    expect(acceptValue(fn, 'fn', 42)).toEqual({ ok: false, message: 'fn must be a text.' });
  });

  it('travels in the URL, and a bad one from a link keeps the default without echoing it', () => {
    const search = encodeState('', [
      {
        instance: 'autodiff',
        spec: autodiffModel,
        values: { ...defaultValues(autodiffModel), fn: 'sin(w x) / (1 + b^2)' },
      },
    ]);
    expect(decodeState(search, { autodiff: autodiffModel }).values).toEqual({
      autodiff: { fn: 'sin(w x) / (1 + b^2)' },
    });
    const bad = decodeState('?autodiff.fn=alert(1)', { autodiff: autodiffModel });
    expect(bad.values).toEqual({});
    expect(bad.notices).toEqual([
      'autodiff.fn in the link is not a text this page can use, so it keeps its default.',
    ]);
    expect(parseValue(fn, 'fn', 'x'.repeat(201)).ok).toBe(false);
  });
});
