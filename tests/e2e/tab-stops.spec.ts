import { expect, goLive, test } from './fixtures.ts';
import { builtPages, isFallback } from './pages.ts';
import { unnamedTabStops } from './tab-stops.ts';

// Every Tab stop has a role and a name, as built without JavaScript (pages.spec.ts checks them
// with the live layer running); read-outs are not Tab stops, and wide formulas are.

// An embed page's markup is its chapter's widget, checked as built on the chapter; embed.spec.ts
// checks each embed page's Tab stops with the live layer running. A translation's markup is its
// English page's (src/build/translation-structure.ts) with words from typed dictionaries:
// pages.spec.ts checks its Tab stops with the live layer running.
const checked = (p: string): boolean =>
  !isFallback(p) && !/^\/(zh-cn\/)?embed\//.test(p) && !p.startsWith('/zh-cn/');
for (const path of builtPages().filter(checked)) {
  test(`every Tab stop on ${path} has a role and a name as built, without JavaScript`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(path);
    expect(await unnamedTabStops(page)).toEqual([]);
    await context.close();
  });
}

test('read-outs are text in the sentence, not Tab stops', async ({ page }) => {
  await page.goto('/chapters/backprop/');
  await goLive(page);
  const readOuts = page.locator('live-value');
  expect(await readOuts.count()).toBeGreaterThan(20);
  expect(await page.locator('live-value[tabindex], .live-math[tabindex]').count()).toBe(0);
  // Tab goes from one editable number to the next without stopping at the read-outs between.
  const t1 = page.getByRole('spinbutton', { name: 'target t1' }).first();
  await t1.focus();
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.localName);
  expect(next).not.toBe('live-value');
});

test('on a phone a formula wider than the column is a named Tab stop that the arrow keys scroll', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/chapters/backprop/');
  // The page measures its formulas when idle: only those that overflow keep their tab stop.
  const wide = page.locator('.katex-display[tabindex="0"]');
  await expect
    .poll(async () => (await wide.count()) < (await page.locator('.katex-display').count()))
    .toBe(true);
  const formula = page.getByRole('group', { name: 'Formula' }).and(wide).first();
  await formula.focus();
  await expect(formula).toBeFocused();
  expect(await formula.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => formula.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
