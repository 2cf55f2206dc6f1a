import { expect, goLive, test, type Page } from './fixtures.ts';
import { checkArithmetic, type Token } from '../../src/live/arithmetic.ts';

/**
 * Every worked formula on a page must check by hand at the precision it shows: the numbers a
 * reader sees, put through the arithmetic the formula writes, give the printed result to within
 * one unit in its last decimal. The formulas are read from KaTeX's MathML, whose numbers the live
 * layer keeps up to date, so this holds for edited values as well as for the defaults.
 */
async function formulas(page: Page): Promise<Token[][]> {
  return page.evaluate(() => {
    const FLAT = new Set([
      'math',
      'semantics',
      'mrow',
      'mstyle',
      'mpadded',
      'mtable',
      'mtr',
      'mtd',
    ]);
    const walk = (el: Element, out: Array<{ kind: string; text?: string }>): void => {
      const tag = el.localName;
      if (tag === 'annotation') return;
      const text = (el.textContent ?? '').trim();
      // A formula's closing full stop or comma ends its last equation (KaTeX sets "." as <mi>).
      if ((tag === 'mi' || tag === 'mo') && /^[.,;]$/.test(text))
        out.push({ kind: 'op', text: ',' });
      // A live number is an HTML span in an <mtext> (src/build/live-math.ts).
      else if (tag === 'mn' || (tag === 'mtext' && el.querySelector(':scope > [data-value]')))
        out.push({ kind: 'num', text });
      else if (tag === 'mo') out.push({ kind: 'op', text });
      else if (FLAT.has(tag)) for (const child of el.children) walk(child, out);
      else out.push({ kind: 'other' });
      // A row of an aligned block ends like a line: the next row starts its own equation
      // unless it continues with "=".
      if (tag === 'mtr') out.push({ kind: 'op', text: ';' });
    };
    return [...document.querySelectorAll('.katex math')].map((math) => {
      const out: Array<{ kind: string; text?: string }> = [];
      walk(math, out);
      // A row that begins with "=" continues the previous one.
      return out.filter((t, i) => !(t.text === ';' && out[i + 1]?.text === '='));
    }) as Token[][];
  });
}

async function failures(page: Page): Promise<{ checked: number; wrong: string[] }> {
  const steps = (await formulas(page)).flatMap((tokens) => checkArithmetic(tokens));
  return {
    checked: steps.length,
    wrong: steps.filter((s) => !s.ok).map((s) => `${s.expression} = ${s.shown} (gives ${s.value})`),
  };
}

for (const [page, query] of [
  ['/chapters/neuron/', ''],
  ['/chapters/neuron/', '?neuron.x2=-1.3&neuron.w3=0.7&neuron.b=-2.4&neuron.act=tanh'],
  ['/chapters/backprop/', ''],
  // The example: an input and a weight with more digits than the formula used to show.
  ['/chapters/backprop/', '?mazur.w5=0.404&mazur.i1=0.054'],
  [
    '/chapters/backprop/',
    '?mazur.w1=-1.37&mazur.w7=2.5&mazur.eta=0.37&mazur.t1=0.9&mazur.b2=-0.25',
  ],
  ['/how-to-read/', '?mazur.w3=0.333&mazur.i2=0.125'],
  ['/chapters/activations/', ''],
  ['/chapters/activations/', '?activations.x=-1.3'],
  ['/chapters/zero-centering/', ''],
  ['/chapters/zero-centering/', '?zigzag.w0=-1.2&zigzag.w1=0.7&zigzag.eta=2'],
  ['/chapters/feedforward/', ''],
  ['/chapters/feedforward/', '?shapes.layers=3&shapes.m0=13&shapes.m1=7&shapes.m2=5&shapes.m3=2'],
  ['/chapters/autodiff/', ''],
  [
    '/chapters/autodiff/',
    '?autodiff.x=0.5&autodiff.w=-1.2&autodiff.b=0.3&autodiff.mode=reverse&autodiff.step=6',
  ],
] as const) {
  test(`worked arithmetic on ${page}${query} checks by hand at the precision shown`, async ({
    page: browser,
  }) => {
    await browser.goto(page + query);
    await goLive(browser);
    await expect(browser.locator('[data-value][aria-busy]')).toHaveCount(0);
    const { checked, wrong } = await failures(browser);
    expect(wrong).toEqual([]);
    // Each page holds at least this many such steps; none may go unchecked by a parsing slip.
    const least: Record<string, number> = {
      '/chapters/backprop/': 10,
      '/chapters/neuron/': 6,
      '/how-to-read/': 1,
    };
    expect(checked).toBeGreaterThanOrEqual(least[page] ?? 1);
  });
}
