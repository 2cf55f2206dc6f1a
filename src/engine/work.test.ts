import { describe, expect, test } from 'vitest';
import { Graph } from './graph.ts';
import { buildMazurGraph } from './graph-examples.ts';
import { gradientWork } from './work.ts';

/** A dense sigmoid network with per-neuron biases, built node by node as buildMazurGraph() does. */
function denseGraph(sizes: readonly number[]): { graph: Graph; params: number[] } {
  const g = new Graph();
  const params: number[] = [];
  let layer = Array.from({ length: sizes[0]! }, (_, i) => g.input(`x${i}`, 0.1 * (i + 1)));
  for (let l = 1; l < sizes.length; l++) {
    const next: number[] = [];
    for (let j = 0; j < sizes[l]!; j++) {
      let sum = -1;
      layer.forEach((x, k) => {
        const w = g.input(`w${l}_${j}_${k}`, 0.05 * (j - k));
        params.push(w);
        const product = g.mul(w, x);
        sum = sum < 0 ? product : g.add(sum, product);
      });
      const b = g.input(`b${l}_${j}`, 0.1);
      params.push(b);
      next.push(g.sigmoid(g.add(sum, b)));
    }
    layer = next;
  }
  const half = g.constant(0.5);
  const errors = layer.map((out, j) => {
    const t = g.input(`t${j}`, 0.5);
    return g.mul(half, g.pow(g.add(t, g.neg(out)), 2));
  });
  errors.reduce((a, b) => g.add(a, b));
  return { graph: g, params };
}

const operations = (g: Graph) => g.nodes.filter((n) => n.op !== 'input' && n.op !== 'const').length;
const edges = (g: Graph) => g.nodes.reduce((s, n) => s + n.inputs.length, 0);

describe('gradientWork()', () => {
  test('counts the operations and edges of graphs built with graph.ts', () => {
    for (const sizes of [
      [1, 1],
      [2, 2, 2],
      [3, 5, 1],
      [4, 3, 3, 2],
    ]) {
      const { graph, params } = denseGraph(sizes);
      const work = gradientWork(sizes);
      expect(work.forward, String(sizes)).toBe(operations(graph));
      expect(work.edges, String(sizes)).toBe(edges(graph));
      expect(work.params, String(sizes)).toBe(params.length);
    }
  });

  test("counts Mazur's graph, whose layers share one bias each", () => {
    const { graph } = buildMazurGraph();
    const work = gradientWork([2, 2, 2], 'shared');
    expect(work.forward).toBe(operations(graph));
    expect(work.edges).toBe(edges(graph));
    expect(work.params).toBe(10);
  });

  test('reverse mode costs a small multiple of a forward pass; the others grow with the parameters', () => {
    const small = gradientWork([2, 2, 2]);
    const large = gradientWork([100, 100, 100, 10]);
    for (const w of [small, large]) {
      expect(w.reverse).toBe(w.forward + w.edges);
      expect(w.reverse / w.forward).toBeLessThan(4);
      expect(w.centralDifferences).toBe(2 * w.params * w.forward);
      expect(w.forwardMode).toBe(w.forward + w.params * w.edges);
    }
    expect(large.centralDifferences / large.reverse).toBeGreaterThan(10_000);
  });

  test('rejects sizes that are not a list of whole positive numbers', () => {
    expect(() => gradientWork([2])).toThrow(/at least an input and an output/);
    expect(() => gradientWork([2, 0])).toThrow(/whole number/);
    expect(() => gradientWork([2, 1.5])).toThrow(/whole number/);
    expect(() => gradientWork([2, Number.NaN])).toThrow(/whole number/);
  });
});
