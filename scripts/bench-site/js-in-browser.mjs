// JavaScript a page fetches before the reader does anything: load it in a fresh context, wait
// for network idle, and weigh every script response (module scripts, their imports, dynamic
// imports fired during load, workers) plus the page's inline scripts. What the build could
// still load later (the lazy graph, minus what was fetched) is reported beside it.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import {
  filesBytes,
  gzipBytes,
  inlineScripts,
  pageFile,
  pageGraph,
  urlToFile,
} from './js-graph.mjs';

/** How long the network must be silent to count as idle, as Playwright's `networkidle`. */
const QUIET_MS = 500;

/** Resolves once no request has been pending for `ms` (checked every 50 ms, for at most 30 s). */
async function quiet(pending, ms) {
  let since = performance.now();
  for (const end = since + 30_000; performance.now() < end;) {
    await new Promise((r) => setTimeout(r, 50));
    if (pending.size > 0) since = performance.now();
    else if (performance.now() - since >= ms) return;
  }
  throw new Error(`the network never went quiet: ${[...pending].map((r) => r.url()).join(', ')}`);
}

const isScript = (response) =>
  response.request().resourceType() === 'script' ||
  /javascript|ecmascript/.test(response.headers()['content-type'] ?? '');

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin e.g. http://127.0.0.1:4396
 * @param {string} dist the build folder
 * @param {string} page the page's URL path
 */
export async function measureJs(browser, origin, dist, page) {
  const context = await browser.newContext();
  const weighed = [];
  const pending = new Set();
  const failed = [];
  context.on('request', (request) => pending.add(request));
  context.on('requestfailed', (request) => {
    pending.delete(request);
    failed.push(`${new URL(request.url()).pathname}: ${request.failure()?.errorText ?? ''}`);
  });
  // Weigh each script once its body is complete, before the page (and the body) can go away.
  context.on('requestfinished', (request) => {
    pending.delete(request);
    weighed.push(
      (async () => {
        const response = await request.response();
        if (!response || !isScript(response)) return null;
        const encoding = response.headers()['content-encoding'];
        const bytes = encoding
          ? (await request.sizes()).responseBodySize
          : gzipBytes(await response.body());
        return { url: new URL(request.url()).pathname, bytes, compressed: Boolean(encoding) };
      })(),
    );
  });
  let scripts;
  try {
    const tab = await context.newPage();
    await tab.goto(origin + page, { waitUntil: 'networkidle' });
    // Starlight's search imports its interface from a requestIdleCallback, which a busy CPU can
    // push past Playwright's 500 ms of network quiet: wait for the page's own idle time too,
    // then for the network to be quiet again.
    await tab.evaluate(
      () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 10_000 })),
    );
    await quiet(pending, QUIET_MS);
    scripts = (await Promise.all(weighed)).filter(Boolean);
  } finally {
    await Promise.allSettled(weighed);
    await context.close();
  }
  if (failed.length > 0) throw new Error(`${page}: requests failed: ${failed.join(', ')}`);
  const html = readFileSync(pageFile(dist, page), 'utf8');
  const inline = inlineScripts(html).map((s) => gzipBytes(s.body));
  const inlineBytes = inline.reduce((a, b) => a + b, 0);
  const fetched = new Set(scripts.map((s) => urlToFile(dist, s.url)).filter(Boolean));
  const graph = pageGraph(dist, page);
  const lazy = [...graph.lazy].filter((file) => !fetched.has(file));
  const name = (file) => '/' + relative(dist, file).split(sep).join('/');
  return {
    beforeInteraction: {
      bytes: scripts.reduce((sum, s) => sum + s.bytes, 0) + inlineBytes,
      inlineBytes,
      inlineCount: inline.length,
      scripts: scripts.sort((a, b) => b.bytes - a.bytes),
    },
    lazy: {
      bytes: filesBytes(lazy),
      files: lazy.map((file) => ({ url: name(file), bytes: gzipBytes(readFileSync(file)) })),
    },
    staticEagerBytes: filesBytes(graph.eager),
  };
}
