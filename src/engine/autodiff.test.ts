import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  centralDifference,
  domainProblem,
  evaluate,
  forwardTangents,
  reverseAdjoints,
} from './autodiff.ts';
import { parseExpression, VARIABLES } from './expression.ts';

const graphOf = (source: string) => buildGraph(parseExpression(source));

describe('the notes’ graph of f(x; w, b) = 1/(exp(−(wx + b)) + 1)', () => {
  const graph = graphOf('1/(exp(-(w*x+b))+1)');
  const at = { x: 1, w: 0, b: 0 };
  const e = evaluate(graph, at);

  it('has their six steps, h1 = wx … h6 = 1/h5, after the inputs x, w, b', () => {
    const steps = graph.nodes.filter((n) => n.kind === 'step');
    expect(steps.map((n) => `${n.name} ${n.op}`)).toEqual([
      'h1 mul',
      'h2 add',
      'h3 neg',
      'h4 exp',
      'h5 add',
      'h6 div',
    ]);
    expect(graph.nodes.slice(0, 3).map((n) => (n.kind === 'input' ? n.name : ''))).toEqual([
      'x',
      'w',
      'b',
    ]);
    expect(e.values.slice(3)).toEqual([0, 0, -0, 1, 2, 0.5]);
  });

  it('gives their forward-mode tangents with respect to w: 1, 1, −1, −1, −1, 0.25', () => {
    expect(forwardTangents(graph, e, 'w').slice(3)).toEqual([1, 1, -1, -1, -1, 0.25]);
  });

  it('gives their reverse-mode adjoints, and ∂f/∂w = 0.25 from one pass', () => {
    const adjoints = reverseAdjoints(graph, e);
    // ∂f/∂h1 … ∂f/∂h6.
    expect(adjoints.slice(3)).toEqual([0.25, 0.25, -0.25, -0.25, -0.25, 1]);
    // ∂f/∂x, ∂f/∂w, ∂f/∂b, all from the same pass.
    expect(adjoints.slice(0, 3)).toEqual([0, 0.25, 0.25]);
  });
});

describe('both modes on functions a reader might type', () => {
  const cases = [
    'sigmoid(w*x + b)',
    'tanh(w x + b)^2',
    'max(0, w*x + b) * x',
    'log(1 + exp(w*x)) - b/x',
    'sin(w) * cos(x) + x^w',
    'w*w*x + 3*w',
    '2^x + x^3 - e^(b*x)',
  ];
  const at = { x: 0.7, w: -1.3, b: 0.4 };
  for (const source of cases) {
    it(`agree with each other and with central differences: ${source}`, () => {
      const graph = graphOf(source);
      const e = evaluate(graph, at);
      expect(domainProblem(graph, e)).toBeUndefined();
      const adjoints = reverseAdjoints(graph, e);
      graph.nodes.forEach((node, i) => {
        if (node.kind !== 'input') return;
        const forward = forwardTangents(graph, e, node.name);
        const out = 'node' in graph.output ? forward[graph.output.node]! : 0;
        expect(out).toBeCloseTo(adjoints[i]!, 12);
        expect(out).toBeCloseTo(centralDifference(graph, at, node.name), 6);
      });
    });
  }
});

describe('edge cases', () => {
  it('counts a variable used twice once, and adds both paths in each mode', () => {
    const graph = graphOf('w*w');
    expect(graph.nodes.filter((n) => n.kind === 'input')).toHaveLength(1);
    const e = evaluate(graph, { x: 0, w: 3, b: 0 });
    expect(forwardTangents(graph, e, 'w')[1]).toBe(6);
    expect(reverseAdjoints(graph, e)[0]).toBe(6);
  });

  it('has no steps for a bare input or constant, and a zero derivative for an absent input', () => {
    const graph = graphOf('x');
    expect(graph.nodes).toEqual([{ kind: 'input', name: 'x' }]);
    expect(evaluate(graph, { x: 2, w: 0, b: 0 }).output).toBe(2);
    expect(graphOf('3').nodes).toEqual([]);
    expect(
      VARIABLES.map((v) => centralDifference(graphOf('x*x'), { x: 1, w: 5, b: 5 }, v)),
    ).toEqual([expect.closeTo(2, 8), 0, 0]);
  });

  it('names the first step that leaves the numbers', () => {
    const graph = graphOf('log(x - 1) + 1/b');
    expect(domainProblem(graph, evaluate(graph, { x: 0.5, w: 0, b: 1 }))).toEqual({
      node: 3,
      message: 'h2 is not a finite number here.',
    });
    expect(domainProblem(graph, evaluate(graph, { x: 2, w: 0, b: 0 }))?.message).toBe(
      'h3 is not a finite number here.',
    );
  });

  it('refuses a graph too large to draw', () => {
    expect(() => graphOf(Array.from({ length: 42 }, () => 'x').join('+'))).toThrow(/more than 40/);
  });
});
