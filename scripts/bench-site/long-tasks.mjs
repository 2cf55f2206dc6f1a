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

/** The fitting figure's run: Train, until the status says it is trained. */
async function fitRun(page, context, throttle) {
  const figure = page.locator(FIT).first();
  await figure.hover();
  await page.locator('html[data-live="ready"]').waitFor({ state: 'attached' });
  await observeLongTasks(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const began = Date.now();
  await figure.locator('[data-run="train"]').click();
  await page.waitForFunction(
    () => /^Trained to /.test(document.querySelector('.fit__status')?.textContent ?? ''),
    undefined,
    { timeout: 120_000, polling: 250 },
  );
  const runMs = Date.now() - began;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const tasks = await readLongTasks(page);
  return {
    steps: FIT_STEPS,
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
    if ((await page.locator(FIT).count()) > 0) return await fitRun(page, context, throttle);
    if ((await page.locator(PANEL).count()) === 0) return null;
    const panel = page.locator(PANEL).first();
    const model = await panel.getAttribute('data-model');
    await panel.hover();
    await page.locator('html[data-live="ready"]').waitFor({ state: 'attached' });
    await panel.locator(`[role="spinbutton"][data-param="${model}.steps"]`).fill(String(STEPS));
    await observeLongTasks(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const began = Date.now();
    await panel.locator(`button[data-action="${model}.train"]`).click();
    await page.waitForFunction(
      () => /^Trained /.test(document.querySelector('.training__status')?.textContent ?? ''),
      undefined,
      { timeout: 120_000, polling: 250 },
    );
    const runMs = Date.now() - began;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const tasks = await readLongTasks(page);
    return {
      steps: STEPS,
      count: tasks.length,
      maxMs: tasks.length === 0 ? 0 : Math.round(Math.max(...tasks)),
      runMs,
    };
  } finally {
    await context.close();
  }
}
