import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withContentSecurityPolicy } from './csp.ts';
import { fixStarlightHtml } from './starlight-html.ts';

/** The last step of every built page: valid markup, then its Content Security Policy. */
export function finishPage(html: string): string {
  // The policy hashes the inline scripts' text, so it comes after anything that rewrites a page.
  return withContentSecurityPolicy(fixStarlightHtml(html));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Applies `finishPage` to every page once the build is done. */
export default function finishPages(): AstroIntegration {
  return {
    name: 'backprop-live:finish-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        for (const file of files) {
          try {
            await writeFile(file, finishPage(await readFile(file, 'utf8')));
          } catch (error) {
            throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, {
              cause: error,
            });
          }
        }
        logger.info(`${files.length} pages: valid markup and a Content Security Policy`);
      },
    },
  };
}
