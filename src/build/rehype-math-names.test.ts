import type { Element, Root, RootContent } from 'hast';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { AuthoringError } from '../live/authoring-error.ts';
import rehypeMathNames, { speak } from './rehype-math-names.ts';

async function hast(markdown: string): Promise<Root> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'mathml' });
  return processor.run(processor.parse(markdown));
}

function maths(node: Root | RootContent, found: Element[] = []): Element[] {
  if (node.type === 'element' && node.tagName === 'math') found.push(node);
  if ('children' in node) for (const child of node.children) maths(child, found);
  return found;
}

const spoken = async (tex: string, locale: 'en' | 'zh-CN' = 'en'): Promise<string> => {
  const [math] = maths(await hast(`$${tex}$`));
  if (!math) throw new Error(`no math in ${tex}`);
  return speak(math, locale);
};

/** A JSX element as remark-mdx writes one into the tree. */
const jsx = (name: string, children: RootContent[], slot?: string): RootContent =>
  ({
    type: 'mdxJsxFlowElement',
    name,
    attributes: slot ? [{ type: 'mdxJsxAttribute', name: 'slot', value: slot }] : [],
    children,
  }) as unknown as RootContent;

const run = (tree: Root, path = '/site/content/docs/chapters/backprop.mdx'): void =>
  (rehypeMathNames() as (tree: Root, file: VFile) => void)(tree, new VFile({ path }));

describe('speak()', () => {
  it('reads scripts, fractions and operators as words', async () => {
    expect(await spoken('w_5')).toBe('w sub 5');
    expect(await spoken('\\text{out}_{h_2}')).toBe('out sub h sub 2');
    expect(await spoken('\\partial E/\\partial w_5')).toBe('partial E over partial w sub 5');
    expect(await spoken('\\frac{\\partial E}{\\partial w_5}')).toBe(
      'the fraction partial E over partial w sub 5 end fraction',
    );
    expect(await spoken('\\frac{1}{N}')).toBe('1 over N');
    expect(await spoken('M_l M_{l-1}')).toBe('M sub l M sub l minus 1 end sub');
    expect(await spoken('x^2 + b')).toBe('x squared plus b');
    expect(await spoken("\\sigma'(z) = \\sigma(z)(1-\\sigma(z))")).toBe(
      'σ prime ( z ) equals σ ( z ) ( 1 minus σ ( z ) )',
    );
    expect(await spoken('\\hat{y} \\ne y')).toBe('y hat is not equal to y');
    expect(await spoken('\\sqrt{x}')).toBe('the square root of x');
    expect(await spoken('\\lambda_{\\max}')).toBe('λ sub max');
    expect(await spoken('W^{(l)}')).toBe('W superscript ( l )');
  });

  it('reads in Chinese on a Chinese page, with the denominator first as Chinese says a fraction', async () => {
    expect(await spoken('w_5', 'zh-CN')).toBe('w 下标 5');
    expect(await spoken('\\frac{a}{b} - 1', 'zh-CN')).toBe('b 分之 a 减 1');
    expect(await spoken('x_{i+1}', 'zh-CN')).toBe('x 下标 i 加 1 下标结束');
    expect(await spoken("f'(x)", 'zh-CN')).toBe('f 撇 ( x )');
  });
});

describe('rehypeMathNames()', () => {
  it('labels a formula inside a table header, not one in a data cell or in running text', async () => {
    const cell = async (tag: string, tex: string): Promise<Element> => ({
      type: 'element',
      tagName: tag,
      properties: {},
      children: ((await hast(`$${tex}$`)).children[0] as Element).children,
    });
    const text = await hast('Text $a_1$.');
    const table: Element = {
      type: 'element',
      tagName: 'table',
      properties: {},
      children: [await cell('th', '\\lambda_{\\max}'), await cell('td', 'x_2')],
    };
    const tree: Root = { type: 'root', children: [...text.children, table] };
    run(tree);
    const labels = maths(tree).map((m) => m.properties['ariaLabel']);
    expect(labels).toEqual([undefined, 'λ sub max', undefined]);
  });

  it("labels a <Choice>'s answer, which names its radio button, and not its `why`", async () => {
    const answer = await hast('Because $w_2$ is larger.');
    const why = await hast('No: $w_1$ is.');
    const tree: Root = {
      type: 'root',
      children: [jsx('Choice', [...answer.children, jsx('Fragment', why.children, 'why')])],
    };
    run(tree);
    expect(maths(tree).map((m) => m.properties['ariaLabel'])).toEqual(['w sub 2', undefined]);
  });

  it('speaks Chinese on a Chinese page', async () => {
    const tree = await hast('## 关于 $w_2$');
    run(tree, '/site/content/docs/zh-cn/chapters/backprop.mdx');
    expect(maths(tree)[0]?.properties['ariaLabel']).toBe('w 下标 2');
  });

  it('refuses a live number in a formula that names something, naming the formula', async () => {
    const tree = await hast('## Why $w_2$');
    const math = maths(tree)[0];
    const mn = maths(tree).length && findTag(math, 'mn');
    if (!mn) throw new Error('no <mn>');
    mn.properties['dataValue'] = 'mazur.w2';
    expect(() => run(tree)).toThrow(AuthoringError);
    expect(() => run(tree)).toThrow(/live number.*\$w_2\$/);
  });
});

function findTag(node: Element | undefined, tag: string): Element | undefined {
  if (!node) return undefined;
  if (node.tagName === tag) return node;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const found = findTag(child, tag);
    if (found) return found;
  }
  return undefined;
}
