import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './build/content-dir.ts';

// Chapters live in the top-level content/ folder (or CONTENT_DIR: src/build/content-dir.ts), not src/content/, so the glob loader replaces
// Starlight's docsLoader() (which hard-codes src/content/docs). `processedDirs` in
// astro.config.mjs must name the same folder, or asides and heading anchors do not render.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: contentDir(), pattern: '**/[^_]*.{md,mdx}' }),
    // `models`: the model instances a page starts at values of its own, e.g.
    // `models: { neuron: { act: tanh } }` (checked against the models by src/live/authoring.ts).
    schema: docsSchema({
      extend: z.object({
        models: z
          .record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])))
          .optional(),
      }),
    }),
  }),
  // Overrides of Starlight's interface strings, one JSON file per locale, in src/content/i18n/
  // (Starlight keys them by their path relative to that folder), and the course's own.
  i18n: defineCollection({
    loader: i18nLoader(),
    schema: i18nSchema({
      extend: z.object({
        /** The name of a display formula that scrolls sideways (src/build/rehype-scrollable.ts). */
        'scrollable.formula': z.string().optional(),
        /** The name of a table without a caption or header row that scrolls sideways. */
        'scrollable.table': z.string().optional(),
        /** A shared link's values are late (src/live/client/shared-link.ts): defaults for now. */
        'sharedLink.slow': z.string().optional(),
        /** A shared link's values could not be loaded: the page shows its starting values. */
        'sharedLink.failed': z.string().optional(),
      }),
    }),
  }),
};
