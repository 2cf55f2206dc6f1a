import { expect, test } from './fixtures.ts';
import { parseHTML } from 'linkedom';
import { builtHtml, builtPages } from './pages.ts';

/**
 * An exercise asks for what the page does not already print: its answer may appear in its own
 * solution, but nowhere else, neither as a live read-out of the same value nor as the number
 * itself, written to the precision the exercise asks for.
 */
const pages = builtPages().filter(
  (p) => !p.startsWith('/zh-cn/') && p !== '/404.html' && builtHtml(p).includes('data-answer='),
);

/** What a page prints of its exercises' answers outside their solutions, one line per leak. */
function leaksOf(document: Document): string[] {
  const found: string[] = [];
  const article = document.querySelector('.sl-markdown-content');
  if (!article) return found;
  const outsideSolutions = (el: Element) => !el.closest('.exercise__solution');
  // Text with every solution taken out, read from a copy so the page stays intact.
  const copy = article.cloneNode(true) as Element;
  copy.querySelectorAll('.exercise__solution').forEach((el) => el.remove());
  const text = copy.textContent ?? '';
  for (const exercise of article.querySelectorAll('live-exercise[data-answer]')) {
    const id = exercise.getAttribute('data-exercise');
    const ref = exercise.getAttribute('data-answer') ?? '';
    for (const el of article.querySelectorAll(`[data-value="${ref}"]`))
      if (outsideSolutions(el)) found.push(`${id}: ${ref} is shown as "${el.textContent}"`);
    const value = Number(
      article.querySelector(`.exercise__solution [data-value="${ref}"]`)?.getAttribute('data-raw'),
    );
    const digits = Number(exercise.getAttribute('data-digits') ?? NaN);
    const figures = Number(exercise.getAttribute('data-figures') ?? NaN);
    if (!Number.isFinite(value)) continue;
    const written = Number.isFinite(figures)
      ? value.toPrecision(figures)
      : value.toFixed(Number.isFinite(digits) ? digits : 4);
    const plain = written.replace('-', '');
    if (text.replace(/\u2212/g, '-').includes(plain))
      found.push(`${id}: its answer ${written} is printed in the text`);
  }
  return found;
}

// The built HTML is what every reader gets first, so it is read as built, without a browser
// (a chapter's load costs seconds of a CI run with a time limit).
for (const path of pages) {
  test(`no exercise on ${path} has its answer printed outside its solution`, () => {
    const { document } = parseHTML(builtHtml(path));
    expect(leaksOf(document)).toEqual([]);
  });
}

test('the chapter states that no answer is printed, and every number exercise shows its answer in its solution', async ({
  page,
}) => {
  await page.goto('/chapters/backprop/');
  const exercises = page.locator('live-exercise[data-answer]');
  expect(await exercises.count()).toBeGreaterThanOrEqual(3);
  for (const exercise of await exercises.all()) {
    const ref = await exercise.getAttribute('data-answer');
    await expect(
      exercise.locator(`.exercise__solution [data-value="${ref}"]`).first(),
    ).toBeAttached();
  }
});
