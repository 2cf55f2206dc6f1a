// Edit-to-paint: how long from a real ArrowUp on an editable number to the next frame painted
// after its handlers. The browser measures it with the Event Timing API: an entry's `duration`
// runs from the event's timestamp to that paint (rounded to 8 ms). The observer only reports
// events of 16 ms or more (its lowest threshold), plus `first-input` whatever its length, so a
// keydown listener also times each press to the first task after the next animation frame; a
// press the observer did not report counts as under 16 ms, with that estimate (capped below 16)
// as its figure.
import { summarizeDurations } from './report.mjs';

export const PRESSES = 60;
export const EDITABLE = '[role="spinbutton"][data-param]';
const PREFERRED = '[role="spinbutton"][data-param="mazur.w5"]';
const FRAME_MS = 16;
/**
 * The pause between focusing the field and the first press, ms, as a reader's hand takes.
 * Chromium's compositor, once a main frame misses its deadline (the live layer's first run does,
 * and so can any long task), draws each commit at the next frame instead, and it stays in that
 * mode for as long as main frames follow one another without a gap: an undrawn tree makes the
 * next frame's deadline immediate, so the next commit misses it too. Pressed once a frame from
 * the moment the page is live, every press then took two frames (32 ms) on some page loads and
 * one (16 ms) on others, with the same 2 to 5 ms of main-thread work. One frame with nothing to
 * draw ends that mode, and the pause gives it.
 */
export const SETTLE_MS = 500;

/** Installs the observer and the listener in the page; returns a handle to what they record. */
function probe(page) {
  return page.evaluateHandle((frameMs) => {
    const record = { entries: [], presses: [] };
    const keep = (list) => {
      for (const e of list.getEntries())
        record.entries.push({
          name: e.name,
          startTime: e.startTime,
          duration: e.duration,
          interactionId: e.interactionId ?? 0,
        });
    };
    const observer = new PerformanceObserver(keep);
    observer.observe({ type: 'event', durationThreshold: frameMs, buffered: true });
    observer.observe({ type: 'first-input', buffered: true });
    record.flush = () => keep({ getEntries: () => observer.takeRecords() });
    window.addEventListener(
      'keydown',
      (event) => {
        const press = { timeStamp: event.timeStamp, estimate: NaN };
        record.presses.push(press);
        requestAnimationFrame(() =>
          setTimeout(() => (press.estimate = performance.now() - event.timeStamp), 0),
        );
      },
      { capture: true },
    );
    return record;
  }, FRAME_MS);
}

const nextFrame = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/**
 * Presses ArrowUp PRESSES times on the page's first editable number (mazur.w5 where the page
 * has it), optionally with the CPU throttled, and summarises the durations; null on a page
 * without an editable number.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {number} throttle CPU slowdown factor (1 = none)
 * @param {{ beforePresses?: (page: import('@playwright/test').Page) => Promise<void> }} [options]
 *   beforePresses runs once the page is live, just before the pause: the harness's own test
 *   gives the page work to do on each press there.
 */
export async function editToPaint(browser, url, throttle, options = {}) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    if ((await page.locator(EDITABLE).count()) === 0) return null;
    const target = (await page.locator(PREFERRED).count()) > 0 ? PREFERRED : EDITABLE;
    const input = page.locator(target).first();
    const param = await input.getAttribute('data-param');
    const before = await input.inputValue();
    // The live layer loads on the reader's first intent (src/live/client/boot.ts): hover the
    // field, as a reader's pointer would, and time the edits once it is live.
    await input.hover();
    await page.locator('html[data-live="ready"]').waitFor({ state: 'attached' });
    const record = await probe(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // focus() rather than a click: a click would be the page's first input and its own entry.
    await input.focus();
    await options.beforePresses?.(page);
    await page.waitForTimeout(SETTLE_MS);
    await nextFrame(page);
    for (let i = 0; i < PRESSES; i++) {
      await page.keyboard.press('ArrowUp');
      await nextFrame(page);
    }
    // Event Timing entries arrive after their paint; give the last ones time to be queued.
    await nextFrame(page);
    await page.waitForTimeout(200);
    const after = await input.inputValue();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const { entries, presses } = await record.evaluate((r) => {
      r.flush();
      return { entries: r.entries, presses: r.presses };
    });
    if (presses.length !== PRESSES)
      throw new Error(`${url}: saw ${presses.length} keydowns for ${PRESSES} presses`);
    const durations = presses.map((press) => pressDuration(press, entries, FRAME_MS));
    return {
      param,
      valueBefore: before,
      valueAfter: after,
      throttle,
      ...summarizeDurations(
        durations.map((d) => d.ms),
        FRAME_MS,
      ),
      observed: durations.filter((d) => d.source === 'event-timing').length,
      durations: durations.map((d) => d.ms),
    };
  } finally {
    await context.close();
  }
}

/**
 * One press's figure: the longest Event Timing entry of its interaction (its keydown and keyup,
 * as INP counts them), or, when the observer reported none, the listener's estimate kept under
 * the threshold, since the browser's own timing put it there.
 */
export function pressDuration(press, entries, frameMs) {
  const keydown = entries.find(
    (e) => e.name === 'keydown' && Math.abs(e.startTime - press.timeStamp) < 1,
  );
  if (keydown) {
    const sameInteraction = entries.filter(
      (e) => keydown.interactionId > 0 && e.interactionId === keydown.interactionId,
    );
    const ms = Math.max(keydown.duration, ...sameInteraction.map((e) => e.duration));
    return { ms, source: 'event-timing' };
  }
  const estimate = Number.isFinite(press.estimate) ? press.estimate : frameMs;
  return { ms: Math.min(estimate, frameMs - 0.1), source: 'listener' };
}
