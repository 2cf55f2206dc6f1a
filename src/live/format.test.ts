import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PARAM_DIGITS,
  NOT_A_NUMBER,
  decimalsOf,
  digitsForSignificant,
  digitsForStep,
  formatCount,
  formatFull,
  formatNumber,
  formatParam,
  numberLocale,
  setNumberLocaleSource,
} from './format.ts';

const FORBIDDEN = /NaN|Infinity|undefined/;

/** Reads a formatted number back, accepting the typographic minus. */
function readBack(text: string): number {
  return Number(text.replace('\u2212', '-'));
}

describe('formatNumber() in the page’s language, with Intl', () => {
  it('rounds the decimal a reader sees, not the binary value just below it', () => {
    // 1.005 is stored as 1.00499999999999989…; toFixed(2) gives 1.00, a reader by hand 1.01.
    expect(formatNumber(1.005, { digits: 2 })).toBe('1.01');
    expect(formatNumber(2.675, { digits: 2 })).toBe('2.68');
    expect(formatNumber(0.1, { digits: 20 })).toBe('0.10000000000000000000');
  });

  it('writes each language’s own point and minus, never grouping a value a field reads back', () => {
    expect(formatNumber(-1234.5, { digits: 2, locale: 'de' })).toBe('-1234,50');
    expect(formatNumber(-1234.5, { digits: 2, locale: 'zh-CN' })).toBe('-1234.50');
    expect(formatNumber(-1234.5, { digits: 2, locale: 'en' })).toBe('-1234.50');
    expect(formatNumber(3.51e-5, { locale: 'de' })).toBe('3,51e-5');
    // A tag Intl does not know writes English rather than throwing.
    expect(formatNumber(0.5, { digits: 1, locale: 'not a tag!' })).toBe('0.5');
  });

  it('takes the language from the source the build sets, English without one', () => {
    expect(numberLocale()).toBe('en'); // no document in a unit test
    const previous = setNumberLocaleSource(() => 'de');
    try {
      expect(numberLocale()).toBe('de');
      expect(formatNumber(0.25, { digits: 2 })).toBe('0,25');
      expect(formatCount(10000)).toBe('10.000');
    } finally {
      setNumberLocaleSource(previous);
    }
    expect(formatNumber(0.25, { digits: 2 })).toBe('0.25');
  });

  it('groups a count’s thousands as the language does', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(999.6)).toBe('1,000');
    expect(formatCount(Number.NaN)).toBe(NOT_A_NUMBER);
  });
});

describe('formatNumber()', () => {
  it('shows 4 digits after the point by default', () => {
    expect(formatNumber(0.5)).toBe('0.5000');
    expect(formatNumber(0.298371109)).toBe('0.2984');
  });

  it('shows exactly `digits` digits after the point, rounding the last one', () => {
    expect(formatNumber(0.298371109, { digits: 4 })).toBe('0.2984');
    expect(formatNumber(0.75136507, { digits: 2 })).toBe('0.75');
    expect(formatNumber(0.75136507, { digits: 6 })).toBe('0.751365');
    expect(formatNumber(123456.789, { digits: 2 })).toBe('123456.79');
    expect(formatNumber(2, { digits: 0 })).toBe('2');
    expect(formatNumber(-1.25, { digits: 1 })).toBe('-1.3');
  });

  it('writes a negative number with a hyphen-minus by default', () => {
    expect(formatNumber(-0.217071535, { digits: 4 })).toBe('-0.2171');
  });

  it('writes the minus sign as U+2212 when mathMinus is set, and leaves positives alone', () => {
    expect(formatNumber(-0.217071535, { digits: 4, mathMinus: true })).toBe('\u22120.2171');
    expect(formatNumber(0.217071535, { digits: 4, mathMinus: true })).toBe('0.2171');
  });

  it('shows negative zero as 0, with any number of digits and with mathMinus', () => {
    expect(formatNumber(-0)).toBe('0.0000');
    expect(formatNumber(-0, { digits: 0 })).toBe('0');
    expect(formatNumber(-0, { digits: 2, mathMinus: true })).toBe('0.00');
  });

  it('shows a tiny negative value that rounds to zero in fixed notation without a minus sign', () => {
    // Fixed notation is only reached below 10^-digits when scientificBelow is lowered.
    expect(formatNumber(-0.00001, { digits: 4, scientificBelow: 0 })).toBe('0.0000');
    expect(formatNumber(-0.00004, { digits: 4, scientificBelow: 1e-8 })).toBe('0.0000');
    expect(formatNumber(-0.4, { digits: 0, scientificBelow: 0 })).toBe('0');
    expect(formatNumber(-1e-300, { digits: 2, scientificBelow: 0, mathMinus: true })).toBe('0.00');
  });

  it('keeps the minus sign of a small negative value that does not round to zero', () => {
    expect(formatNumber(-0.00006, { digits: 4, scientificBelow: 0 })).toBe('-0.0001');
  });

  it('uses scientific notation with 3 significant digits below 10^-digits (the default threshold)', () => {
    expect(formatNumber(0.0000351085)).toBe('3.51e-5');
    expect(formatNumber(0.0000351085, { digits: 4 })).toBe('3.51e-5');
    expect(formatNumber(0.000438568, { digits: 3 })).toBe('4.39e-4');
    expect(formatNumber(5e-10, { digits: 2 })).toBe('5.00e-10');
  });

  it('writes only a leading sign as a math minus, so a positive tiny number keeps its exponent as typed', () => {
    expect(formatNumber(1.54e-13, { digits: 4, mathMinus: true })).toBe('1.54e-13');
    expect(formatNumber(-2.47e-13, { digits: 4, mathMinus: true })).toBe('\u22122.47e-13');
  });

  it('shows -0.00001 with digits 4 as -1.00e-5: it is below 10^-4, so scientific, and keeps its sign', () => {
    expect(formatNumber(-0.00001, { digits: 4 })).toBe('-1.00e-5');
    expect(formatNumber(-0.00001, { digits: 4, mathMinus: true })).toBe('\u22121.00e-5');
  });

  it('uses fixed notation at exactly 10^-digits and above', () => {
    expect(formatNumber(0.0001, { digits: 4 })).toBe('0.0001');
    expect(formatNumber(0.01, { digits: 2 })).toBe('0.01');
  });

  it('honours a custom scientificBelow threshold', () => {
    expect(formatNumber(0.005, { digits: 4, scientificBelow: 0.01 })).toBe('5.00e-3');
    expect(formatNumber(0.005, { digits: 4, scientificBelow: 0.001 })).toBe('0.0050');
  });

  it('shows exact zero in fixed notation, never as scientific', () => {
    expect(formatNumber(0)).toBe('0.0000');
    expect(formatNumber(0, { digits: 2, scientificBelow: 1 })).toBe('0.00');
  });

  it('shows the smallest subnormal number in scientific notation', () => {
    expect(formatNumber(Number.MIN_VALUE)).toBe('4.94e-324');
    expect(formatNumber(-Number.MIN_VALUE)).toBe('-4.94e-324');
  });

  it('shows NaN and ±Infinity as an em dash, whatever the options', () => {
    expect(NOT_A_NUMBER).toBe('—');
    for (const value of [NaN, Infinity, -Infinity]) {
      expect(formatNumber(value)).toBe(NOT_A_NUMBER);
      expect(formatNumber(value, { digits: 0, mathMinus: true, scientificBelow: 1 })).toBe('—');
    }
  });

  it('never returns NaN, Infinity or undefined as text for any double (property)', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        (value, digits, mathMinus) => {
          const text = formatNumber(value, { digits, mathMinus });
          expect(text).not.toMatch(FORBIDDEN);
          expect(text).not.toBe('');
          if (!Number.isFinite(value)) expect(text).toBe(NOT_A_NUMBER);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('never shows a signed zero such as -0.0000 for any double (property)', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(undefined, 0, 1e-12, 1e-3),
        fc.boolean(),
        (value, digits, scientificBelow, mathMinus) => {
          const options = scientificBelow === undefined ? { digits } : { digits, scientificBelow };
          const text = formatNumber(value, { ...options, mathMinus });
          expect(text).not.toMatch(/^[-\u2212]0(\.0*)?$/);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reads back within half a unit of the last digit shown, and with the right sign (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (value, digits, mathMinus) => {
          const text = formatNumber(value, { digits, mathMinus });
          const back = readBack(text);
          if (/e/.test(text)) {
            // Scientific: 3 significant digits, so within half a unit of the third.
            expect(Math.abs(back - value)).toBeLessThanOrEqual(0.005 * Math.abs(value));
            expect(Math.abs(value)).toBeLessThan(10 ** -digits);
          } else {
            expect(text).toMatch(digits === 0 ? /^[-\u2212]?\d+$/ : /^[-\u2212]?\d+\.\d+$/);
            expect(text.split('.')[1]?.length ?? 0).toBe(digits);
            const allowed = 0.5 * 10 ** -digits + Math.abs(value) * Number.EPSILON;
            expect(Math.abs(back - value)).toBeLessThanOrEqual(allowed);
          }
          // With the default threshold nothing rounds to zero, so the sign always shows.
          if (value !== 0) expect(back < 0).toBe(value < 0);
          expect(text.startsWith('\u2212')).toBe(mathMinus && value < 0);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('decimalsOf()', () => {
  it('counts the digits after the point that the value has', () => {
    expect(decimalsOf(0.404)).toBe(3);
    expect(decimalsOf(0.4)).toBe(1);
    expect(decimalsOf(2)).toBe(0);
    expect(decimalsOf(-0.054)).toBe(3);
    expect(decimalsOf(123.456)).toBe(3);
  });

  it('does not count binary noise as digits: 0.1 + 0.2 has one', () => {
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(0.4 + 0.01)).toBe(2);
  });

  it('counts the digits of a small number written in scientific notation', () => {
    expect(decimalsOf(1.5e-7)).toBe(8);
    expect(decimalsOf(1e-12)).toBe(12);
  });

  it('gives 0 for large numbers, zero and values that are not finite', () => {
    expect(decimalsOf(1e21)).toBe(0);
    expect(decimalsOf(0)).toBe(0);
    expect(decimalsOf(-0)).toBe(0);
    expect(decimalsOf(NaN)).toBe(0);
    expect(decimalsOf(Infinity)).toBe(0);
  });
});

describe('formatParam()', () => {
  it('shows a parameter with at least the digits asked for', () => {
    expect(formatParam(0.4, { digits: 2 })).toBe('0.40');
    expect(formatParam(0.5)).toBe('0.5000');
    expect(formatParam(10000, { digits: 0 })).toBe('10000');
  });

  it('shows more digits when the value has more, so that no operand hides one (issue 9, §3)', () => {
    // ?mazur.w5=0.404&mazur.i1=0.054 once showed "0.40" and "0.05".
    expect(formatParam(0.404, { digits: 2 })).toBe('0.404');
    expect(formatParam(0.054, { digits: 2 })).toBe('0.054');
    expect(formatParam(0.40412345, { digits: 2 })).toBe('0.40412345');
    expect(formatParam(2.5, { digits: 0 })).toBe('2.5');
  });

  it('writes small values in full, in fixed notation, instead of 3 significant digits', () => {
    expect(formatParam(0.00004, { digits: 2 })).toBe('0.00004');
    expect(formatParam(1.25e-7, { digits: 2 })).toBe('0.000000125');
  });

  it('keeps formatNumber’s signs: a math minus on request, never a negative zero', () => {
    expect(formatParam(-0.404, { digits: 2, mathMinus: true })).toBe('\u22120.404');
    expect(formatParam(-0, { digits: 2 })).toBe('0.00');
  });

  it('shows NaN and ±Infinity as an em dash', () => {
    for (const value of [NaN, Infinity, -Infinity]) expect(formatParam(value)).toBe(NOT_A_NUMBER);
  });

  it('shows at least the digits asked for and, when it shows more, the value to full precision (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (value, digits, mathMinus) => {
          const text = formatParam(value, { digits, mathMinus });
          expect(text).not.toMatch(FORBIDDEN);
          const shown = text.split('.')[1]?.length ?? 0;
          if (/e/.test(text)) return; // below 10^-20: formatNumber's scientific notation
          expect(shown).toBeGreaterThanOrEqual(digits);
          expect(shown).toBeLessThanOrEqual(Math.max(digits, MAX_PARAM_DIGITS));
          const allowed = 0.5 * 10 ** -shown + Math.abs(value) * Number.EPSILON;
          expect(Math.abs(readBack(text) - value)).toBeLessThanOrEqual(allowed);
          // More digits than asked for: exactly the value's own, to full precision.
          if (shown > digits && decimalsOf(value) <= MAX_PARAM_DIGITS) {
            expect(readBack(text)).toBe(Number(formatFull(value)));
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('formatFull()', () => {
  it('shows up to 12 significant digits without trailing zeros', () => {
    expect(formatFull(0.298371109)).toBe('0.298371109');
    expect(formatFull(0.5)).toBe('0.5');
    expect(formatFull(1 / 3)).toBe('0.333333333333');
    expect(formatFull(123456789.123456)).toBe('123456789.123');
  });

  it('hides binary noise: 0.1 + 0.2 shows as 0.3', () => {
    expect(formatFull(0.1 + 0.2)).toBe('0.3');
    expect(formatFull(0.4 + 0.01)).toBe('0.41');
  });

  it('shows negative zero as 0 and keeps the sign of other negatives', () => {
    expect(formatFull(-0)).toBe('0');
    expect(formatFull(-0.25)).toBe('-0.25');
  });

  it('shows NaN and ±Infinity as an em dash', () => {
    expect(formatFull(NaN)).toBe(NOT_A_NUMBER);
    expect(formatFull(Infinity)).toBe(NOT_A_NUMBER);
    expect(formatFull(-Infinity)).toBe(NOT_A_NUMBER);
  });

  it('never returns NaN, Infinity, undefined or -0 as text, and reads back to 12 digits (property)', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        const text = formatFull(value);
        expect(text).not.toMatch(FORBIDDEN);
        if (!Number.isFinite(value)) {
          expect(text).toBe(NOT_A_NUMBER);
          return;
        }
        expect(text).not.toBe('-0');
        const back = Number(text);
        expect(Math.abs(back - value)).toBeLessThanOrEqual(5e-12 * Math.abs(value));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('digitsForStep()', () => {
  it('gives the digits a step needs: 0.01 → 2, 0.5 → 1, 1 → 0', () => {
    expect(digitsForStep(0.01)).toBe(2);
    expect(digitsForStep(0.5)).toBe(1);
    expect(digitsForStep(1)).toBe(0);
    expect(digitsForStep(0.25)).toBe(2);
    expect(digitsForStep(0.001)).toBe(3);
    expect(digitsForStep(10)).toBe(0);
    expect(digitsForStep(2.5e-7)).toBe(8);
  });

  it('is not fooled by binary noise: 0.3 and 0.1 + 0.2 need 1 digit', () => {
    expect(digitsForStep(0.3)).toBe(1);
    expect(digitsForStep(0.1 + 0.2)).toBe(1);
    expect(digitsForStep(0.07)).toBe(2);
  });

  it('gives 0 for a step that is zero, negative or not finite', () => {
    expect(digitsForStep(0)).toBe(0);
    expect(digitsForStep(-0.01)).toBe(0);
    expect(digitsForStep(NaN)).toBe(0);
    expect(digitsForStep(Infinity)).toBe(0);
  });

  it('gives a tiny step its significant digit instead of 0 (1e-10 → 10)', () => {
    expect(digitsForStep(1e-10)).toBe(10);
    expect(digitsForStep(5e-10)).toBe(10);
  });

  it('stops at 10 digits for a step finer than that', () => {
    expect(digitsForStep(1e-12)).toBe(10);
    expect(digitsForStep(1 / 3)).toBe(10);
  });

  it('gives d for every step k·10^-d with k = 1..9 and d = 0..8 (so toFixed(d) shows the step)', () => {
    for (let d = 0; d <= 8; d++) {
      for (let k = 1; k <= 9; k++) {
        const step = Number((k * 10 ** -d).toFixed(d));
        expect(digitsForStep(step), `step ${step}`).toBe(d);
        expect(Number(step.toFixed(digitsForStep(step)))).toBe(step);
      }
    }
  });
});

describe('digitsForSignificant()', () => {
  it('gives the digits after the point that show that many significant digits', () => {
    const four = (x: number) => formatNumber(x, { digits: digitsForSignificant(x, 4) });
    expect(four(0.3989422804)).toBe('0.3989');
    expect(four(0.0425478)).toBe('0.04255');
    expect(four(12.3456)).toBe('12.35');
    expect(four(-0.16052)).toBe('-0.1605');
    expect(four(1)).toBe('1.000');
    expect(four(0.5)).toBe('0.5000');
    // Rounding up to the next power of ten keeps four digits, not five.
    expect(four(0.099996)).toBe('0.1000');
    expect(four(0)).toBe('0');
    expect(digitsForSignificant(Number.NaN, 4)).toBe(0);
  });
});
