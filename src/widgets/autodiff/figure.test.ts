import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { figureState, graphSvg, plain, stepTable, stepTex, type FigureParams } from './figure.ts';
import { autodiffWords, doneText, positionText, problemText, stepWords } from './words.ts';

const en = autodiffWords.en;
const zh = autodiffWords['zh-CN'];

const notes: FigureParams = {
  fn: '1/(exp(-(w*x+b))+1)',
  x: 1,
  w: 0,
  b: 0,
  mode: 'forward',
  seed: 'w',
  step: 1,
};
const { document } = parseHTML('<!doctype html><html><body></body></html>');

describe('figureState()', () => {
  it('starts on the first input in forward mode, and the backward pass on the output', () => {
    const forward = figureState(notes);
    expect(forward.current).toBe(0);
    expect([...forward.visited]).toEqual([0]);
    const reverse = figureState({ ...notes, mode: 'reverse' });
    expect(reverse.current).toBe(8);
    expect(reverse.carried[8]).toBe(1);
  });

  it('keeps a step past the end (a link made for a longer function) on the last step', () => {
    const state = figureState({ ...notes, step: 40 });
    expect(state.step).toBe(9);
    expect(state.visited.size).toBe(9);
    expect(figureState({ ...notes, step: 0 }).step).toBe(1);
  });

  it('reproduces the notes: tangents 1, 1, −1, −1, −1, 0.25 and adjoints down to ∂f/∂w = 0.25', () => {
    const forward = figureState(notes).carried.slice(3);
    expect(forward.map((t) => Number(t.toFixed(4)))).toEqual([1, 1, -1, -1, -1, 0.25]);
    const reverse = figureState({ ...notes, mode: 'reverse' }).carried;
    expect([7, 6, 5, 4, 3, 1].map((i) => Number(reverse[i]!.toFixed(4)))).toEqual([
      -0.25, -0.25, -0.25, 0.25, 0.25, 0.25,
    ]);
  });

  it('says where the function is not defined, with the step that fails', () => {
    const state = figureState({ ...notes, fn: 'log(x) + w', x: -1 });
    expect(problemText(state.problem!, en)).toBe(
      'f is not defined here: h1 = log(x) is not a finite number at this point.',
    );
    expect(state.carried.every((c) => Number.isNaN(c))).toBe(true);
    expect(stepTex(state).chain).toBe('');
    expect(doneText({ ...state, step: state.order.length }, en)).toBeUndefined();
  });

  it('tells a point with a value but no derivative from one with no value', () => {
    const root = figureState({ ...notes, fn: 'x^0.5', x: 0 });
    expect(root.evaluation.output).toBe(0);
    expect(problemText(root.problem!, en)).toBe(
      'f has no derivative here: h1 = x^0.5 has no finite derivative at this point.',
    );
    // Defined, with a derivative, but the central differences would step outside the domain.
    const edge = figureState({ ...notes, fn: 'log(x)', x: 0.000001 });
    expect(problemText(edge.problem!, en)).toMatch(
      /^f is not defined at a point within 0.00001 of this one/,
    );
    expect(figureState({ ...notes, fn: 'log(x)', x: 0.5 }).problem).toBeUndefined();
  });
});

describe('the drawing and the table', () => {
  it('draws a box per node and an arrow per operand, and marks the current node', () => {
    const svg = graphSvg(document, figureState({ ...notes, step: 5 }));
    expect(svg.querySelectorAll('.autodiff__node')).toHaveLength(9);
    // w→h1, x→h1, h1→h2, b→h2, then h2→h3→h4→h5→h6.
    expect(svg.querySelectorAll('path.autodiff__edge')).toHaveLength(8);
    const current = svg.querySelector('.is-current');
    expect(current?.getAttribute('data-index')).toBe('4');
    expect(current?.textContent).toContain('h2 = h1 + b');
    // Forward mode at h2: the arrows from its operands h1 and b are the ones in use.
    expect(svg.querySelectorAll('path.autodiff__edge.is-active')).toHaveLength(2);
    // Tangents only on the nodes visited so far.
    expect(svg.querySelectorAll('.autodiff__carried')).toHaveLength(5);
    expect(svg.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('lists every node, with "not yet" where the mode has not arrived', () => {
    const table = stepTable(document, figureState({ ...notes, step: 4 }), 'caption', en);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(9);
    expect(rows[3]!.getAttribute('aria-current')).toBe('step');
    expect(rows[3]!.textContent).toContain('ḣ1 = 1.0000');
    expect(rows[4]!.textContent).toContain('not yet');
    expect(table.querySelector('thead')?.textContent).toContain('Tangent ḣ = ∂h/∂w');
  });

  it('writes a reverse step’s adjoint with a bar, read as "bar"', () => {
    const table = stepTable(
      document,
      figureState({ ...notes, mode: 'reverse', step: 9 }),
      'caption',
      en,
    );
    const w = table.querySelectorAll('tbody tr')[1]!;
    expect(w.querySelector('.autodiff__bar')?.textContent).toBe('w');
    expect(w.querySelector('.sr-only')?.textContent).toBe('w bar');
    expect(w.textContent).toContain('= 0.2500');
  });
});

describe('the words', () => {
  it('says a step with its operation, value and derivative', () => {
    expect(stepWords(figureState({ ...notes, step: 9 }), en)).toBe(
      'Step 9 of 9, forward mode, seeded on w: h6 = 1 / h5 = 0.5000; its tangent ∂h6/∂w = 0.2500.',
    );
    expect(stepWords(figureState({ ...notes, mode: 'reverse', step: 2 }), en)).toBe(
      'Step 2 of 9, reverse mode: h5 = h4 + 1 = 2.0000; its adjoint ∂f/∂h5 = −0.2500.',
    );
  });

  it('says what a finished pass gives: one derivative forward, all of them in reverse', () => {
    expect(doneText(figureState({ ...notes, step: 9 }), en)).toContain('∂f/∂w = 0.2500');
    expect(doneText(figureState({ ...notes, step: 8 }), en)).toBeUndefined();
    expect(doneText(figureState({ ...notes, mode: 'reverse', step: 9 }), en)).toBe(
      'The pass is complete: the inputs’ adjoints are ∂f/∂x = 0.0000, ∂f/∂w = 0.2500, ∂f/∂b = 0.2500, all from this one pass.',
    );
  });

  it('writes subscripts and bars as a screen reader gets them', () => {
    expect(plain(['h', { sub: '3' }, ' = ', { bar: 'w' }])).toBe('h3 = w\u0304');
  });

  it('says where the reader is and announces a step with what the pass gave', () => {
    expect(positionText(figureState(notes), en)).toBe('Step 1 of 9, forward mode, seeded on w');
    const last = figureState({ ...notes, step: 9 });
    expect(en.announceStep(stepWords(last, en), doneText(last, en))).toBe(
      'Step 9 of 9, forward mode, seeded on w: h6 = 1 / h5 = 0.5000; its tangent ∂h6/∂w = 0.2500. The pass is complete: its last tangent is ∂f/∂w = 0.2500. Another seed needs another pass.',
    );
    const first = figureState(notes);
    expect(en.announceStep(stepWords(first, en), doneText(first, en))).toBe(
      'Step 1 of 9, forward mode, seeded on w: x = 1.0000; its tangent ∂x/∂w = 0.0000.',
    );
  });
});

describe('the words in Chinese', () => {
  it('says a step, its position and a finished pass', () => {
    expect(positionText(figureState({ ...notes, step: 4 }), zh)).toBe(
      '第 4 步（共 9 步），前向模式，种子设在 w 上',
    );
    expect(stepWords(figureState({ ...notes, step: 9 }), zh)).toBe(
      '第 9 步（共 9 步），前向模式，种子设在 w 上：h6 = 1 / h5 = 0.5000；切线值 ∂h6/∂w = 0.2500。',
    );
    expect(stepWords(figureState({ ...notes, mode: 'reverse', step: 2 }), zh)).toBe(
      '第 2 步（共 9 步），反向模式：h5 = h4 + 1 = 2.0000；伴随值 ∂f/∂h5 = −0.2500。',
    );
    expect(doneText(figureState({ ...notes, mode: 'reverse', step: 9 }), zh)).toBe(
      '这一遍计算完成：各输入的伴随值为 ∂f/∂x = 0.0000，∂f/∂w = 0.2500，∂f/∂b = 0.2500，全部来自这一遍。',
    );
    const last = figureState({ ...notes, step: 9 });
    expect(zh.announceStep(stepWords(last, zh), doneText(last, zh))).toBe(
      '第 9 步（共 9 步），前向模式，种子设在 w 上：h6 = 1 / h5 = 0.5000；切线值 ∂h6/∂w = 0.2500。这一遍计算完成：最后一个切线值就是 ∂f/∂w = 0.2500。换一个种子，就要再算一遍。',
    );
  });

  it('says a problem once, with one full stop', () => {
    const state = figureState({ ...notes, fn: 'log(x) + w', x: -1 });
    expect(stepWords(state, zh)).toBe(
      '第 1 步（共 4 步），前向模式，种子设在 w 上：x = −1.0000；f 在此处没有定义：h1 = log(x) 在这一点不是有限的数。',
    );
  });

  it('heads and fills the step table in Chinese', () => {
    const table = stepTable(document, figureState({ ...notes, step: 4 }), 'caption', zh);
    const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headings).toEqual(['节点', '运算', '值', '切线值 ḣ = ∂h/∂w']);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows[0]!.textContent).toContain('输入');
    expect(rows[4]!.textContent).toContain('尚未算出');
    const reverse = stepTable(
      document,
      figureState({ ...notes, mode: 'reverse', step: 9 }),
      'caption',
      zh,
    );
    expect(reverse.querySelector('.sr-only')?.textContent).toBe('x 横');
  });
});
