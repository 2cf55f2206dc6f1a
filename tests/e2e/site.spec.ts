import { expect, test } from '@playwright/test';
import { chapters } from '../../src/course/outline.ts';
import { builtPages } from './pages.ts';

test('the home page says what the course teaches and lists every chapter in course order', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backprop Live');
  await expect(page.getByRole('heading', { name: 'What this course teaches' })).toBeVisible();
  const items = page.locator('.learning-path li');
  await expect(items).toHaveCount(chapters.length);
  for (const [index, chapter] of chapters.entries()) {
    await expect(items.nth(index)).toContainText(chapter.title);
  }
  await expect(
    page.getByRole('heading', { name: 'How to use the interactive parts' }),
  ).toBeVisible();
});

test('the notation page typesets its math with KaTeX at build time, with no error markup', async ({
  page,
}) => {
  await page.goto('/notation/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notation');
  expect(await page.locator('.katex').count()).toBeGreaterThan(40);
  await expect(page.locator('.katex-display')).toHaveCount(4);
  await expect(page.locator('.katex-error')).toHaveCount(0);
  // KaTeX's own fonts are loaded (self-hosted), not a fallback.
  await page.evaluate(() => document.fonts.ready);
  const katexFonts = await page.evaluate(
    () =>
      [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded')
        .length,
  );
  expect(katexFonts).toBeGreaterThan(0);
});

test('every heading of a content page has a permalink anchor', async ({ page }) => {
  await page.goto('/notation/');
  const headings = page.locator('.sl-markdown-content h2');
  const count = await headings.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const id = await headings.nth(i).getAttribute('id');
    expect(id).toBeTruthy();
    await expect(page.locator(`.sl-markdown-content a[href="#${id}"]`)).toHaveCount(1);
  }
});

test('search finds the notation page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.pagefind-ui__search-input').fill('learning rate');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  await expect(dialog.locator('.pagefind-ui__result-link', { hasText: 'Notation' })).toHaveCount(1);
});

test('the theme picker switches to dark mode and the choice survives a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/notation/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('an unknown address gets the 404 page with a way home', async ({ page }) => {
  const response = await page.goto('/chapters/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
  await expect(page.getByText('the home page lists them all')).toBeVisible();
  await page.getByRole('link', { name: 'Backprop Live' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'The learning path' })).toBeVisible();
});

test('the Chinese home page is in Chinese and links to the Chinese notation page', async ({
  page,
}) => {
  await page.goto('/zh-cn/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '学习路线' })).toBeVisible();
  await page.getByRole('link', { name: '记号说明', exact: true }).click();
  await expect(page).toHaveURL(/\/zh-cn\/notation\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('记号说明');
});

for (const path of builtPages()) {
  test(`${path} loads with no console errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(path);
    expect(response?.ok() || path === '/404.html').toBe(true);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}
