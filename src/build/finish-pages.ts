import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withContentSecurityPolicy } from './csp.ts';
import { contentDir } from './content-dir.ts';
import { brokenLinks } from './links.ts';
import { fixStarlightHtml } from './starlight-html.ts';

/** The last step of every built page: valid markup, then its Content Security Policy. */
export function finishPage(html: string): string {
  // The policy hashes the inline scripts' text, so it comes after anything that rewrites a page.
  return withContentSecurityPolicy(fixStarlightHtml(html));
}

/** A built page's source file, e.g. chapters/neuron/index.html → content/docs/chapters/neuron.mdx. */
function sourceOf(page: string): string | undefined {
  const route = page.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
  const base = join(contentDir(), route === '' ? 'index' : route);
  return [`${base}.mdx`, `${base}.md`].find((file) => existsSync(file));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Applies `finishPage` to every page once the build is done, then checks the site's internal
 * links (src/build/links.ts): a link to a page or a section that does not exist fails the build,
 * naming the page it is on.
 */
export default function finishPages(): AstroIntegration {
  let base = '/';
  return {
    name: 'backprop-live:finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const files = await htmlFiles(dist);
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
        const { broken, checked } = brokenLinks(dist, base);
        if (broken.length > 0) {
          // Each line starts with the built page; the author needs the file it came from.
          const lines = broken.slice(0, 50).map((line) => {
            const source = sourceOf(line.slice(0, line.indexOf(':')));
            return source ? `${source}: ${line}` : line;
          });
          throw new Error(
            `${broken.length} broken internal link(s) (base ${base}):\n${lines.join('\n')}`,
          );
        }
        logger.info(`${checked} internal links and references checked, none broken`);
      },
    },
  };
}
