/**
 * The course's languages: English at the site's root, Simplified Chinese under /zh-cn/
 * (astro.config.mjs's Starlight `locales`). Components and the browser code find the page's
 * language from Astro.currentLocale or <html lang>, then take every word from that language's
 * dictionary (words.ts): never a `lang === … ? … : …` in a component.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The path segment of each language's pages, after the site's base ('' for English). */
export const LOCALE_PATH: Readonly<Record<Locale, string>> = { en: '', 'zh-CN': 'zh-cn/' };

/**
 * The course language for a BCP 47 tag or a Starlight locale key: 'zh-CN' for any Chinese
 * ('zh', 'zh-cn', 'zh-Hans'), English for anything else, including nothing.
 */
export function localeOf(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * A page's path split into its language and the rest, after the site's `base`:
 * `/ml101/zh-cn/notation/` is Chinese with `notation/`, `/notation/` English with `notation/`.
 */
function splitPath(pathname: string, base: string): { locale: Locale; rest: string } {
  const root = base.endsWith('/') ? base : `${base}/`;
  const rest = pathname.startsWith(root)
    ? pathname.slice(root.length)
    : pathname.replace(/^\//, '');
  for (const locale of LOCALES) {
    const prefix = LOCALE_PATH[locale];
    if (prefix && `${rest}/`.startsWith(prefix)) return { locale, rest: rest.slice(prefix.length) };
  }
  return { locale: 'en', rest };
}

/**
 * A page's path without its language: `/zh-cn/chapters/neuron/` and `/chapters/neuron/` are both
 * `/chapters/neuron/`. Keys that should be the same in every language (exercise progress) use it.
 */
export function pathWithoutLocale(pathname: string, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${splitPath(pathname, base).rest}`;
}

/**
 * The language of the page at `pathname` (the site's `base` included): `/zh-cn/chapters/neuron/`
 * is Chinese, `/chapters/neuron/` English.
 */
export function localeOfPath(pathname: string, base = '/'): Locale {
  return splitPath(pathname, base).locale;
}

/**
 * The language of a page's source file, from its place under the content's `docs/`:
 * `content/docs/zh-cn/chapters/neuron.mdx` is Chinese.
 */
export function localeOfFile(path: string): Locale {
  const normal = path.replaceAll('\\', '/');
  const at = normal.lastIndexOf('/docs/');
  return at < 0 ? 'en' : localeOfPath(normal.slice(at + '/docs'.length));
}

/**
 * One area's words in the page's language, from a table that has every language (so a missing
 * translation fails the type check): `byLocale(trainingWords, document.documentElement.lang)`.
 * Widgets keep such a table each, so that a page loads only the words of its own widgets.
 */
export function byLocale<T>(table: Readonly<Record<Locale, T>>, tag: string | undefined | null): T {
  return table[localeOf(tag)];
}
