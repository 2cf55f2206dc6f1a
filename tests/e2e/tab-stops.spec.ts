import type { CDPSession } from '@playwright/test';
import { expect, goLive, test, type Page } from './fixtures.ts';
import { builtPages, isFallback } from './pages.ts';

// Every Tab stop has a role and a name (issue 9, §5): a keyboard or screen-reader user who lands
// on it hears what it is. Live read-outs are text, not Tab stops; a formula or table wide enough
// to scroll is one, as a group named "Formula" or a named table.

const CANDIDATES =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, ' +
  '[tabindex], [contenteditable]';

/** Roles that say nothing about what an element is. */
const NO_ROLE = new Set(['generic', 'none', 'presentation', 'StaticText', 'InlineTextBox', '']);

/**
 * Every element a Tab press can reach that has no role or no name, described by its start tag,
 * read from the browser's own accessibility tree (through CDP, so it works without JavaScript).
 */
async function unnamedTabStops(page: Page): Promise<string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: CANDIDATES,
  });
  const problems: string[] = [];
  for (const nodeId of nodeIds) {
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
    const attrs = new Map<string, string>();
    for (let i = 0; i < attributes.length; i += 2) attrs.set(attributes[i]!, attributes[i + 1]!);
    if (attrs.has('disabled') || Number(attrs.get('tabindex') ?? 0) < 0) continue;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      nodeId,
      fetchRelatives: false,
    });
    const node = nodes[0];
    // Not rendered (display: none, a closed dialog): not a Tab stop.
    if (!node || node.ignored) continue;
    const role = String(node.role?.value ?? '');
    const name = String(node.name?.value ?? '').trim();
    if (NO_ROLE.has(role) || name === '') {
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      problems.push(`${role || 'no role'}, name "${name}": ${outerHTML.slice(0, 90)}`);
    }
  }
  await cdp.detach();
  return problems;
}

for (const path of builtPages().filter((p) => !isFallback(p))) {
  test(`every Tab stop on ${path} has a role and a name, with the live layer running`, async ({
    page,
  }) => {
    await page.goto(path);
    if ((await page.locator('live-number, live-value, live-exercise').count()) > 0) {
      await goLive(page);
    }
    expect(await unnamedTabStops(page)).toEqual([]);
  });

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
