import fc from 'fast-check';
import { expect, goLive, test, type Page } from './fixtures.ts';
import { linkArbitrary } from './fuzz-links.ts';
import { expectWhole, pagesWithSettings } from './fuzz.ts';

// The fuzzers (issue 13), property-based with fast-check and seeded. On every page with
// settings, one page load (each costs seconds, and CI has a time limit):
// - it opens a hostile link (fuzz-links.ts): the page's own settings mixed with markup,
//   `javascript:`, huge and tiny numbers, 10 KB values, broken percent-encoding, RTL and control
//   characters, prototype keys, repeated keys, a fragment that names no section;
// - then types EDITS_PER_PAGE random and hostile entries into its editable controls (the
//   numbers, the autodiff chapter's function box, the exercises' answers), picks choices and
//   ticks boxes, committing each entry with Enter, Tab or Escape, or leaving it as it is.
// After the link, halfway through the entries and at the end, the page must be whole (fuzz.ts):
// no uncaught exception or console error (the fixture), no NaN, Infinity, "undefined", "null"
// or "[object" in the visible text or any accessible name, every setting valid, and nothing
// from the input turned into markup or run.

const SEED = 20261203;
const EDITS_PER_PAGE = 12;
// An embed page shows one of the chapters' widgets, whose controls its chapter's run fuzzes
// already: there, the link (with hostile `hide` and `theme` values) is what is new, and one test
// opens a hostile link on each embed page in turn, in English and in Chinese.

/** Every control a reader can type into or choose with, in page order. */
const CONTROLS = [
  'input[type="text"][data-param]',
  'input[data-exercise-input]',
  'select[data-param]',
  'input[type="checkbox"][data-param]',
  'input[type="radio"][data-choice-input]',
].join(', ');

const SPECIAL = [
  '０．２５', // full-width digits and point
  '－１２３', // full-width minus
  '0。5',
  '-0',
  '1e308',
  '-1e308',
  '1e-320',
  '1e999',
  '9'.repeat(10_000), // a 10,000-character paste
  'x'.repeat(10_000),
  '\u202e0.5', // right-to-left override
  '\u200f1.5\u200e',
  '0.5\u0000',
  '\u0007\u001b[31m',
  '١٢٣', // Arabic-Indic digits
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  '',
  ' ',
  '-',
  '.',
  '1e',
  '0x10',
  '1,5',
  '<b data-fuzz-injected>1</b>',
  '<img src=x onerror="window.__fuzzRan=1" data-fuzz-injected>',
  'x*)(+',
  'exp(exp(exp(x)))',
  'log(-1)',
  '1/0',
];

type EditStep = { control: number; text: string; commit: string; choice: number };

const edit: fc.Arbitrary<EditStep> = fc.record({
  control: fc.nat(),
  text: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.string({ maxLength: 24, unit: 'binary' }) },
  ),
  commit: fc.constantFrom('Enter', 'Tab', 'Escape', 'none'),
  choice: fc.nat(),
});

async function apply(page: Page, step: EditStep): Promise<void> {
  const controls = page.locator(CONTROLS).filter({ visible: true });
  const count = await controls.count();
  if (count === 0) return;
  const control = controls.nth(step.control % count);
  const { tag, type } = await control.evaluate((el) => ({
    tag: el.tagName.toLowerCase(),
    type: el.getAttribute('type') ?? '',
  }));
  if (tag === 'select') {
    const values = await control.evaluate((el) =>
      [...(el as HTMLSelectElement).options].map((o) => o.value),
    );
    await control.selectOption(values[step.choice % values.length]!);
  } else if (type === 'checkbox' || type === 'radio') {
    await control.click();
  } else {
    await control.fill(step.text);
    if (step.commit !== 'none') await control.press(step.commit);
  }
}

const isEmbed = (path: string): boolean => /^\/(zh-cn\/)?embed\//.test(path);

test('a hostile link on each embed page, hide and theme included, leaves the page whole', async ({
  page,
}) => {
  const embeds = pagesWithSettings().filter(({ path }) => isEmbed(path));
  test.setTimeout(30_000 + 15_000 * embeds.length);
  for (const { path, keys } of embeds) {
    const [link] = fc.sample(linkArbitrary([...keys, 'hide', 'theme']), { seed: SEED, numRuns: 1 });
    await test.step(`${path}${link!.slice(0, 80)}`, async () => {
      await page.goto(path + link!);
      await goLive(page);
      await expect(page.locator('html')).not.toHaveAttribute('data-live-link', /pending|loading/);
      await page.waitForTimeout(300);
      await expectWhole(page, `${path} after ${link!.slice(0, 200)}`);
      await expect(page.locator('html')).toHaveAttribute('data-live', 'ready');
    });
  }
});

for (const { path, keys } of pagesWithSettings().filter((page) => !isEmbed(page.path))) {
  const edits = EDITS_PER_PAGE;
  const [link] = fc.sample(linkArbitrary(keys), { seed: SEED, numRuns: 1 });
  const [steps] = fc.sample(fc.array(edit, { minLength: edits, maxLength: edits }), {
    seed: SEED,
    numRuns: 1,
  });
  test(`a hostile link and ${edits} random and hostile entries on ${path} leave the page whole`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(path + link!);
    await goLive(page);
    // The link is applied (or given up on) and the page has settled.
    await expect(page.locator('html')).not.toHaveAttribute('data-live-link', /pending|loading/);
    await page.waitForTimeout(300);
    await expectWhole(page, `after ${link!.slice(0, 200)}`);
    for (const [i, step] of steps!.entries()) {
      await test.step(`entry ${i + 1}: ${JSON.stringify(step.text.slice(0, 40))} then ${step.commit}`, () =>
        apply(page, step));
      if (i === Math.floor(steps!.length / 2)) await expectWhole(page, `after entry ${i + 1}`);
    }
    // Leave the last field, so that its entry is committed, and let the page settle.
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    await expectWhole(page, `after ${steps!.length} entries`);
    await expect(page.locator('html')).toHaveAttribute('data-live', 'ready');
  });
}
