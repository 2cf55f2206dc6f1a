// Reports the JavaScript each built page loads eagerly (gzip bytes): its module scripts, their
// static imports, and inline scripts. Dynamic imports are reported separately as lazy.
//
//   node scripts/js-bytes.mjs [distDir]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist');
const gz = (text) => gzipSync(text, { level: 9 }).length;

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === '_astro' || name === 'pagefind' ? [] : pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** A script and everything it imports statically, as file paths; dynamic imports go to `lazy`. */
function closure(file, eager, lazy) {
  if (eager.has(file)) return;
  eager.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(
    /(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g,
  )) {
    if (spec.startsWith('.')) closure(resolve(dirname(file), spec), eager, lazy);
  }
  for (const [, spec] of code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
    if (spec.startsWith('.')) lazy.add(resolve(dirname(file), spec));
  }
}

const rows = [];
for (const page of pages(dist).sort()) {
  const html = readFileSync(page, 'utf8');
  const eager = new Set();
  const lazy = new Set();
  for (const [, src] of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) {
    closure(join(dist, src.replace(/^\/([^_]*\/)?_astro\//, '_astro/')), eager, lazy);
  }
  let inline = 0;
  for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    inline += gz(body);
  const bytes = [...eager].reduce((sum, file) => sum + gz(readFileSync(file)), 0);
  const lazyBytes = [...lazy]
    .filter((f) => !eager.has(f))
    .reduce((sum, f) => sum + gz(readFileSync(f)), 0);
  const url =
    '/' +
    relative(dist, page)
      .split(sep)
      .join('/')
      .replace(/index\.html$/, '');
  rows.push({
    page: url,
    eager_kb: +(bytes / 1024).toFixed(1),
    inline_kb: +(inline / 1024).toFixed(1),
    lazy_kb: +(lazyBytes / 1024).toFixed(1),
  });
}
console.table(rows);
console.log(JSON.stringify(rows));
