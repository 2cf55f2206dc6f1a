import { existsSync, readFileSync } from 'node:fs';
/**
 * Starlight's sidebar carries two inline scripts marked `aria-hidden="true"` (SidebarPersister):
 * they sit in a `display: contents` element, and Safari's VoiceOver reads a script there aloud
 * (https://bugs.webkit.org/show_bug.cgi?id=283645). HTML allows no ARIA attribute on <script>,
 * and the W3C checker reports one on every page. Inside a `hidden` <div> the script runs as
 * before and is out of the accessibility tree without any attribute of its own.
 */
const ARIA_HIDDEN_SCRIPT = /<script aria-hidden="true">([\s\S]*?)<\/script>/g;

/**
 * Starlight names each heading's anchor link in the page's language, but finds the language from
 * the file's path under src/content/docs/; our pages live in content/docs/ (content-dir.ts), so
 * every heading of a Chinese page was “Section titled “…”” in English. The name is written again
 * from the page language's `heading.anchorLabel` (src/content/i18n/<lang>.json).
 */
const ANCHOR_NAME =
  /(<a class="sl-anchor-link"[^>]*>[\s\S]*?<span class="sr-only"[^>]*>)Section titled “([^<]*)”(<\/span>)/g;

const anchorLabels = new Map<string, string | undefined>();

function anchorLabel(lang: string): string | undefined {
  if (!anchorLabels.has(lang)) {
    const file = new URL(`../content/i18n/${lang}.json`, import.meta.url);
    const strings = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
      : {};
    anchorLabels.set(lang, strings['heading.anchorLabel']);
  }
  return anchorLabels.get(lang);
}

/** Returns the page with Starlight's invalid markup rewritten as valid markup that does the same. */
export function fixStarlightHtml(html: string): string {
  const fixed = html.replace(ARIA_HIDDEN_SCRIPT, '<div hidden><script>$1</script></div>');
  const lang = /<html[^>]*\blang="([^"]+)"/.exec(fixed)?.[1];
  const label = lang && lang !== 'en' ? anchorLabel(lang) : undefined;
  if (!label) return fixed;
  return fixed.replace(
    ANCHOR_NAME,
    (_, before: string, title: string, after: string) =>
      `${before}${label.replace('{{title}}', title)}${after}`,
  );
}
