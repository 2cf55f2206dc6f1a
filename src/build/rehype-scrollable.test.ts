import type { Element, ElementContent, Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeKatexDisplay } from './rehype-mathml-core.ts';
import rehypeScrollable from './rehype-scrollable.ts';

// The same order as astro.config.mjs: KaTeX first, so that its display wrappers exist.
function render(markdown: string, path = 'content/docs/example.mdx'): Promise<string> {
  return unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'mathml' })
    .use(rehypeKatexDisplay)
    .use(rehypeScrollable)
    .use(rehypeStringify)
    .process(new VFile({ path, value: markdown }))
    .then(String);
}

const el = (tagName: string, children: ElementContent[] = [], properties = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** Runs the plugin on a hand-made table (the tests have no GFM parser) and returns it. */
function table(...children: Element[]): Element {
  const node = el('table', children);
  const tree: Root = { type: 'root', children: [node] };
  rehypeScrollable()(tree, new VFile({ path: 'content/docs/example.mdx' }));
  return node;
}

describe('rehypeScrollable()', () => {
  it('makes a display formula a focusable group named "Formula", and leaves inline math alone', async () => {
    const html = await render(
      'Inline $a + b$ and\n\n$$\nE = \\tfrac12 \\sum_j (t_j - o_j)^2\n$$\n',
    );
    expect(html).toMatch(
      /<span class="katex-display" tabindex="0" role="group" aria-label="Formula">/,
    );
    expect(html.match(/tabindex/g)).toHaveLength(1);
  });

  it('names a formula in the language of its page', async () => {
    const html = await render('$$\nx^2\n$$\n', '/site/content/docs/zh-cn/notation.mdx');
    expect(html).toContain('aria-label="公式"');
  });

  it('keeps the math itself, unlabelled, inside the named group', async () => {
    const html = await render('$$\nx^2\n$$\n');
    expect(html).toMatch(/aria-label="Formula"><span class="katex"><math [^>]*display="block">/);
  });

  it('makes a table focusable and names it by its header cells', () => {
    const node = table(
      el('thead', [el('tr', [el('th', [text('Symbol')]), el('th', [text(' Meaning\n')])])]),
      el('tbody', [el('tr', [el('td', [text('L')]), el('td', [text('layers')])])]),
    );
    expect(node.properties['tabIndex']).toBe(0);
    expect(node.properties['ariaLabel']).toBe('Symbol, Meaning');
  });

  it('leaves out the aria-hidden copy of math in a header when it names a table', () => {
    const math = el('span', [
      el('math', [el('mi', [text('E')]), el('annotation', [text('E')])]),
      el('span', [text('E')], { ariaHidden: 'true' }),
    ]);
    const node = table(el('thead', [el('tr', [el('th', [text('error '), math])])]));
    expect(node.properties['ariaLabel']).toBe('error E');
  });

  it('leaves a table with a caption to its caption, and names one with no header "Table"', () => {
    expect(table(el('caption', [text('Totals')]), el('tbody')).properties['ariaLabel']).toBe(
      undefined,
    );
    expect(table(el('tbody', [el('tr', [el('td', [text('1')])])])).properties['ariaLabel']).toBe(
      'Table',
    );
  });
});
