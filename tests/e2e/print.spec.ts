import { wordsFor } from '../../src/i18n/index.ts';
import { expect, goLive, test, type Page } from './fixtures.ts';

// What a printed page says about its live values: a note at the top of the article when they
// differ from the page's starting ones, nothing when they do not, and the training panel's
// settings readable on paper.
const PAGE = '/chapters/backprop/';
const note = (page: Page) => page.locator('.live-print-note');
const panel = (page: Page) => page.locator('live-training').first();
const spin = (page: Page, param: string) =>
  panel(page).locator(`[role="spinbutton"][data-param="mazur.${param}"]`);
/** What the first element `selector` finds prints after itself (its ::after content). */
const after = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el, '::after').content);

test('a printout from a shared link says its values differ, with the order, each change and the link', async ({
  page,
}) => {
  const query = '?mazur.w5=0.9&mazur.inPlace=true';
  await page.goto(`${PAGE}${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  // Never on screen.
  await expect(note(page)).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(note(page)).toBeVisible();
  // Right before the article's content, above its first block.
  expect(
    await page.evaluate(
      () => document.querySelector('.sl-markdown-content')?.previousElementSibling?.className,
    ),
  ).toContain('live-print-note');
  const [noteBottom, articleTop] = await page.evaluate(() => [
    document.querySelector('.live-print-note')?.getBoundingClientRect().bottom ?? NaN,
    document.querySelector('.sl-markdown-content')?.getBoundingClientRect().top ?? NaN,
  ]);
  expect(noteBottom).toBeLessThanOrEqual(articleTop);
  await expect(note(page)).toContainText(
    'The values on this printout differ from the page’s starting ones.',
  );
  await expect(note(page).getByRole('listitem')).toHaveText([
    'Update order: in place (output layer first; the hidden-layer gradients use the new output weights), not the starting order.',
    'weight w5, from h1 to o1 = 0.9 (starting value 0.4)',
  ]);
  const origin = new URL(page.url()).origin;
  await expect(note(page).getByRole('link')).toHaveText(`${origin}${PAGE}${query}`);
  await expect(note(page).getByRole('link')).toHaveAttribute('href', `${origin}${PAGE}${query}`);
  // The panel's settings print (the buttons do not): the order checkbox, checked, η and N.
  const order = panel(page).getByRole('checkbox', { name: /output layer first/ });
  await expect(order).toBeVisible();
  await expect(order).toBeChecked();
  await expect(spin(page, 'eta')).toBeVisible();
  await expect(spin(page, 'eta')).toHaveValue('0.50');
  await expect(spin(page, 'steps')).toHaveValue('10000');
  await expect(panel(page).locator('[data-action="mazur.train"]')).toBeHidden();
});

test('the printout follows edits and training, and says nothing once the values are reset', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  await page.emulateMedia({ media: 'print' });
  await expect(note(page)).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await spin(page, 'eta').fill('0.8');
  await spin(page, 'eta').press('Enter');
  await panel(page).locator('[data-action="mazur.step"]').click();
  await page.emulateMedia({ media: 'print' });
  await expect(note(page)).toBeVisible();
  const items = note(page).getByRole('listitem');
  await expect(items.first()).toHaveText(
    'Update order: simultaneous (every weight updated from the same old weights).',
  );
  await expect(items.filter({ hasText: 'learning rate η' })).toHaveText(
    'learning rate η = 0.8 (starting value 0.5)',
  );
  // One step at η = 0.8 changed all eight weights.
  await expect(items.filter({ hasText: /^weight w\d/ })).toHaveCount(8);
  const link = await note(page).getByRole('link').textContent();
  expect(link).toContain('mazur.eta=0.8');
  expect(link).toMatch(/mazur\.w5=0\.3[0-9]+/);
  // The link reproduces the page: opened, it gives the same note.
  const copy = await page.context().newPage();
  await copy.goto(link!);
  await copy.emulateMedia({ media: 'print' });
  await expect(note(copy).getByRole('listitem')).toHaveText(await items.allTextContents());
  await copy.close();
  await page.emulateMedia({ media: 'screen' });
  await panel(page).locator('[data-action="mazur.reset"]').click();
  await page.emulateMedia({ media: 'print' });
  await expect(note(page)).toBeHidden();
});

test('a page at its starting values prints nothing extra, before and after its live layer loads', async ({
  page,
}) => {
  await page.goto(PAGE);
  await page.emulateMedia({ media: 'print' });
  // The page writes the note's place at build time, empty and hidden.
  await expect(note(page)).toHaveCount(1);
  await expect(note(page)).toBeHidden();
  await expect(note(page)).toBeEmpty();
  await goLive(page);
  await expect(note(page)).toHaveCount(1);
  await expect(note(page)).toBeHidden();
});

test('on paper, links show their targets, exercises leave room to answer, and widgets are values, not controls', async ({
  page,
}) => {
  await page.goto('/chapters/neuron/');
  await page.emulateMedia({ media: 'print' });
  // A link to another page or site is followed by its target; one within the page is not.
  const external = page.locator('.sl-markdown-content a[href^="http"]').first();
  expect(await after(page, '.sl-markdown-content a[href^="http"]')).toBe(
    `" (${await external.getAttribute('href')})"`,
  );
  expect(await after(page, '.sl-markdown-content a[href^="#"]')).not.toContain('(');
  // A numeric exercise has a box to write in under its question; a choice, under its options.
  expect(await after(page, '.exercise[data-kind="number"] .exercise__question')).toBe('"Answer:"');
  expect(await after(page, '.exercise[data-kind="choice"] .exercise__form')).toBe('"Why:"');
  // No button prints; a number field prints as its value, without the field's tint or line.
  await expect(page.locator('.sl-markdown-content button').filter({ visible: true })).toHaveCount(
    0,
  );
  const field = page.getByRole('spinbutton', { name: 'weight w1' }).first();
  await expect(field).toBeVisible();
  expect(await field.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('none');
  expect(await field.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgba(0, 0, 0, 0)',
  );
});

test('on paper, the room to answer an exercise is labelled in the page’s language', async ({
  page,
}) => {
  const words = wordsFor('zh-CN').exercise;
  await page.goto('/zh-cn/chapters/neuron/');
  await page.emulateMedia({ media: 'print' });
  expect(await after(page, '.exercise[data-kind="number"] .exercise__question')).toBe(
    `"${words.printAnswer}"`,
  );
  expect(await after(page, '.exercise[data-kind="choice"] .exercise__form')).toBe(
    `"${words.printWhy}"`,
  );
  expect(words.printAnswer).not.toBe(wordsFor('en').exercise.printAnswer);
});
