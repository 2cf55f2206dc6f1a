import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chapters, type ChapterOutline } from '../course/outline.ts';

/**
 * The chapters of the outline that have a page in `dir`, in course order.
 *
 * A file in `dir` that the outline does not list fails the build: its URL would not be one an
 * instructor could rely on, and it would be missing from the sidebar and the learning path.
 */
export function publishedChapters(dir: string): ChapterOutline[] {
  const known = new Set(chapters.map((chapter) => chapter.slug));
  const files = existsSync(dir) ? readdirSync(dir) : [];
  for (const file of files) {
    // Files starting with _ are drafts: the content loader skips them too.
    if (file.startsWith('_')) continue;
    const slug = file.replace(/\.mdx?$/, '');
    if (slug !== file && !known.has(slug)) {
      throw new Error(
        `${join(dir, file)}: "${slug}" is not a chapter slug. Add it to src/course/outline.ts or rename the file to one of: ${[...known].join(', ')}.`,
      );
    }
  }
  return chapters.filter(
    (chapter) =>
      existsSync(join(dir, `${chapter.slug}.mdx`)) || existsSync(join(dir, `${chapter.slug}.md`)),
  );
}
