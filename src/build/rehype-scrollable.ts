import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { hasClass } from './hast.ts';
import en from '../content/i18n/en.json';
import zhCN from '../content/i18n/zh-CN.json';

/**
 * Makes every display formula and table focusable in the built HTML, so that one wider than
 * its column can be scrolled from the keyboard (WCAG 2.1.1) from the first paint on, and gives
 * each a role and a name, as every Tab stop needs (issue 9, §5):
 *
 * - a display formula becomes a group named "Formula" in the page's language; the MathML inside
 *   still reads the formula itself. Not a region: a landmark's name must be unique on its page,
 *   and a list of sixteen landmarks called "Formula 1" to "Formula 16" helps nobody;
 * - a table keeps its own role, and is named by its caption or, failing one, its header cells.
 *
 * Which of them overflow depends on the reader's screen, so the page decides: the script in
 * src/components/overrides/Head.astro removes the tab stop from those that fit, when the
 * browser is idle. It used to add tab stops at DOMContentLoaded instead, which laid out the
 * whole page at once (130 ms on a slow phone); now it measures them a few at a time, in idle
 * time. Starting focusable keeps a wide formula reachable, and axe satisfied, before that
 * measurement reaches it.
 */
export default function rehypeScrollable() {
  return (tree: Root, file?: VFile): void => {
    const words = wordsFor(file?.path);
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'table') {
        node.properties['tabIndex'] = 0;
        if (!hasCaption(node)) node.properties['ariaLabel'] = headerText(node) || words.table;
      } else if (hasClass(node, 'katex-display')) {
        node.properties['tabIndex'] = 0;
        node.properties['role'] = 'group';
        node.properties['ariaLabel'] = words.formula;
      }
    });
  };
}

/** The interface strings of the page's language, from src/content/i18n/ (one home each). */
function wordsFor(path: string | undefined): { formula: string; table: string } {
  const dictionary = /[/\\]content[/\\]docs[/\\]zh-cn[/\\]/.test(path ?? '') ? zhCN : en;
  return { formula: dictionary['scrollable.formula'], table: dictionary['scrollable.table'] };
}

function hasCaption(table: Element): boolean {
  return table.children.some((child) => child.type === 'element' && child.tagName === 'caption');
}

/** The header row's cells, "Symbol, Meaning, Shape": what a sighted reader scans first. */
function headerText(table: Element): string {
  const thead = table.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'thead',
  );
  if (!thead) return '';
  const cells: string[] = [];
  visit(thead, 'element', (node: Element) => {
    if (node.tagName !== 'th') return;
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    if (text) cells.push(text);
    return 'skip';
  });
  return cells.join(', ');
}

/** Text as a screen reader gets it: without KaTeX's aria-hidden copy or its TeX annotation. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (String(node.properties['ariaHidden']) === 'true') return '';
  if (node.tagName === 'annotation') return '';
  return node.children.map(textOf).join('');
}
