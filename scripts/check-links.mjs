// Checks that every internal link and asset reference in a built site resolves to a file of
// that build, and that every #fragment names an element on its target page.
//
//   node scripts/check-links.mjs <distDir> <base>      e.g.  dist-sub /ml101/
//
// A site built with BASE_PATH=/ml101/ must never point at /notation/ (that is the host's root,
// not the course), so references outside the base count as broken too.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';

const [dist, base] = process.argv.slice(2);
if (!dist || !base || !base.startsWith('/') || !base.endsWith('/')) {
  console.error('usage: node scripts/check-links.mjs <distDir> <base starting and ending with />');
  process.exit(2);
}

const origin = 'http://site.invalid';
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);

/** The built file a site path maps to, or undefined. */
function fileFor(pathname) {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(pathname.slice(base.length));
  const candidates =
    rest === '' || rest.endsWith('/')
      ? [join(dist, rest, 'index.html')]
      : [join(dist, rest), join(dist, rest, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

const idsCache = new Map();
function idsOf(file) {
  if (!idsCache.has(file)) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    idsCache.set(file, new Set([...document.querySelectorAll('[id]')].map((el) => el.id)));
  }
  return idsCache.get(file);
}

const broken = [];
let checked = 0;
function check(from, pageUrl, reference) {
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
}

for (const file of files) {
  const rel = relative(dist, file).split(sep).join('/');
  if (file.endsWith('.html')) {
    // 404.html is served at whatever address was missing, so it must not use relative links;
    // resolving it from a deep address catches that.
    const pageUrl =
      origin + base + (rel === '404.html' ? 'some/missing/page/' : rel.replace(/index\.html$/, ''));
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
    for (const match of readFileSync(file, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
      check(rel, cssUrl, match[1]);
    }
  }
}

// A page must never point at this machine: a build without SITE_URL once gave every page a
// canonical link, hreflang alternates and a sitemap at http://127.0.0.1:4321.
for (const file of files.filter((f) => /\.(html|xml|txt)$/.test(f))) {
  const loopback = /\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.exec(
    readFileSync(file, 'utf8'),
  );
  if (loopback) broken.push(`${relative(dist, file)}: points at this machine (${loopback[0]})`);
}

if (broken.length > 0) {
  console.error(`${broken.length} broken internal reference(s) in ${dist} (base ${base}):`);
  for (const line of broken.slice(0, 50)) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`${dist}: ${checked} internal references checked under ${base}, none broken.`);
