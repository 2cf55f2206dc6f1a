import { wordsFor } from '../../src/i18n/index.ts';
import { axeViolations, expect, goLive, test, unfolded, type Page } from './fixtures.ts';
import { chapters } from '../../src/course/outline.ts';
import { builtPages, languages } from './pages.ts';
import { unnamedTabStops } from './tab-stops.ts';

// The embed pages (issue 14): every widget of the chapters alone on a page at /embed/<id>/ (and
// /zh-cn/embed/<id>/), for an instructor's iframe. One visit per page, in each language, checks it
// as a reader would meet it in a frame: the widget without the site's chrome, the chapter's
// settings from the link, the parts the link hides, a phone's width, and axe in both themes. Then
// the two ways in: a chapter's Embed action writes the code for the widget's current state, and the
// instructor guide's resize snippet, run on a parent page, sizes a frame to the height the embed
// page posts.

const embeds = builtPages().filter((path) => path.startsWith('/embed/'));
/** The same pages in Chinese, checked the same way, in the Chinese page's words. */
const chineseEmbeds = builtPages().filter((path) => path.startsWith('/zh-cn/embed/'));

/** A number field of the widget, and a value in its range other than the one it has. */
async function someSetting(page: Page): Promise<{ param: string; value: number }> {
  const field = page.locator('input[role="spinbutton"][data-param]').first();
  const param = (await field.getAttribute('data-param')) ?? '';
  const [now, min, max] = await Promise.all(
    ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'].map(async (name) =>
      Number(await field.getAttribute(name)),
    ),
  );
  return { param, value: now === max ? min! : max! };
}

test('every widget of the chapters has an embed page', () => {
  // The chapters' widgets, by their embed ids (src/course/embeds.ts reads them from the MDX).
  expect(chineseEmbeds).toEqual(embeds.map((path) => `/zh-cn${path}`));
  expect(embeds).toEqual(
    expect.arrayContaining([
      '/embed/neuron-diagram/',
      '/embed/activation-explorer/',
      '/embed/training-dying/',
      '/embed/training-dying-leaky/',
      '/embed/zigzag/',
      '/embed/fit-network/',
      '/embed/autodiff-graph/',
      '/embed/network-diagram/',
      '/embed/training-mazur/',
      '/embed/depth-flow/',
    ]),
  );
});

for (const path of [...embeds, ...chineseEmbeds]) {
  const chinese = path.startsWith('/zh-cn/');
  const words = wordsFor(chinese ? 'zh-CN' : 'en').live.embed.page;
  test(`${path} shows its widget alone, takes a link's settings, hides what it asks, fits 360 px and passes axe in both themes`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 800, height: 800 });
    await page.goto(`${path}?theme=light`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await test.step('no site chrome: no header, sidebar, search or table of contents', async () => {
      await expect(page.locator('header, nav, aside, site-search, starlight-toc')).toHaveCount(0);
      // A heading for screen readers, the widget, and the link to its chapter.
      await expect(page.locator('main > *:not(script)')).toHaveCount(3);
      // "<figure>, from the chapter “<chapter>”", in the page's language.
      const [, from] = words.heading('\u0000', '\u0000').split('\u0000');
      await expect(page.getByRole('heading', { level: 1 })).toContainText(from!);
    });
    await test.step('axe finds nothing in light mode, as built', async () => {
      expect(await axeViolations(page)).toEqual([]);
    });

    const { param, value } = await someSetting(page);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${path}?${param}=${value}&hide=controls,text&theme=dark`);
    await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await test.step(`the link's ${param}=${value} is the widget's`, async () => {
      await expect(page.locator(`input[data-param="${param}"]`).first()).toHaveAttribute(
        'aria-valuenow',
        String(value),
      );
    });
    await test.step('hide=controls leaves no button, menu, box or embed action in sight', async () => {
      await expect(
        page
          .locator('button, select, input:not([role="spinbutton"]), details')
          .filter({ visible: true }),
      ).toHaveCount(0);
    });
    await test.step('hide=text hides captions from sight but not from a screen reader', async () => {
      for (const caption of await page.locator('figcaption').all()) {
        const box = await caption.boundingBox();
        expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
      }
      for (const figure of await page.locator('figure:has(figcaption)').all()) {
        await expect(figure).toHaveAccessibleName(/\p{L}{3}/u);
      }
    });
    await test.step('it fits a 360 px screen', async () => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
    });
    await test.step('its link to the course carries the state and the widget', async () => {
      const source = page.getByRole('link', { name: words.open('').trim() });
      await source.focus();
      const href = (await source.getAttribute('href')) ?? '';
      expect(href).toContain(`${param}=${value}`);
      const widget = path.split('/').at(-2);
      const chapters = chinese ? '/zh-cn/chapters/' : '/chapters/';
      expect(href).toMatch(new RegExp(`^${chapters}[a-z-]+/\\?[^#]*#widget-${widget}$`));
      expect(href).not.toContain('hide=');
    });
    await test.step('every Tab stop has a role and a name, the live layer running', async () => {
      expect(await unnamedTabStops(page)).toEqual([]);
    });
    await test.step('axe finds nothing in dark mode at 360 px, parts hidden', async () => {
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test('an unusable hide flag or theme gets a notice, and the rest of the link applies', async ({
  page,
}) => {
  await page.goto('/embed/fit-network/?hide=controls,everything&theme=sepia');
  const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
  await expect(notice).toContainText('asks to hide something this figure does not have');
  await expect(notice).toContainText('asks for a colour theme this page does not have');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
  await expect(page.getByRole('button', { name: /Train/ })).toBeHidden();
  await expect(page.getByRole('figure').locator('figcaption')).toBeVisible();
});

for (const { prefix, lang } of languages) {
  test(`every widget with an embed page has its Embed action in its chapter${prefix ? ', in Chinese' : ''}, which writes a frame of its page and height`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const words = wordsFor(lang).live.embed;
    const offered = new Set<string>();
    for (const chapter of chapters) {
      await page.goto(`${prefix}/chapters/${chapter.slug}/`);
      await goLive(page);
      const origin = new URL(page.url()).origin;
      for (const action of await page.locator('details[data-embed-action]').all()) {
        const id = (await action.getAttribute('data-embed-action')) ?? '';
        offered.add(id);
        // The widget it embeds is on the page, where the embed page's link leads back to.
        const anchor = (await action.getAttribute('data-for')) ?? '';
        await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
        await action.locator('summary').click();
        const code = action.getByRole('textbox', { name: words.code });
        await expect(code).toHaveValue(
          new RegExp(
            `^<iframe src="${origin}${prefix}/embed/${id}/(\\?[^"]*)?" title="[^"]+ · Backprop Live" width="100%" height="\\d{3,4}"`,
          ),
        );
        const height = Number(/height="(\d+)"/.exec(await code.inputValue())?.[1]);
        expect(height, id).toBeGreaterThan(150);
      }
    }
    // Every embed page has a widget in a chapter offering it.
    const pages = (prefix ? chineseEmbeds : embeds).map((path) => path.split('/').at(-2));
    expect([...offered].sort()).toEqual(pages.sort());
  });
}

test("a chapter's Embed action writes the code for the widget's current state, and copies it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/chapters/neuron/');
  await goLive(page);
  const figure = page.locator('#widget-neuron-diagram');
  const w1 = figure.getByRole('spinbutton', { name: 'weight w1' });
  await w1.fill('2');
  await w1.press('Enter');
  const z = figure.getByText(/^z = /);
  await expect(z).not.toHaveText('z = 0.40'); // the starting z: the edit has reached it
  const zText = await z.textContent();
  // From the keyboard, as a reader without a mouse would.
  const action = page.locator('details[data-embed-action="neuron-diagram"]');
  await action.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(action).toHaveAttribute('open', '');
  const code = action.getByRole('textbox', { name: 'Embed code' });
  const origin = new URL(page.url()).origin;
  // Written once the action's code has loaded, on first opening.
  await expect(code).toHaveValue(
    new RegExp(
      `^<iframe src="${origin}/embed/neuron-diagram/\\?neuron\\.w1=2" title="Neuron diagram · Backprop Live" width="100%" height="(\\d+)" style="border: 0; max-width: 100%;" loading="lazy"></iframe>$`,
    ),
  );
  const text = await code.inputValue();
  // The height fits the figure as drawn, with the embed page's margin and link.
  const height = Number(/height="(\d+)"/.exec(text)?.[1]);
  const drawn = (await page.locator('figure.neuron-diagram').boundingBox())?.height ?? 0;
  expect(height).toBeGreaterThan(drawn);
  expect(height).toBeLessThan(drawn + 100);
  await action.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(action.getByRole('status')).toHaveText('Embed code copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // The code's page shows the same numbers, and leads back to the widget in its chapter.
  const src = /src="([^"]+)"/.exec(text)?.[1] ?? '';
  await page.goto(src);
  await expect(page.getByRole('spinbutton', { name: 'weight w1' })).toHaveValue('2.0');
  await expect(page.getByText(/^z = /)).toHaveText(zText ?? '');
  const back = page.getByRole('link', { name: /Open in the course/ });
  await back.focus();
  await page.goto((await back.getAttribute('href')) ?? '');
  await expect(
    page.locator('#widget-neuron-diagram').getByRole('spinbutton', { name: 'weight w1' }),
  ).toHaveValue('2.0');
});

test('a Chinese chapter embeds its widget in Chinese, and the embed page leads back to it', async ({
  page,
}) => {
  await page.goto('/zh-cn/chapters/neuron/');
  await goLive(page);
  const w1 = page.locator('#widget-neuron-diagram').getByRole('spinbutton', { name: '权重 w1' });
  await w1.fill('2');
  await w1.press('Enter');
  const action = page.locator('details[data-embed-action="neuron-diagram"]');
  await action.locator('summary').click();
  const code = action.getByRole('textbox', { name: '嵌入代码' });
  await expect(code).toHaveValue(
    /^<iframe src="[^"]*\/zh-cn\/embed\/neuron-diagram\/\?neuron\.w1=2" title="神经元示意图 · Backprop Live"/,
  );
  const src = /src="([^"]+)"/.exec(await code.inputValue())?.[1] ?? '';
  // A hide word the figure lacks: the notice is in Chinese too, and the rest of the link applies.
  await page.goto(`${src}&hide=everything`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '神经元示意图，出自“神经元”一章',
  );
  await expect(page.getByRole('spinbutton', { name: '权重 w1' })).toHaveValue('2.0');
  const notice = page.getByRole('status').filter({ hasText: '无法使用' });
  await expect(notice).toContainText('链接要求隐藏这张图没有的部分');
  await expect(notice.getByRole('button')).toHaveText('关闭');
  const back = page.getByRole('link', { name: /在课程中打开：神经元/ });
  await back.focus(); // it takes the widget's state when the reader reaches for it
  expect(await back.getAttribute('href')).toMatch(
    /^\/zh-cn\/chapters\/neuron\/\?neuron\.w1=2#widget-neuron-diagram$/,
  );
  expect(await axeViolations(page)).toEqual([]);
});

test("an embed page in a frame posts its height, and the instructor guide's snippet sizes the frame", async ({
  page,
}) => {
  await page.goto('/instructors/');
  // The snippet is read as a reader copies it: its block laid out. Until the article has
  // unfolded (MarkdownContent.astro), a block below the first screen may be hidden="until-found",
  // whose innerText is empty: on a busy machine the test read "" there.
  await unfolded(page);
  const origin = new URL(page.url()).origin;
  const snippet = await page.locator('pre', { hasText: 'backprop-live:embed-size' }).innerText();
  expect(snippet).toContain("event.origin !== 'https://course.example'");
  const script = snippet
    .replace(/^\s*<script>/, '')
    .replace(/<\/script>\s*$/, '')
    .replace('https://course.example', origin);
  // As the instructor's page would run it (evaluate is not subject to this page's CSP).
  await page.evaluate(script);
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '/embed/zigzag/';
    frame.title = 'Zig-zag descent';
    frame.style.cssText = 'width: 700px; height: 100px; border: 0';
    document.body.append(frame);
  });
  const frame = page.locator('iframe[title="Zig-zag descent"]');
  const inner = page.frameLocator('iframe[title="Zig-zag descent"]');
  const contentHeight = () =>
    inner.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  // The frame's height less its content's, both read afresh on each poll: the content can
  // still grow as the page settles (its fonts, its widget starting), and the frame follows.
  const gap = async () => ((await frame.boundingBox())?.height ?? 0) - (await contentHeight());
  await expect(inner.locator('zigzag-descent')).toBeVisible();
  await expect.poll(gap).toBe(0);
  const wide = (await frame.boundingBox())?.height ?? 0;
  expect(wide).toBeGreaterThan(100);
  // Narrower, the widget wraps and grows: the frame follows.
  await frame.evaluate((el) => ((el as HTMLElement).style.width = '360px'));
  await expect.poll(async () => (await frame.boundingBox())?.height).toBeGreaterThan(wide);
  await expect.poll(gap).toBe(0);
  // Wide again, it shrinks back: the page's height is its content's, not its frame's.
  const narrow = (await frame.boundingBox())?.height ?? 0;
  await frame.evaluate((el) => ((el as HTMLElement).style.width = '700px'));
  await expect.poll(async () => (await frame.boundingBox())?.height).toBeLessThan(narrow);
  await expect.poll(gap).toBe(0);
});
