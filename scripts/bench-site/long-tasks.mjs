// Long tasks during a training run: on a page with a training panel, set N to 100,000, press
// Train, and record every main-thread task over 50 ms (the Long Tasks API) until the run ends,
// with the CPU throttled. On a page with chapter 4's fitting figure, press its Train (5,000 steps
// in the compute worker, drawn as they come). The goal (issue 8) is none at all: the page must
// answer the reader while it trains.
const PANEL = 'live-training';
const FIT = 'fit-network';
const STEPS = 100_000;
const FIT_STEPS = 5_000;

async function observeLongTasks(page) {
  await page.evaluate(() => {
    const tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    Object.assign(window, { __longTasks: tasks });
  });
}

async function readLongTasks(page) {
  return /** @type {number[]} */ (
    await page.evaluate(() => /** @type {{ __longTasks: number[] }} */ (window).__longTasks)
  );
}

/**
 * Puts the pointer on `button` and lets the page draw its hover, as a reader's pointer arrives
 * before the press; returns the press. Playwright's own click() would add its checks to the
 * measured task: it scrolls, waits for the button to be stable, and listens for the press on the
 * page to hit-test it (elementsFromPoint), all in the frame of the press, with the pointer's
 * arrival.
 *
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').Locator} button
 */
async function pointAt(page, button) {
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error('The Train button has no box.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return async () => {
    await page.mouse.down();
    await page.mouse.up();
  };
}

/**
 * Points at the `train` button, throttles the CPU, presses it, waits until `status` (a
 * selector) says the run is done ("Trained", or in Chinese "已训练"), and counts the long tasks
 * in between.
 */
async function timedRun(page, context, throttle, { steps, train, status }) {
  const press = await pointAt(page, train);
  await observeLongTasks(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const began = Date.now();
  await press();
  // "Trained …" in English, "已训练…" in Chinese: the status line's words for a finished run
  // (training/words.ts `trained`, fit/words.ts `done`, and their Chinese in src/i18n/zh-cn/).
  await page.waitForFunction(
    (selector) => /^(Trained |已训练)/.test(document.querySelector(selector)?.textContent ?? ''),
    status,
    { timeout: 120_000, polling: 250 },
  );
  const runMs = Date.now() - began;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const tasks = await readLongTasks(page);
  return {
    steps,
    count: tasks.length,
    maxMs: tasks.length === 0 ? 0 : Math.round(Math.max(...tasks)),
    runMs,
  };
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {number} throttle CPU slowdown factor (1 = none)
 * @returns {Promise<null | { steps: number, count: number, maxMs: number, runMs: number }>}
 */
export async function longTasksDuringRun(browser, url, throttle) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    const fit = page.locator(FIT).first();
    if ((await page.locator(FIT).count()) > 0) {
      await fit.hover();
      await page.locator('html[data-live="ready"]').waitFor({ state: 'attached' });
      return await timedRun(page, context, throttle, {
        steps: FIT_STEPS,
        train: fit.locator('[data-run="train"]'),
        status: '.fit__status',
      });
    }
    if ((await page.locator(PANEL).count()) === 0) return null;
    const panel = page.locator(PANEL).first();
    const model = await panel.getAttribute('data-model');
    await panel.hover();
    await page.locator('html[data-live="ready"]').waitFor({ state: 'attached' });
    await panel.locator(`[role="spinbutton"][data-param="${model}.steps"]`).fill(String(STEPS));
    return await timedRun(page, context, throttle, {
      steps: STEPS,
      train: panel.locator(`button[data-action="${model}.train"]`),
      status: '.training__status',
    });
  } finally {
    await context.close();
  }
}
