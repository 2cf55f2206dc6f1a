import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';

/**
 * Checks a built site's internal references: every link and asset reference must resolve to a
 * file of that build, and every #fragment must name an element on its target page. Returns one
 * line per broken reference, naming the page, and how many references were checked.
 *
 * A site built with BASE_PATH=/ml101/ must never point at /notation/ (that is the host's root,
 * not the course), so references outside the base count as broken too. A page must never point
 * at this machine either: a build without SITE_URL once gave every page a canonical link,
 * hreflang alternates and a sitemap at http://127.0.0.1:4321.
 */
export function brokenLinks(dist: string, base: string): { broken: string[]; checked: number } {
  const origin = 'http://site.invalid';
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dist);

  /** The built file a site path maps to, or undefined. */
  const fileFor = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base)) return undefined;
    const rest = decodeURIComponent(pathname.slice(base.length));
    const candidates =
      rest === '' || rest.endsWith('/')
        ? [join(dist, rest, 'index.html')]
        : [join(dist, rest), join(dist, rest, 'index.html')];
    return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  };

  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let found = ids.get(file);
    if (!found) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      found = new Set([...document.querySelectorAll('[id]')].map((el) => el.id));
      ids.set(file, found);
    }
    return found;
  };

  const broken: string[] = [];
  let checked = 0;
  const check = (from: string, pageUrl: string, reference: string | null | undefined): void => {
    if (!reference || /^(mailto:|tel:|data:|javascript:|blob:)/.test(reference)) return;
    const url = new URL(reference, pageUrl);
    if (reference.startsWith('#')) {
      checked++;
      const id = decodeURIComponent(url.hash.slice(1));
      if (id !== '' && !idsOf(join(dist, from)).has(id))
        broken.push(`${from}: ${reference} (no element with id "${id}")`);
      return;
    }
    if (url.origin !== origin) return; // an external link: not ours to check here
    checked++;
    const target = fileFor(url.pathname);
    if (!target) {
      broken.push(`${from}: ${reference} -> ${url.pathname} (no such file under ${base})`);
      return;
    }
    if (url.hash && target.endsWith('.html')) {
      const id = decodeURIComponent(url.hash.slice(1));
      if (!idsOf(target).has(id)) broken.push(`${from}: ${reference} (no element with id "${id}")`);
    }
  };

  for (const file of files) {
    const rel = relative(dist, file).split(sep).join('/');
    if (file.endsWith('.html')) {
      // 404.html is served at whatever address was missing, so it must not use relative links;
      // resolving it from a deep address catches that.
      const pageUrl =
        origin +
        base +
        (rel === '404.html' ? 'some/missing/page/' : rel.replace(/index\.html$/, ''));
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      for (const el of document.querySelectorAll('[href], [src], [srcset]')) {
        if (
          el.tagName === 'LINK' &&
          /\b(canonical|alternate|sitemap)\b/.test(el.getAttribute('rel') ?? '')
        )
          continue;
        check(rel, pageUrl, el.getAttribute('href'));
        check(rel, pageUrl, el.getAttribute('src'));
        for (const part of (el.getAttribute('srcset') ?? '').split(',')) {
          check(rel, pageUrl, part.trim().split(/\s+/)[0]);
        }
      }
    } else if (file.endsWith('.css')) {
      const cssUrl = origin + base + rel;
      for (const match of readFileSync(file, 'utf8').matchAll(
        /url\(\s*['"]?([^'")]+)['"]?\s*\)/g,
      )) {
        check(rel, cssUrl, match[1]);
      }
    }
  }

  for (const file of files.filter((f) => /\.(html|xml|txt)$/.test(f))) {
    const loopback = /\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.exec(
      readFileSync(file, 'utf8'),
    );
    if (loopback) broken.push(`${relative(dist, file)}: points at this machine (${loopback[0]})`);
  }
  return { broken, checked };
}
