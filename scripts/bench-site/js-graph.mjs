// The JavaScript of a built page as the build lays it out, without a browser: the module scripts
// a page names and their static imports (eager), the inline scripts, and everything reachable
// from them through dynamic imports and workers (lazy: the page may still load it later).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip level 9 size in bytes. */
export const gzipBytes = (data) => gzipSync(data, { level: 9 }).length;

/** Every HTML page of a build as a URL path (`/`, `/notation/`, `/404.html`), sorted. */
export function builtPages(dist) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory())
        return name === '_astro' || name === 'pagefind' ? [] : walk(path);
      return name.endsWith('.html') ? [path] : [];
    });
  return walk(dist)
    .map(
      (file) =>
        '/' +
        relative(dist, file)
          .split(sep)
          .join('/')
          .replace(/index\.html$/, ''),
    )
    .sort();
}

/** The HTML file in `dist` that serves a page's URL path. */
export const pageFile = (dist, page) => join(dist, page.endsWith('/') ? `${page}index.html` : page);

/**
 * The file in `dist` that serves a URL path, or null. A path under a base (`/ml101/_astro/x.js`)
 * is found too: the build writes the files without the base.
 */
export function urlToFile(distDir, urlPath) {
  const dist = resolve(distDir);
  const path = decodeURIComponent(urlPath.replace(/[?#].*$/, ''));
  const parts = path.split('/').filter(Boolean);
  for (let skip = 0; skip < Math.min(parts.length, 3); skip++) {
    const file = join(dist, ...parts.slice(skip));
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*(["'`])((?:(?!\1).)+)\1\s*\)/g;
const WORKER = /new\s+(?:Shared)?Worker\(\s*(?:new\s+URL\(\s*)?(["'`])([^"'`]+)\1/g;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Inline scripts of an HTML page that the browser runs, with whether each is a module. */
export function inlineScripts(html) {
  const scripts = [];
  for (const [, attrs, body] of html.matchAll(
    /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g,
  )) {
    const type = /\btype=["']?([^"'\s>]+)/.exec(attrs)?.[1] ?? '';
    if (JS_TYPES.has(type)) scripts.push({ module: type === 'module', body });
  }
  return scripts;
}

/**
 * The graph of one page's scripts. Specifiers are resolved against the importing file (or, for
 * an inline script, the page's URL); bare specifiers cannot occur in a Vite build and are skipped.
 * A template specifier with a runtime prefix (Pagefind's `${base}pagefind.js`) is matched by its
 * literal tail against the build's files.
 * @param {string} dist the build folder
 * @param {string} page the page's URL path
 * @returns {{ eager: Set<string>, lazy: Set<string>, inlineBytes: number }} files, gzip bytes
 */
export function pageGraph(distDir, page) {
  const dist = resolve(distDir);
  const html = readFileSync(pageFile(dist, page), 'utf8');
  const jsFiles = listJs(dist);
  const resolveSpec = (spec, fromFile, fromUrl) => {
    if (spec.includes('${')) {
      const tail = spec.slice(spec.lastIndexOf('}') + 1).replace(/^\.?\//, '');
      const hits = jsFiles.filter((f) => f.endsWith(sep + tail));
      return hits.length === 1 ? hits[0] : null;
    }
    if (spec.startsWith('/')) return urlToFile(dist, spec);
    if (!spec.startsWith('.')) return null;
    if (fromFile) return resolve(dirname(fromFile), spec.replace(/[?#].*$/, ''));
    return urlToFile(dist, posix.join(posix.dirname(`${fromUrl}x`), spec));
  };

  const eager = new Set();
  const lazyRoots = new Set();
  const visit = (code, fromFile, into) => {
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
      const file = resolveSpec(spec, fromFile, page);
      if (file) closure(file, into);
    }
    for (const [, , spec] of [...code.matchAll(DYNAMIC_IMPORT), ...code.matchAll(WORKER)]) {
      const file = resolveSpec(spec, fromFile, page);
      if (file) lazyRoots.add(file);
    }
  };
  const closure = (file, into) => {
    if (into.has(file) || !existsSync(file)) return;
    into.add(file);
    visit(readFileSync(file, 'utf8'), file, into);
  };

  for (const [, src] of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) {
    const file = resolveSpec(src.startsWith('/') ? src : `./${src}`, null, page);
    if (file) closure(file, eager);
  }
  let inlineBytes = 0;
  for (const script of inlineScripts(html)) {
    inlineBytes += gzipBytes(script.body);
    if (script.module) visit(script.body, null, eager);
  }
  // Lazy code pulls in more lazy code (and its own dynamic imports) until nothing new turns up.
  const lazy = new Set();
  for (let grew = true; grew;) {
    const before = lazy.size;
    for (const root of [...lazyRoots]) closure(root, lazy);
    grew = lazy.size > before;
  }
  for (const file of eager) lazy.delete(file);
  return { eager, lazy, inlineBytes };
}

const jsCache = new Map();
function listJs(dist) {
  if (!jsCache.has(dist)) {
    const walk = (dir) =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return walk(path);
        return /\.m?js$/.test(name) ? [path] : [];
      });
    jsCache.set(dist, walk(dist));
  }
  return jsCache.get(dist);
}

/** Gzip bytes of a set of files. */
export const filesBytes = (files) =>
  [...files].reduce((sum, file) => sum + gzipBytes(readFileSync(file)), 0);
