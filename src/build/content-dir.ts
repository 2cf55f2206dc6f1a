/**
 * Where the chapters are: `content/docs`, unless CONTENT_DIR says otherwise. The author-mistake
 * check (scripts/check-author-mistakes.mjs) builds deliberately broken copies from elsewhere.
 * astro.config.mjs, the content collection and the build's checks all read it from here.
 */
export const contentDir = (): string => process.env['CONTENT_DIR'] ?? './content/docs';
