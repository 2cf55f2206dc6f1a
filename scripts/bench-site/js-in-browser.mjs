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
  // Weigh each body as it arrives: after the page moves on, a body may no longer be readable.
  context.on('response', (response) => {
    if (!isScript(response)) return;
    weighed.push(
      (async () => {
        const encoding = response.headers()['content-encoding'];
        const bytes = encoding
          ? (await response.request().sizes()).responseBodySize
          : gzipBytes(await response.body());
        return { url: new URL(response.url()).pathname, bytes, compressed: Boolean(encoding) };
      })(),
    );
  });
  let scripts;
  try {
    const tab = await context.newPage();
    await tab.goto(origin + page, { waitUntil: 'networkidle' });
    scripts = await Promise.all(weighed);
  } finally {
    // Settle every weighing before the context (and the bodies with it) goes away.
    await Promise.allSettled(weighed);
    await context.close();
  }
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
