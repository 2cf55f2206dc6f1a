import { describe, expect, it } from 'vitest';
import { wordsFor } from './index.ts';
import { localeOf, localeOfFile, localeOfPath, pathWithoutLocale } from './locales.ts';

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

describe('localeOfPath() and localeOfFile()', () => {
  it('find the language from the path, under the site’s base too', () => {
    expect(localeOfPath('/zh-cn/chapters/neuron/')).toBe('zh-CN');
    expect(localeOfPath('/zh-cn')).toBe('zh-CN');
    expect(localeOfPath('/zh-cn/embed/zigzag/')).toBe('zh-CN');
    expect(localeOfPath('/chapters/neuron/')).toBe('en');
    expect(localeOfPath('/zh-cnx/notation/')).toBe('en');
    expect(localeOfPath('/ml101/zh-cn/notation/', '/ml101')).toBe('zh-CN');
    expect(localeOfPath('/ml101/zh-cn/notation/', '/ml101/')).toBe('zh-CN');
    expect(localeOfPath('/ml101/notation/', '/ml101/')).toBe('en');
  });

  it('find the language of a source file from its place under docs/', () => {
    expect(localeOfFile('/work/content/docs/zh-cn/chapters/neuron.mdx')).toBe('zh-CN');
    expect(localeOfFile('content\\docs\\zh-cn\\index.mdx')).toBe('zh-CN');
    expect(localeOfFile('/work/content/docs/chapters/neuron.mdx')).toBe('en');
    expect(localeOfFile('notes.mdx')).toBe('en');
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
