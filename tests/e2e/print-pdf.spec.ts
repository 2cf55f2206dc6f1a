import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chapters } from '../../src/course/outline.ts';
import { expect, goLive, settled, test, type Page } from './fixtures.ts';

// Each chapter printed to PDF with Chromium, its text read back with poppler's pdftotext
// (issue 14): the live numbers are on paper in their current state, after an edit, and no control
// label is. Widgets print as figures with their values; buttons, menus and the Embed action do
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

for (const chapter of chapters) {
  test(`/chapters/${chapter.slug}/ prints to PDF with its current numbers and no control labels`, async ({
    page,
  }) => {
    await page.goto(`/chapters/${chapter.slug}/`);
    await goLive(page);
    const typed = await editFirstField(page);
    await page.emulateMedia({ media: 'print' });
    // Read-outs far from the field may still wait for the pause after the edit. Printing writes
    // them all (near-writes.ts): page.pdf() through beforeprint, and the print media in the
    // browser's next rendering update. Read the page's numbers only once they are written.
    await settled(page);
    // What paper should show: every read-out in print, and what no printout may show: the
    // labels of the page's buttons and menus.
    const shown = await page.evaluate(() => ({
      // Read-outs in the prose and in typeset math.
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
    }));
    expect(shown.values.length).toBeGreaterThan(0);
    const text = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    const paper = plain(text);
    expect(paper.length).toBeGreaterThan(5000);
    // The reader's edit is printed, and the note says the values differ from the starting ones.
    expect(shown.fields).toContain(typed);
    expect(paper).toContain(plain(typed));
    expect(paper).toContain(plain('The values on this printout differ from the page’s starting'));
    for (const value of new Set([...shown.values, ...shown.fields]))
      expect(paper, `the read-out ${value}`).toContain(plain(value));
    // A control's label on paper is a control that printed (prose may name one in a sentence).
    const lines = new Set(text.split('\n').map((line) => line.trim()));
    expect(shown.controls.filter((label) => lines.has(label))).toEqual([]);
  });
}
