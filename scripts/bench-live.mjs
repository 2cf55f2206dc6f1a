// Times the live page in Chromium: from a keyboard event on an editable number to the moment
// every dependent read-out shows the new value (synchronously), and to the next painted frame.
// Needs a built site (npm run build) and a Chromium (found as for the tests).
//
//   node scripts/bench-live.mjs [path] [--port N]     default /how-to-read/ on port 4398
import { parseArgs } from 'node:util';
import { launchChromium, requireBuild, startPreview } from './bench-site/serve.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: '4398' } },
});
const path = positionals[0] ?? '/how-to-read/';
requireBuild('bench-live');
const server = await startPreview(Number(values.port));
try {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(server.origin + path);
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
  server.stop();
}
