import { expect, test } from '@playwright/test';
import { editToPaint, PRESSES } from '../../scripts/bench-site/edit-to-paint.mjs';

// `npm run bench:site` holds every page to an edit-to-paint median of one frame. The harness must
// still see a page that is slow to answer a press: here each keydown costs 25 ms of script, so
// no press can be painted within one frame, however fast the machine.
test('the edit-to-paint harness reports a page that spends 25 ms on each press as over a frame', async ({
  browser,
  baseURL,
}) => {
  const result = await editToPaint(browser, `${baseURL}/embed/network-diagram/`, 1, {
    beforePresses: (page) =>
      page.evaluate(() =>
        addEventListener('keydown', () => {
          const start = performance.now();
          while (performance.now() - start < 25);
        }),
      ),
  });
  expect(result).not.toBeNull();
  // The presses reached the field.
  expect(Number(result?.valueAfter)).toBeGreaterThan(Number(result?.valueBefore));
  expect(result?.count).toBe(PRESSES);
  expect(result?.median).toBeGreaterThanOrEqual(24);
  expect(result?.over16).toBe(PRESSES);
});
