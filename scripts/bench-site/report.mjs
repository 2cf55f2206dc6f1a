// The pure parts of the site benchmark: its budgets, statistics, verdicts, table and arguments.
// Nothing here touches a browser, a server or the file system, so the unit tests cover it all.
import { parseArgs } from 'node:util';

/**
 * The site's performance budgets. The README's Quality section and the unit tests cite them.
 * Kilobytes are KiB (1,024 bytes) of gzip, as `npm run size` reports them.
 */
export const BUDGETS = Object.freeze({
  /** Gzip KiB of JavaScript a page fetches or inlines before the reader interacts, Starlight's included. */
  jsBeforeInteractionKb: 15,
  /** Lighthouse mobile performance score (median): the hard line. */
  performance: 90,
  /** Lighthouse mobile performance score the site aims for; printed, not enforced. */
  performanceGoal: 100,
  /** Lighthouse Total Blocking Time (median), ms. */
  tbtMs: 100,
  /** Lighthouse Cumulative Layout Shift (median). */
  cls: 0.01,
  /** Median edit-to-paint of ArrowUp on an editable number, unthrottled, ms: one 60 Hz frame. */
  editMedianMs: 16,
  /** The same at 4× CPU throttling, ms: the limit of an interaction that feels instant. */
  editMedianThrottledMs: 100,
});

/**
 * Median of a non-empty list: the mean of the two middle values when the count is even.
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * 95th percentile by nearest rank: the smallest value with at least 95% of the list at or below it.
 * @param {number[]} values
 * @returns {number}
 */
export function p95(values) {
  if (values.length === 0) throw new Error('p95 of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1];
}

/**
 * Summary of edit-to-paint durations (ms).
 * @param {number[]} durations one per key press
 * @param {number} [frameMs] the threshold that counts as a missed frame (default 16)
 */
export function summarizeDurations(durations, frameMs = 16) {
  return {
    count: durations.length,
    median: median(durations),
    p95: p95(durations),
    over16: durations.filter((d) => d > frameMs).length,
  };
}

/**
 * One page's edit-to-paint over several page loads. The median is the median load's: Chromium's
 * compositor, once one frame misses its deadline while presses come once a frame, can draw
 * every later press of that load a frame late (the harness's pause before the first press
 * prevents the start of a load from doing so, not a slow frame among the presses), so one load
 * can be all 32 ms where the others are all 16. The p95 and the count over a frame are of every
 * press of every load, so such a load still shows there.
 * @param {{ durations: number[] }[]} loads one per page load, each with a duration per press
 * @param {number} [frameMs]
 */
export function combineLoads(loads, frameMs = 16) {
  if (loads.length === 0) throw new Error('combineLoads needs at least one load');
  const loadMedians = loads.map((load) => median(load.durations));
  const pooled = summarizeDurations(
    loads.flatMap((load) => load.durations),
    frameMs,
  );
  return { ...pooled, median: median(loadMedians), loadMedians };
}

/**
 * One verdict per budget that a page's figures can be held to; figures not measured give none.
 * @param {{ jsBeforeInteractionBytes?: number, lighthouse?: { performance: number,
 *   tbtMs: number, cls: number } | null, edit?: { unthrottled: { median: number },
 *   throttled4x: { median: number } } | null }} figures
 * @returns {{ key: string, value: number, budget: number, ok: boolean }[]}
 */
export function verdicts(figures, budgets = BUDGETS) {
  const out = [];
  const atMost = (key, value, budget) => out.push({ key, value, budget, ok: value <= budget });
  const atLeast = (key, value, budget) => out.push({ key, value, budget, ok: value >= budget });
  if (figures.jsBeforeInteractionBytes !== undefined)
    atMost('js', figures.jsBeforeInteractionBytes / 1024, budgets.jsBeforeInteractionKb);
  if (figures.lighthouse) {
    atLeast('performance', figures.lighthouse.performance, budgets.performance);
    atMost('tbt', figures.lighthouse.tbtMs, budgets.tbtMs);
    atMost('cls', figures.lighthouse.cls, budgets.cls);
  }
  if (figures.edit) {
    atMost('edit', figures.edit.unthrottled.median, budgets.editMedianMs);
    atMost('edit4x', figures.edit.throttled4x.median, budgets.editMedianThrottledMs);
  }
  return out;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (value) => Math.round(value).toString();

/**
 * The benchmark's table as Markdown, so it reads on a terminal and pastes into the README.
 * A figure that misses its budget ends in " ✗" and its row's first cell starts with "✗ ".
 * @param {{ page: string, jsBeforeInteractionBytes: number, lazyBytes: number,
 *   lighthouse: { performance: number, fcpMs: number, lcpMs: number, tbtMs: number,
 *   cls: number } | null, edit: { unthrottled: { median: number, p95: number, over16: number,
 *   count: number }, throttled4x: { median: number, p95: number, over16: number,
 *   count: number } } | null }[]} rows
 */
export function formatTable(rows, budgets = BUDGETS) {
  const header = [
    'page',
    'JS before (KB)',
    'lazy (KB)',
    'perf',
    'FCP (ms)',
    'LCP (ms)',
    'TBT (ms)',
    'CLS',
    'edit median (loads) / p95 / >16 ms',
    'edit 4× median (loads) / p95 / >16 ms',
  ];
  const budgetRow = [
    'budget',
    `≤ ${budgets.jsBeforeInteractionKb}`,
    '',
    `≥ ${budgets.performance} (goal ${budgets.performanceGoal})`,
    '',
    '',
    `≤ ${budgets.tbtMs}`,
    `≤ ${budgets.cls}`,
    `median ≤ ${budgets.editMedianMs}`,
    `median ≤ ${budgets.editMedianThrottledMs}`,
  ];
  const body = rows.map((row) => {
    const failed = new Set(
      verdicts(row, budgets)
        .filter((v) => !v.ok)
        .map((v) => v.key),
    );
    const mark = (key, text) => (failed.has(key) ? `${text} ✗` : text);
    const lh = row.lighthouse;
    // With several loads, each load's median after the page's: "16.0 (16, 16, 32)".
    const loads = (s) =>
      s.loadMedians && s.loadMedians.length > 1 ? ` (${s.loadMedians.map(ms).join(', ')})` : '';
    const edit = (key, s) =>
      mark(key, `${s.median.toFixed(1)}${loads(s)} / ${s.p95.toFixed(1)} / ${s.over16}`);
    return [
      failed.size > 0 ? `✗ ${row.page}` : row.page,
      mark('js', kb(row.jsBeforeInteractionBytes)),
      kb(row.lazyBytes),
      lh ? mark('performance', Math.round(lh.performance).toString()) : '–',
      lh ? ms(lh.fcpMs) : '–',
      lh ? ms(lh.lcpMs) : '–',
      lh ? mark('tbt', ms(lh.tbtMs)) : '–',
      lh ? mark('cls', lh.cls.toFixed(3)) : '–',
      row.edit ? edit('edit', row.edit.unthrottled) : '–',
      row.edit ? edit('edit4x', row.edit.throttled4x) : '–',
    ];
  });
  const all = [header, budgetRow, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(header), rule, ...[budgetRow, ...body].map(line)].join('\n');
}

export const USAGE = `Usage: npm run bench:site -- [options]

Measures every page of dist/ (run \`npm run build\` first, or pass --build).
  --build            run the production build first and record how long it took
  --pages /a/,/b/    only these pages (URL paths as in dist/, e.g. /,/chapters/backprop/,/404.html)
  --runs N           Lighthouse runs per page; the median is reported (default 3)
  --edit-loads N     page loads for edit-to-paint, each of 60 presses, unthrottled and at 4×;
                     the median load's median is reported (default 3)
  --no-lighthouse    skip Lighthouse
  --port N           port for astro preview; Lighthouse's Chromium debugs on N+1 (default 4396)
  --out FILE         where to write the JSON report (default reports/bench-site.json)
  --strict           exit with status 1 when a figure misses its budget
  --help             print this`;

/**
 * Parses the command line. Throws an Error with a message for the reader on a bad argument.
 * @param {string[]} argv the arguments after the script's name
 */
export function parseBenchArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      build: { type: 'boolean', default: false },
      pages: { type: 'string' },
      runs: { type: 'string', default: '3' },
      'edit-loads': { type: 'string', default: '3' },
      'no-lighthouse': { type: 'boolean', default: false },
      port: { type: 'string', default: '4396' },
      out: { type: 'string', default: 'reports/bench-site.json' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const integer = (name, text, min, max) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
    return n;
  };
  const pages = values.pages
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p.startsWith('/') ? p : `/${p}`));
  if (pages?.length === 0)
    throw new Error('--pages needs at least one page, e.g. --pages /,/notation/');
  return {
    build: values.build,
    pages: pages ?? null,
    runs: integer('runs', values.runs, 1, 50),
    editLoads: integer('edit-loads', values['edit-loads'], 1, 50),
    lighthouse: !values['no-lighthouse'],
    port: integer('port', values.port, 1024, 65534),
    out: values.out,
    strict: values.strict,
    help: values.help,
  };
}
