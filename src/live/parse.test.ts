import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampToRange, parseNumber, type ParseResult } from './parse.ts';

/** Any code point, or a lone surrogate (fast-check's 'binary' unit is slow to start). */
const anyCodeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

function valueOf(result: ParseResult): number {
  if (!result.ok) throw new Error(`expected a number, got the message ${result.message}`);
  return result.value;
}

function messageOf(result: ParseResult): string {
  if (result.ok) throw new Error(`expected a message, got the number ${result.value}`);
  return result.message;
}

describe('parseNumber()', () => {
  it('accepts plain decimals', () => {
    expect(parseNumber('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(valueOf(parseNumber('42'))).toBe(42);
    expect(valueOf(parseNumber('-3.25'))).toBe(-3.25);
  });

  it('accepts a comma as the decimal separator', () => {
    expect(valueOf(parseNumber('0,5'))).toBe(0.5);
    expect(valueOf(parseNumber('-1,25'))).toBe(-1.25);
    expect(valueOf(parseNumber(',5'))).toBe(0.5);
    expect(valueOf(parseNumber('1,5e-3'))).toBe(0.0015);
  });

  it('accepts a leading or trailing point', () => {
    expect(valueOf(parseNumber('.5'))).toBe(0.5);
    expect(valueOf(parseNumber('5.'))).toBe(5);
  });

  it('accepts an exponent in either case', () => {
    expect(valueOf(parseNumber('1e-3'))).toBe(0.001);
    expect(valueOf(parseNumber('2E3'))).toBe(2000);
    expect(valueOf(parseNumber('1.5e+2'))).toBe(150);
  });

  it('ignores surrounding spaces, tabs and no-break spaces', () => {
    expect(valueOf(parseNumber('  0.25 '))).toBe(0.25);
    expect(valueOf(parseNumber('\t7\n'))).toBe(7);
    expect(valueOf(parseNumber('\u00a01\u00a0'))).toBe(1);
  });

  it('accepts a leading + and a typographic minus (U+2212) pasted from the page', () => {
    expect(valueOf(parseNumber('+3'))).toBe(3);
    expect(valueOf(parseNumber('\u22121.5'))).toBe(-1.5);
    expect(valueOf(parseNumber('1e\u22122'))).toBe(0.01);
  });

  it('gives 0, not -0, for "-0"', () => {
    expect(Object.is(valueOf(parseNumber('-0')), 0)).toBe(true);
    expect(Object.is(valueOf(parseNumber('-0.000')), 0)).toBe(true);
  });

  it('reads a number too small to represent as 0', () => {
    expect(valueOf(parseNumber('1e-999'))).toBe(0);
  });

  it('rejects an empty or blank input with "Type a number."', () => {
    expect(messageOf(parseNumber(''))).toBe('Type a number.');
    expect(messageOf(parseNumber('   '))).toBe('Type a number.');
  });

  it('rejects a lone sign, saying it needs digits', () => {
    expect(messageOf(parseNumber('-'))).toBe('“-” needs digits after it.');
    expect(messageOf(parseNumber('+'))).toBe('“+” needs digits after it.');
    expect(messageOf(parseNumber(' \u2212 '))).toMatch(/needs digits after it/);
  });

  it('rejects NaN and Infinity in any spelling as not usable', () => {
    for (const text of ['NaN', 'nan', 'Infinity', '-Infinity', '+infinity', 'inf', '-INF']) {
      expect(messageOf(parseNumber(text)), text).toBe(
        'Only ordinary numbers can be used here, such as 0.5 or −2.',
      );
    }
  });

  it('rejects words and malformed numbers, quoting what was typed', () => {
    expect(messageOf(parseNumber('abc'))).toBe('“abc” is not a number.');
    expect(messageOf(parseNumber(' abc '))).toBe('“abc” is not a number.');
    for (const text of [
      '0x10',
      '1_000',
      '1 000',
      '1e',
      'e5',
      '--1',
      '+-1',
      '.',
      '1.2.3',
      '½',
      '١',
    ]) {
      expect(messageOf(parseNumber(text)), text).toBe(`“${text}” is not a number.`);
    }
  });

  it('refuses an ambiguous comma (1,000.5 or 1,2,3) rather than guessing', () => {
    expect(messageOf(parseNumber('1,000.5'))).toBe('“1,000.5” is not a number.');
    expect(messageOf(parseNumber('1,2,3'))).toBe('“1,2,3” is not a number.');
    expect(messageOf(parseNumber('1.5,0'))).toBe('“1.5,0” is not a number.');
  });

  it('rejects a number too large to represent, saying so', () => {
    expect(messageOf(parseNumber('1e999'))).toBe('“1e999” is too large to compute with.');
    expect(messageOf(parseNumber('-1e999'))).toBe('“-1e999” is too large to compute with.');
    expect(messageOf(parseNumber('2e308'))).toMatch(/too large/);
  });

  it('gives each kind of mistake its own message', () => {
    const messages = ['', '-', 'NaN', 'abc', '1e999'].map((text) => messageOf(parseNumber(text)));
    const kinds = messages.map((m) => m.replace(/“[^”]*”/, '“…”'));
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('never throws, and yields a finite value that is not -0 or a non-empty message (property)', () => {
    const inputs = fc.oneof(
      fc.string(),
      fc.string({ unit: anyCodeUnit }),
      fc
        .array(fc.constantFrom(...'0123456789.,eE+-\u2212 '), { maxLength: 12 })
        .map((chars) => chars.join('')),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const result = parseNumber(input);
        if (result.ok) {
          expect(Number.isFinite(result.value)).toBe(true);
          expect(Object.is(result.value, -0)).toBe(false);
        } else {
          expect(typeof result.message).toBe('string');
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('round-trips String(d) back to d for every finite double (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(valueOf(parseNumber(String(d)))).toBe(d === 0 ? 0 : d);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reads a comma in place of the point, and a typographic minus, the same way (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const text = String(Math.abs(d));
        expect(valueOf(parseNumber(text.replace('.', ',')))).toBe(Math.abs(d));
        if (d !== 0) expect(valueOf(parseNumber(`\u2212${text}`))).toBe(-Math.abs(d));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('clampToRange()', () => {
  it('returns a value inside the range unchanged and without a notice', () => {
    const result = clampToRange(0.5, 0, 1);
    expect(result).toEqual({ value: 0.5 });
    expect('notice' in result).toBe(false);
  });

  it('accepts the end points themselves without a notice', () => {
    expect(clampToRange(0, 0, 1)).toEqual({ value: 0 });
    expect(clampToRange(1, 0, 1)).toEqual({ value: 1 });
  });

  it('clamps a value above the maximum to it, with a notice saying so', () => {
    expect(clampToRange(5000, -5, 5)).toEqual({
      value: 5,
      notice: '5000 is above the maximum 5, so 5 is used.',
    });
  });

  it('clamps a value below the minimum to it, with a notice saying so', () => {
    expect(clampToRange(-10, -5, 5)).toEqual({
      value: -5,
      notice: '-10 is below the minimum -5, so -5 is used.',
    });
  });

  it('clamps ±Infinity to the range', () => {
    expect(clampToRange(Infinity, 0, 1).value).toBe(1);
    expect(clampToRange(-Infinity, 0, 1).value).toBe(0);
  });

  it('writes the numbers in its notice with the given show function', () => {
    const show = (v: number) => v.toFixed(1);
    expect(clampToRange(5.123, 0, 1, show).notice).toBe(
      '5.1 is above the maximum 1.0, so 1.0 is used.',
    );
  });

  it('always lands in [min, max], with a notice exactly when the value changed (property)', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, finite, finite, (value, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const result = clampToRange(value, min, max);
        expect(result.value).toBeGreaterThanOrEqual(min);
        expect(result.value).toBeLessThanOrEqual(max);
        expect(result.notice !== undefined).toBe(result.value !== value);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('parseNumber() with a Chinese keyboard, and with text far too long', () => {
  it('reads full-width digits, signs, point and comma, and the ideographic full stop', () => {
    expect(parseNumber('０．５')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('0。5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('－１，２５')).toEqual({ ok: true, value: -1.25 });
    expect(parseNumber('１ｅ－３')).toEqual({ ok: true, value: 0.001 });
  });

  it('still refuses what is not a number once normalised: 0x10, 0.55.5, 0。5。5', () => {
    for (const text of ['0x10', '0.55.5', '0。5。5', '0,5,5']) {
      const result = parseNumber(text);
      expect(result.ok, text).toBe(false);
    }
  });

  it('says that text longer than 40 characters is too long, without echoing it', () => {
    const result = parseNumber('1'.repeat(5000));
    expect(result).toEqual({ ok: false, message: 'That is too long to be a number.' });
    expect(parseNumber('0.' + '1'.repeat(38)).ok).toBe(true);
  });
});
