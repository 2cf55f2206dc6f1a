import { expect, test } from '@playwright/test';
import { goLive } from './fixtures.ts';
import { builtPages } from './pages.ts';

// The Content Security Policy (src/build/csp.ts). That it allows everything the site does is
// checked by every other test: their fixture fails on any violation. Here, that it is there on
// every page, and that it blocks what it must. This file uses Playwright's own `test`, since a
// violation is what it provokes.

test('every page carries the policy, before any script, without unsafe-inline or unsafe-eval for scripts or a framing rule', async ({
  request,
}) => {
  for (const path of builtPages()) {
    const html = await (await request.get(path)).text();
    const metas = [
      ...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]+)">/g),
    ];
    expect(metas, path).toHaveLength(1);
    const [meta] = metas;
    const firstScript = html.indexOf('<script');
    expect(firstScript === -1 || meta!.index < firstScript, path).toBe(true);
    const script = meta![1]!.split('; ').find((d) => d.startsWith('script-src '));
    expect(script, path).toBeDefined();
    expect(script, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    // Nothing restricts framing: the embed pages exist to be framed, and a `<meta>` policy
    // cannot carry the rule anyway (the README gives the header for the rest of the site).
    expect(meta![1], path).not.toContain('frame-ancestors');
  }
});

test('the policy runs the page’s own inline scripts and blocks an injected one', async ({
  page,
}) => {
  const violations: string[] = [];
  await page.exposeFunction('__violation', (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __violation: (d: string) => void }).__violation(
        event.effectiveDirective,
      );
    });
  });
  await page.goto('/chapters/backprop/');
  // Starlight's inline theme script ran (it sets data-theme before the first paint), and the
  // live layer, a module loaded by an inline script, started.
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
  await goLive(page);
  expect(violations).toEqual([]);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = 1';
    document.head.append(script);
    const img = document.createElement('img');
    img.setAttribute('src', 'data:,');
    img.setAttribute('onerror', 'window.__handler = 1');
    document.body.append(img);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const w = window as unknown as { __injected?: number; __handler?: number };
    return { script: w.__injected ?? null, handler: w.__handler ?? null };
  });
  expect(ran).toEqual({ script: null, handler: null });
  await expect.poll(() => violations.filter((d) => d.startsWith('script-src')).length).toBe(2);
});
