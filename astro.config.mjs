// @ts-check
import { existsSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import rehypeBaseLinks from './src/build/rehype-base-links.ts';
import rehypeKatexValid from './src/build/rehype-katex-valid.ts';
import rehypeMathErrors from './src/build/rehype-math-errors.ts';
import rehypeMathNames from './src/build/rehype-math-names.ts';
import rehypeMathmlCore, { rehypeKatexDisplay } from './src/build/rehype-mathml-core.ts';
import rehypeScrollable from './src/build/rehype-scrollable.ts';
import remarkExerciseChoices from './src/build/remark-exercise-choices.ts';
import { rehypeLiveMath, remarkLiveMath } from './src/build/live-math.ts';
import { basePath } from './src/build/base-path.ts';
import { compileHints } from './src/build/compile-hints.ts';
import { contentDir } from './src/build/content-dir.ts';
import { publishedChapters } from './src/build/published-chapters.ts';
import { missingTranslations, translationMismatches } from './src/build/translations.ts';
import finishPages from './src/build/finish-pages.ts';

// BASE_PATH lets an instructor host the built site under a sub-path, e.g. BASE_PATH=/ml101/.
const base = basePath(process.env.BASE_PATH);
const chapters = publishedChapters(`${contentDir()}/chapters`);
// A locale's interface strings must cover every English one (src/build/translations.ts).
// I18N_DIR is for the author-mistake check, which builds with a broken copy.
const untranslated = missingTranslations(process.env.I18N_DIR ?? './src/content/i18n');
if (untranslated.length > 0) {
  throw new Error(`Missing translations:\n${untranslated.join('\n')}`);
}
// A translated page computes what its English original does (src/build/translation-structure.ts).
const mismatched = translationMismatches(contentDir());
if (mismatched.length > 0) {
  throw new Error(`Translations that differ from their English pages:\n${mismatched.join('\n')}`);
}

export default defineConfig({
  // Without SITE_URL there is no canonical URL to give: pages then carry none (and no sitemap),
  // rather than links to this machine's loopback address.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base,
  // The author-mistake check builds broken copies with caches of their own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // The compute worker (src/live/client/compute-worker.ts) loads models on demand, which needs
  // an ES-module worker: the default (iife) cannot split code.
  vite: { worker: { format: 'es' }, plugins: [compileHints()] },
  markdown: {
    // Plain code blocks (see expressiveCode below): Shiki's carry an unnamed Tab stop and colours
    // for one theme only.
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [remarkMath, remarkLiveMath, remarkExerciseChoices],
      rehypePlugins: [
        // MathML only: browsers lay it out (MathML Core), and KaTeX's HTML copy of each formula
        // was two thirds of a chapter's elements (src/build/rehype-mathml-core.ts).
        [rehypeKatex, { output: 'mathml' }],
        rehypeKatexDisplay,
        rehypeMathErrors,
        rehypeKatexValid,
        rehypeScrollable,
        rehypeLiveMath,
        rehypeMathNames,
        rehypeMathmlCore,
        [rehypeBaseLinks, { base }],
      ],
    }),
  },
  integrations: [
    starlight({
      title: 'Backprop Live',
      description:
        'An interactive textbook on how neural networks learn: every number on every page is computed, and you can change it.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      markdown: { processedDirs: [contentDir()] },
      // Code blocks (the instructor guide's) as plain <pre><code>: Expressive Code writes <div>s
      // inside <code> and <button> (invalid HTML, 500 errors from the W3C checker on one page)
      // and an unnamed Tab stop, and ships a script for its copy button. course.css styles them.
      expressiveCode: false,
      customCss: [
        './src/styles/math.css',
        './src/styles/course.css',
        './src/styles/live.css',
        './src/styles/exercise.css',
      ],
      components: {
        Head: './src/components/overrides/Head.astro',
        Search: './src/components/overrides/Search.astro',
        TableOfContents: './src/components/overrides/TableOfContents.astro',
        MobileTableOfContents: './src/components/overrides/MobileTableOfContents.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
      },
      lastUpdated: false,
      pagination: true,
      sidebar: [
        {
          label: 'Start here',
          translations: { 'zh-CN': '从这里开始' },
          // Those that exist: the author-mistake check builds a copy with only some of them.
          items: ['index', 'how-to-read', 'notation', 'instructors'].filter((page) =>
            existsSync(`${contentDir()}/${page}.mdx`),
          ),
        },
        // Course order comes from src/course/outline.ts; a chapter appears once its file exists.
        ...(chapters.length === 0
          ? []
          : [
              {
                label: 'Chapters',
                translations: { 'zh-CN': '章节' },
                items: chapters.map((chapter) => ({
                  slug: `chapters/${chapter.slug}`,
                  translations: { 'zh-CN': chapter.titleZh },
                })),
              },
            ]),
      ],
    }),
    finishPages(),
  ],
});
