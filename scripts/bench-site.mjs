// The site benchmark (a benchmark, not a test): for every built page, the JavaScript it loads
// before interaction and what it could still load lazily, Lighthouse's mobile figures (median
// of N runs), and edit-to-paint of ArrowUp on an editable number, unthrottled and at 4× CPU
// throttling; with --build, the build time too. Prints a Markdown table with the budgets beside
// the figures and writes every figure to reports/bench-site.json.
//
//   npm run bench:site -- [--build] [--pages /,/chapters/backprop/] [--runs 3] [--no-lighthouse]
//                         [--port 4396] [--out reports/bench-site.json] [--strict]
//
// Needs dist/ from `npm run build` (or --build) and a Chromium (found as for the tests).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { longTasksDuringRun } from './bench-site/long-tasks.mjs';
import { editToPaint } from './bench-site/edit-to-paint.mjs';
import { builtPages } from './bench-site/js-graph.mjs';
import { measureJs } from './bench-site/js-in-browser.mjs';
import { lighthouse, lighthouseVersion } from './bench-site/lighthouse.mjs';
import {
  BUDGETS,
  USAGE,
  combineLoads,
  formatTable,
  parseBenchArgs,
  verdicts,
} from './bench-site/report.mjs';
import {
  ASTRO,
  DIST,
  ROOT,
  chromiumPath,
  launchChromium,
  requireBuild,
  startPreview,
} from './bench-site/serve.mjs';

/** Throttled edit-to-paint uses the factor Lighthouse's mobile preset simulates. */
const THROTTLE = 4;

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
/**
 * Edit-to-paint over `loads` page loads, unthrottled and at THROTTLE×, the two alternating so
 * that a busy minute on the machine falls on both; null on a page without an editable number.
 */
async function editToPaintLoads(browser, url, loads) {
  const unthrottled = [];
  const throttled = [];
  for (let i = 0; i < loads; i++) {
    const one = await editToPaint(browser, url, 1);
    if (!one) return null;
    unthrottled.push(one);
    throttled.push(await editToPaint(browser, url, THROTTLE));
  }
  const combine = (runs) => ({
    param: runs[0].param,
    throttle: runs[0].throttle,
    ...combineLoads(runs),
    loads: runs,
  });
  return { unthrottled: combine(unthrottled), throttled4x: combine(throttled) };
}

const progress = (message) => process.stderr.write(`bench:site: ${message}\n`);
const started = performance.now();

let buildSeconds = null;
if (options.build) {
  progress('building the site…');
  const t0 = performance.now();
  const build = spawnSync(process.execPath, [ASTRO, 'build'], {
    cwd: ROOT,
    // The build's log goes to stderr: stdout carries only the table.
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) {
    console.error('The build failed; nothing was measured.');
    process.exit(1);
  }
  buildSeconds = (performance.now() - t0) / 1000;
}
requireBuild('bench:site');

const available = builtPages(DIST);
const unknown = (options.pages ?? []).filter((page) => !available.includes(page));
if (unknown.length > 0) {
  console.error(`No such page in dist/: ${unknown.join(', ')}. Pages: ${available.join(', ')}`);
  process.exit(2);
}
const pages = options.pages ?? available;
const chromium = chromiumPath();

const server = await startPreview(options.port);
const results = [];
/** Long tasks during a 100,000-step training run at 4× throttling, per page with a panel. */
const longTasks = [];
let browserVersion;
try {
  const browser = await launchChromium();
  browserVersion = browser.version();
  try {
    for (const page of pages) {
      const url = server.origin + page;
      progress(`${page}: JavaScript`);
      const js = await measureJs(browser, server.origin, DIST, page);
      progress(`${page}: edit-to-paint`);
      const edit = await editToPaintLoads(browser, url, options.editLoads);
      const run = await longTasksDuringRun(browser, url, THROTTLE);
      let lh = null;
      if (options.lighthouse) {
        progress(`${page}: Lighthouse ×${options.runs}`);
        lh = await lighthouse(url, {
          runs: options.runs,
          chromium,
          debugPort: options.port + 1,
        });
      }
      const figures = {
        page,
        jsBeforeInteractionBytes: js.beforeInteraction.bytes,
        lazyBytes: js.lazy.bytes,
        lighthouse: lh,
        edit,
      };
      if (run) longTasks.push({ page, ...run });
      results.push({ ...figures, js, verdicts: verdicts(figures) });
    }
  } finally {
    await browser.close();
  }
} finally {
  server.stop();
}

const cpu = cpus();
const report = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
  },
  chromium: browserVersion,
  lighthouse: options.lighthouse ? lighthouseVersion() : null,
  node: process.version,
  lighthouseRuns: options.lighthouse ? options.runs : 0,
  editPresses: 60,
  editLoads: options.editLoads,
  throttle: THROTTLE,
  budgets: BUDGETS,
  buildSeconds,
  benchSeconds: +((performance.now() - started) / 1000).toFixed(1),
  pages: results,
  longTasks,
};
const out = resolve(ROOT, options.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

const misses = results.flatMap((r) =>
  r.verdicts.filter((v) => !v.ok).map((v) => `${r.page} ${v.key}`),
);
console.log(formatTable(results));
console.log('');
console.log(
  `${report.date}, ${report.machine.cpu} (${report.machine.cores} cores, ${report.machine.memoryGiB} GiB), ` +
    `Chromium ${report.chromium}` +
    (report.lighthouse
      ? `, Lighthouse ${report.lighthouse} mobile, median of ${options.runs}`
      : '') +
    `, edit-to-paint over ${options.editLoads} load${options.editLoads === 1 ? '' : 's'} of 60 presses.`,
);
if (buildSeconds !== null) console.log(`Build: ${buildSeconds.toFixed(1)} s.`);
for (const { page, steps, count, maxMs, runMs } of longTasks) {
  const verdict =
    count === 0 ? 'none (goal: none)' : `${count}, the longest ${maxMs} ms ✗ (goal: none)`;
  console.log(
    `${page}: long tasks during a ${steps.toLocaleString('en-US')}-step run at ${THROTTLE}× throttling (${(runMs / 1000).toFixed(1)} s): ${verdict}.`,
  );
  if (count > 0) misses.push(`${page} long tasks`);
}
console.log(
  misses.length === 0
    ? `Every figure is within budget. Report: ${options.out}`
    : `Over budget (✗): ${misses.join(', ')}. Report: ${options.out}`,
);
process.exit(options.strict && misses.length > 0 ? 1 : 0);
