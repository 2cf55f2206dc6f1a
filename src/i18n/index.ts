/**
 * The dictionary for a page's language. At build time a component passes Astro.currentLocale;
 * in the browser, `pageWords()` reads <html lang>, which Starlight sets for every page.
 */
import { en } from './en.ts';
import { localeOf, type Locale } from './locales.ts';
import type { Words } from './words.ts';
import { zhCN } from './zh-cn.ts';

const dictionaries: Readonly<Record<Locale, Words>> = { en, 'zh-CN': zhCN };

/** The words for a language tag or Starlight locale key (English for anything unknown). */
export function wordsFor(tag: string | undefined | null): Words {
  return dictionaries[localeOf(tag)];
}

/**
 * The live layer's words for the document's language; English where there is no document (the
 * build and unit tests, where parsing and the store also run).
 */
export function liveWords(): Words['live'] {
  return wordsFor(pageLangTag()).live;
}

/** The document's language tag, or undefined where there is no document. */
export function pageLangTag(): string | undefined {
  return (globalThis as { document?: Document }).document?.documentElement.lang;
}

/** The words for the document's language. */
export function pageWords(doc: Document = document): Words {
  return wordsFor(doc.documentElement.lang);
}

export { localeOf, type Locale } from './locales.ts';
export type { Words } from './words.ts';
