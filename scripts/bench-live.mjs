// Times the live page in Chromium: from a keyboard event on an editable number to the moment
// every dependent read-out shows the new value (synchronously), and to the next painted frame.
// Needs a built site (npm run build) and a Chromium (found as for the tests).
//
//   node scripts/bench-live.mjs [path]     default /how-to-read/
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const path = process.argv[2] ?? '/how-to-read/';
if (!existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)))) {
  console.error('bench-live needs a built site: run `npm run build` first.');
  process.exit(1);
}
const port = 4398;
const found = findChromium();
if ('error' in found) {
  console.error(found.error);
  process.exit(1);
}
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const server = spawn(
  process.execPath,
  [astro, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
  {
    stdio: 'ignore',
  },
);
try {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: found.path,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}${path}`);
  const result = await page.evaluate(async () => {
    const input = document.querySelector('[role="spinbutton"][data-param]');
    const readOuts = document.querySelectorAll('[data-value]').length;
    const sync = [];
    const frame = [];
    for (let i = 0; i < 300; i++) {
      const key = i % 2 === 0 ? 'ArrowUp' : 'ArrowDown';
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      sync.push(performance.now() - t0);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      frame.push(performance.now() - t0);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
    return {
      readOuts,
      sync_median_ms: median(sync),
      sync_p95_ms: p95(sync),
      frame_median_ms: median(frame),
    };
  });
  await browser.close();
  console.log(
    `${path}: ${result.readOuts} read-outs; input → updated DOM: median ${result.sync_median_ms.toFixed(3)} ms, p95 ${result.sync_p95_ms.toFixed(3)} ms; → next frame: median ${result.frame_median_ms.toFixed(1)} ms`,
  );
  console.log(JSON.stringify(result));
} finally {
  server.kill();
}
