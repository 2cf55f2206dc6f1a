// Serves a built site (dist/) for the browser tests, as any static host would: a path ending in
// `/` gets its index.html, a file gets itself, anything else the site's 404 page with status 404
// (what `astro preview` does for this site, whose every page ends in `/`).
//
// Why not `astro preview`: it reads, hashes and gzips every file on every request, and the browser
// tests load about 700 pages. It spent 0.16 CPU-seconds on each load of the backprop chapter (an
// 820 KB page and some 30 scripts, styles and fonts) on a 2-core machine that the tests keep busy.
// This server reads each file once and sends it as it is: the browser tests check the pages, not
// the transfer, and the budgets in `npm run bench:site` are measured through `astro preview`.
//
// Usage: node scripts/serve-dist.mjs [--dir dist] [--host 127.0.0.1] [--port 4399]
// It keeps what it has read: restart it after a build.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Answers requests for files under `root`. Each file is read once and kept in memory (a built
 * site is a few megabytes).
 * @param {string} root the built site's directory
 */
export function staticHandler(root) {
  const base = resolve(root);
  /** @type {Map<string, Promise<Buffer | undefined>>} */
  const cache = new Map();
  const load = (/** @type {string} */ file) => {
    let body = cache.get(file);
    if (!body) {
      body = readFile(file).catch(() => undefined);
      cache.set(file, body);
    }
    return body;
  };
  /** @type {import('node:http').RequestListener} */
  return async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      path = undefined; // broken percent-encoding: no such file
    }
    const file =
      path === undefined
        ? undefined
        : normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    const inside = file !== undefined && file.startsWith(base + sep);
    const body = inside ? await load(file) : undefined;
    if (body && (request.method === 'GET' || request.method === 'HEAD')) {
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const missing = await load(join(base, '404.html'));
    response.writeHead(404, { 'Content-Type': TYPES['.html'] });
    response.end(request.method === 'HEAD' ? undefined : (missing ?? 'Not found'));
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4399' },
    },
  });
  const port = Number(values.port);
  createServer(staticHandler(values.dir)).listen(port, values.host, () => {
    console.log(`Serving ${values.dir} at http://${values.host}:${port}/`);
  });
}
