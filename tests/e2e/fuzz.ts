import { expect, type Page } from './fixtures.ts';
import { builtHtml, builtPages } from './pages.ts';

// What the fuzzers (fuzz.spec.ts) check on a page after it has taken
// whatever they threw at it, and which pages they visit.

/**
 * The pages with settings, each with the settings its built HTML offers: the English ones, and
 * the Chinese embed pages, whose notices about a link are the Chinese page's own words. (A
 * Chinese chapter runs the same code on the same markup as its English page, which is fuzzed.)
 */
export const pagesWithSettings = () =>
  builtPages()
    .filter(
      (path) =>
        (!path.startsWith('/zh-cn/') || path.startsWith('/zh-cn/embed/')) && path.endsWith('/'),
    )
    .map((path) => {
      const html = builtHtml(path);
      const keys = [...new Set([...html.matchAll(/data-param="([^"]+)"/g)].map((m) => m[1]!))];
      return { path, keys };
    })
    .filter((page) => page.keys.length > 0);

/** What may not appear on a page: text that comes from a value that went wrong. */
export const LEAK = /\bNaN\b|\bInfinity\b|\bundefined\b|\bnull\b|\[object/;

/** Everything a reader or a screen reader gets from the page that could carry a leaked value. */
async function readable(page: Page): Promise<{ text: string; names: string[] }> {
  return page.evaluate(() => {
    const names: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attribute of ['aria-label', 'aria-valuetext', 'aria-valuenow', 'title', 'alt']) {
        const value = el.getAttribute(attribute);
        if (value !== null) names.push(`${el.tagName.toLowerCase()}[${attribute}]: ${value}`);
      }
    }
    return { text: document.body.innerText, names };
  });
}

/** Each setting's control, with what it holds, for the check that every one is valid. */
async function settings(page: Page) {
  return page.evaluate(() => {
    const out: { key: string; problem: string }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[role="spinbutton"][data-param]')) {
      const now = Number(el.getAttribute('aria-valuenow'));
      const min = Number(el.getAttribute('aria-valuemin') ?? -Infinity);
      const max = Number(el.getAttribute('aria-valuemax') ?? Infinity);
      if (!Number.isFinite(now) || now < min || now > max) {
        out.push({ key: el.dataset['param']!, problem: `holds ${now} outside [${min}, ${max}]` });
      }
    }
    for (const el of document.querySelectorAll<HTMLSelectElement>('select[data-param]')) {
      const options = [...el.options].map((o) => o.value);
      if (!options.includes(el.value)) {
        out.push({ key: el.dataset['param']!, problem: `holds "${el.value}", not an option` });
      }
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-value][data-raw]')) {
      const raw = el.dataset['raw']!;
      if (raw !== '' && !Number.isFinite(Number(raw))) {
        out.push({ key: el.dataset['value']!, problem: `reads "${raw}"` });
      }
    }
    return out;
  });
}

/**
 * The page came through whole: nothing injected became markup or ran, no value that went wrong
 * shows in the text or in an accessible name, and every setting holds a valid value.
 */
export async function expectWhole(page: Page, label: string): Promise<void> {
  expect(
    await page.evaluate(() => ({
      ran: (window as unknown as { __fuzzRan?: unknown }).__fuzzRan ?? null,
      injected: document.querySelectorAll('[data-fuzz-injected]').length,
    })),
    `nothing ${label} may run or become markup`,
  ).toEqual({ ran: null, injected: 0 });
  const { text, names } = await readable(page);
  expect(text.match(LEAK)?.[0], `visible text ${label}`).toBeUndefined();
  expect(
    names.filter((name) => LEAK.test(name)),
    `accessible names ${label}`,
  ).toEqual([]);
  expect(await settings(page), `every setting holds a valid value ${label}`).toEqual([]);
}
