import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { DOMParser } from 'linkedom';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeKatexValid from './rehype-katex-valid.ts';

function render(markdown: string, repair = true): Promise<string> {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex, {
    output: 'mathml',
  });
  if (repair) processor.use(rehypeKatexValid);
  return processor.use(rehypeStringify).process(markdown).then(String);
}

/** The children's tag names of every `tag` element in the MathML. */
function childTags(html: string, tag: string): string[][] {
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return [...doc.querySelectorAll(`.katex ${tag}`)].map((el) =>
    [...el.children].map((child) => child.tagName.toLowerCase()),
  );
}

describe('rehypeKatexValid()', () => {
  it('gives a subscripted \\max two children, as <msub> takes, without a dangling function application', async () => {
    // KaTeX alone: <msub><mi>λ</mi><mi>max</mi><mo>⁡</mo></msub>
    expect(childTags(await render('$\\lambda_{\\max}$', false), 'msub')).toEqual([
      ['mi', 'mi', 'mo'],
    ]);
    const html = await render('$2/\\lambda_{\\max}$ and $\\max_i x_i$');
    expect(childTags(html, 'msub').every((children) => children.length === 2)).toBe(true);
    expect(html).toContain('<msub><mi>λ</mi><mi>max</mi></msub>');
    expect(html).not.toMatch(/<mi>max<\/mi><mo>\u2061<\/mo><\/msub>/);
  });

  it('keeps the function application where it applies to something', async () => {
    const html = await render('$\\sin x$');
    expect(html).toContain('<mi>sin</mi><mo>\u2061</mo><mi>x</mi>');
  });

  it('fixes both scripts of x_{\\max}^{\\min} and wraps nothing that was valid', async () => {
    const html = await render('$x_{\\max}^{\\min}$ and $x_{a+b}^2$');
    for (const children of childTags(html, 'msubsup')) expect(children).toHaveLength(3);
  });
});
