import { describe, expect, it } from 'vitest';
import { basePath } from './base-path.ts';

describe('basePath()', () => {
  it('returns / when BASE_PATH is unset, empty or a lone slash', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('')).toBe('/');
    expect(basePath('  / ')).toBe('/');
  });

  it('adds the leading and trailing slash an instructor may leave out', () => {
    expect(basePath('ml101')).toBe('/ml101/');
    expect(basePath('/ml101')).toBe('/ml101/');
    expect(basePath('/courses/ml101/')).toBe('/courses/ml101/');
    expect(basePath('//ml101//')).toBe('/ml101/');
  });

  it('rejects values that are not plain URL paths, naming the variable', () => {
    expect(() => basePath('https://uni.example/ml101/')).toThrow(/BASE_PATH=.*is not a URL path/);
    expect(() => basePath('/ml 101/')).toThrow(/BASE_PATH/);
    expect(() => basePath('/../etc/')).toThrow(/BASE_PATH/);
    expect(() => basePath('/a?b=1/')).toThrow(/BASE_PATH/);
  });
});
