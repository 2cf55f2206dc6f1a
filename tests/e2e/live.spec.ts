import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  expect,
  goLive,
  settled,
  standStill,
  test,
  unfolded,
  watchNetwork,
  type Page,
} from './fixtures.ts';
import { mazurParams, mazurWorkedExample, type MazurParams } from '../../src/engine/mazur.ts';

// The live-page contract: editable numbers are role="spinbutton" with data-param, read-outs
// carry data-value and their unrounded value in data-raw, actions carry data-action.
const PAGE = '/how-to-read/';

/** A read-out's unrounded value, once every read-out shows its value (settled()). */
const raw = async (page: Page, ref: string): Promise<number> => {
  await settled(page);
  return Number(await page.locator(`[data-value="${ref}"]`).first().getAttribute('data-raw'));
};
const spin = (page: Page, ref: string) => page.locator(`[role="spinbutton"][data-param="${ref}"]`);
const expected = (changes: Partial<MazurParams>, eta = 0.5) =>
  mazurWorkedExample({ ...mazurParams, ...changes }, eta);

test('an editable number is an accessible spinbutton with its range and a name', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const w5 = page.getByRole('spinbutton', { name: 'weight w5, from h1 to o1' });
  await expect(w5).toHaveAttribute('data-param', 'mazur.w5');
  await expect(w5).toHaveAttribute('aria-valuenow', '0.4');
  await expect(w5).toHaveAttribute('aria-valuemin', '-5');
  await expect(w5).toHaveAttribute('aria-valuemax', '5');
  await expect(w5).toHaveValue('0.40');
});

test('typing a value recomputes every dependent read-out, in prose and in math', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'mazur.w5').fill('0.3');
  const want = expected({ w5: 0.3 });
  expect(await raw(page, 'mazur.E')).toBeCloseTo(want.E!, 12);
  expect(await raw(page, 'mazur.out_o1')).toBeCloseTo(want.out_o1!, 12);
  expect(await raw(page, 'mazur.dE_dw5')).toBeCloseTo(want.dE_dw5!, 12);
  // Every copy of E on the page, in prose and in math, shows the same number.
  const texts = await page.locator('[data-value="mazur.E"]').allTextContents();
  expect(new Set(texts)).toEqual(new Set([want.E!.toFixed(4)]));
  await expect(page.locator('live-value[data-value="mazur.E"]')).not.toHaveCount(0);
  await expect(page.locator('.katex math [data-value="mazur.E"]')).not.toHaveCount(0);
  await expect(spin(page, 'mazur.w5')).toHaveAttribute('aria-valuenow', '0.3');
});

test('a comma works as the decimal separator', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'mazur.w5').fill('0,25');
  await spin(page, 'mazur.w5').press('Enter');
  expect(await raw(page, 'mazur.w5')).toBe(0.25);
  await expect(spin(page, 'mazur.w5')).toHaveValue('0.25');
});

test('typing "abc", "", "-", "1e999", "NaN" or "Infinity" shows an announced error and keeps the last valid value', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const w5 = spin(page, 'mazur.w5');
  for (const [i, bad] of ['abc', '', '-', '1e999', 'NaN', 'Infinity'].entries()) {
    await test.step(`"${bad}"`, async () => {
      const valid = 0.3 + i / 100; // a new last valid value each time, so each message is new
      await w5.fill(String(valid));
      await w5.press('Enter');
      await expect(w5).not.toHaveAttribute('aria-invalid');
      await w5.fill(bad);
      await w5.press('Enter');
      await expect(w5).toHaveAttribute('aria-invalid', 'true');
      const message = page.locator(`#${await w5.getAttribute('aria-describedby')}`);
      await expect(message).toBeVisible();
      await expect(message).toHaveAttribute('aria-live', 'polite');
      await expect(message).toContainText(`The value stays ${valid.toFixed(2)}.`);
      expect(await raw(page, 'mazur.w5')).toBe(valid);
      expect(await raw(page, 'mazur.E')).toBeCloseTo(expected({ w5: valid }).E!, 12);
      await expect(page.locator('.sl-markdown-content')).not.toContainText(
        /NaN|Infinity|undefined/,
      );
      // Leaving the field shows the kept value again; the message stays to be read, then goes
      // at the reader's next key, since it hangs over what lies below the field.
      await w5.press('Tab');
      await expect(w5).toHaveValue(valid.toFixed(2));
      await expect(message).toContainText(`The value stays ${valid.toFixed(2)}.`);
      await page.keyboard.press('Shift');
      await expect(message).toBeEmpty();
      await expect(message).toBeHidden();
    });
  }
});

test('an out-of-range value is clamped and the reader is told', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  const w5 = spin(page, 'mazur.w5');
  const region = page.locator(`#${await w5.getAttribute('aria-describedby')}`);
  // Before anything is said the live region is already in the accessibility tree (not hidden,
  // not display: none), only empty and of no size: one that appears with its text may be missed.
  await expect(region).toBeHidden();
  expect(
    await region.evaluate((el): [boolean, string, string] => [
      el.hasAttribute('hidden'),
      getComputedStyle(el).display,
      getComputedStyle(el).visibility,
    ]),
  ).toEqual([false, 'block', 'visible']);
  await w5.fill('50');
  await w5.press('Enter');
  expect(await raw(page, 'mazur.w5')).toBe(5);
  await expect(region).toBeVisible();
  await expect(w5).toHaveValue('5.00');
  await expect(page.locator(`#${await w5.getAttribute('aria-describedby')}`)).toContainText(
    '50 is above the maximum 5, so 5 is used.',
  );
  await expect(w5).not.toHaveAttribute('aria-invalid');
});

test('arrow keys step by one step, ten with Shift and a tenth with Alt; Home, End and Escape', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const w5 = spin(page, 'mazur.w5');
  await w5.focus();
  await w5.press('ArrowUp');
  expect(await raw(page, 'mazur.w5')).toBe(0.41);
  await w5.press('Shift+ArrowUp');
  expect(await raw(page, 'mazur.w5')).toBe(0.51);
  await w5.press('Alt+ArrowDown');
  expect(await raw(page, 'mazur.w5')).toBe(0.509);
  await expect(w5).toHaveValue('0.509');
  // A whole step from an off-grid value lands on the grid, as a native number input does.
  await w5.press('ArrowDown');
  expect(await raw(page, 'mazur.w5')).toBe(0.5);
  await w5.press('PageDown');
  expect(await raw(page, 'mazur.w5')).toBe(0.4);
  await w5.press('End');
  expect(await raw(page, 'mazur.w5')).toBe(5);
  await w5.press('Home');
  expect(await raw(page, 'mazur.w5')).toBe(-5);
  await w5.press('Escape');
  expect(await raw(page, 'mazur.w5')).toBe(0.4);
  await expect(w5).toHaveValue('0.40');
});

test('Escape goes back to the value before the edit even if the field was focused before the live layer loaded', async ({
  page,
}) => {
  await page.goto(PAGE);
  const w5 = spin(page, 'mazur.w5');
  // Focus alone loads the live layer; the field's focus event comes before its element exists.
  await w5.focus();
  await page.waitForFunction(() => customElements.get('live-number') !== undefined);
  await w5.press('ArrowUp');
  expect(await raw(page, 'mazur.w5')).toBe(0.41);
  await w5.press('Escape');
  expect(await raw(page, 'mazur.w5')).toBe(0.4);
  await expect(w5).toHaveValue('0.40');
});

test('dragging sideways scrubs the value, four pixels a step', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'mazur.w5').scrollIntoViewIfNeeded();
  const box = (await spin(page, 'mazur.w5').boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 20, y, { steps: 4 });
  await page.mouse.move(x + 40, y, { steps: 4 });
  expect(await raw(page, 'mazur.w5')).toBe(0.5);
  expect(await raw(page, 'mazur.E')).toBeCloseTo(expected({ w5: 0.5 }).E!, 12);
  await page.mouse.move(x - 40, y, { steps: 8 });
  await page.mouse.up();
  expect(await raw(page, 'mazur.w5')).toBe(0.3);
});

test('one edit updates every read-out synchronously, before the next frame', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  const seen = await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-param="mazur.w5"]')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    return [...document.querySelectorAll('[data-value="mazur.w5"], [data-value="mazur.E"]')].map(
      (el) => [el.getAttribute('data-value'), el.getAttribute('data-raw')],
    );
  });
  const E = String(expected({ w5: 5 }).E);
  for (const [ref, value] of seen) expect(value).toBe(ref === 'mazur.w5' ? '5' : E);
});

test('edits go into the URL without adding history, and the URL restores them', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const historyBefore = await page.evaluate(() => history.length);
  const w5 = spin(page, 'mazur.w5');
  await w5.fill('0.3');
  await spin(page, 'mazur.t1').fill('0.2');
  await expect(page).toHaveURL(/\?mazur\.w5=0\.3&mazur\.t1=0\.2$/);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  await page.reload();
  await goLive(page);
  await expect(w5).toHaveValue('0.30');
  expect(await raw(page, 'mazur.E')).toBeCloseTo(expected({ w5: 0.3, t1: 0.2 }).E!, 12);
  await w5.fill('0.4'); // back to the default: it leaves the URL
  await expect(page).toHaveURL(/\?mazur\.t1=0\.2$/);
});

test('a shared link with a #section restores the state and scrolls to the section', async ({
  page,
}) => {
  await page.goto(`${PAGE}?mazur.w5=0.2#changing-a-number`);
  await goLive(page);
  await expect(spin(page, 'mazur.w5')).toHaveValue('0.20');
  await expect(page.getByRole('heading', { name: 'Changing a number' })).toBeInViewport();
  await expect(page).toHaveURL(/\?mazur\.w5=0\.2#changing-a-number$/);
});

test('a bad link is ignored or clamped with a dismissible notice, never run as HTML', async ({
  page,
}) => {
  const query =
    '?mazur.w9=1&mazur.w5=abc&nope.x=1&mazur.w1=1e999&mazur.w2=NaN&mazur.b1=99&mazur.i1=Infinity' +
    '&mazur.i2=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&utm_source=mail';
  await page.goto(PAGE + query);
  await goLive(page);
  const notice = page.locator('.live-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('settings in this link could not be used');
  await expect(notice).toContainText('“mazur.w9” is not a setting of this page');
  await expect(notice).toContainText('mazur.b1: 99 is above the maximum 5, so 5 is used.');
  await expect(notice.locator('img')).toHaveCount(0);
  await expect(spin(page, 'mazur.b1')).toHaveAttribute('aria-valuenow', '5');
  for (const name of ['w1', 'w2', 'w5', 'i1', 'i2'] as const) {
    await expect(spin(page, `mazur.${name}`)).toHaveAttribute(
      'aria-valuenow',
      String(mazurParams[name]),
    );
  }
  expect(await raw(page, 'mazur.net_h1')).toBeCloseTo(expected({ b1: 5 }).net_h1!, 12);
  await expect(page).toHaveURL(/utm_source=mail/);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('Reset restores the defaults and cleans the URL; Copy link copies the state', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(PAGE);
  await goLive(page);
  await spin(page, 'mazur.w5').fill('0.1');
  await page.locator('[data-action="mazur.copy-link"]').click();
  await expect(page.locator('.live-controls__status')).toHaveText(/Link copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).search).toBe('?mazur.w5=0.1');
  await page.locator('[data-action="mazur.reset"]').click();
  expect(await raw(page, 'mazur.w5')).toBe(0.4);
  await expect(spin(page, 'mazur.w5')).toHaveValue('0.40');
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
});

test('without JavaScript the page shows every number at its default', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const want = expected({});
  await expect(page.locator('live-value[data-value="mazur.E"]').first()).toHaveText(
    want.E!.toFixed(4),
  );
  await expect(page.locator('.katex [data-value="mazur.net_h1"]').first()).toHaveText('0.3775');
  await expect(spin(page, 'mazur.w5')).toHaveValue('0.40');
  await context.close();
});

/**
 * Serves `path` from the site through a local proxy that sends the HTML in pieces, each when
 * the test calls `next()`: up to the main pane, then heading by heading. A slow phone on a slow
 * network paints a page in such steps, and a page that only looks still when it arrives at once
 * has shifts that its readers see. Other files pass through unchanged.
 */
async function servedInPieces(baseURL: string, path: string) {
  const html = await (await fetch(new URL(path, baseURL))).text();
  const cuts = [html.indexOf('<div class="main-pane')];
  for (let at = html.indexOf('<div class="sl-heading-wrapper'); at > 0 && cuts.length < 4;) {
    cuts.push(at);
    at = html.indexOf('<div class="sl-heading-wrapper', at + 1);
  }
  expect(cuts.every((cut, i) => cut > (cuts[i - 1] ?? 0))).toBe(true);
  const pieces = [0, ...cuts].map((from, i) => html.slice(from, cuts[i] ?? html.length));
  const released: Array<() => void> = [];
  const turns = pieces.map(() => new Promise<void>((resolve) => released.push(resolve)));
  released.shift()?.(); // the first piece goes at once
  const server = createServer((request, response) => {
    void (async () => {
      if (request.url === path) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        for (const [i, piece] of pieces.entries()) {
          await turns[i];
          response.write(piece);
        }
        response.end();
        return;
      }
      const upstream = await fetch(new URL(request.url ?? '/', baseURL));
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    /** How many pieces come after the first. */
    rest: pieces.length - 1,
    next: () => released.shift()?.(),
    close: () => server.close(),
  };
}

const twoFrames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

// The chapter has every kind of widget the guide has, at both widths; the guide is checked at a
// phone's width, where a shift moves the most text.
for (const [path, width] of [
  [PAGE, 390],
  ['/chapters/backprop/', 390],
  ['/chapters/backprop/', 1280],
] as const) {
  test(`${path} painted piece by piece on a slow CPU shifts nothing (CLS below 0.01) at ${width} px`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width, height: 720 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const shifts: string[] = [];
      Object.assign(window, { shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<
          PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: Array<{ node: Node | null }>;
          }
        >) {
          if (entry.hadRecentInput) continue;
          const moved = entry.sources.map(({ node }) =>
            node instanceof Element ? `${node.tagName}.${node.className}` : String(node?.nodeName),
          );
          shifts.push(`${entry.value.toFixed(4)} ${moved.join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const served = await servedInPieces(baseURL!, path);
    const network = watchNetwork(page);
    try {
      await page.goto(served.url, { waitUntil: 'commit' });
      // Each piece is painted before the next one arrives.
      await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
      await page.evaluate(twoFrames);
      for (let i = 1; i <= served.rest; i++) {
        served.next();
        await page.waitForFunction(
          (count) => document.querySelectorAll('.main-pane, .sl-heading-wrapper').length >= count,
          i,
        );
        await page.evaluate(twoFrames);
      }
      await page.waitForLoadState('load');
      await network.quiet();
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
      const cls = shifts.reduce((sum, shift) => sum + Number(shift.split(' ')[0]), 0);
      expect(cls, `layout shifts:\n${shifts.join('\n')}`).toBeLessThan(0.01);
    } finally {
      served.close();
    }
  });
}

test('a read-out shows its full precision on hover', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  const E = page.locator('live-value[data-value="mazur.E"]').first();
  await E.hover();
  const shown = await E.evaluate((el) => getComputedStyle(el, '::after').content);
  expect(shown).toBe(`"${String(Number(expected({}).E!.toPrecision(12)))}"`);
  // The tooltip is placed against its read-out, which is positioned only while it is hovered:
  // a positioned element is a layer of its own in every frame (live.css).
  const position = () => E.evaluate((el) => getComputedStyle(el).position);
  expect(await position()).toBe('relative');
  await page.mouse.move(0, 0);
  expect(await position()).toBe('static');
});

test('a changed read-out in a block of the article on screen is tinted for FLASH_MS, then not; in a block off screen, or with reduced motion, none is', async ({
  page,
}) => {
  /**
   * Every read-out drawn as HTML, with its text, whether its block of the article is on screen
   * (the live layer watches blocks, not read-outs: block-watch.ts) and its data-flash.
   */
  const readOuts = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('live-value, .live-math[data-value]')].map(
        (el) => {
          const box = (el.closest('.sl-markdown-content > *') ?? el).getBoundingClientRect();
          return {
            text: el.textContent,
            onScreen: box.bottom > 0 && box.top < innerHeight && box.width > 0,
            flash: el.getAttribute('data-flash'),
          };
        },
      ),
    );
  /** How many read-outs the style tints. */
  const tinted = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('live-value, .live-math[data-value]')].filter(
          (el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)',
        ).length,
    );
  /** Moves the page's clock on, running its timers: the tints' and the waiting writes'. */
  const wait = (ms: number) => page.clock.runFor(ms);
  await page.goto('/chapters/backprop/');
  await goLive(page);
  const w5 = spin(page, 'mazur.w5').first();
  await w5.scrollIntoViewIfNeeded();
  // The live layer learns what is on screen from an IntersectionObserver, which reports after
  // a frame: two frames later it has.
  await page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))),
      ),
  );
  // From here the page's clock stands still unless the test moves it: a busy machine cannot
  // make the tint go before it is counted.
  await standStill(page);
  const before = await readOuts();
  await w5.focus();
  // The keyboard, not the locator: a locator waits for animation frames, which stand still.
  await page.keyboard.press('ArrowUp');
  const atOnce = await readOuts();
  // Far read-outs are written once the edits pause (near-writes.ts), without a flash.
  await wait(400);
  await expect(page.locator('html')).not.toHaveAttribute('data-writes-waiting');
  const after = await readOuts();
  const changed = after.filter((r, i) => r.text !== before[i]!.text);
  const seen = changed.filter((r) => r.onScreen);
  const unseen = changed.filter((r) => !r.onScreen);
  // The edit reaches far down the page, and some of what it changed is in view.
  expect(seen.length).toBeGreaterThan(0);
  expect(unseen.length).toBeGreaterThan(seen.length);
  // What is on screen changed at once; most of the rest waited for the pause.
  const changedAtOnce = atOnce.filter((r, i) => r.text !== before[i]!.text);
  expect(changedAtOnce.filter((r) => r.onScreen)).toHaveLength(seen.length);
  expect(changedAtOnce.length).toBeLessThan(changed.length);
  expect(seen.every((r) => r.flash === '')).toBe(true);
  expect(unseen.every((r) => r.flash === null)).toBe(true);
  expect(await tinted()).toBe(seen.length);
  // Unchanged read-outs are not tinted either.
  expect(after.filter((r, i) => r.text === before[i]!.text && r.flash !== null)).toEqual([]);
  // FLASH_MS (700 ms) after the edit, the tints are gone.
  await wait(299);
  expect(await tinted()).toBe(seen.length);
  await wait(2);
  expect((await readOuts()).filter((r) => r.flash !== null)).toEqual([]);
  expect(await tinted()).toBe(0);

  // With reduced motion, a change flashes no more, and the style would tint none that did.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.keyboard.press('ArrowUp');
  await wait(400);
  const still = await readOuts();
  expect(still.filter((r, i) => r.text !== after[i]!.text).length).toBeGreaterThan(0);
  expect(still.filter((r) => r.flash !== null)).toEqual([]);
  await page.evaluate(() => document.querySelector('live-value')!.setAttribute('data-flash', ''));
  expect(await tinted()).toBe(0);
});

test('before the reader reaches for it, the page runs only the boot script; intent loads its models', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const network = watchNetwork(page);
  await page.goto(PAGE);
  await network.quiet();
  expect(scripts.filter((path) => /runtime|mazur|neuron|train/.test(path))).toEqual([]);
  await expect(page.locator('html')).not.toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  await goLive(page);
  // This page uses the mazur model only: the neuron model's code is never fetched.
  expect(scripts.some((path) => /\/runtime\./.test(path))).toBe(true);
  expect(scripts.some((path) => /\/mazur[.-]/.test(path))).toBe(true);
  expect(scripts.filter((path) => /\/neuron[.-]/.test(path))).toEqual([]);
});

test('a key pressed before the live layer arrives is applied once it is there', async ({
  page,
}) => {
  await page.goto(PAGE);
  const w5 = spin(page, 'mazur.w5');
  await w5.focus();
  await w5.press('ArrowUp');
  await expect(w5).toHaveValue('0.41');
  await expect.poll(() => raw(page, 'mazur.E')).toBeCloseTo(expected({ w5: 0.41 }).E!, 12);
});

test('Tab, and Enter on a button, pressed while the live layer is still loading, are not lost', async ({
  page,
}) => {
  // The live layer's code arrives 1.5 s late, as on a slow connection.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/runtime\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/chapters/backprop/');
  await unfolded(page);
  const panel = page.locator('live-training').first();
  const step = panel.locator('[data-action="mazur.step"]');
  // Focus lands on the control before Take one step; Tab moves on at once, layer or not.
  await step.evaluate((button) => {
    const all = [...document.querySelectorAll<HTMLElement>('button, input, select, a[href]')];
    all[all.indexOf(button as HTMLButtonElement) - 1]?.focus();
  });
  await page.keyboard.press('Tab');
  await expect(step).toBeFocused();
  await expect(page.locator('html')).not.toHaveAttribute('data-live', 'ready');
  // Enter on the button: its click waits for the layer, then takes exactly one step.
  await page.keyboard.press('Enter');
  release();
  await expect(panel.locator('caption')).toContainText('The step just taken');
  const w5 = panel.locator('[data-cell="w5.new"]');
  expect(Number(await w5.getAttribute('data-raw')).toFixed(8)).toBe('0.35891648');
  await expect(step).toBeFocused();
});

test('a click made before the live layer arrives is held and then carried out, once', async ({
  page,
}) => {
  const network = watchNetwork(page);
  await page.goto('/chapters/backprop/');
  await network.quiet();
  const panel = page.locator('live-training').first();
  const cell = panel.locator('[data-cell="w5.old"]');
  await expect(page.locator('html')).not.toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
  // One click: it arrives before the training panel is live, and must take exactly one step.
  await panel.locator('[data-action="mazur.step"]').click();
  await expect(panel.locator('caption')).toContainText('The step just taken');
  const after = Number(await cell.getAttribute('data-raw'));
  expect(after).toBe(0.4);
  // The page's w5 follows the one step. Its field is in the diagram, far above the panel the
  // click scrolled to, so it is written once the edits pause (near-writes.ts), not at once.
  const w5 = page.locator('[role="spinbutton"][data-param="mazur.w5"]').first();
  await expect
    .poll(async () => Number(await w5.getAttribute('aria-valuenow')).toFixed(8))
    .toBe('0.35891648');
});

test('text that only starts like a number reverts to the value before it was typed', async ({
  page,
}) => {
  await page.goto(PAGE);
  await goLive(page);
  const w5 = spin(page, 'mazur.w5');
  const message = page.locator(`#${await w5.getAttribute('aria-describedby')}`);
  // Typed key by key, "0.55.5" passes through 0.55, and "0x10" through 0: neither may stick.
  for (const text of ['0.55.5', '0x10']) {
    await w5.focus();
    await w5.press('Control+A');
    await w5.pressSequentially(text);
    await w5.press('Enter');
    await expect(message).toContainText('The value stays 0.40.');
    expect(await raw(page, 'mazur.w5')).toBe(0.4);
    expect(await raw(page, 'mazur.E')).toBeCloseTo(expected({}).E!, 12);
    await expect(w5).toHaveAttribute('aria-invalid', 'true');
  }
  // Valid text clears the error at once.
  await w5.press('Control+A');
  await w5.pressSequentially('0.5');
  await expect(w5).not.toHaveAttribute('aria-invalid');
  expect(await raw(page, 'mazur.w5')).toBe(0.5);
});

test('full-width digits and 。 from a Chinese keyboard are read as numbers', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  const w5 = spin(page, 'mazur.w5');
  await w5.fill('０．２５');
  await w5.press('Enter');
  expect(await raw(page, 'mazur.w5')).toBe(0.25);
  await w5.fill('0。5');
  await w5.press('Enter');
  expect(await raw(page, 'mazur.w5')).toBe(0.5);
  await expect(w5).toHaveValue('0.50');
});

test('a 5,000-digit paste keeps the field narrow and says it is too long', async ({ page }) => {
  await page.goto(PAGE);
  await goLive(page);
  const w5 = spin(page, 'mazur.w5');
  await w5.fill('9'.repeat(5000));
  await w5.press('Enter');
  const box = await w5.boundingBox();
  expect(box?.width ?? Infinity).toBeLessThan(200);
  await expect(page.locator(`#${await w5.getAttribute('aria-describedby')}`)).toContainText(
    'That is too long to be a number. The value stays 0.40.',
  );
  expect(await raw(page, 'mazur.w5')).toBe(0.4);
});
