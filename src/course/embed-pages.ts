/**
 * The embed pages of one language (src/pages/embed/[widget].astro, src/pages/zh-cn/embed/…): one
 * per widget found in that language's chapters (embeds.ts), with the chapter it comes from. The
 * ids are the same in every language, since a translation has its English page's widgets
 * (src/build/translation-structure.ts); the props (a panel's name) are the translation's.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LOCALE_PATH, type Locale } from '../i18n/locales.ts';
import { findEmbeds, type Embed } from './embeds.ts';
import { chapters } from './outline.ts';

export interface EmbedPageProps {
  embed: Embed;
  entry: CollectionEntry<'docs'>;
  lang: Locale;
}

export async function embedPaths(lang: Locale) {
  const docs = await getCollection('docs');
  const found: { entry: CollectionEntry<'docs'>; slug: string }[] = [];
  for (const { slug } of chapters) {
    const entry = docs.find((doc) => doc.id === `${LOCALE_PATH[lang]}chapters/${slug}`);
    if (entry) found.push({ entry, slug });
  }
  const embeds = findEmbeds(
    found.map(({ entry, slug }) => ({
      slug,
      file: entry.filePath ?? `chapters/${slug}.mdx`,
      source: entry.body ?? '',
    })),
  );
  return embeds.map((embed) => ({
    params: { widget: embed.id },
    props: {
      embed,
      entry: found.find((f) => f.slug === embed.chapter)!.entry,
      lang,
    } satisfies EmbedPageProps,
  }));
}
