import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chapters } from '../../src/course/outline.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import { expect, goLive, settled, test, type Page } from './fixtures.ts';
import { languages } from './pages.ts';

// Each chapter printed to PDF with Chromium, in both languages, its text read back with poppler's
// pdftotext (issue 14): the live numbers are on paper in their current state, after an edit, and
// no control label is; exercises leave labelled room to answer, and their solutions stay off. Widgets print as figures with their values; buttons, menus and the Embed action do
// not print at all (live.css, exercise.css).

/** Text as pdftotext gives it, and as the page gives it, compared without spaces or minus forms. */
const plain = (text: string): string => text.replace(/\s+/g, '').replace(/\u2212/g, '-');

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'page.pdf'), '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('The print test needs pdftotext: apt-get install poppler-utils', {
        cause: error,
      });
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Changes the chapter's first number field by one step, as a reader typing would. */
async function editFirstField(page: Page): Promise<string> {
  const field = page.locator('input[role="spinbutton"][data-param]').first();
  const before = Number((await field.inputValue()).replace('\u2212', '-'));
  const step = Number((await field.getAttribute('aria-valuemax')) ?? 1) > before ? 1 : -1;
  await field.fill(String(before + step));
  await field.press('Enter');
  await expect(page).toHaveURL(/\?.+=/);
  await field.blur();
  return field.inputValue(); // as the field writes it, e.g. 2.0
}

for (const { prefix, lang } of languages) {
  const words = wordsFor(lang);
  for (const chapter of chapters) {
    const path = `${prefix}/chapters/${chapter.slug}/`;
    test(`${path} prints to PDF with its current numbers and no control labels`, async ({
      page,
    }) => {
      await page.goto(path);
      await goLive(page);
      const typed = await editFirstField(page);
      await page.emulateMedia({ media: 'print' });
      // Read-outs far from the field may still wait for the pause after the edit. Printing writes
      // them all (near-writes.ts): page.pdf() through beforeprint, and the print media in the
      // browser's next rendering update. Read the page's numbers only once they are written.
      await settled(page);
      // What paper should show: every read-out in print, and what no printout may show: the
      // labels of the page's buttons and menus, and the exercises' solutions.
      const shown = await page.evaluate(() => ({
        // Read-outs in the prose and in typeset math.
        // Links out of the course, whose targets paper must spell out.
        links: [
          ...new Set(
            [
              ...document.querySelectorAll<HTMLAnchorElement>(
                '.sl-markdown-content a[href^="http"]',
              ),
            ]
              .filter((a) => a.checkVisibility())
              .map((a) => a.href),
          ),
        ],
        values: [...document.querySelectorAll('.sl-markdown-content :is(live-value, .live-math)')]
          .filter((el) => el.checkVisibility())
          .map((el) => (el.textContent ?? '').trim())
          .filter((text) => text !== ''),
        fields: [...document.querySelectorAll<HTMLInputElement>('input[data-param]')]
          .filter((el) => el.checkVisibility())
          .map((el) => el.value),
        controls: [
          ...new Set(
            [...document.querySelectorAll('button, summary, select')]
              .map((el) => (el.textContent ?? '').trim().replace(/\s+/g, ' '))
              .filter((text) => text.length > 2),
          ),
        ],
        numeric: document.querySelectorAll('.exercise[data-kind="number"]').length,
        choice: document.querySelectorAll('.exercise[data-kind="choice"]').length,
        // Each solution's runs of text between its formulas and read-outs that the page does
        // not show elsewhere: on paper only if the solution printed.
        solutions: (() => {
          const squeeze = (text: string) => text.replace(/\s+/g, '').replace(/\u2212/g, '-');
          const article = document.querySelector<HTMLElement>('.sl-markdown-content');
          const elsewhere = squeeze(article?.innerText ?? '');
          return [...document.querySelectorAll('.exercise__solution .exercise__body')].flatMap(
            (body) => {
              const runs = [''];
              const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const node = walker.currentNode;
                if (node.parentElement?.closest('.katex, live-value, .live-math')) runs.push('');
                else runs[runs.length - 1] += node.nodeValue ?? '';
              }
              return runs
                .map((run) => run.trim())
                .filter((run) => squeeze(run).length >= 16 && !elsewhere.includes(squeeze(run)));
            },
          );
        })(),
      }));
      expect(shown.values.length).toBeGreaterThan(0);
      const text = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
      const paper = plain(text);
      expect(paper.length).toBeGreaterThan(5000);
      // The reader's edit is printed, and the note says the values differ from the starting ones.
      expect(shown.fields).toContain(typed);
      expect(paper).toContain(plain(typed));
      expect(paper).toContain(plain(words.live.print.title.slice(0, 30)));
      // With the link that reproduces them: the page's address, the edit in its query. An address
      // that wraps after a hyphen loses it in pdftotext's text, so addresses are compared without.
      const unhyphened = paper.replace(/-/g, '');
      const address = (url: string) => plain(url).replace(/-/g, '');
      expect(unhyphened).toContain(address(`${words.live.print.linkIntro}${page.url()}`));
      for (const link of shown.links)
        expect(unhyphened, `the link to ${link}`).toContain(address(link));
      for (const value of new Set([...shown.values, ...shown.fields]))
        expect(paper, `the read-out ${value}`).toContain(plain(value));
      // A control's label on paper is a control that printed (prose may name one in a sentence).
      const lines = new Set(text.split('\n').map((line) => line.trim()));
      expect(shown.controls.filter((label) => lines.has(label))).toEqual([]);
      // Every chapter has exercises: each leaves room to answer, labelled in the page's language,
      // and none prints its solution.
      expect(shown.numeric + shown.choice).toBeGreaterThan(0);
      if (shown.numeric > 0) expect(paper).toContain(plain(words.exercise.printAnswer));
      if (shown.choice > 0) expect(paper).toContain(plain(words.exercise.printWhy));
      expect(shown.solutions.length).toBeGreaterThan(0);
      for (const solution of shown.solutions)
        expect(paper, `the solution's words “${solution}”`).not.toContain(plain(solution));
    });
  }
}
