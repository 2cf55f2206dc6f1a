import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { mazurParams, mazurWorkedExample } from '../engine/mazur.ts';
import { formatNumber } from '../live/format.ts';
import { rehypeLiveMath, remarkLiveMath } from './live-math.ts';
import rehypeMathErrors from './rehype-math-errors.ts';

// The same plugin order as astro.config.mjs.
function render(markdown: string, models?: Record<string, unknown>): Promise<string> {
  const file = new VFile({ path: 'content/docs/example.mdx', value: markdown });
  // Astro hands a page's frontmatter to the plugins here.
  if (models) file.data = { astro: { frontmatter: { models } } };
  return unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkLiveMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'mathml' })
    .use(rehypeMathErrors)
    .use(rehypeLiveMath)
    .use(rehypeStringify)
    .process(file)
    .then(String);
}

const E = mazurWorkedExample().E!;

describe('\\live in math', () => {
  it('renders the engine’s default value as a MathML number and in the TeX annotation', async () => {
    const html = await render('Error: $E = \\live{mazur.E}$.');
    const text = formatNumber(E, { digits: 4 });
    expect(text).toBe('0.2984');
    expect(html).toContain(`data-value="mazur.E"`);
    expect(html).toContain(`data-raw="${String(E)}"`);
    expect(html).toMatch(
      new RegExp(
        `<mtext><span class="live-math" data-value="mazur\\.E"[^>]*>${text}</span></mtext>`,
      ),
    );
    expect(html).toContain(`E = ${text}</annotation>`);
    expect(html).not.toContain('LIVEq');
  });

  it('takes the number of digits in brackets and writes negatives with a math minus', async () => {
    const html = await render(
      '$\\live[2]{mazur.w5} \\quad \\live[6]{mazur.dE_dw5} \\quad \\live{mazur.delta_o2}$',
    );
    const deltaO2 = mazurWorkedExample().delta_o2!;
    expect(deltaO2).toBeLessThan(0);
    expect(html).toContain(`>\u2212${formatNumber(-deltaO2, { digits: 4 })}</span>`);
    expect(html).toContain('>0.40</span>');
    expect(html).toContain('>0.082167</span>');
    expect(html).toContain('data-digits="6"');
  });

  it('shows every digit a parameter has, but rounds a derived value to the digits asked for', async () => {
    const html = await render(
      '$\\live[2]{mazur.w5} \\quad \\live[2]{mazur.i1} \\quad \\live[2]{mazur.net_h1}$',
      { mazur: { w5: 0.404, i1: 0.054 } },
    );
    const netH1 = mazurWorkedExample({ ...mazurParams, w5: 0.404, i1: 0.054 }).net_h1!;
    expect(html).toContain('>0.404</span>');
    expect(html).toContain('>0.054</span></mtext>');
    expect(html).toContain(`>${formatNumber(netH1, { digits: 2 })}</span>`);
    expect(html).toContain('0.404 \\quad 0.054');
  });

  it('fails the build on an unknown model or value, naming the file and line', async () => {
    await expect(render('A\n\n$\\live{mazr.E}$')).rejects.toThrow(
      /content\/docs\/example\.mdx:3: \\live\{mazr\.E\}="mazr\.E": there is no model "mazr"/,
    );
    await expect(render('$\\live{mazur.Error}$')).rejects.toThrow(
      /model "mazur" has no value "Error"/,
    );
  });

  it('fails the build on digits that are not a whole number from 0 to 10', async () => {
    await expect(render('$\\live[x]{mazur.E}$')).rejects.toThrow(
      /\[digits\]="x" must be a whole number/,
    );
    await expect(render('$\\live[11]{mazur.E}$')).rejects.toThrow(
      /\[digits\]=11 must be a whole number/,
    );
  });
});
