import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeMathErrors from './rehype-math-errors.ts';

// The same plugin order as astro.config.mjs: KaTeX, then the check.
function render(markdown: string): Promise<string> {
  const file = new VFile({ path: 'content/docs/chapters/example.mdx', value: markdown });
  return unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'mathml' })
    .use(rehypeMathErrors)
    .use(rehypeStringify)
    .process(file)
    .then(String);
}

describe('rehypeMathErrors()', () => {
  it('lets valid math through, typeset by KaTeX', async () => {
    const html = await render('The error is $E = \\tfrac12 \\sum_j (t_j - o_j)^2$.');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('katex-error');
  });

  it('fails on a formula KaTeX cannot parse, naming the file, the line and the source', async () => {
    await expect(render('Line one.\n\nThen $\\frac{1}{$ breaks.')).rejects.toThrow(
      /content\/docs\/chapters\/example\.mdx:3: cannot typeset \$\\frac\{1\}\{\$/,
    );
  });

  it('fails on an unknown command in display math too', async () => {
    await expect(render('$$\n\\sigmoid(x)\n$$')).rejects.toThrow(
      /Undefined control sequence: \\sigmoid/,
    );
  });
});
