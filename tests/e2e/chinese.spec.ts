import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import enCourse from '../../src/content/i18n/en.json' with { type: 'json' };
import zhCourse from '../../src/content/i18n/zh-CN.json' with { type: 'json' };
import { en } from '../../src/i18n/en.ts';
import { zhCN } from '../../src/i18n/zh-cn.ts';
import { params } from '../../src/i18n/zh-cn/params.ts';
import { models } from '../../src/live/models/registry.ts';
import { activationExplorerWords } from '../../src/widgets/activation-explorer/words.ts';
import { autodiffWords } from '../../src/widgets/autodiff/words.ts';
import { depthWords } from '../../src/widgets/depth/words.ts';
import { fitWords } from '../../src/widgets/fit/words.ts';
import { networkDiagramWords } from '../../src/widgets/network-diagram/words.ts';
import { neuronDiagramWords } from '../../src/widgets/neuron-diagram/words.ts';
import { trainingWords } from '../../src/widgets/training/words.ts';
import { zigzagWords } from '../../src/widgets/zigzag/words.ts';
import { mazurParams, mazurWorkedExample } from '../../src/engine/mazur.ts';
import { expect, goLive, test } from './fixtures.ts';
import { builtHtml, builtPages, isFallback } from './pages.ts';

// The Chinese course (issue 14): every page has a translation, in Chinese chrome, with no
// interface string left in English; a link's state gives the same numbers in either language,
// and so does the language switch; a reader's progress is shared.

/** Starlight's English interface strings: its package exports no path to them, and the module
 * holds them as one JSON object. */
const enStarlight = JSON.parse(
  /\{[\s\S]*?\n\}/.exec(
    readFileSync('node_modules/@astrojs/starlight/dist/translations/en.js', 'utf8'),
  )![0],
) as Record<string, string>;

const english = builtPages().filter((p) => !p.startsWith('/zh-cn/') && p !== '/404.html');

/** Every interface string a dictionary has, in one language, that the other says differently. */
const empty: string[] = [];

function interfaceStrings(): string[] {
  const strings = new Set<string>();
  const collect = (ours: unknown, theirs: unknown): void => {
    // A translation left empty would name a control with nothing.
    const blank = theirs === undefined || (typeof theirs === 'string' && theirs.trim() === '');
    if (typeof ours === 'string' && ours.trim() !== '' && blank) empty.push(ours);
    if (typeof ours === 'string' && ours !== theirs) strings.add(ours);
    if (typeof ours === 'function' && typeof theirs === 'function') {
      const [a, b] = [ours as (...n: number[]) => unknown, theirs as (...n: number[]) => unknown];
      for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
        try {
          collect(a(n, n, n, n), b(n, n, n, n));
        } catch {
          // Words built from something other than numbers: their fixed parts are checked on
          // the pages, through the strings above.
        }
      }
    }
    if (typeof ours === 'object' && ours !== null && typeof theirs === 'object' && theirs) {
      for (const [key, value] of Object.entries(ours))
        collect(value, (theirs as Record<string, unknown>)[key]);
    }
  };
  collect(en, zhCN);
  collect(enCourse, zhCourse);
  for (const table of [
    activationExplorerWords,
    autodiffWords,
    depthWords,
    fitWords,
    networkDiagramWords,
    neuronDiagramWords,
    trainingWords,
    zigzagWords,
  ])
    collect(table.en, table['zh-CN']);
  // The models' own labels and options are their English words (src/live/labels.ts).
  for (const [name, spec] of Object.entries(models)) {
    const theirs = (params as unknown as Record<string, Record<string, unknown>>)[name] ?? {};
    for (const [param, p] of Object.entries(spec.params)) {
      const zh = theirs[param];
      collect(
        p.label,
        typeof zh === 'object' && zh !== null ? (zh as { label: string }).label : zh,
      );
      if (p.kind === 'choice')
        collect(p.options, (zh as { options?: unknown } | undefined)?.options);
    }
  }
  // Starlight's own, up to any placeholder ("Section titled “{{title}}”").
  for (const value of Object.values(enStarlight)) {
    const fixed = value.split('{{')[0]!.trim();
    if (fixed.length >= 5) strings.add(fixed); // not “Ctrl”, the same in Chinese
  }
  // Words, not punctuation: “)” is “）” in Chinese text, but a formula's bracket either way.
  return [...strings].filter((s) => /[A-Za-z]{2,}/.test(s));
}

/** What a page shows or names in English from the dictionaries: text, names and labels. */
function untranslated(html: string, strings: readonly string[]): string[] {
  const { document } = parseHTML(html);
  // The sources cite English titles, which may contain an interface string ("activation function").
  const sources = [...document.querySelectorAll('.sl-markdown-content h2')].find(
    (h) => h.textContent?.trim() === '参考文献',
  );
  let after = sources?.closest('.sl-heading-wrapper')?.nextElementSibling;
  while (after) {
    const next = after.nextElementSibling;
    after.remove();
    after = next;
  }
  const found = new Set<string>();
  const check = (text: string, where: string): void => {
    const shown = text.replace(/\s+/g, ' ').trim();
    if (shown === '') return;
    for (const s of strings) {
      if (shown === s || (s.length >= 12 && shown.includes(s))) found.add(`${where}: “${shown}”`);
    }
  };
  const walk = (node: Element): void => {
    if (node.matches('.katex, code, pre, script, style, template')) return;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const value = node.getAttribute(name);
      if (value) check(value, `${node.tagName.toLowerCase()}[${name}]`);
    }
    for (const child of node.childNodes) {
      if (child.nodeType === 3) check(child.textContent ?? '', node.tagName.toLowerCase());
      else if (child.nodeType === 1) walk(child as Element);
    }
  };
  walk(document.body);
  return [...found];
}

test('every page has a Chinese translation, in Chinese, with none of the dictionaries’ interface strings in English', () => {
  const strings = interfaceStrings();
  expect(strings).toContain('Show the solution'); // the check has something to look for
  expect(empty, 'English words whose Chinese is empty').toEqual([]);
  const problems: string[] = [];
  for (const path of english) {
    const zh = `/zh-cn${path}`;
    let html: string;
    try {
      html = builtHtml(zh);
    } catch {
      problems.push(`${zh}: no such page`);
      continue;
    }
    if (isFallback(zh)) problems.push(`${zh}: the English page with a “not translated” notice`);
    if (!/<html[^>]*\blang="zh-CN"/.test(html)) problems.push(`${zh}: not lang="zh-CN"`);
    for (const found of untranslated(html, strings)) problems.push(`${zh}: ${found}`);
  }
  expect(problems).toEqual([]);
});

test('a link’s state gives the same numbers in Chinese, and the language switch keeps it', async ({
  page,
}) => {
  const query = '?mazur.w5=0.9&mazur.i1=0.1';
  const numbers = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-value]')].map(
        (el) => `${el.getAttribute('data-value')}=${el.textContent?.trim()}`,
      ),
    );
  await page.goto(`/how-to-read/${query}`);
  await goLive(page);
  const inEnglish = await numbers();
  expect(inEnglish.length).toBeGreaterThan(5);
  expect(inEnglish).toContain('mazur.w5=0.90');

  await page.goto(`/zh-cn/how-to-read/${query}`);
  await goLive(page);
  expect(await numbers()).toEqual(inEnglish);

  // The reader edits, then switches language: the page in English shows the edited state.
  const w5 = page.locator('input[data-param="mazur.w5"]');
  await w5.fill('0.7');
  await w5.press('Enter');
  await expect(page).toHaveURL(/mazur\.w5=0\.7/);
  const edited = await numbers();
  await page.getByRole('combobox', { name: '选择语言' }).first().selectOption({ label: 'English' });
  await expect(page).toHaveURL(/\/how-to-read\/\?.*mazur\.w5=0\.7/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await goLive(page);
  expect(await numbers()).toEqual(edited);
});

test('an exercise solved in English shows as solved in Chinese', async ({ page }) => {
  const exercise = page.locator('[data-exercise="de-dw6"]');
  const answer = mazurWorkedExample(mazurParams, 0.5).dE_dw6!.toFixed(4);
  await page.goto('/how-to-read/');
  await exercise.locator('[data-exercise-input]').fill(answer);
  await exercise.locator('[data-exercise-input]').press('Enter');
  await expect(exercise).toHaveAttribute('data-solved', '');

  await page.goto('/zh-cn/how-to-read/');
  await expect(exercise).toHaveAttribute('data-solved', '');
  await expect(exercise.locator('.exercise__solved')).toHaveText('✓ 已解答');
  await expect(exercise.getByRole('status')).toContainText('你之前已解答过这道题。');
  await expect(exercise.getByRole('status')).toContainText(`你上次的答案是 ${answer}。`);
});

test('Chinese text is drawn in a font that the page names, so that the browser need not look for one', async ({
  page,
}) => {
  await page.goto('/zh-cn/chapters/autodiff/');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  for (const selector of ['h1', '.sl-markdown-content > p']) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // The font with the most glyphs draws the Chinese characters.
    const chinese = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]!.familyName;
    const stack = await page
      .locator(selector)
      .first()
      .evaluate((el) =>
        getComputedStyle(el)
          .fontFamily.split(',')
          .map((f) => f.trim().replace(/"/g, '')),
      );
    expect(stack.slice(0, stack.indexOf('sans-serif')), selector).toContain(chinese);
  }
});
