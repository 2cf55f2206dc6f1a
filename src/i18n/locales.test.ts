import { describe, expect, it } from 'vitest';
import { wordsFor } from './index.ts';
import { localeOf, pathWithoutLocale } from './locales.ts';

describe('localeOf()', () => {
  it('takes any Chinese tag for the Chinese course, and anything else for English', () => {
    for (const tag of ['zh-CN', 'zh-cn', 'zh', 'zh-Hans', 'ZH-CN'])
      expect(localeOf(tag)).toBe('zh-CN');
    for (const tag of ['en', 'en-GB', '', undefined, null, 'fr']) expect(localeOf(tag)).toBe('en');
  });
  it('gives each language its own words', () => {
    expect(wordsFor('zh-CN').exercise.check).toBe('检查');
    expect(wordsFor('en').exercise.check).toBe('Check');
    expect(wordsFor(undefined).exercise.check).toBe('Check');
  });
});

describe('pathWithoutLocale()', () => {
  it('gives a page and its translation the same path', () => {
    expect(pathWithoutLocale('/zh-cn/chapters/neuron/')).toBe('/chapters/neuron/');
    expect(pathWithoutLocale('/chapters/neuron/')).toBe('/chapters/neuron/');
    expect(pathWithoutLocale('/zh-cn/')).toBe('/');
    expect(pathWithoutLocale('/ml101/zh-cn/notation/', '/ml101/')).toBe('/ml101/notation/');
  });
  it('leaves a path that only starts like a language alone', () => {
    expect(pathWithoutLocale('/zh-cnx/notation/')).toBe('/zh-cnx/notation/');
  });
});
