import { expect, goLive, settled, standStill, test, type Page } from './fixtures.ts';

// After an edit, a read-out far from the screen is written when it comes near, when the edits
// pause, or before print (src/live/client/near-writes.ts); until then it is not even computed.
// The page's clock stands still in these tests (page.clock), so "until the edits pause" is
// exact: no timer runs unless the test moves the clock.
const PAGE = '/chapters/backprop/';
/** A read-out of the update orders' table, near the end of the chapter, computed in the worker. */
const FAR = '[data-value="mazur.E_after10000_inplace"]';

const field = (page: Page, ref: string) =>
  page.locator(`[role="spinbutton"][data-param="${ref}"]`).first();
const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.textContent);
const html = (page: Page) => page.locator('html');

/** The read-out's text on a page loaded with these values: the build's or the first write's. */
async function textAt(page: Page, search: string, selector: string): Promise<string | null> {
  const other = await page.context().newPage();
  await other.goto(`${PAGE}?${search}`);
  await goLive(other);
  await settled(other);
  // A value from the worker shows once it has answered.
  await expect(other.locator(selector).first()).not.toHaveAttribute('aria-busy');
  const shown = await text(other, selector);
  await other.close();
  return shown;
}

test('an edit writes what is near the screen at once; a far read-out waits, uncomputed, until it comes near', async ({
  page,
}) => {
  // What the far read-out will show, from a page loaded with the value the edit gives.
  const want = await textAt(page, 'mazur.w5=0.42', FAR);
  await page.goto(PAGE);
  await goLive(page);
  const w5 = field(page, 'mazur.w5');
  await w5.scrollIntoViewIfNeeded();
  const before = await text(page, FAR);
  expect(want).not.toBe(before);
  // The live layer's first write computes every value once: let the worker answer.
  await expect(page.locator(FAR).first()).not.toHaveAttribute('aria-busy');
  const nearE = page.locator('network-diagram [data-value="mazur.E"]');
  const nearBefore = await nearE.textContent();
  await standStill(page);
  await w5.focus();
  // The keyboard, not the locator: a locator waits for animation frames, which stand still.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(w5).toHaveValue('0.42');
  // The diagram's error, beside the field, follows at once.
  expect(await nearE.textContent()).not.toBe(nearBefore);
  // The far read-out keeps its text, and is not busy: nothing has asked the worker for it.
  await expect(html(page)).toHaveAttribute('data-writes-waiting');
  expect(await text(page, FAR)).toBe(before);
  await expect(page.locator(FAR).first()).not.toHaveAttribute('aria-busy');
  // Scrolled to, it is computed and written, while the clock still stands.
  await page.locator(FAR).first().scrollIntoViewIfNeeded();
  await expect.poll(() => text(page, FAR)).toBe(want);
  // Elsewhere, writes still wait for the pause; when it comes, none is left.
  await expect(html(page)).toHaveAttribute('data-writes-waiting');
  await page.clock.runFor(1000);
  await expect(html(page)).not.toHaveAttribute('data-writes-waiting');
});

test('printing writes every waiting read-out at once, the clock standing still', async ({
  page,
}) => {
  const E = '[data-value="mazur.E_w5_plus"]';
  const want = await textAt(page, 'mazur.w5=0.39', E);
  await page.goto(PAGE);
  await goLive(page);
  const w5 = field(page, 'mazur.w5');
  await w5.scrollIntoViewIfNeeded();
  expect(await text(page, E)).not.toBe(want);
  await standStill(page);
  await w5.focus();
  await page.keyboard.press('ArrowDown');
  await expect(w5).toHaveValue('0.39');
  await expect(html(page)).toHaveAttribute('data-writes-waiting');
  await page.emulateMedia({ media: 'print' });
  await expect(html(page)).not.toHaveAttribute('data-writes-waiting');
  expect(await text(page, E)).toBe(want);
  await page.emulateMedia({ media: 'screen' });
});

test('a field’s message is drawn over the block below it, not under it', async ({ page }) => {
  // At 360 px the message of the η field under the learning-rate paragraph reaches 40 px into
  // the next block: that block, a later layer (isolation in MarkdownContent.astro), would paint
  // over it.
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(PAGE);
  await goLive(page);
  const fields = page.locator('live-number:not(live-training *) input[data-param="mazur.eta"]');
  let overlap = 0;
  let misses: string[] = [];
  for (let i = 0; i < (await fields.count()) && overlap <= 0; i++) {
    const eta = fields.nth(i);
    await eta.fill('abc');
    await eta.press('Enter');
    const found = await eta.evaluate((input) => {
      const message = input.closest('live-number')!.querySelector('.live-number__message')!;
      const blocks = [...document.querySelector('.sl-markdown-content')!.children];
      const next = blocks[blocks.findIndex((b) => b.contains(message)) + 1]!;
      message.scrollIntoView({ block: 'center' });
      const box = message.getBoundingClientRect();
      const below = next.getBoundingClientRect();
      // Each point of the part over the next block, as the browser hit-tests it, is the message.
      // The message lets presses through to what it covers (live.css): while the test looks, it
      // takes them, so that hit-testing finds what is drawn on top.
      (message as HTMLElement).style.pointerEvents = 'auto';
      const misses: string[] = [];
      for (const fx of [0.1, 0.5, 0.9])
        for (const y of [below.top + 2, (below.top + box.bottom) / 2, box.bottom - 2]) {
          const hit = document.elementFromPoint(box.left + fx * box.width, y);
          if (!hit || !message.contains(hit)) misses.push(hit?.outerHTML.slice(0, 60) ?? 'none');
        }
      (message as HTMLElement).style.pointerEvents = '';
      return { overlap: box.bottom - below.top, message: message.textContent, misses };
    });
    expect(found.message).toContain('“abc” is not a number');
    overlap = found.overlap;
    misses = found.misses;
  }
  expect(overlap).toBeGreaterThan(0);
  expect(misses).toEqual([]);
});

test('on screen each block of the article has a transform of its own; on paper none', async ({
  page,
}) => {
  // A far read-out written once the edits pause can make its paragraph a line longer, and so
  // move every block below it. A block with its own transform is moved by changing that
  // transform's offset; one without is painted again whole (MarkdownContent.astro).
  await page.goto(PAGE);
  await goLive(page);
  const transforms = () =>
    page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('.sl-markdown-content > :not(script)')].map(
          (block) => getComputedStyle(block).transform,
        ),
      ),
    ]);
  expect(await transforms()).toEqual(['matrix(1, 0, 0, 1, 0, 0)']);
  await page.emulateMedia({ media: 'print' });
  expect(await transforms()).toEqual(['none']);
});

test('a far editable number waits like a far read-out, and is brought up to date when the reader reaches it', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const near = page.locator('live-training [role="spinbutton"][data-param="mazur.eta"]');
  await near.scrollIntoViewIfNeeded();
  // The chapter's last field of η, further down, more than two screens below the panel's.
  const far = page.locator('[role="spinbutton"][data-param="mazur.eta"]').last();
  const gap = await page.evaluate(
    ([a, b]) => a.getBoundingClientRect().top - b.getBoundingClientRect().bottom,
    await Promise.all([far.elementHandle(), near.elementHandle()]),
  );
  expect(gap).toBeGreaterThan(2 * (page.viewportSize()?.height ?? 0));
  await standStill(page);
  await near.focus();
  await page.keyboard.press('ArrowUp');
  await expect(near).toHaveValue('0.51');
  // The far field keeps its text and its spoken value until it is wanted.
  await expect(html(page)).toHaveAttribute('data-writes-waiting');
  await expect(far).toHaveValue('0.50');
  await expect(far).toHaveAttribute('aria-valuenow', '0.5');
  // Reached (Tab, a click or, here, focus), it shows the value at once, and steps on from it.
  await far.focus();
  await expect(far).toHaveValue('0.51');
  await expect(far).toHaveAttribute('aria-valuenow', '0.51');
  await page.keyboard.press('ArrowUp');
  await expect(far).toHaveValue('0.52');
  // Escape goes back to the value it had when the reader reached it, not the stale one.
  await page.keyboard.press('Escape');
  await expect(far).toHaveValue('0.51');
  await page.clock.runFor(1000);
  await expect(html(page)).not.toHaveAttribute('data-writes-waiting');
  await expect(near).toHaveValue('0.51');
});
