// How soon a shared link shows its own numbers (issue 9, §6): a benchmark, not a test. Opens
// `<page>?mazur.w5=0.9` on the built site, unthrottled and at 4× CPU throttling, and records in
// every animation frame from the start what the w5 field and the E read-out show (or that they are
// hidden). Prints, per setting, the median time from navigation to the frame in which both show
// the link's values, the first frame painted, and in how many runs a default was ever visible.
//
//   npm run bench:link -- [--runs 5] [--port 4395] [--pages /chapters/backprop/,/how-to-read/]
//
// Needs dist/ from `npm run build` and a Chromium (found as for the tests).
import { parseArgs } from 'node:util';
import { formatNumber } from '../src/live/format.ts';
import { launchChromium, requireBuild, startPreview } from './bench-site/serve.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '4395' },
    pages: { type: 'string', default: '/chapters/backprop/,/how-to-read/' },
  },
});
const RUNS = Number(args.runs);
const W5 = 0.9;

/** Installed before the page's own scripts: one record per change of what the frame shows. */
function sampler() {
  const frames = [];
  Object.assign(window, { sharedLinkFrames: frames });
  const shown = (el) =>
    !el
      ? 'absent'
      : el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
        ? (el.value ?? el.textContent)
        : 'hidden';
  let last = '';
  const tick = () => {
    const w5 = document.querySelector('input[data-param="mazur.w5"]');
    const E = document.querySelector('live-value[data-value="mazur.E"]');
    const now = `${shown(w5)}|${shown(E)}`;
    if (now !== last) frames.push({ t: performance.now(), w5: shown(w5), E: shown(E) });
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)];
};

requireBuild('bench-shared-link');
const server = await startPreview(Number(args.port));
const browser = await launchChromium();
const rows = [];
try {
  for (const path of args.pages.split(',')) {
    for (const throttle of [1, 4]) {
      const times = [];
      let sawDefault = 0;
      const firstFrames = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await page.addInitScript(sampler);
        await page.goto(`${server.origin}${path}?mazur.w5=${W5}`);
        // Live, and (with the first-paint guard) done revealing.
        await page.waitForFunction(
          () =>
            document.documentElement.dataset.live === 'ready' &&
            !document.documentElement.hasAttribute('data-live-link'),
          null,
          { timeout: 60_000 },
        );
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
        const frames = await page.evaluate(() => window.sharedLinkFrames);
        const final = frames.at(-1);
        // The build's text is the default; the last frame shows the link's values.
        const built = await page.evaluate(async (p) => {
          const html = await (await fetch(p)).text();
          const doc = new DOMParser().parseFromString(html, 'text/html');
          return {
            w5: doc.querySelector('input[data-param="mazur.w5"]')?.getAttribute('value'),
            E: doc.querySelector('live-value[data-value="mazur.E"]')?.textContent,
          };
        }, path);
        if (final.w5 !== formatNumber(W5, { digits: 2 }) || final.E === built.E) {
          throw new Error(`${path}: the link's values never showed: ${JSON.stringify(final)}`);
        }
        times.push(frames.find((f) => f.w5 === final.w5 && f.E === final.E).t);
        firstFrames.push(frames[0]?.t ?? NaN);
        if (frames.some((f) => f.w5 === built.w5 || f.E === built.E)) sawDefault++;
        await context.close();
      }
      rows.push({
        page: path,
        cpu: `${throttle}×`,
        'first frame (ms)': Math.round(median(firstFrames)),
        'shared numbers shown (ms, median)': Math.round(median(times)),
        'min–max (ms)': `${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))}`,
        'runs that showed a default': `${sawDefault} of ${RUNS}`,
      });
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.table(rows);
