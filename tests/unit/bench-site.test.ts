import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressDuration } from '../../scripts/bench-site/edit-to-paint.mjs';
import { builtPages, gzipBytes, pageGraph, urlToFile } from '../../scripts/bench-site/js-graph.mjs';
import { lighthouseFigures } from '../../scripts/bench-site/lighthouse.mjs';
import {
  BUDGETS,
  combineLoads,
  formatTable,
  median,
  p95,
  parseBenchArgs,
  summarizeDurations,
  verdicts,
} from '../../scripts/bench-site/report.mjs';

describe('median() and p95()', () => {
  it('median() takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('median() does not reorder its argument', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('p95() is the nearest-rank 95th percentile', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(hundred)).toBe(95);
    // Of 60 presses, the 57th smallest: three may be slower.
    const sixty = Array.from({ length: 60 }, (_, i) => 60 - i);
    expect(p95(sixty)).toBe(57);
    expect(p95([5])).toBe(5);
  });

  it('both refuse an empty list', () => {
    expect(() => median([])).toThrow(/empty/);
    expect(() => p95([])).toThrow(/empty/);
  });

  it('summarizeDurations() counts only presses strictly over 16 ms as missed frames', () => {
    expect(summarizeDurations([8, 16, 16.1, 24, 40])).toEqual({
      count: 5,
      median: 16.1,
      p95: 40,
      over16: 3,
    });
  });
});

const lighthouse = { performance: 97, fcpMs: 1100, lcpMs: 1800, tbtMs: 40, cls: 0 };
const edit = (median: number, throttled: number) => ({
  unthrottled: { median, p95: median + 8, over16: median > 16 ? 60 : 0, count: 60 },
  throttled4x: { median: throttled, p95: throttled + 8, over16: 60, count: 60 },
});

describe('combineLoads()', () => {
  const load = (ms: number, over: number) => ({
    durations: [...Array<number>(60 - over).fill(16), ...Array<number>(over).fill(ms)],
  });

  it("takes the median load's median, so one load drawn a frame late does not decide it", () => {
    const combined = combineLoads([load(32, 0), load(32, 60), load(32, 2)]);
    expect(combined.loadMedians).toEqual([16, 32, 16]);
    expect(combined.median).toBe(16);
    // The slow load still shows in the p95 and the count over a frame, of all 180 presses.
    expect(combined.count).toBe(180);
    expect(combined.over16).toBe(62);
    expect(combined.p95).toBe(32);
  });

  it('fails the budget when most loads are slow', () => {
    const combined = combineLoads([load(32, 60), load(24, 40), load(32, 0)]);
    expect(combined.median).toBe(24);
    expect(verdicts({ edit: { unthrottled: combined, throttled4x: combined } })[0]).toMatchObject({
      key: 'edit',
      ok: false,
    });
  });

  it('is one load itself, and refuses none', () => {
    expect(combineLoads([load(24, 31)])).toMatchObject({ median: 24, loadMedians: [24] });
    expect(() => combineLoads([])).toThrow(/at least one load/);
  });

  it("prints each load's median after the page's in the table", () => {
    const combined = combineLoads([load(32, 0), load(32, 60), load(32, 2)]);
    const row = formatTable([
      {
        page: '/p/',
        jsBeforeInteractionBytes: 1024,
        lazyBytes: 0,
        lighthouse: null,
        edit: { unthrottled: combined, throttled4x: combined },
      },
    ]).split('\n')[3]!;
    expect(row.split(' | ').map((cell) => cell.trim())).toContain('16.0 (16, 32, 16) / 32.0 / 62');
  });
});

describe('verdicts()', () => {
  it('holds each measured figure to its budget, at the budget counting as within', () => {
    const result = verdicts({
      jsBeforeInteractionBytes: BUDGETS.jsBeforeInteractionKb * 1024,
      lighthouse: { ...lighthouse, performance: BUDGETS.performance, tbtMs: 101, cls: 0.01 },
      edit: edit(16, 120),
    });
    expect(Object.fromEntries(result.map((v) => [v.key, v.ok]))).toEqual({
      js: true,
      performance: true,
      tbt: false,
      cls: true,
      edit: true,
      edit4x: false,
    });
  });

  it('gives no verdict for figures that were not measured', () => {
    const keys = verdicts({ jsBeforeInteractionBytes: 1024, lighthouse: null, edit: null }).map(
      (v) => v.key,
    );
    expect(keys).toEqual(['js']);
  });

  it('fails a performance score under the hard line, not under the goal', () => {
    const score = (performance: number) =>
      verdicts({ lighthouse: { ...lighthouse, performance } }).find((v) => v.key === 'performance')
        ?.ok;
    expect(score(BUDGETS.performanceGoal - 1)).toBe(true);
    expect(score(BUDGETS.performance - 1)).toBe(false);
  });
});

describe('formatTable()', () => {
  const rows = [
    { page: '/', jsBeforeInteractionBytes: 10 * 1024, lazyBytes: 2048, lighthouse, edit: null },
    {
      page: '/chapters/backprop/',
      jsBeforeInteractionBytes: 20.04 * 1024,
      lazyBytes: 150 * 1024,
      lighthouse: { ...lighthouse, performance: 74.4, tbtMs: 812.6 },
      edit: edit(48, 96),
    },
  ];
  const lines = formatTable(rows).split('\n');
  const cells = (line: string) =>
    line
      .slice(2, -2)
      .split(' | ')
      .map((c) => c.trim());

  it('is a Markdown table: header, rule, budget row, one row per page, columns aligned', () => {
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^\| -+( \| -+)+ \|$/);
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
    expect(cells(lines[2]!)).toEqual([
      'budget',
      '≤ 15',
      '',
      '≥ 90 (goal 100)',
      '',
      '',
      '≤ 100',
      '≤ 0.01',
      'median ≤ 16',
      'median ≤ 100',
    ]);
  });

  it('prints a page within budget plainly, with dashes for what was not measured', () => {
    expect(cells(lines[3]!)).toEqual([
      '/',
      '10.0',
      '2.0',
      '97',
      '1100',
      '1800',
      '40',
      '0.000',
      '–',
      '–',
    ]);
  });

  it('marks each figure over budget and the row that holds it', () => {
    expect(cells(lines[4]!)).toEqual([
      '✗ /chapters/backprop/',
      '20.0 ✗',
      '150.0',
      '74 ✗',
      '1100',
      '1800',
      '813 ✗',
      '0.000',
      '48.0 / 56.0 / 60 ✗',
      '96.0 / 104.0 / 60',
    ]);
  });
});

describe('parseBenchArgs()', () => {
  it('defaults to every page, 3 Lighthouse runs, no build, not strict', () => {
    expect(parseBenchArgs([])).toEqual({
      build: false,
      pages: null,
      runs: 3,
      editLoads: 3,
      lighthouse: true,
      port: 4396,
      out: 'reports/bench-site.json',
      strict: false,
      help: false,
    });
  });

  it('reads every option', () => {
    const options = parseBenchArgs([
      '--build',
      '--pages',
      '/, chapters/backprop/,/404.html',
      '--runs=5',
      '--edit-loads',
      '1',
      '--no-lighthouse',
      '--port',
      '4410',
      '--out',
      '/tmp/b.json',
      '--strict',
    ]);
    expect(options).toMatchObject({
      build: true,
      pages: ['/', '/chapters/backprop/', '/404.html'],
      runs: 5,
      editLoads: 1,
      lighthouse: false,
      port: 4410,
      out: '/tmp/b.json',
      strict: true,
    });
  });

  it('rejects a bad count, port or option with a message', () => {
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/--runs must be a whole number/);
    expect(() => parseBenchArgs(['--runs', '2.5'])).toThrow(/--runs/);
    expect(() => parseBenchArgs(['--port', '80'])).toThrow(/--port must be/);
    expect(() => parseBenchArgs(['--edit-loads', 'x'])).toThrow(/--edit-loads must be/);
    expect(() => parseBenchArgs(['--pages', ','])).toThrow(/at least one page/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/--fast/);
  });
});

describe('pressDuration()', () => {
  const press = { timeStamp: 1000.2, estimate: 9.5 };

  it("takes the longest Event Timing entry of the press's interaction", () => {
    const entries = [
      { name: 'keydown', startTime: 1000.2, duration: 24, interactionId: 7 },
      { name: 'keyup', startTime: 1060, duration: 32, interactionId: 7 },
      { name: 'keydown', startTime: 2000, duration: 80, interactionId: 8 },
    ];
    expect(pressDuration(press, entries, 16)).toEqual({ ms: 32, source: 'event-timing' });
  });

  it('falls back to the listener, kept under the threshold, when the observer saw nothing', () => {
    expect(pressDuration(press, [], 16)).toEqual({ ms: 9.5, source: 'listener' });
    expect(pressDuration({ ...press, estimate: 21 }, [], 16).ms).toBeLessThan(16);
  });
});

describe('lighthouseFigures()', () => {
  it('reads the score as 0-100 and the metrics from their audits', () => {
    const audits = {
      'first-contentful-paint': { numericValue: 900 },
      'largest-contentful-paint': { numericValue: 1500 },
      'total-blocking-time': { numericValue: 12 },
      'cumulative-layout-shift': { numericValue: 0.002 },
    };
    expect(lighthouseFigures({ categories: { performance: { score: 0.98 } }, audits })).toEqual({
      performance: 98,
      fcpMs: 900,
      lcpMs: 1500,
      tbtMs: 12,
      cls: 0.002,
    });
  });

  it('throws on a run that Lighthouse reports as failed', () => {
    expect(() => lighthouseFigures({ runtimeError: { message: 'NO_FCP' } })).toThrow(/NO_FCP/);
  });
});

describe('pageGraph() on a small build', () => {
  let dist = '';
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  };

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'bench-site-graph-'));
    file(
      'guide/index.html',
      '<script type="module" src="/_astro/entry.js"></script>' +
        '<script>document.documentElement.dataset.theme = "dark";</script>' +
        '<script type="application/ld+json">{"@type": "Article"}</script>' +
        '<script type="module">import "/_astro/inline-dep.js";</script>',
    );
    file('index.html', '');
    file('_astro/entry.js', 'import{a}from"./shared.js";import(`./lazy.js`);');
    file('_astro/shared.js', 'export const a=1;');
    file('_astro/inline-dep.js', 'export{a}from"./shared.js";');
    file(
      '_astro/lazy.js',
      'import"./shared.js";new Worker(new URL("./worker.js",import.meta.url));import(`${base}search.js`);',
    );
    file('_astro/worker.js', 'import"./worker-dep.js";');
    file('_astro/worker-dep.js', 'self.x=1;');
    file('pagefind/search.js', 'export const s=1;');
    file('_astro/unused.js', 'export const u=1;');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  const names = (files: Set<string>) =>
    [...files].map((f) => f.slice(dist.length).split('\\').join('/')).sort();

  it('lists the pages as URL paths', () => {
    expect(builtPages(dist)).toEqual(['/', '/guide/']);
  });

  it('finds module scripts, inline module imports and their static imports as eager', () => {
    expect(names(pageGraph(dist, '/guide/').eager)).toEqual([
      '/_astro/entry.js',
      '/_astro/inline-dep.js',
      '/_astro/shared.js',
    ]);
  });

  it('follows dynamic imports, workers and prefixed imports transitively as lazy', () => {
    expect(names(pageGraph(dist, '/guide/').lazy)).toEqual([
      '/_astro/lazy.js',
      '/_astro/worker-dep.js',
      '/_astro/worker.js',
      '/pagefind/search.js',
    ]);
  });

  it('weighs the inline scripts that run, not data blocks', () => {
    expect(pageGraph(dist, '/guide/').inlineBytes).toBe(
      gzipBytes('document.documentElement.dataset.theme = "dark";') +
        gzipBytes('import "/_astro/inline-dep.js";'),
    );
  });

  it('maps URL paths to files with or without a base path', () => {
    expect(urlToFile(dist, '/_astro/shared.js?v=1')).toBe(join(dist, '_astro/shared.js'));
    expect(urlToFile(dist, '/ml101/_astro/shared.js')).toBe(join(dist, '_astro/shared.js'));
    expect(urlToFile(dist, '/_astro/missing.js')).toBeNull();
  });
});
