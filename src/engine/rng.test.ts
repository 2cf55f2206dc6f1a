import { describe, expect, test } from 'vitest';
import { mulberry32, shuffleInPlace } from './rng.ts';
import { expectClose } from './test-utils.ts';

describe('mulberry32()', () => {
  test('mulberry32() gives the same stream for the same seed and a different one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
  });

  test('next() stays in [0, 1) with mean ≈ 1/2 and int(n) in [0, n)', () => {
    const r = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expectClose(sum / 20_000, 0.5, 0.01);
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 5000; i++) counts[r.int(5)]! += 1;
    for (const c of counts) expectClose(c, 1000, 100);
  });

  test('normal() (Box–Muller) has mean ≈ 0 and variance ≈ 1 over 20,000 draws', () => {
    const r = mulberry32(7);
    const xs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expectClose(mean, 0, 0.03);
    expectClose(variance, 1, 0.03);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  test('mulberry32() rejects a non-finite seed', () => {
    expect(() => mulberry32(Number.NaN)).toThrow('mulberry32(): seed must be a finite number');
  });
});

describe('shuffleInPlace()', () => {
  test('shuffleInPlace() returns a permutation and is reproducible for a seed', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    const b = a.slice();
    shuffleInPlace(a, mulberry32(3));
    shuffleInPlace(b, mulberry32(3));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
