import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { figureState, graphSvg, plain, stepTable, stepTex, type FigureParams } from './figure.ts';
import { doneText, stepWords } from './words.ts';

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
    expect(state.problem).toBe(
      'f is not defined here: h1 = log(x) is not a finite number at this point.',
    );
    expect(state.carried.every((c) => Number.isNaN(c))).toBe(true);
    expect(stepTex(state).chain).toBe('');
    expect(doneText({ ...state, step: state.order.length })).toBeUndefined();
  });

  it('tells a point with a value but no derivative from one with no value', () => {
    const root = figureState({ ...notes, fn: 'x^0.5', x: 0 });
    expect(root.evaluation.output).toBe(0);
    expect(root.problem).toBe(
      'f has no derivative here: h1 = x^0.5 has no finite derivative at this point.',
    );
    // Defined, with a derivative, but the central differences would step outside the domain.
    const edge = figureState({ ...notes, fn: 'log(x)', x: 0.000001 });
    expect(edge.problem).toMatch(/^f is not defined at a point within 0.00001 of this one/);
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
    const table = stepTable(document, figureState({ ...notes, step: 4 }), 'caption');
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
    );
    const w = table.querySelectorAll('tbody tr')[1]!;
    expect(w.querySelector('.autodiff__bar')?.textContent).toBe('w');
    expect(w.querySelector('.sr-only')?.textContent).toBe('w bar');
    expect(w.textContent).toContain('= 0.2500');
  });
});

describe('the words', () => {
  it('says a step with its operation, value and derivative', () => {
    expect(stepWords(figureState({ ...notes, step: 9 }))).toBe(
      'Step 9 of 9, forward mode, seeded on w: h6 = 1 / h5 = 0.5000; its tangent ∂h6/∂w = 0.2500.',
    );
    expect(stepWords(figureState({ ...notes, mode: 'reverse', step: 2 }))).toBe(
      'Step 2 of 9, reverse mode: h5 = h4 + 1 = 2.0000; its adjoint ∂f/∂h5 = −0.2500.',
    );
  });

  it('says what a finished pass gives: one derivative forward, all of them in reverse', () => {
    expect(doneText(figureState({ ...notes, step: 9 }))).toContain('∂f/∂w = 0.2500');
    expect(doneText(figureState({ ...notes, step: 8 }))).toBeUndefined();
    expect(doneText(figureState({ ...notes, mode: 'reverse', step: 9 }))).toBe(
      'The pass is complete: the inputs’ adjoints are ∂f/∂x = 0.0000, ∂f/∂w = 0.2500, ∂f/∂b = 0.2500, all from this one pass.',
    );
  });

  it('writes subscripts and bars as a screen reader gets them', () => {
    expect(plain(['h', { sub: '3' }, ' = ', { bar: 'w' }])).toBe('h3 = w\u0304');
  });
});
