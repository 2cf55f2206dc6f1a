import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeScrollable from './rehype-scrollable.ts';

// The same order as astro.config.mjs: KaTeX first, so that its display wrappers exist.
function render(markdown: string): Promise<string> {
  return unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex)
    .use(rehypeScrollable)
    .use(rehypeStringify)
    .process(markdown)
    .then(String);
}

describe('rehypeScrollable()', () => {
  it('makes a display formula focusable and leaves inline math alone', async () => {
    const html = await render(
      'Inline $a + b$ and\n\n$$\nE = \\tfrac12 \\sum_j (t_j - o_j)^2\n$$\n',
    );
    expect(html).toMatch(/<span class="katex-display" tabindex="0">/);
    expect(html.match(/tabindex/g)).toHaveLength(1);
  });

  it('keeps the math accessible: MathML stays, the HTML rendering stays aria-hidden', async () => {
    const html = await render('$$\nx^2\n$$\n');
    expect(html).toContain('<math');
    expect(html).toContain('class="katex-html" aria-hidden="true"');
  });
});
