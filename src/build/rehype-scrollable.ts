import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Makes every display formula and table focusable in the built HTML, so that one wider than
 * its column can be scrolled from the keyboard (WCAG 2.1.1) from the first paint on.
 *
 * Which of them overflow depends on the reader's screen, so the page decides: the script in
 * src/components/overrides/Head.astro removes the tab stop from those that fit, when the
 * browser is idle. It used to add tab stops at DOMContentLoaded instead, which laid out the
 * whole page at once (130 ms on a slow phone); now it measures them a few at a time, in idle
 * time. Starting focusable keeps a
 * wide formula reachable, and axe satisfied, before that measurement reaches it.
 */
export default function rehypeScrollable() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'table' || hasClass(node, 'katex-display')) {
        node.properties['tabIndex'] = 0;
      }
    });
  };
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties['className'];
  return Array.isArray(value) && value.includes(name);
}
