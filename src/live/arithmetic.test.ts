import { describe, expect, test } from 'vitest';
import { checkArithmetic, readPrinted, type Token } from './arithmetic.ts';

/** "0.40 ⋅ 0.5933 + x = 1.1059" → tokens; words become `other`. */
function tokens(formula: string): Token[] {
  return formula
    .split(/\s+/)
    .filter(Boolean)
    .map((part): Token => {
      if (readPrinted(part)) return { kind: 'num', text: part };
      if (/^[-+−×⋅·()=,;]$/.test(part)) return { kind: 'op', text: part };
      return { kind: 'other' };
    });
}

describe('checkArithmetic()', () => {
  test('accepts a sum of products that agrees to the last printed decimal', () => {
    const steps = checkArithmetic(
      tokens('net = 0.40 ⋅ 0.593270 + 0.45 ⋅ 0.596884 + 0.60 = 1.1059'),
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]!.ok).toBe(true);
    expect(steps[0]!.value).toBeCloseTo(1.1059058, 7);
  });

  test("rejects the issue's operands shown with fewer digits than they have", () => {
    // w1 = 0.15, i1 = 0.054 shown as 0.05: 0.3775 printed against the true 0.3781.
    expect(checkArithmetic(tokens('0.15 ⋅ 0.05 + 0.20 ⋅ 0.10 + 0.35 = 0.3781'))[0]!.ok).toBe(false);
    expect(checkArithmetic(tokens('0.40 − 0.50 × 0.082135 = 0.36293269'))[0]!.ok).toBe(false);
    expect(checkArithmetic(tokens('0.404 − 0.50 × 0.082135 = 0.362933'))[0]!.ok).toBe(true);
  });

  test('allows one unit in the last decimal, and no more', () => {
    expect(checkArithmetic(tokens('0.1 + 0.2 = 0.4'))[0]!.ok).toBe(true);
    expect(checkArithmetic(tokens('0.1 + 0.2 = 0.5'))[0]!.ok).toBe(false);
  });

  test('multiplies before it adds, and reads brackets and signs', () => {
    expect(checkArithmetic(tokens('2 + 3 × 4 = 14'))[0]!.ok).toBe(true);
    expect(checkArithmetic(tokens('0.05539942 + ( −0.01904912 ) = 0.036350'))[0]!.ok).toBe(true);
    expect(checkArithmetic(tokens('− 0.5 × 2 = −1'))[0]!.ok).toBe(true);
  });

  test('checks every step of a chain, and leaves symbols, single numbers and lists alone', () => {
    const chain = checkArithmetic(tokens('E = x + y = 0.1 + 0.2 = 0.3 = 0.30 , z = 1 + 1 = 2'));
    expect(chain.map((s) => s.expression)).toEqual(['0.1 + 0.2', '1 + 1']);
    expect(checkArithmetic(tokens('x ⋅ 0.5 = 0.25'))).toEqual([]);
    expect(checkArithmetic(tokens('0.5 = 0.50'))).toEqual([]);
    expect(checkArithmetic(tokens('0.1 + = 0.1'))).toEqual([]);
  });
});

describe('readPrinted()', () => {
  test('reads decimals, signs and the math minus; refuses anything else', () => {
    expect(readPrinted('0.593270')).toEqual({ value: 0.59327, decimals: 6 });
    expect(readPrinted('\u22123')).toEqual({ value: -3, decimals: 0 });
    expect(readPrinted('1.54e\u221213')).toBeUndefined();
    expect(readPrinted('—')).toBeUndefined();
  });
});
