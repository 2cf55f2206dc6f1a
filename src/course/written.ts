import { getCollection } from 'astro:content';

/** The slugs of the chapters that have a page in the docs collection (`chapters/<slug>`). */
export async function writtenChapterSlugs(): Promise<Set<string>> {
  const entries = await getCollection('docs');
  const slugs = entries.map((entry) => /^chapters\/([a-z-]+)$/.exec(entry.id)?.[1]);
  return new Set(slugs.filter((slug) => slug !== undefined));
}
