import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Prefixes root-relative links in Markdown with Astro's `base`.
 *
 * Chapter authors write `[notation](/notation/)`, and the link must still work when the site is
 * built for a sub-path such as `/ml101/`. Astro does not rewrite Markdown links, so this does.
 * Links that already start with the base, protocol-relative links (`//host`) and anchors are
 * left alone.
 *
 * @param options.base Astro's `base`, starting and ending with `/` (default `/`: no change).
 */
export default function rehypeBaseLinks(options: { base?: string } = {}) {
  const base = options.base ?? '/';
  return (tree: Root): void => {
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (typeof value !== 'string') continue;
        if (!value.startsWith('/') || value.startsWith('//') || value.startsWith(base)) continue;
        node.properties[attribute] = base + value.slice(1);
      }
    });
  };
}
