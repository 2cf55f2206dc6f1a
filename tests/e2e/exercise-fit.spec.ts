import { expect, goLive, test } from './fixtures.ts';

// Exercises fit the page at a laptop's width and a phone's (issue 9 §4): with every hint and
// solution open, neither the page nor an exercise is wider than the screen; a formula wraps
// after = and operators where it can, and what cannot wrap (an aligned block) scrolls inside
// its own box, where the keyboard can reach it.
const PAGES = ['/chapters/backprop/', '/how-to-read/'];
const WIDTHS = [1280, 360] as const;

// Both widths in one visit: the page is turned from one to the other, as a phone is rotated.
for (const path of PAGES) {
  test(`exercises on ${path} fit at ${WIDTHS.join(' and ')} px, solutions open`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await page.goto(path);
    const exercises = page.locator('.exercise');
    expect(await exercises.count()).toBeGreaterThan(0);
    // With the live layer running, so that no click is held for it: a held click is replayed
    // when the layer arrives, and the details it opens then moves the next summary from under
    // the pointer (a CI run on a busy machine lost a click that way).
    await goLive(page);
    for (const summary of await page.locator('.exercise summary').all()) {
      await summary.click();
      await expect(summary.locator('xpath=..')).toHaveAttribute('open', '');
    }
    await expect(page.locator('.exercise details:not([open])')).toHaveCount(0);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const sizes = await exercises.evaluateAll((elements) => {
        const root = document.documentElement;
        return {
          page: { scroll: root.scrollWidth, client: root.clientWidth },
          exercises: elements.map((e) => ({
            id: (e as HTMLElement).dataset['exercise'],
            scroll: e.scrollWidth,
            client: e.clientWidth,
            right: e.getBoundingClientRect().right,
          })),
          displays: [...document.querySelectorAll('.exercise .katex-display')].map((e) => ({
            id: (e.closest('.exercise') as HTMLElement).dataset['exercise'],
            aligned: e.querySelector('mtable') !== null,
            scroll: e.scrollWidth,
            client: e.clientWidth,
            overflowX: getComputedStyle(e).overflowX,
          })),
        };
      });
      expect(sizes.page.scroll).toBeLessThanOrEqual(sizes.page.client);
      for (const exercise of sizes.exercises) {
        expect(exercise.scroll, exercise.id).toBeLessThanOrEqual(exercise.client);
        expect(exercise.right, exercise.id).toBeLessThanOrEqual(width);
      }
      expect(sizes.displays.length).toBeGreaterThan(0);
      for (const display of sizes.displays) {
        // A chain (a = b = c) wraps, so its last value, the result, is in view.
        if (!display.aligned) {
          expect(display.scroll, `a chain in ${display.id}`).toBeLessThanOrEqual(
            display.client + 1,
          );
        }
        expect(display.overflowX, display.id).toBe('auto');
      }
      // What is wider than its box can be scrolled from the keyboard.
      const wide = page.locator('.exercise .katex-display').filter({
        has: page.locator('mtable'),
      });
      for (const display of await wide.all()) {
        const overflows = await display.evaluate((e) => e.scrollWidth > e.clientWidth + 1);
        if (overflows) await expect(display).toHaveAttribute('tabindex', '0');
      }
    }
  });
}

for (const width of WIDTHS) {
  test(`a solution’s chain wraps at ${width} px and keeps its result in view`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/how-to-read/');
    // The multiple-choice exercise's solution ends in a chain a = b = c = ∂E/∂w6, wider than
    // the box at both widths on one line.
    const box = page.locator('[data-exercise="why-w5"]');
    await box.locator('details.exercise__solution summary').click();
    const display = box.locator('.exercise__solution .katex-display');
    const result = display.locator('.katex [data-value="mazur.dE_dw6"]');
    await expect(result).toBeVisible();
    const [shown, frame] = [await result.boundingBox(), await display.boundingBox()];
    expect(shown && frame).toBeTruthy();
    expect(shown!.x).toBeGreaterThanOrEqual(frame!.x);
    expect(shown!.x + shown!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
    // It wrapped: the formula is taller than one line of it.
    expect(frame!.height).toBeGreaterThan(2 * shown!.height);
  });
}

test('a wide formula in a solution opened after the page loaded can be scrolled from the keyboard', async ({
  page,
}) => {
  // Firefox and Safari do not lay out a closed <details>, so the overflow sweep (Head.astro)
  // measures its formulas as 0 wide and takes their tab stops away. Chromium lays them out;
  // this makes it behave like them.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = 'details:not([open]) > :not(summary) { display: none !important; }';
      document.head.append(style);
    });
  });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/how-to-read/');
  // Opening the solution is also the reader's first intent, which brings the live layer in and
  // upgrades the exercise around the formula: wait for that first, so the formula stays put.
  await goLive(page);
  // KaTeX's fonts set the formula's width: measured before they load, it may still fit.
  await page.evaluate(() => document.fonts.ready);
  const solution = page.locator('[data-exercise="de-dw6"] details.exercise__solution');
  const display = solution.locator('.katex-display');
  await expect(display).not.toHaveAttribute('tabindex');
  await solution.locator('summary').click();
  await page.evaluate(() => document.fonts.ready);
  expect(await display.evaluate((e) => e.scrollWidth > e.clientWidth + 1)).toBe(true);
  await expect(display).toHaveAttribute('tabindex', '0');
  await display.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => display.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
});
