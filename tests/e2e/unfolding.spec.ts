import { expect, test, unfolded as allShown, type Page } from './fixtures.ts';

// The article unfolds a few blocks at a time after it is parsed, so that no one long layout of
// a chapter's formulas keeps a tap or a key waiting (src/components/overrides/MarkdownContent.astro).
// These check what a reader must never notice: the first screen is full from the start, nothing
// on screen moves, every block is shown soon without any action, and at once on a key, on
// printing or for a link to a section; without JavaScript nothing waits at all.
const PAGE = '/chapters/backprop/';
const PHONE = { width: 412, height: 823 };

/**
 * Blocks of the article that wait to be shown, undisplayed or hidden until found, and the parts
 * of large blocks (a widget's) that wait to be shown after their block.
 */
const waiting = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      document.querySelectorAll(
        '.sl-markdown-content > [hidden="until-found"], .sl-markdown-content > [data-unfold], .sl-markdown-content [data-unfold-part]',
      ).length,
  );

const unfolded = async (page: Page): Promise<void> => {
  await allShown(page);
  expect(await waiting(page)).toBe(0);
};

/** Slows the page's CPU four times, as Lighthouse's phone does, so that unfolding takes a while. */
async function slowCpu(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

test('a chapter unfolds by itself, its first screen full from the start and nothing on screen moving', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.addInitScript(() => {
    const seen = { shifts: 0, waitingAtLoad: -1, firstScreenFull: false };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        seen.shifts += (entry as { value?: number }).value ?? 0;
    }).observe({ type: 'layout-shift', buffered: true });
    // Registered before the page's own scripts: it runs before the first block is unfolded.
    document.addEventListener('DOMContentLoaded', () => {
      const article = document.querySelector('.sl-markdown-content');
      seen.waitingAtLoad = document.querySelectorAll(
        '.sl-markdown-content > [hidden="until-found"], .sl-markdown-content > [data-unfold]',
      ).length;
      seen.firstScreenFull = (article?.getBoundingClientRect().bottom ?? 0) >= innerHeight;
    });
  });
  await page.goto(PAGE);
  await unfolded(page);
  const seen = await page.evaluate(
    () => (window as unknown as { seen: Record<string, number | boolean> }).seen,
  );
  // The chapter has 87 blocks; the first screen's are shown at once, the rest waited.
  expect(seen.waitingAtLoad).toBeGreaterThan(40);
  expect(seen.firstScreenFull).toBe(true);
  expect(seen.shifts).toBe(0);
  // Every block is laid out as it would be without unfolding: the last heading has its place.
  const sources = page.locator('#sources');
  await sources.scrollIntoViewIfNeeded();
  await expect(sources).toBeInViewport();
});

test('the article waits for its first frame before it unfolds, so that a late first paint covers only the first screen', async ({
  page,
}) => {
  // Animation frames are held back, as a browser holds a new page's first frames (Lighthouse's
  // Chromium sometimes did for a second, and then painted the whole unfolded chapter at once:
  // one task of 65 ms, 260 ms at 4x CPU, in its blocking time). Timers still run.
  await page.addInitScript(() => {
    const held: FrameRequestCallback[] = [];
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => held.push(callback);
    (window as unknown as { releaseFrames: () => void }).releaseFrames = () => {
      window.requestAnimationFrame = original;
      for (const callback of held.splice(0)) original(callback);
    };
  });
  await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('html')).toHaveAttribute('data-unfolding');
  const atLoad = await waiting(page);
  expect(atLoad).toBeGreaterThan(40);
  // Unfolding without frames takes 0.1 to 0.6 s: after a second, nothing has unfolded.
  await page.waitForTimeout(1000);
  expect(await waiting(page)).toBe(atLoad);
  await page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());
  await unfolded(page);
});

test('a widget unfolds after its block, a part at a time, so that no one step lays it all out', async ({
  page,
}) => {
  // The autodiff widget's first layout in Chinese was one step of 67 to 75 ms (text shaping with
  // the fonts' first use of each character), 4 times that on a phone.
  await page.setViewportSize(PHONE);
  await slowCpu(page);
  await page.addInitScript(() => {
    const steps: string[][] = [];
    (window as unknown as { steps: typeof steps }).steps = steps;
    document.addEventListener('DOMContentLoaded', () => {
      const block = document.querySelector('.sl-markdown-content > autodiff-graph');
      if (!block) return;
      // Each callback gets the changes of one task: one unfolding step.
      new MutationObserver((records) => {
        const shown = records
          .filter(
            (r) => r.oldValue !== null && !(r.target as Element).hasAttribute(r.attributeName!),
          )
          .map((r) => (r.target === block ? 'block' : 'part'));
        if (shown.length > 0) steps.push(shown);
      }).observe(block, {
        subtree: true,
        attributeOldValue: true,
        attributeFilter: ['hidden', 'data-unfold', 'data-unfold-part'],
      });
    });
  });
  await page.goto('/zh-cn/chapters/autodiff/');
  // Unfolding the whole chapter at 4× CPU takes a few seconds.
  await expect(page.locator('html')).not.toHaveAttribute('data-unfolding', { timeout: 30_000 });
  const steps = await page.evaluate(() => (window as unknown as { steps: string[][] }).steps);
  const flat = steps.flat();
  expect(flat[0]).toBe('block');
  expect(flat.filter((s) => s === 'part').length).toBeGreaterThan(5);
  expect(steps.filter((step) => step.includes('part')).length).toBeGreaterThanOrEqual(3);
  expect(await page.locator('autodiff-graph figcaption').isVisible()).toBe(true);
});

test('once unfolded, the accessibility tree has every heading of the article', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(PAGE);
  await unfolded(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const spoken = nodes.filter((node) => node.role?.value === 'heading' && !node.ignored).length;
  // The page title, the table of contents' heading, and the article's own.
  const written = await page.locator('main h1, main h2, main h3').count();
  expect(written).toBeGreaterThan(10);
  expect(spoken).toBeGreaterThanOrEqual(written);
});

test('a key shows every block at once', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await slowCpu(page);
  await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
  expect(await waiting(page)).toBeGreaterThan(0);
  await page.keyboard.press('Shift');
  expect(await waiting(page)).toBe(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-unfolding');
});

test('printing shows every block at once', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await slowCpu(page);
  await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
  expect(await waiting(page)).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  await expect.poll(() => waiting(page)).toBe(0);
});

test('a link to a section is laid out whole, and scrolled to its heading', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(`${PAGE}#sources`, { waitUntil: 'domcontentloaded' });
  expect(await waiting(page)).toBe(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-unfolding');
  await expect(page.locator('#sources')).toBeInViewport();
});

test('a shared link is laid out whole, since its live layer loads at once', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await slowCpu(page);
  await page.goto(`${PAGE}?mazur.w5=0.9`, { waitUntil: 'domcontentloaded' });
  expect(await waiting(page)).toBe(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-unfolding');
  await expect(page.locator('html')).not.toHaveClass(/article-unfolding/);
});

test('without JavaScript every block is shown as built', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  try {
    const page = await context.newPage();
    await page.goto(PAGE);
    const skipped = await page.evaluate(
      () =>
        [...document.querySelectorAll('.sl-markdown-content > *')].filter((block) => {
          const style = getComputedStyle(block);
          return style.contentVisibility !== 'visible' || block.hasAttribute('data-unfold');
        }).length,
    );
    expect(skipped).toBe(0);
    await expect(page.locator('#sources')).toBeAttached();
    expect(await page.locator('html').getAttribute('class')).not.toContain('article-unfolding');
  } finally {
    await context.close();
  }
});
