import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Graph, forwardMode, reverseMode } from './graph.ts';
import type { OpId } from './graph.ts';
import { buildMazurGraph, buildSigmoidExample } from './graph-examples.ts';
import { mazurWorkedExample } from './mazur.ts';
import { centralDifference, expectClose } from './test-utils.ts';

const FC = { seed: 42, numRuns: 200 } as const;

describe("the chapter's example f(x; w, b) = 1/(exp(−(w·x + b)) + 1)", () => {
  const { graph, ids } = buildSigmoidExample({ x: 1, w: 0, b: 0 });
  const h = [ids.h1, ids.h2, ids.h3, ids.h4, ids.h5, ids.h6];

  test('buildSigmoidExample() at x = 1, w = 0, b = 0 gives h1…h6 = 0, 0, 0, 1, 2, 0.5 with the documented ops', () => {
    expect(h.map((id) => graph.value(id))).toEqual([0, 0, -0, 1, 2, 0.5]);
    expect(h.map((id) => graph.node(id).op)).toEqual([
      'mul',
      'add',
      'neg',
      'exp',
      'add',
      'reciprocal',
    ]);
    expect(h.map((id) => graph.node(id).label)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
  });

  test('forwardMode() with respect to w gives tangents ∂h1/∂w … ∂h6/∂w = 1, 1, −1, −1, −1, 0.25', () => {
    const rec = forwardMode(graph, ids.w);
    expectClose(
      h.map((id) => rec[id]!.tangent),
      [1, 1, -1, -1, -1, 0.25],
      0,
    );
  });

  test('reverseMode() from h6 gives adjoints ∂f/∂h6 … ∂f/∂h1 = 1, −0.25, −0.25, −0.25, 0.25, 0.25 and ∂f/∂w = 0.25', () => {
    const rec = reverseMode(graph, ids.h6);
    expectClose(
      [...h].reverse().map((id) => rec[id]!.adjoint),
      [1, -0.25, -0.25, -0.25, 0.25, 0.25],
      0,
    );
    expect(rec[ids.w]!.adjoint).toBe(0.25);
    expect(rec[ids.b]!.adjoint).toBe(0.25);
    expect(forwardMode(graph, ids.b)[ids.h6]!.tangent).toBe(0.25);
    // records carry the local derivatives a widget shows: ∂h6/∂h5 = −1/h5² = −0.25
    expect(rec[ids.h6]!.local).toEqual([-0.25]);
  });
});

/** One step of a random expression: an op applied to earlier nodes (indices wrap around). */
interface Instr {
  readonly op: Exclude<OpId, 'input' | 'const'>;
  readonly a: number;
  readonly b: number;
  readonly p: number;
}

const instrArb: fc.Arbitrary<Instr> = fc.record({
  op: fc.constantFrom<Instr['op']>(
    'add',
    'mul',
    'neg',
    'exp',
    'reciprocal',
    'sigmoid',
    'tanh',
    'relu',
    'log',
    'pow',
  ),
  a: fc.nat(),
  b: fc.nat(),
  p: fc.constantFrom(2, 3, 0.5, -1.5),
});

/**
 * Build a random DAG over inputs x0, x1, x2 (nodes are reused, so sharing is common). log,
 * reciprocal and fractional/negative powers get a positive argument u² + 0.5 so the graph is
 * defined everywhere; the output is the last node.
 */
function buildRandom(values: readonly number[], instrs: readonly Instr[]) {
  const g = new Graph();
  const inputs = values.map((v, i) => g.input(`x${i}`, v));
  const nodes = [...inputs];
  const half = g.constant(0.5);
  const positive = (u: number) => g.add(g.mul(u, u), half);
  const relus: number[] = [];
  for (const { op, a, b, p } of instrs) {
    const u = nodes[a % nodes.length]!;
    const v = nodes[b % nodes.length]!;
    let id: number;
    if (op === 'add' || op === 'mul') id = g[op](u, v);
    else if (op === 'log' || op === 'reciprocal') id = g[op](positive(u));
    else if (op === 'pow') id = Number.isInteger(p) ? g.pow(u, p) : g.pow(positive(u), p);
    else id = g[op](u);
    if (op === 'relu') relus.push(u);
    nodes.push(id);
  }
  return { g, inputs, out: nodes[nodes.length - 1]!, relus };
}

describe('random expression graphs', () => {
  const valuesArb = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
    minLength: 3,
    maxLength: 3,
  });
  const instrsArb = fc.array(instrArb, { minLength: 1, maxLength: 10 });

  test('forward and reverse mode agree with each other and with central differences (h = 1e-6, tol 1e-5 abs + 1e-5 rel)', () => {
    fc.assert(
      fc.property(valuesArb, instrsArb, (values, instrs) => {
        const { g, inputs, out, relus } = buildRandom(values, instrs);
        // stay away from ReLU's kink and from values so large that differences lose precision
        fc.pre(relus.every((id) => Math.abs(g.value(id)) > 1e-3));
        fc.pre(g.nodes.every((n) => Math.abs(n.value) < 1e3));
        const adj = g.adjoints(out);
        inputs.forEach((x, i) => {
          const tangent = g.tangents(x)[out]!;
          expectClose(adj[x]!, tangent, { abs: 1e-12, rel: 1e-10 });
          const f = (v: Float64Array) => buildRandom(Array.from(v), instrs).g.value(out);
          const fd = centralDifference(f, Float64Array.from(values), i, 1e-6);
          expectClose(adj[x]!, fd, { abs: 1e-5, rel: 1e-5 });
        });
      }),
      FC,
    );
  });

  test('forwardMode() and reverseMode() list every node in topological order (inputs have smaller ids)', () => {
    fc.assert(
      fc.property(valuesArb, instrsArb, (values, instrs) => {
        const { g, inputs, out } = buildRandom(values, instrs);
        const fwd = forwardMode(g, inputs[0]!);
        const rev = reverseMode(g, out);
        expect(fwd.map((r) => r.id)).toEqual(g.nodes.map((n) => n.id));
        expect(rev.map((r) => r.id)).toEqual(g.nodes.map((n) => n.id));
        for (const r of rev) for (const i of r.inputs) expect(i).toBeLessThan(r.id);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('operations', () => {
  const unary: [string, (g: Graph, a: number) => number, (x: number) => number][] = [
    ['neg', (g, a) => g.neg(a), (x) => -x],
    ['exp', (g, a) => g.exp(a), Math.exp],
    ['reciprocal', (g, a) => g.reciprocal(a), (x) => 1 / x],
    ['sigmoid', (g, a) => g.sigmoid(a), (x) => 1 / (1 + Math.exp(-x))],
    ['tanh', (g, a) => g.tanh(a), Math.tanh],
    ['relu', (g, a) => g.relu(a), (x) => Math.max(0, x)],
    ['log', (g, a) => g.log(a), Math.log],
    ['pow 2.5', (g, a) => g.pow(a, 2.5), (x) => x ** 2.5],
  ];

  test.each(unary)(
    '%s: value and local derivative match the formula and a central difference',
    (_name, op, f) => {
      fc.assert(
        fc.property(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.boolean(), (m, negative) => {
          const x = _name === 'log' || _name.startsWith('pow') || !negative ? m : -m;
          const g = new Graph();
          const id = op(g, g.input('x', x));
          const node = g.node(id);
          expectClose(node.value, f(x), { abs: 1e-15, rel: 1e-14 });
          const fd = centralDifference((v) => f(v[0]!), Float64Array.of(x), 0, 1e-6);
          expectClose(node.local[0]!, fd, { abs: 1e-7, rel: 1e-6 });
        }),
        { seed: 42, numRuns: 50 },
      );
    },
  );

  test('add and mul have local derivatives [1, 1] and [b, a]', () => {
    const g = new Graph();
    const a = g.input('a', 3);
    const b = g.input('b', -4);
    expect(g.node(g.add(a, b)).local).toEqual([1, 1]);
    expect(g.node(g.mul(a, b)).local).toEqual([-4, 3]);
  });

  test('reverseMode() accumulates adjoints over every use of a shared node (mul(a, a) → 2a, add(x, x) → 2)', () => {
    const g = new Graph();
    const a = g.input('a', 3);
    const sq = g.mul(a, a);
    expect(g.adjoints(sq)[a]).toBe(6);
    const twice = g.add(a, a);
    expect(g.adjoints(twice)[a]).toBe(2);
    // nodes the output does not depend on get 0 (here sq, built before twice)
    expect(g.adjoints(twice)[sq]).toBe(0);
    expect(g.tangents(a)[sq]).toBe(6);
  });

  test('domain errors throw naming the node; pow takes a constant exponent; bad ids are rejected', () => {
    const g = new Graph();
    const x = g.input('x', -2);
    const n = g.neg(g.input('y', 1), 'h3');
    expect(() => g.log(n)).toThrow('Graph.log(): input h3 is -1; log needs a value ≥ 0');
    expect(() => g.pow(x, 0.5)).toThrow(
      'Graph.pow(): input x is -2; a negative base needs an integer exponent',
    );
    expect(g.value(g.pow(x, 3))).toBe(-8);
    expect(() => g.pow(x, Number.NaN)).toThrow('Graph.pow(): exponent must be a finite number');
    expect(() => g.add(x, 99)).toThrow('Graph.add(): b must be a node id from 0 to');
    expect(() => g.input('z', Number.NaN)).toThrow("Graph.input(): value of 'z' is NaN");
    expect(() => g.tangents(n)).toThrow('is not an input');
  });

  test('values saturate at ±Number.MAX_VALUE: exp(1e6) is MAX_VALUE and the example at w·x + b = −1e6 has no NaN', () => {
    const g = new Graph();
    expect(g.value(g.exp(g.input('big', 1e6)))).toBe(Number.MAX_VALUE);
    expect(g.value(g.log(g.constant(0)))).toBe(-Number.MAX_VALUE);
    expect(g.value(g.reciprocal(g.constant(0)))).toBe(Number.MAX_VALUE);
    for (const [w, b] of [
      [-1e6, 0],
      [1e6, 0],
      [Infinity, -Infinity],
    ] as const) {
      const ex = buildSigmoidExample({ x: 1, w, b });
      const records = [...forwardMode(ex.graph, ex.ids.w), ...reverseMode(ex.graph, ex.ids.h6)];
      for (const r of records) {
        expect(Number.isNaN(r.value)).toBe(false);
        expect(r.local.some(Number.isNaN)).toBe(false);
        expect(Number.isNaN('tangent' in r ? r.tangent : r.adjoint)).toBe(false);
      }
    }
  });
});

describe("Mazur's network as a graph", () => {
  test('buildMazurGraph() values and reverse-mode gradients equal mazurWorkedExample()', () => {
    const r = mazurWorkedExample();
    const { graph, ids } = buildMazurGraph();
    for (const key of [
      'net_h1',
      'out_h1',
      'out_h2',
      'out_o1',
      'out_o2',
      'E_o1',
      'E_o2',
      'E',
    ] as const) {
      expectClose(graph.value(ids[key]), r[key]!, 1e-15);
    }
    const adj = graph.adjoints(ids.E);
    for (let k = 1; k <= 8; k++) {
      expectClose(adj[ids[`w${k}` as 'w1']]!, r[`dE_dw${k}`]!, { abs: 1e-17, rel: 1e-14 });
    }
    expectClose(adj[ids.b1]!, r.dE_db1!, 1e-15);
  });
});
