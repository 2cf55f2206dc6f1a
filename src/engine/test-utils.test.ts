import { describe, expect, test } from 'vitest';
import { centralDifference, expectClose } from './test-utils.ts';

describe('expectClose()', () => {
  test('expectClose() passes within an absolute tolerance and fails outside it, naming the index', () => {
    expectClose(1, 1 + 1e-10);
    expectClose([1, 2], Float64Array.of(1, 2 + 5e-10), 1e-9);
    expect(() => expectClose(1, 1.1, 0.01)).toThrow('value: expected 1.1 ± 0.01, got 1');
    expect(() => expectClose([1, [2, 3]], [1, [2, 4]], 0.5)).toThrow('value[1][1]');
  });

  test('expectClose() supports { abs, rel } tolerances, infinities and NaN', () => {
    expectClose(1e10 + 1, 1e10, { abs: 0, rel: 1e-9 });
    expect(() => expectClose(1e10 + 100, 1e10, { abs: 0, rel: 1e-9 })).toThrow();
    expectClose(Infinity, Infinity, 0);
    expectClose(Number.NaN, Number.NaN, 0);
    expect(() => expectClose(Number.NaN, 0, 1)).toThrow();
    expect(() => expectClose([1, 2], [1], 1)).toThrow('expected length 1, got 2');
  });

  test('centralDifference() differentiates a cubic to about 1e-9', () => {
    const f = (x: Float64Array) => x[0]! ** 3 + 2 * x[1]!;
    expectClose(centralDifference(f, Float64Array.of(2, 5), 0), 12, 1e-8);
    expectClose(centralDifference(f, Float64Array.of(2, 5), 1), 2, 1e-8);
  });
});
