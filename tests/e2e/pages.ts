import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LOCALE_PATH, LOCALES } from '../../src/i18n/locales.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** Every HTML page of the production build, as a URL path (`/`, `/notation/`, `/404.html`). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '_astro' && entry.name !== 'pagefind') walk(path);
      } else if (entry.name.endsWith('.html')) {
        const url = '/' + relative(dist, path).split(sep).join('/');
        pages.push(url.replace(/index\.html$/, ''));
      }
    }
  };
  walk(dist);
  if (pages.length === 0) throw new Error(`No pages in ${dist}: run \`npm run build\` first.`);
  return pages.sort();
}

/** A built page's HTML, by its URL path. */
export function builtHtml(path: string): string {
  return readFileSync(
    join(dist, ...path.split('/').filter(Boolean), path.endsWith('.html') ? '' : 'index.html'),
    'utf8',
  );
}

/**
 * Whether a built page is a fallback: a translation that does not exist yet, which Starlight
 * serves as the English content (`<main lang="en">`) inside the other language's chrome.
 */
export function isFallback(path: string): boolean {
  const html = builtHtml(path);
  const page = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1];
  const main = /<main[^>]*\blang="([^"]+)"/.exec(html)?.[1];
  return page !== undefined && main !== undefined && page !== main;
}

/**
 * The course's languages, each with the path its pages are under ('' for English, '/zh-cn' for
 * Chinese), from the site's own list (src/i18n/locales.ts).
 */
export const languages = LOCALES.map((lang) => ({
  lang,
  prefix: LOCALE_PATH[lang] === '' ? '' : `/${LOCALE_PATH[lang].replace(/\/$/, '')}`,
}));
