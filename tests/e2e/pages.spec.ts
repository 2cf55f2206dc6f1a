import {
  axeViolations,
  expect,
  goLive,
  pickTheme,
  scrollablesMeasured,
  test,
  watchNetwork,
} from './fixtures.ts';
import { builtPages, isFallback } from './pages.ts';
import { unnamedTabStops } from './tab-stops.ts';

// What every built page must do, checked in one visit per page, since a visit to a chapter
// (over ten thousand nodes, most of them KaTeX's) is most of what a test of it costs:
// - it loads with no console error (the `test` fixture fails on any) and no request leaves the
//   site's origin, even once every lazy part has loaded;
// - every Tab stop has a role and a name with the live layer running (tab-stops.spec.ts checks
//   the page as built, without JavaScript);
// - axe finds nothing as built in light mode at 1280 px, and with the live layer running in dark
//   mode on a 390 px screen, the theme switched with the picker as a reader would.
// A fallback page (a translation not written yet) shows the English page's content, checked in
// full on that page: only its own chrome is scanned.

// Fallback pages differ from each other only in the English content, checked on its own page,
// and their content is left out of the scan: one fallback page stands for the rest (a fallback
// chapter's load costs seconds of a CI run with a time limit, for the same chrome).
const fallbacks = builtPages().filter((path) => isFallback(path));
const sampled = new Set([fallbacks.find((path) => !path.includes('/chapters/'))]);

// A translated chapter has its English page's markup and colours (the build checks that it has
// the same components, src/build/translation-structure.ts), and chinese.spec.ts checks every
// translated page's words. Its own words are still scanned here, every page in both themes, as
// every English page is: a Chinese label, caption or exercise can break a rule its English twin
// keeps (a name left empty, a contrast lost to a longer line). Since formulas became MathML only, a chapter's visit costs a few
// seconds, not the 10 to 16 s that once made two chapters stand for seven.
//
// The embed pages have no theme picker and no site chrome: embed.spec.ts scans each in both
// themes, with its parts shown and hidden.
const pages = builtPages().filter(
  (p) => !/^\/(zh-cn\/)?embed\//.test(p) && (!isFallback(p) || sampled.has(p)),
);

for (const path of pages) {
  const fallback = isFallback(path);
  test(`${path} loads cleanly, names its Tab stops and passes axe in both themes, dark at 390 px`, async ({
    page,
    baseURL,
  }) => {
    // axe walks every node: on a busy 2-core machine one scan of a chapter took 35 s.
    test.setTimeout(180_000);
    const origin = new URL(baseURL ?? '').origin;
    const network = watchNetwork(page);
    const offsite = (): string[] =>
      network.urls.filter((address) => {
        const url = new URL(address);
        return url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin;
      });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });

    await test.step('it loads, with nothing requested off its origin', async () => {
      const response = await page.goto(path);
      expect(response?.ok() || path === '/404.html').toBe(true);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await network.quiet();
    });

    const scope = fallback ? { exclude: ['main'] } : {};
    await test.step('axe finds nothing as built, in light mode', async () => {
      expect(await axeViolations(page, scope)).toEqual([]);
    });
    if (fallback) {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await network.quiet();
      expect(offsite()).toEqual([]);
      return;
    }

    const live = (await page.locator('live-number, live-value, live-exercise').count()) > 0;
    if (live) await goLive(page);
    // Scroll to the end so that lazy images, fonts and widgets load too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await network.quiet();
    expect(offsite()).toEqual([]);

    await test.step('every Tab stop has a role and a name', async () => {
      expect(await unnamedTabStops(page)).toEqual([]);
    });
    await test.step('two fields that set different parameters have different names', async () => {
      // A screen reader lists a page's fields by name: two "ELU α" that set different models
      // cannot be told apart. The same parameter may appear twice (in the prose and a figure).
      const clashes = await page.evaluate(() => {
        const params = new Map<string, Set<string>>();
        for (const field of document.querySelectorAll('[data-param]')) {
          const name = field.getAttribute('aria-label') ?? field.closest('label')?.textContent;
          const key = (name ?? '').trim();
          params.set(
            key,
            (params.get(key) ?? new Set()).add(field.getAttribute('data-param') ?? ''),
          );
        }
        return [...params]
          .filter(([, set]) => set.size > 1)
          .map(([name, set]) => `${name}: ${[...set].join(', ')}`);
      });
      expect(clashes).toEqual([]);
    });
    // One scan for both: what depends on the width (target sizes, scrollable regions, the
    // phone layout) does not depend on the theme, and the light theme's colours were scanned
    // above. A chapter's scan is most of what this test costs.
    await test.step('axe finds nothing in dark mode at 390 px', async () => {
      await pickTheme(page, 'dark');
      await page.setViewportSize({ width: 390, height: 800 });
      await scrollablesMeasured(page);
      expect(await axeViolations(page)).toEqual([]);
    });
    await test.step('nothing widens the page at 360 px, a long inline formula included', async () => {
      // A formula is one box that never breaks; the build cuts inline ones after their
      // operators so that they wrap (src/build/rehype-mathml-core.ts).
      await page.setViewportSize({ width: 360, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
    });
    expect(offsite()).toEqual([]);
  });
}
