import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Starlight's sidebar carries two inline scripts marked `aria-hidden="true"` (SidebarPersister):
 * they sit in a `display: contents` element, and Safari's VoiceOver reads a script there aloud
 * (https://bugs.webkit.org/show_bug.cgi?id=283645). HTML allows no ARIA attribute on <script>,
 * and the W3C checker reports one on every page. Inside a `hidden` <div> the script runs as
 * before and is out of the accessibility tree without any attribute of its own.
 */
const ARIA_HIDDEN_SCRIPT = /<script aria-hidden="true">([\s\S]*?)<\/script>/g;

/** Returns the page with Starlight's invalid markup rewritten as valid markup that does the same. */
export function fixStarlightHtml(html: string): string {
  return html.replace(ARIA_HIDDEN_SCRIPT, '<div hidden><script>$1</script></div>');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Applies `fixStarlightHtml` to every built page once the build is done. */
export default function starlightHtml(): AstroIntegration {
  return {
    name: 'backprop-live:starlight-html',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let changed = 0;
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const fixed = fixStarlightHtml(html);
          if (fixed === html) continue;
          await writeFile(file, fixed);
          changed++;
        }
        logger.info(`made Starlight's markup valid on ${changed} pages`);
      },
    },
  };
}
