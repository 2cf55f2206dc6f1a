import { expect, test } from '@playwright/test';
import { builtPages } from './pages.ts';

// No request may leave the site's origin: fonts, scripts, styles and math are all served locally.
for (const path of builtPages()) {
  test(`${path} makes no request off its own origin`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    const offsite: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
        offsite.push(request.url());
      }
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Scroll to the end so that lazy images, fonts and widgets load too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(offsite).toEqual([]);
  });
}
