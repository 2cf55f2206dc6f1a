import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { DOMParser } from 'linkedom';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import font from '../assets/math/math.json' with { type: 'json' };
import rehypeMathmlCore, { rehypeKatexDisplay, styledCharacter } from './rehype-mathml-core.ts';

// The order of astro.config.mjs, without the steps in between that these cases do not need.
function render(markdown: string): Promise<string> {
  return unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'mathml' })
    .use(rehypeKatexDisplay)
    .use(rehypeMathmlCore)
    .use(rehypeStringify)
    .process(new VFile({ path: 'content/docs/example.mdx', value: markdown }))
    .then(String);
}

/** The MathML without its TeX annotation, which keeps the source as written. */
const mathml = async (markdown: string): Promise<string> =>
  (await render(markdown)).replace(/<annotation[^]*?<\/annotation>/g, '');

describe('styledCharacter()', () => {
  it('maps letters, digits and Greek to their mathematical alphanumerics', () => {
    expect(styledCharacter('W', 'bold')).toBe('𝐖');
    expect(styledCharacter('a', 'bold')).toBe('𝐚');
    expect(styledCharacter('1', 'bold')).toBe('𝟏');
    expect(styledCharacter('Δ', 'bold')).toBe('𝚫');
    expect(styledCharacter('δ', 'bold-italic')).toBe('𝜹');
    expect(styledCharacter('μ', 'bold-italic')).toBe('𝝁');
    expect(styledCharacter('∂', 'bold')).toBe('𝛛');
    expect(styledCharacter('ϵ', 'italic')).toBe('𝜖');
    expect(styledCharacter('Ω', 'italic')).toBe('𝛺');
  });

  it('uses the Letterlike Symbols where Unicode encoded a letter before the math block', () => {
    expect(styledCharacter('R', 'double-struck')).toBe('ℝ');
    expect(styledCharacter('E', 'double-struck')).toBe('𝔼');
    expect(styledCharacter('N', 'script')).toBe('𝒩');
    expect(styledCharacter('L', 'script')).toBe('ℒ');
    expect(styledCharacter('h', 'italic')).toBe('ℎ');
  });

  it('has no answer for a character or variant Unicode does not style', () => {
    expect(styledCharacter('+', 'bold')).toBeUndefined();
    expect(styledCharacter('1', 'script')).toBeUndefined();
    expect(styledCharacter('x', 'fraktur')).toBeUndefined();
  });
});

describe('rehypeMathmlCore()', () => {
  it('writes \\mathbf, \\boldsymbol, \\mathbb and \\mathcal as styled code points, which MathML Core draws', async () => {
    const html = await mathml(
      '$\\mathbf{W}^{(l)} \\boldsymbol{\\delta} \\mathbb{R}^n \\mathcal{N} \\mathbf{1} \\boldsymbol{\\Delta}$',
    );
    expect(html).toContain('<mi>𝐖</mi>');
    expect(html).toContain('<mi>𝜹</mi>');
    expect(html).toContain('<mi>ℝ</mi>');
    expect(html).toContain('<mi>𝒩</mi>');
    expect(html).toContain('<mn>𝟏</mn>');
    expect(html).toContain('<mi>𝚫</mi>');
    expect(html).not.toContain('mathvariant="bold');
  });

  it('leaves punctuation that KaTeX groups with a styled number as it is', async () => {
    expect(await mathml('$\\mathbf{1}.$')).toContain('<mn>𝟏.</mn>');
  });

  it('keeps mathvariant="normal", which MathML Core does support', async () => {
    expect(await mathml('$\\Delta \\operatorname{ReLU}$')).toContain(
      '<mi mathvariant="normal">Δ</mi>',
    );
  });

  it('sets bold text in a formula with CSS, since text has no styled code points', async () => {
    expect(await mathml('$\\textbf{loss}$')).toContain(
      '<mtext style="font-weight:bold">loss</mtext>',
    );
  });

  it('aligns an aligned block’s columns right and left, and spaces its rows, in each cell', async () => {
    const html = await mathml('$$\n\\begin{aligned} a &= b \\\\ cc &= d \\end{aligned}\n$$');
    const cells = [...html.matchAll(/<mtd style="([^"]*)"/g)].map((match) => match[1]);
    expect(cells).toEqual([
      'text-align:-webkit-right;padding:0 0 0 0',
      'text-align:-webkit-left;padding:0 0 0 0em',
      'text-align:-webkit-right;padding:0.25em 0 0 0',
      'text-align:-webkit-left;padding:0.25em 0 0 0em',
    ]);
    // The attributes stay, for browsers that read them.
    expect(html).toContain(
      '<mtable rowspacing="0.25em" columnalign="right left" columnspacing="0em">',
    );
  });

  it('repeats the last alignment and spacing for further columns, as MathML does', async () => {
    const html = await mathml('$\\begin{cases} x & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$');
    const cells = [...html.matchAll(/<mtd style="([^"]*)"/g)].map((match) => match[1]);
    expect(cells).toEqual([
      'text-align:-webkit-left;padding:0 0 0 0',
      'text-align:-webkit-left;padding:0 0 0 1em',
      'text-align:-webkit-left;padding:0.36em 0 0 0',
      'text-align:-webkit-left;padding:0.36em 0 0 1em',
    ]);
  });

  it('leaves a centred column to the browser, which centres cells itself', async () => {
    const html = await mathml('$\\begin{pmatrix} 1 \\\\ 22 \\end{pmatrix}$');
    const cells = [...html.matchAll(/<mtd style="([^"]*)"/g)].map((match) => match[1]);
    expect(cells).toEqual(['padding:0 0 0 0', 'padding:0.16em 0 0 0']);
  });

  it('fails the build on a letter style Unicode lacks, naming the file and the formula', async () => {
    await expect(render('$\\mathfrak{g}$')).rejects.toThrow(
      /content\/docs\/example\.mdx: Unicode has no fraktur form of "g" \(mathvariant="fraktur" in "g"\)/,
    );
  });

  it('fails the build on a character outside the math font, and says how to add it', async () => {
    const covered = (code: number): boolean =>
      font.ranges.some(([first, last]) => first! <= code && code <= last!);
    expect([covered(0x2295), covered(0x2a00)]).toEqual([true, false]);
    await expect(render('$a \\oplus b$')).resolves.toContain('<mo>⊕</mo>');
    await expect(render('$\\bigodot$')).rejects.toThrow(
      /the math font has no "⨀" \(U\+2A00\), in <mo>⨀<\/mo>\. Add it to CHARACTERS in scripts\/make-math-font\.py/,
    );
  });

  it('spaces a sign as TeX does: none after a relation, a bracket or a comma; around it after a value', async () => {
    const html = await mathml('$$\n(-x) = -y, -z \\quad (a) - b \\quad a - b\n$$');
    expect(html.split('<mo lspace="0" rspace="0">−</mo>')).toHaveLength(4);
    expect(html.split('<mo>−</mo>')).toHaveLength(3);
  });

  it('puts a thin space between a function’s name and its argument, but not before a bracket', async () => {
    const html = await mathml('$\\tanh x + \\tanh(x)$');
    expect(html).toContain('<mi>tanh</mi><mo rspace="0.1667em">\u2061</mo><mi>x</mi>');
    expect(html).toContain('<mi>tanh</mi><mo>\u2061</mo><mo stretchy="false">(</mo>');
  });

  it('cuts an inline formula’s top row into groups that end after a relation or a binary operator', async () => {
    const html = await mathml('$E = \\tfrac12 (t - o)^2 + x, y = -1$');
    const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const groups = [...doc.querySelectorAll('.katex-break')].map((group) => group.textContent);
    expect(html).toContain(
      '<math xmlns="http://www.w3.org/1998/Math/MathML" class="katex-breakable">',
    );
    // E = | ½(t − o)² + | x, y = | −1 : the minus inside the brackets and the sign stay inside.
    expect(groups).toEqual(['E=', '12(t−o)2+', 'x,y=', '−1']);
  });

  it('leaves a formula with nothing to break after whole', async () => {
    expect(await mathml('$x$ and $(a)$ and $f(x, y)$')).not.toContain('katex-break');
  });

  it('cuts display formulas the same way, for exercises to break', async () => {
    const html = await mathml('$$\na = b + c\n$$');
    expect(html).toMatch(/<math [^>]*display="block" class="katex-breakable">/);
    expect(html.match(/class="katex-break"/g)).toHaveLength(3);
  });

  it('wraps display formulas in .katex-display, and leaves inline ones alone', async () => {
    const html = await render('$x$\n\n$$\ny\n$$');
    expect(html).toContain('<p><span class="katex"><math');
    expect(html).toMatch(
      /<span class="katex-display"><span class="katex"><math[^>]*display="block"/,
    );
  });
});
