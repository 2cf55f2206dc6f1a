import { chapters } from '../../src/course/outline.ts';
import { wordsFor } from '../../src/i18n/index.ts';
import { expect, test } from './fixtures.ts';
import { languages } from './pages.ts';

// The instructor guide's table of the chapters (issue 14) is built from the chapters themselves
// (src/course/course-table.ts reads their sources). On the built pages, in both languages, each
// chapter's row has the goals its page lists and a link to each exercise its page has.

/** Text as the reader gets it, spaces squeezed. */
const squeeze = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

for (const { prefix, lang } of languages) {
  test(`${prefix}/instructors/ lists every chapter with the goals and the exercises its page has`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const words = wordsFor(lang).courseTable;
    await page.goto(`${prefix}/instructors/`);
    const table = page.getByRole('table', { name: words.caption });
    const rows = table.locator('tbody > tr');
    await expect(rows).toHaveCount(chapters.length);
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        href: tr.querySelector('th a')?.getAttribute('href') ?? '',
        goals: [...tr.querySelectorAll('td:nth-of-type(1) > ul > li')].map((li) => li.textContent),
        exercises: [...tr.querySelectorAll('td:nth-of-type(2) > ol > li > a')].map((a) =>
          a.getAttribute('href'),
        ),
      })),
    );
    for (const [i, chapter] of chapters.entries()) {
      const row = listed[i]!;
      const path = `${prefix}/chapters/${chapter.slug}/`;
      expect(row.href).toBe(path);
      await page.goto(path);
      // The goals: the list after the chapter's "By the end of the chapter you will be able to:".
      const goals = await page
        .locator('.sl-markdown-content p', { hasText: words.goalsIntro })
        .locator('xpath=following-sibling::ul[1]/li')
        .allTextContents();
      expect(goals.length, path).toBeGreaterThan(0);
      expect(row.goals.map(squeeze), path).toEqual(goals.map(squeeze));
      // One link to each exercise of the chapter, in its order.
      const ids = await page
        .locator('live-exercise')
        .evaluateAll((exercises) => exercises.map((el) => el.id));
      expect(ids.length, path).toBeGreaterThan(0);
      expect(row.exercises, path).toEqual(ids.map((id) => `${path}#${id}`));
    }
  });
}
