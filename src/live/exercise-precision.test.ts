import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthoringError } from './authoring-error.ts';
import { checkAnswer } from './exercise.ts';
import {
  DEFAULT_SPEC,
  allowedError,
  checkAnswerSize,
  describeAnswer,
  describeTolerance,
  figuresFor,
  formatAnswer,
  isWithin,
  plainNumber,
  resolveAnswerSpec,
  resolvePositive,
  shownAnswer,
  specFromData,
  specToData,
  type AnswerSpec,
  type PrecisionProps,
} from './exercise-precision.ts';

const at = (prop: string): string => `content/docs/x.mdx: <Exercise ${prop}>`;
const spec = (props: PrecisionProps): AnswerSpec => resolveAnswerSpec(props, at);
const sentence = (props: PrecisionProps): string => describeAnswer(spec(props));
/** Rounds as a student writing down 4 decimals does. */
const r4 = (x: number): number => Number(x.toFixed(4));

describe('resolveAnswerSpec(): defaults and props', () => {
  it('asks for 4 decimal places and accepts ±0.0002 by default', () => {
    expect(spec({})).toEqual(DEFAULT_SPEC);
    expect(DEFAULT_SPEC).toEqual({
      precision: { kind: 'decimals', digits: 4 },
      tolerance: { absolute: 0.0002, relative: 0 },
    });
  });

  it('accepts two units in the last decimal asked for', () => {
    expect(spec({ digits: 6 }).tolerance).toEqual({ absolute: 2e-6, relative: 0 });
    expect(spec({ digits: 2 }).tolerance.absolute).toBeCloseTo(0.02, 15);
    expect(spec({ digits: 0 }).tolerance.absolute).toBe(2);
  });

  it('asks for significant figures and accepts 10^(1−s) relatively (1% for 3)', () => {
    expect(spec({ significant: 3 })).toEqual({
      precision: { kind: 'figures', figures: 3 },
      tolerance: { absolute: 0, relative: 0.01 },
    });
    expect(spec({ significant: 4 }).tolerance.relative).toBeCloseTo(0.001, 15);
  });

  it('with relative alone, asks for enough figures that rounding uses half of it at most', () => {
    expect(spec({ relative: 0.001 })).toEqual({
      precision: { kind: 'figures', figures: 4 },
      tolerance: { absolute: 0, relative: 0.001 },
    });
    expect(figuresFor(0.01)).toBe(3);
    expect(figuresFor(0.05)).toBe(3);
    expect(figuresFor(0.5)).toBe(2);
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 0.99, noNaN: true }), (relative) => {
        const figures = figuresFor(relative);
        // Rounding to `figures` moves a value by at most 0.5·10^(1−figures), relatively.
        if (figures < 10) expect(0.5 * 10 ** (1 - figures)).toBeLessThanOrEqual(relative / 2);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('keeps an explicit tolerance, and the looser of two', () => {
    expect(spec({ tolerance: 0.001 })).toEqual({
      precision: { kind: 'decimals', digits: 4 },
      tolerance: { absolute: 0.001, relative: 0 },
    });
    const both = spec({ tolerance: 0.001, relative: 0.01 });
    expect(both.precision).toEqual({ kind: 'decimals', digits: 4 });
    expect(allowedError(0.05, both.tolerance)).toBe(0.001);
    expect(allowedError(-5, both.tolerance)).toBe(0.05);
    expect(spec({ digits: 3, relative: 0.01 }).tolerance).toEqual({
      absolute: 0.002,
      relative: 0.01,
    });
  });

  it('refuses a tolerance that could reject a correctly rounded answer', () => {
    expect(() => spec({ tolerance: 0.00001 })).toThrow(
      'content/docs/x.mdx: <Exercise tolerance>={0.00001} is tighter than rounding to 4 decimal places (up to 0.00005), so a correctly rounded answer could be rejected. Use at least {0.00005}, or ask for more places with digits={5}.',
    );
    expect(() => spec({ tolerance: 0.00005 })).not.toThrow();
    expect(() => spec({ significant: 3, relative: 0.001 })).toThrow(
      /<Exercise relative>=\{0.001\} is tighter than rounding to 3 significant figures \(up to 0.5%\)/,
    );
    expect(() => spec({ significant: 3, relative: 0.005 })).not.toThrow();
  });

  it('refuses two precisions at once, and numbers that are not sensible', () => {
    expect(() => spec({ digits: 4, significant: 3 })).toThrow(
      /<Exercise significant> and digits ask for two precisions at once/,
    );
    for (const digits of [-1, 11, 2.5, '4', null]) {
      expect(() => spec({ digits })).toThrow(AuthoringError);
    }
    expect(() => spec({ digits: '4' })).toThrow(
      'content/docs/x.mdx: <Exercise digits>="4" (text) must be a whole number from 0 to 10, written in braces.',
    );
    for (const significant of [0, 11, 1.5]) {
      expect(() => spec({ significant })).toThrow(/<Exercise significant>=.* whole number from 1/);
    }
    expect(() => spec({ tolerance: -1 })).toThrow(
      /<Exercise tolerance>=-1 must be a number above 0/,
    );
    expect(() => spec({ relative: 1 })).toThrow(/between 0 and 1/);
  });

  it('checks tolerance props on their own: a number above 0, and below 1 for a relative one', () => {
    expect(resolvePositive(undefined, at('tolerance'))).toBeUndefined();
    expect(resolvePositive(0.001, at('tolerance'))).toBe(0.001);
    expect(resolvePositive(0.05, at('relative'), true)).toBe(0.05);
    for (const bad of [0, -1, NaN, Infinity, '0.001', null]) {
      expect(() => resolvePositive(bad, at('tolerance'))).toThrow(AuthoringError);
    }
    expect(() => resolvePositive('0.001', at('tolerance'))).toThrow(
      'content/docs/x.mdx: <Exercise tolerance>="0.001" (text) must be a number above 0, written in braces.',
    );
  });
});

describe('describeAnswer(): the tolerance is stated to the reader', () => {
  it('states the default: 4 decimal places, within ±0.0002', () => {
    expect(sentence({})).toBe(
      'Give your answer to 4 decimal places. It counts as right within ±0.0002 of the exact value.',
    );
  });

  it('states other precisions and tolerances from the props', () => {
    // Issue 9: digits={6} rejected 0.3589 for 0.358916 without saying why.
    expect(sentence({ digits: 6 })).toBe(
      'Give your answer to 6 decimal places. It counts as right within ±0.000002 of the exact value.',
    );
    expect(sentence({ digits: 1 })).toMatch(/^Give your answer to 1 decimal place\. .* ±0\.2 /);
    expect(sentence({ digits: 0 })).toMatch(/^Give your answer as a whole number\. .* ±2 /);
    expect(sentence({ significant: 3 })).toBe(
      'Give your answer to 3 significant figures. It counts as right within 1% of the exact value.',
    );
    expect(sentence({ significant: 1 })).toMatch(/to 1 significant figure\. .* within 100%/);
    expect(sentence({ relative: 0.001 })).toBe(
      'Give your answer to 4 significant figures. It counts as right within 0.1% of the exact value.',
    );
    expect(sentence({ tolerance: 0.001, relative: 0.01 })).toBe(
      'Give your answer to 4 decimal places. It counts as right within ±0.001 or 1% (whichever is larger) of the exact value.',
    );
  });

  it('states exactly the tolerance that is applied', () => {
    const cases = fc.oneof(
      fc.record({ digits: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ significant: fc.integer({ min: 1, max: 10 }) }),
      fc.record({ relative: fc.double({ min: 1e-6, max: 0.5, noNaN: true }) }),
      fc.record({ tolerance: fc.double({ min: 1e-3, max: 5, noNaN: true }) }),
    );
    fc.assert(
      fc.property(cases, (props) => {
        const { tolerance } = spec(props);
        const text = describeTolerance(tolerance);
        expect(text).not.toMatch(/e|NaN|undefined/);
        if (tolerance.absolute > 0) {
          const stated = Number(/±([\d.]+)/.exec(text)?.[1]);
          expect(Math.abs(stated - tolerance.absolute)).toBeLessThanOrEqual(
            tolerance.absolute * 1e-9,
          );
        }
        if (tolerance.relative > 0) {
          const stated = Number(/([\d.]+)%/.exec(text)?.[1]) / 100;
          expect(Math.abs(stated - tolerance.relative)).toBeLessThanOrEqual(
            tolerance.relative * 1e-9,
          );
        }
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('formatting numbers for readers', () => {
  it('writes tolerances in full, never with an exponent', () => {
    expect(plainNumber(2e-7)).toBe('0.0000002');
    expect(plainNumber(0.00005)).toBe('0.00005');
    expect(plainNumber(0.07 * 100)).toBe('7');
    expect(plainNumber(0.1)).toBe('0.1');
    expect(plainNumber(12)).toBe('12');
  });

  it('formats an answer as asked: decimals, or significant figures without an exponent', () => {
    expect(formatAnswer(0.0826676, { kind: 'decimals', digits: 4 })).toBe('0.0827');
    expect(formatAnswer(-0.00001, { kind: 'decimals', digits: 4 })).toBe('0.0000');
    expect(formatAnswer(0.000438568, { kind: 'figures', figures: 3 })).toBe('0.000439');
    expect(formatAnswer(-3.5085e-5, { kind: 'figures', figures: 3 })).toBe('-0.0000351');
    expect(formatAnswer(0.0009996, { kind: 'figures', figures: 3 })).toBe('0.00100');
    expect(formatAnswer(12345, { kind: 'figures', figures: 3 })).toBe('12300');
    expect(formatAnswer(0, { kind: 'figures', figures: 3 })).toBe('0');
  });

  it('shows the exact value finer than asked when the coarser one would be rejected', () => {
    // A hand-made spec that the props would refuse: 4 decimals, but only 0.1% accepted.
    const strict: AnswerSpec = {
      precision: { kind: 'decimals', digits: 4 },
      tolerance: { absolute: 0, relative: 0.001 },
    };
    expect(shownAnswer(0.000498, strict)).toBe('0.000498');
    expect(shownAnswer(0.0826676, DEFAULT_SPEC)).toBe('0.0827');
    expect(shownAnswer(0.000438568, spec({ significant: 3 }))).toBe('0.000439');
  });
});

describe('checkAnswerSize(): small answers ask for significant figures', () => {
  const where = 'content/docs/x.mdx: <Exercise answer>';

  it('refuses a default tolerance that would accept 0 for the answer', () => {
    expect(() => checkAnswerSize(0.000438568, DEFAULT_SPEC, where)).toThrow(
      'content/docs/x.mdx: <Exercise answer>: the answer is 0.000439 at the page’s starting values, too small for a tolerance of ±0.0002 (0 would be nearly right). Ask for significant figures instead, e.g. significant={3}.',
    );
    expect(() => checkAnswerSize(0.0015, DEFAULT_SPEC, where)).toThrow(AuthoringError);
  });

  it('lets answers of a sensible size, zero, and relative tolerances through', () => {
    expect(() => checkAnswerSize(0.0826676, DEFAULT_SPEC, where)).not.toThrow();
    expect(() => checkAnswerSize(-0.0217, DEFAULT_SPEC, where)).not.toThrow();
    expect(() => checkAnswerSize(0, DEFAULT_SPEC, where)).not.toThrow();
    expect(() => checkAnswerSize(3.5e-5, spec({ significant: 3 }), where)).not.toThrow();
  });
});

describe('the spec in data attributes', () => {
  it('round-trips through the attributes the build writes', () => {
    for (const props of [
      {},
      { digits: 6 },
      { significant: 3 },
      { tolerance: 0.01, relative: 0.1 },
    ]) {
      const data = Object.fromEntries(
        Object.entries(specToData(spec(props))).map(([k, v]) => [k.replace(/^data-/, ''), v]),
      );
      expect(specFromData(data)).toEqual(spec(props));
    }
  });

  it('reads missing or foreign attributes as finite settings', () => {
    const read = specFromData({ digits: 'x', tolerance: 'NaN', relative: '-1' });
    expect(read).toEqual({
      precision: { kind: 'decimals', digits: 4 },
      tolerance: { absolute: 0, relative: 0 },
    });
    expect(specFromData({ figures: '0' }).precision).toEqual({ kind: 'figures', figures: 1 });
  });
});

describe('the default accepts answers worked by hand at 4 decimals', () => {
  // What a student does with the values the page shows at 4 decimals: round every number they
  // read or write down, and combine them. Mazur's network: sigmoid outputs and targets in
  // [0, 1], slopes out(1 − out) ≤ ¼, inputs in [0, 1], weights in [−1, 1], η ≤ 1.
  const unit = fc.double({ min: 0.001, max: 0.999, noNaN: true });
  const weight = fc.double({ min: -1, max: 1, noNaN: true });
  const accepted = (typed: number, exact: number): boolean =>
    checkAnswer(typed.toFixed(4), exact, DEFAULT_SPEC).kind === 'correct';

  it('an output-layer gradient (out − t) · out(1 − out) · out_h, rounded at every step', () => {
    fc.assert(
      fc.property(unit, unit, unit, (out, target, input) => {
        const exact = (out - target) * out * (1 - out) * input;
        const o = r4(out);
        const delta = r4(r4(o - target) * r4(o * (1 - o)));
        expect(accepted(r4(delta * r4(input)), exact)).toBe(true);
      }),
      { seed: 11, numRuns: 5000 },
    );
  });

  it('a hidden-layer gradient (δ1 w5 + δ2 w7) · slope · input, rounded at every step', () => {
    const delta = fc.double({ min: -0.25, max: 0.25, noNaN: true });
    const slope = fc.double({ min: 0, max: 0.25, noNaN: true });
    fc.assert(
      fc.property(delta, weight, delta, weight, slope, unit, (d1, w5, d2, w7, s, input) => {
        const exact = (d1 * w5 + d2 * w7) * s * input;
        const back = r4(r4(d1) * r4(w5) + r4(d2) * r4(w7));
        expect(accepted(r4(r4(back * r4(s)) * r4(input)), exact)).toBe(true);
      }),
      { seed: 11, numRuns: 5000 },
    );
  });

  it('a gradient step w − η · ∂E/∂w with η ≤ 1, and a sum of two rounded δs', () => {
    const gradient = fc.double({ min: -0.25, max: 0.25, noNaN: true });
    const eta = fc.double({ min: 0.01, max: 1, noNaN: true });
    fc.assert(
      fc.property(weight, eta, gradient, gradient, (w, rate, g, h) => {
        const r2 = Number(rate.toFixed(2));
        expect(accepted(r4(w - r2 * r4(g)), w - r2 * g)).toBe(true);
        expect(accepted(r4(g) + r4(h), g + h)).toBe(true);
      }),
      { seed: 11, numRuns: 5000 },
    );
  });

  it('the issue’s case: 0.40 − 0.50 × 0.0822 = 0.3589 counts for w5 after a step', () => {
    const exact = 0.4 - 0.5 * 0.082167083; // Mazur's ∂E/∂w5 at the starting values
    expect(checkAnswer('0.3589', exact, DEFAULT_SPEC).kind).toBe('correct');
  });

  it('needs that margin: half a unit (the old default) rejects many of them', () => {
    const halfUnit = { absolute: 0.00005, relative: 0 };
    const rejected = fc
      .sample(fc.tuple(unit, unit, unit), { seed: 11, numRuns: 1000 })
      .filter(([out, target, input]) => {
        const exact = (out - target) * out * (1 - out) * input;
        const o = r4(out);
        const typed = r4(r4(r4(o - target) * r4(o * (1 - o))) * r4(input));
        return !isWithin(typed, exact, halfUnit);
      });
    expect(rejected.length).toBeGreaterThan(10);
  });
});
