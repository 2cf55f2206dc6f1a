import { describe, expect, it } from 'vitest';
import { buildGraph, evaluate, forwardTangents, reverseAdjoints } from '../../engine/autodiff.ts';
import { parseExpression } from '../../engine/expression.ts';
import {
  LAYOUT,
  chainTex,
  consumers,
  layout,
  operationTex,
  partialTex,
  stepOrder,
} from './graph-steps.ts';

const notes = buildGraph(parseExpression('1/(exp(-(w*x+b))+1)'));
const e = evaluate(notes, { x: 1, w: 0, b: 0 });

describe('the notes’ graph, step by step', () => {
  it('writes each operation as the notes do', () => {
    expect(notes.nodes.map((_, i) => operationTex(notes, i))).toEqual([
      'x',
      'w',
      'b',
      'h_{1} = w \\cdot x',
      'h_{2} = h_{1} + b',
      'h_{3} = -h_{2}',
      'h_{4} = \\exp(h_{3})',
      'h_{5} = h_{4} + 1',
      'h_{6} = 1 / h_{5}',
    ]);
    expect(partialTex(notes, 3, 0)).toBe('x');
    expect(partialTex(notes, 6, 0)).toBe('h_{4}');
    expect(partialTex(notes, 8, 1)).toBe('-1/h_{5}^2');
  });

  it('visits inputs then steps in forward mode, and the steps backwards then the inputs in reverse', () => {
    expect(stepOrder(notes, 'forward')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(stepOrder(notes, 'reverse')).toEqual([8, 7, 6, 5, 4, 3, 0, 1, 2]);
    expect(consumers(notes, 1)).toEqual([{ node: 3, k: 0 }]);
  });

  it('writes the chain rule with its numbers: ∂f/∂w = 0.25 either way', () => {
    const tangents = forwardTangents(notes, e, 'w');
    expect(chainTex(notes, e, tangents, 8, 'forward')).toBe(
      '\\dot{h_{6}} = \\frac{\\partial h_{6}}{\\partial h_{5}}\\,\\dot{h_{5}} = (-0.2500) \\cdot (-1.0000) = 0.2500',
    );
    expect(chainTex(notes, e, tangents, 1, 'forward')).toBe(
      '\\dot{w} = \\frac{\\partial w}{\\partial w} = 1.0000',
    );
    const adjoints = reverseAdjoints(notes, e);
    expect(chainTex(notes, e, adjoints, 8, 'reverse')).toBe(
      '\\bar{h_{6}} = \\frac{\\partial f}{\\partial h_{6}} = 1',
    );
    expect(chainTex(notes, e, adjoints, 1, 'reverse')).toBe(
      '\\bar{w} = \\frac{\\partial h_{1}}{\\partial w}\\,\\bar{h_{1}} = 1.0000 \\cdot 0.2500 = 0.2500',
    );
  });

  it('sums over every path when a node is used twice', () => {
    const g = buildGraph(parseExpression('w*w'));
    const ev = evaluate(g, { x: 0, w: 3, b: 0 });
    expect(chainTex(g, ev, reverseAdjoints(g, ev), 0, 'reverse')).toBe(
      '\\bar{w} = \\frac{\\partial h_{1}}{\\partial w}\\,\\bar{h_{1}} + \\frac{\\partial h_{1}}{\\partial w}\\,\\bar{h_{1}} = 3.0000 \\cdot 1.0000 + 3.0000 \\cdot 1.0000 = 6.0000',
    );
  });
});

describe('layout()', () => {
  it('puts the inputs on top and each step a row below its deepest operand', () => {
    const { placed, height } = layout(notes);
    const top = LAYOUT.margin + LAYOUT.nodeH / 2;
    expect(placed.slice(0, 3).map((p) => p.y)).toEqual([top, top, top]);
    expect(placed.slice(3).map((p) => p.y)).toEqual(
      [1, 2, 3, 4, 5, 6].map((row) => top + row * LAYOUT.row),
    );
    expect(height).toBe(2 * LAYOUT.margin + LAYOUT.nodeH + 6 * LAYOUT.row);
  });

  it('puts a step under the middle of its operands, so that its edges stay short', () => {
    const { placed } = layout(notes);
    const x = (i: number) => placed[i]!.x;
    // h1 = w·x between x and w; h2 = h1 + b between them; h3…h6 straight below h2.
    expect(x(3)).toBeCloseTo((x(0) + x(1)) / 2, 9);
    expect(x(4)).toBeCloseTo((x(3) + x(2)) / 2, 9);
    for (const i of [5, 6, 7, 8]) expect(x(i)).toBe(x(4));
  });

  it('never lets two boxes overlap, wrapping a crowded row onto a second line', () => {
    const wide = buildGraph(parseExpression('sin(x) + cos(w) + exp(b) + tanh(x) + log(w)'));
    const { placed } = layout(wide);
    for (const a of placed) {
      expect(a.x - LAYOUT.nodeW / 2).toBeGreaterThanOrEqual(0);
      expect(a.x + LAYOUT.nodeW / 2).toBeLessThanOrEqual(LAYOUT.width);
      for (const b of placed) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= LAYOUT.nodeW || Math.abs(a.y - b.y) >= LAYOUT.nodeH;
        expect(apart, `${a.index} and ${b.index}`).toBe(true);
      }
    }
  });
});
