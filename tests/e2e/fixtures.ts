import { expect, test as base } from '@playwright/test';

/**
 * `test` that fails when the page logs a console error or throws, in any test that uses it:
 * a live page must run without a single error.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the page's live layer is running. It loads on the reader's first intent (a hover,
 * a focus, a key, a click), so this hovers the first live element, as a reader's pointer would.
 */
export async function goLive(page: import('@playwright/test').Page): Promise<void> {
  const first = page.locator('live-number, live-value, live-exercise, live-training').first();
  await first.hover();
  // The layer's modules load and run only now; on a busy machine that took over 5 s.
  await expect(page.locator('html')).toHaveAttribute('data-live', 'ready', { timeout: 20_000 });
}
export type { Page } from '@playwright/test';
