import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, isFallback } from './pages.ts';

// Every built page must have no axe violations: in both colour themes on a laptop, and on a
// phone-sized screen, where wide formulas scroll. A fallback page (a translation not written
// yet) shows the English content, which its English page is scanned for in every setup; only
// its chrome differs, so it is scanned once. That keeps CI's time from doubling per language.
const setups = [
  { theme: 'light', width: 1280, label: 'light mode' },
  { theme: 'dark', width: 1280, label: 'dark mode' },
  { theme: 'light', width: 390, label: 'a 390 px wide screen' },
] as const;

for (const [index, { theme, width, label }] of setups.entries()) {
  for (const path of builtPages().filter((p) => index === 0 || !isFallback(p))) {
    test(`axe finds no violations on ${path} in ${label}`, async ({ page }) => {
      // axe walks every node, and a chapter has over ten thousand (most of them KaTeX's): on a
      // busy 2-core machine one scan took 35 s, past Playwright's default 30 s for a test.
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) =>
          `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(summary).toEqual([]);
    });
  }
}
