import { expect, test, type Page } from '@playwright/test';
import { watchNetwork } from './fixtures.ts';
import { chapters } from '../../src/course/outline.ts';

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

test('the notation page typesets its math at build time as MathML, in the site’s own math font', async ({
  page,
}) => {
  await page.goto('/notation/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notation');
  expect(await page.locator('.katex math').count()).toBeGreaterThan(40);
  await expect(page.locator('.katex-display')).toHaveCount(4);
  await expect(page.locator('.katex-error')).toHaveCount(0);
  // MathML only: KaTeX's HTML copy is not built.
  await expect(page.locator('.katex-html')).toHaveCount(0);
  // The math font is loaded (self-hosted) and draws the formulas, not a fallback.
  await page.evaluate(() => document.fonts.ready);
  const math = await page.evaluate(() => ({
    loaded: [...document.fonts].some(
      (f) => f.family.replace(/"/g, '') === 'Backprop Live Math' && f.status === 'loaded',
    ),
    family: getComputedStyle(document.querySelector('.katex mi')!).fontFamily,
  }));
  expect(math.loaded).toBe(true);
  expect(math.family).toMatch(/^"?Backprop Live Math"?/);
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
  await dialog.locator('.pagefind-ui__search-input').fill('upper case'); // words only the notation page has
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  await expect(dialog.locator('.pagefind-ui__result-link[href="/notation/"]')).toHaveCount(1);
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

// The Pagefind UI and index load only when the reader moves toward search (Search.astro).
const intents = {
  'the pointer enters the search button': (page: Page) =>
    page.getByRole('button', { name: 'Search' }).first().hover(),
  'the search button gets focus': (page: Page) =>
    page.getByRole('button', { name: 'Search' }).first().focus(),
  'Ctrl K is pressed': (page: Page) => page.keyboard.press('Control+k'),
  '/ is pressed': (page: Page) => page.keyboard.press('/'),
} as const;

for (const [intent, act] of Object.entries(intents)) {
  test(`search loads nothing before intent, and works once ${intent}`, async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const network = watchNetwork(page);
    await page.goto('/notation/');
    await network.quiet();
    await page.waitForTimeout(500); // past the idle time at which Starlight used to load it
    expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await expect(page.locator('.pagefind-ui')).toHaveCount(0);

    await act(page);
    const dialog = page.getByRole('dialog');
    await expect(page.locator('#starlight__search .pagefind-ui')).toHaveCount(1);
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Search' }).click();
    const input = dialog.locator('.pagefind-ui__search-input');
    await expect(input).toBeFocused();
    await input.fill('upper case'); // words only the notation page has
    await expect(dialog.locator('.pagefind-ui__result-link[href="/notation/"]')).toHaveCount(1);
  });
}

test('"/" typed in a field stays in the field and does not open search', async ({ page }) => {
  await page.goto('/how-to-read/');
  const w5 = page.locator('input[data-param="mazur.w5"]');
  await w5.focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(w5).toBeFocused();
});

test('search on the Chinese site finds a chapter by a Chinese term', async ({ page }) => {
  await page.goto('/zh-cn/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog');
  const input = dialog.locator('.pagefind-ui__search-input');
  await expect(input).toBeFocused();
  await input.fill('梯度消失');
  await expect(
    dialog.locator('.pagefind-ui__result-link[href="/zh-cn/chapters/vanishing-gradients/"]'),
  ).toHaveCount(1);
  // Only the Chinese pages: Pagefind indexes each language apart.
  await expect(dialog.locator('.pagefind-ui__result-link:not([href^="/zh-cn/"])')).toHaveCount(0);
});

test('the table of contents marks the section scrolled to as current', async ({ page }) => {
  await page.goto('/chapters/backprop/');
  const toc = page.locator('starlight-toc');
  const current = toc.locator('a[aria-current="true"]');
  await expect(current).toHaveAttribute('href', '#_top');
  for (const id of ['the-forward-pass', 'taking-a-step', 'the-network']) {
    await page.locator(`#${id}`).evaluate((heading) => heading.scrollIntoView());
    await expect(current).toHaveAttribute('href', `#${id}`);
    await expect(current).toHaveCount(1);
  }
  await page.evaluate(() => scrollTo(0, 0));
  await expect(current).toHaveAttribute('href', '#_top');
});

test('the mobile table of contents shows the current section in its summary', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/chapters/backprop/');
  const summary = page.locator('mobile-starlight-toc .display-current');
  await expect(summary).toHaveText('Overview');
  await page.locator('#taking-a-step').evaluate((heading) => heading.scrollIntoView());
  await expect(summary).toHaveText('Taking a step');
  await expect(page.locator('mobile-starlight-toc a[aria-current="true"]')).toHaveAttribute(
    'href',
    '#taking-a-step',
  );
  // A link in the open list jumps to its section and closes the list.
  await page.locator('#starlight__on-this-page--mobile').click();
  await page.locator('mobile-starlight-toc a[href="#summary"]').click();
  await expect(page.locator('#starlight__mobile-toc')).not.toHaveAttribute('open');
  await expect(summary).toHaveText('Summary');
});

test('a link to a section lands on its heading although the blocks above are not laid out', async ({
  page,
}) => {
  const network = watchNetwork(page);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/chapters/backprop/#checking-a-gradient');
    const heading = page.locator('#checking-a-gradient');
    await network.quiet();
    await page.waitForTimeout(300); // the blocks around the heading render in this time
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
    const header = await page.locator('header').evaluate((el) => el.getBoundingClientRect().height);
    // Starlight leaves the header (and on phones the table of contents bar) plus 1.5rem above.
    expect(top).toBeGreaterThan(header);
    expect(top).toBeLessThan(header + 120);
  }
});

test('only the display formulas that overflow their column keep a tab stop', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/chapters/backprop/');
  const state = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.katex-display')].map((el) => {
        el.firstElementChild?.getBoundingClientRect(); // lay out a block that is off screen
        return [el.scrollWidth > el.clientWidth + 1, el.hasAttribute('tabindex')];
      }),
    );
  await expect.poll(async () => (await state()).every(([wide, tab]) => wide === tab)).toBe(true);
  const wide = (await state()).map(([isWide]) => isWide);
  // On a phone some formulas are wider than the column and some are not.
  expect(wide).toContain(true);
  expect(wide).toContain(false);
});

test('a printed chapter renders every block, including those never scrolled to', async ({
  page,
}) => {
  await page.goto('/chapters/backprop/');
  await page.emulateMedia({ media: 'print' });
  // The page learns of the print medium from a media query's change event, which the browser
  // sends with its next frame (a reader's printing sends beforeprint first, at once). Read
  // straight after emulateMedia, 68 blocks still waited to unfold in a fresh-clone run.
  const skipped = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('.sl-markdown-content > *')].filter(
          (el) => getComputedStyle(el).contentVisibility !== 'visible',
        ).length,
    );
  await expect.poll(skipped).toBe(0);
  expect(
    await page.evaluate(
      () => document.querySelectorAll('.sl-markdown-content [data-unfold-part]').length,
    ),
  ).toBe(0);
});
