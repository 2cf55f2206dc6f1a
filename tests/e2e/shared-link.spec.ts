import type { Route } from '@playwright/test';
import { mazurParams, mazurWorkedExample } from '../../src/engine/mazur.ts';
import { formatNumber } from '../../src/live/format.ts';
import { LINK_WAIT_MS } from '../../src/live/client/shared-link.ts';
import { expect, test, type Page } from './fixtures.ts';

// A shared link shows its own numbers from the first paint, never the defaults first (issue 9,
// §6). An init script records, in every animation frame from the very first, what the page
// would paint for the w5 field, \live{mazur.w5} in math and the E read-out: their text, or
// "hidden".

const W5 = 0.9;
const RUNTIME = /\/_astro\/runtime\.[^/]*\.js$/;

interface Frame {
  t: number;
  field: string;
  math: string;
  E: string;
}

/** Installed before the page's scripts: one record per change of what a frame shows. */
function recordFrames(): void {
  const frames: Array<Record<string, string | number>> = [];
  Object.assign(window, { paintedFrames: frames });
  const shown = (selector: string): string => {
    const el = document.querySelector<HTMLElement & { value?: string }>(selector);
    if (!el) return 'absent';
    // Below the first screen, a block may wait to be shown while the article is parsed and then
    // unfolds (MarkdownContent.astro): not laid out yet, rather than hidden.
    const parsing =
      document.documentElement.classList.contains('article-unfolding') &&
      el.closest('.sl-markdown-content > :nth-child(n + 7)');
    if (parsing || el.closest('[hidden="until-found"], [data-unfold]')) return 'waiting';
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return 'hidden';
    return el.value ?? el.textContent ?? '';
  };
  let last = '';
  const tick = (): void => {
    const frame = {
      field: shown('input[data-param="mazur.w5"]'),
      math: shown('.live-math[data-value="mazur.w5"]'),
      E: shown('live-value[data-value="mazur.E"]'),
    };
    const key = JSON.stringify(frame);
    if (key !== last) frames.push({ t: performance.now(), ...frame });
    last = key;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Records the page's layout shifts, as the CLS metric does (none follow input here), with what
 * moved, so that a failure says where to look. */
function recordShifts(): void {
  const shifts: Array<{ value: number; at: number; moved: string[] }> = [];
  Object.assign(window, { layoutShifts: shifts });
  const describe = (node: Node | null): string => {
    const el = node instanceof Element ? node : (node?.parentElement ?? null);
    if (!el) return '(gone)';
    const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} in ${el.parentElement?.className || el.parentElement?.tagName}`;
  };
  type Shift = PerformanceEntry & {
    value: number;
    sources: Array<{
      node: Node | null;
      previousRect: DOMRectReadOnly;
      currentRect: DOMRectReadOnly;
    }>;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Shift[])
      shifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        moved: entry.sources.map(
          (s) =>
            `${describe(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}, h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`,
        ),
      });
  }).observe({ type: 'layout-shift', buffered: true });
}

const frames = (page: Page): Promise<Frame[]> =>
  page.evaluate(() => (window as unknown as { paintedFrames: Frame[] }).paintedFrames);

/** What the build wrote for the page's starting values, and what the link's values look like. */
async function expectedTexts(page: Page) {
  const digits = Number(
    await page.locator('live-value[data-value="mazur.E"]').first().getAttribute('data-digits'),
  );
  const E = (w5: number) => formatNumber(mazurWorkedExample({ ...mazurParams, w5 }).E!, { digits });
  return {
    defaults: { field: '0.40', math: '0.40', E: E(mazurParams.w5) },
    shared: { field: '0.90', math: '0.90', E: E(W5) },
  };
}

const settled = (page: Page) =>
  page.waitForFunction(
    () =>
      document.documentElement.dataset['live'] === 'ready' &&
      !document.documentElement.hasAttribute('data-live-link'),
  );

for (const [path, throttle] of [
  // The chapter, with every kind of widget, on a slow phone's CPU; the guide at full speed.
  ['/chapters/backprop/', 4],
  ['/how-to-read/', 1],
] as const) {
  test(`${path}?mazur.w5=${W5} never paints the default numbers, at ${throttle}× CPU`, async ({
    page,
  }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.addInitScript(recordFrames);
    await page.addInitScript(recordShifts);
    await page.goto(`${path}?mazur.w5=${W5}`);
    await settled(page);
    const { defaults, shared } = await expectedTexts(page);
    const painted = await frames(page);
    const named = (['field', 'math', 'E'] as const).filter((k) => painted.at(-1)![k] !== 'absent');
    expect(named.length).toBeGreaterThan(1);
    // Every frame showed each number hidden, or with the link's value: never the default.
    for (const frame of painted) {
      for (const key of named) expect([shared[key], 'hidden', 'absent']).toContain(frame[key]);
    }
    for (const key of named) expect(painted.at(-1)![key]).toBe(shared[key]);
    expect(painted.some((f) => named.some((k) => f[k] === defaults[k]))).toBe(false);
    // Hiding in place moves nothing.
    const shifts = await page.evaluate(
      () => (window as unknown as { layoutShifts: Array<{ value: number }> }).layoutShifts,
    );
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(cls, JSON.stringify(shifts, null, 1)).toBeLessThan(0.01);
  });
}

test('a page without settings paints its numbers at once and hides nothing', async ({ page }) => {
  await page.addInitScript(recordFrames);
  await page.goto('/how-to-read/');
  const { defaults } = await expectedTexts(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-live-link', /.*/);
  const painted = await frames(page);
  const withNumbers = painted.filter(
    (f) => ![f.field, f.E].some((shown) => shown === 'absent' || shown === 'waiting'),
  );
  expect(withNumbers.length).toBeGreaterThan(0);
  for (const frame of withNumbers) {
    expect(frame.field).toBe(defaults.field);
    expect(frame.E).toBe(defaults.E);
  }
});

test('a link whose live layer cannot load shows the starting values, with a notice', async ({
  page,
  consoleErrors,
}) => {
  await page.route(RUNTIME, (route) => route.abort());
  await page.goto(`/how-to-read/?mazur.w5=${W5}`);
  const notice = page.getByRole('status').filter({ hasText: 'could not be loaded' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('starting values');
  await expect(page.locator('html')).toHaveAttribute('data-live-link', 'failed');
  const w5 = page.getByRole('spinbutton', { name: 'weight w5, from h1 to o1' });
  await expect(w5).toBeVisible();
  await expect(w5).toHaveValue('0.40');
  await expect(page.locator('live-value[data-value="mazur.E"]').first()).toBeVisible();
  // The failure is also logged; that is expected here.
  expect(consoleErrors.join('\n')).toContain('The live layer could not be loaded');
  consoleErrors.splice(0);
});

test('a link whose live layer hangs shows the starting values after a while, then its own when the layer arrives', async ({
  page,
}) => {
  await page.clock.install();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(RUNTIME, async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/how-to-read/?mazur.w5=${W5}`);
  await expect(page.locator('html')).toHaveAttribute('data-live-link', 'loading');
  const w5 = page.getByRole('spinbutton', { name: 'weight w5, from h1 to o1' });
  await expect(w5).toBeHidden();
  await page.clock.fastForward(LINK_WAIT_MS);
  const notice = page.getByRole('status').filter({ hasText: 'taking long' });
  await expect(notice).toBeVisible();
  await expect(w5).toBeVisible();
  await expect(w5).toHaveValue('0.40');
  release();
  await expect(w5).toHaveValue('0.90');
  await expect(notice).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-live-link', /.*/);
});

test('the training panel never shows its starting summary for a shared link', async ({ page }) => {
  await page.goto('/chapters/backprop/');
  const startingSummary = await page.locator('.training__status').textContent();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { statusFrames: seen });
    const tick = (): void => {
      const el = document.querySelector<HTMLElement>('.training__status');
      if (el) {
        const visible = el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
        seen.push(visible ? (el.textContent ?? '') : 'hidden');
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`/chapters/backprop/?mazur.w5=${W5}`);
  await settled(page);
  const status = page.locator('.training__status');
  await expect(status).not.toHaveAttribute('aria-busy');
  await expect(status).not.toHaveText(startingSummary ?? '');
  const seen = await page.evaluate(
    () => (window as unknown as { statusFrames: string[] }).statusFrames,
  );
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((text) => text === startingSummary)).toEqual([]);
});
