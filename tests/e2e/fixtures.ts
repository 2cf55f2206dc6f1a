import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from '@playwright/test';

/**
 * `test` that fails when the page logs a console error or throws, in any test that uses it:
 * a live page must run without a single error. Two more things count as errors, so that every
 * widget, used by its own tests, is held to them:
 * - a Content Security Policy violation: the page's policy must allow all it does
 *   (src/build/csp.ts);
 * - a request to another origin: the site is self-contained, after any use of any widget too.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page, baseURL }, use) => {
      // The site's origin is the page's: baseURL, or the server a test serves the page from.
      let origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const what = event.blockedURI === '' ? 'an inline script or style' : event.blockedURI;
          console.error(
            `CSP violation: ${event.effectiveDirective} blocked ${what} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
          origin = url.origin;
          return;
        }
        if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) {
          errors.push(`A request left the site's origin: ${request.method()} ${url.href}`);
        }
      });
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the article has unfolded: every block shown and laid out
 * (src/components/overrides/MarkdownContent.astro). A reader cannot reach a block sooner than
 * it is shown, nor focus a control in it; a test that does so by script waits for this first.
 */
export async function unfolded(page: import('@playwright/test').Page): Promise<void> {
  await expect(page.locator('html')).not.toHaveAttribute('data-unfolding');
}

/**
 * Waits until every read-out shows its value. After an edit, a read-out far from the screen is
 * written when it comes near or when the edits pause (src/live/client/near-writes.ts), and one
 * whose value the compute worker works out keeps its old text, marked aria-busy, until the
 * worker answers (read-outs.ts); a test that reads a number away from the field it edited waits
 * for both first, as a reader would have to scroll to it. (Waiting for the writes alone, the
 * print test read a table's old number while the worker, slow on a busy machine, computed it.)
 */
export async function settled(page: import('@playwright/test').Page): Promise<void> {
  await expect(page.locator('html')).not.toHaveAttribute('data-writes-waiting');
  await expect(page.locator('[data-value][aria-busy="true"]')).toHaveCount(0);
}

/**
 * Fakes the page's timers and stops its clock (after `page.clock.install()` alone, time still
 * flows): from here no timer, animation frame included, runs unless the test moves the clock.
 * The clock is stopped just after the page's now. Between reading that now and stopping, the
 * installed clock runs on, and on a busy machine it ran past the time asked ("Cannot
 * fast-forward to the past"): the time asked is then set further on and asked again.
 */
export async function standStill(page: import('@playwright/test').Page): Promise<void> {
  await page.clock.install();
  for (let ahead = 1; ; ahead *= 10) {
    try {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + ahead);
      return;
    } catch (error) {
      if (!String(error).includes('fast-forward to the past') || ahead >= 10_000) throw error;
    }
  }
}

/**
 * Waits until the page's live layer is running. It loads on the reader's first intent (a hover,
 * a focus, a key, a click), so this moves the pointer over a live element, as a reader's would:
 * one already on screen if there is one, since hovering another would scroll the page away from
 * where a link to a section put it. A shared link loads the layer by itself; the hover is harmless.
 */
export async function goLive(page: import('@playwright/test').Page): Promise<void> {
  const LIVE = 'live-number, live-value, live-exercise, live-training';
  const onScreen = await page.evaluate((selector) => {
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (box.width > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
        // Only if nothing (a sticky header) covers it there.
        const hit = document.elementFromPoint(x, y);
        if (hit && (element === hit || element.contains(hit))) return { x, y };
      }
    }
    return null;
  }, LIVE);
  if (onScreen) await page.mouse.move(onScreen.x, onScreen.y);
  else await page.locator(LIVE).first().hover();
  // The layer's modules load and run only now; on a busy machine that took over 5 s.
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
}
/**
 * What axe finds wrong on the page, or in the parts `include` names, one line per rule with
 * the elements it failed on: `[]` when nothing.
 *
 * It runs axe in the page itself (legacy mode) and keeps only the violations. Our pages have no
 * frames, so that tests everything the default does; the default serialises every result of
 * every rule to a blank page and back, which took a chapter's scan from 9 s to 20 s.
 */
export async function axeViolations(
  page: import('@playwright/test').Page,
  scope: { include?: string[]; exclude?: string[] } = {},
): Promise<string[]> {
  // Every block of the article, none still waiting to be shown: axe skips what is not rendered.
  await unfolded(page);
  let builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] });
  for (const selector of scope.include ?? []) builder = builder.include(selector);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  // Each element with the start of its markup and axe's reason: a failure in CI must say enough
  // to be understood without a rerun.
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} [${n.failureSummary ?? ''}]`)
        .join(', ')}`,
  );
}

/**
 * Switches the colour theme as a reader does, with Starlight's picker (the one on screen: it
 * is in the header on a wide screen, in the menu on a phone), in any of the site's languages.
 */
export async function pickTheme(
  page: import('@playwright/test').Page,
  theme: 'light' | 'dark',
): Promise<void> {
  await page
    .locator('starlight-theme-select select')
    .filter({ visible: true })
    .first()
    .selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Watches a page's requests from now on (call it before `goto`): `urls` lists every one, and
 * `quiet()` waits until none has been open for 500 ms. That is Playwright's `networkidle`, but
 * read from the request events: Chromium's own idle signal, which `networkidle` waits for,
 * sometimes never came in the headless shell (1 chapter load in 6), with no request open.
 */
export function watchNetwork(page: import('@playwright/test').Page): {
  urls: string[];
  quiet: () => Promise<void>;
} {
  const open = new Set<import('@playwright/test').Request>();
  const urls: string[] = [];
  let last = Date.now();
  page.on('request', (request) => {
    open.add(request);
    urls.push(request.url());
    last = Date.now();
  });
  const done = (request: import('@playwright/test').Request): void => {
    open.delete(request);
    last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    urls,
    quiet: () =>
      expect
        .poll(() => open.size === 0 && Date.now() - last >= 500, {
          message: 'the network to be quiet for 500 ms',
          timeout: 30_000,
          intervals: [100],
        })
        .toBe(true),
  };
}

export type { Page } from '@playwright/test';

/**
 * Waits until every display formula and table that is wider than its column, and only those,
 * is a Tab stop (Head.astro measures them when the browser is idle, 200 ms after a resize). Axe
 * checks that a region that scrolls can be focused: on a busy machine a scan started right after
 * a resize could otherwise run before the page has measured.
 */
export async function scrollablesMeasured(page: import('@playwright/test').Page): Promise<void> {
  await unfolded(page);
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            [...document.querySelectorAll('.katex-display, .sl-markdown-content table')].filter(
              (el) => {
                el.firstElementChild?.getBoundingClientRect(); // lay out a block off screen
                return el.scrollWidth > el.clientWidth + 1 !== el.hasAttribute('tabindex');
              },
            ).length,
        ),
      { timeout: 20_000 },
    )
    .toBe(0);
}

/**
 * Starts recording every text an element (a status line, say) shows from now on; the returned
 * function reads the record. For "said once, when the reader stops" checks.
 */
export async function recordTexts(
  element: import('@playwright/test').Locator,
): Promise<() => Promise<string[]>> {
  const key = `__texts${Math.random().toString(36).slice(2)}`;
  await element.evaluate((el, name) => {
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[name] = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }, key);
  return () =>
    element
      .page()
      .evaluate((name) => (window as unknown as Record<string, string[]>)[name] ?? [], key);
}
