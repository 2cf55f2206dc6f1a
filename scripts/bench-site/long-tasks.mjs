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
 * Throttles the CPU, starts a run with `start`, waits until `status` (a selector) says the run is
 * done ("Trained", or in Chinese "已训练"),
 * and counts the long tasks in between.
 */
async function timedRun(page, context, throttle, { steps, start, status }) {
  await observeLongTasks(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const began = Date.now();
  await start();
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
        start: () => fit.locator('[data-run="train"]').click(),
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
      start: () => panel.locator(`button[data-action="${model}.train"]`).click(),
      status: '.training__status',
    });
  } finally {
    await context.close();
  }
}
