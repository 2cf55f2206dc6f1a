import { describe, expect, it } from 'vitest';
import { chainPath, edges, nodes, VIEWBOX } from './model.ts';

describe('network diagram geometry', () => {
  it("wires the weights as in Mazur's example, w_k from the k-th source-target pair", () => {
    const wiring = Object.fromEntries(
      edges
        .filter((e) => e.param?.startsWith('w'))
        .map((e): [string, string] => [e.param ?? '', `${e.from}→${e.to}`]),
    );
    expect(wiring).toEqual({
      w1: 'i1→h1',
      w2: 'i2→h1',
      w3: 'i1→h2',
      w4: 'i2→h2',
      w5: 'h1→o1',
      w6: 'h2→o1',
      w7: 'h1→o2',
      w8: 'h2→o2',
    });
  });

  it('keeps every node and weight label inside the view box, and no two labels closer than 50 units', () => {
    for (const n of nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(VIEWBOX.width);
      expect(n.y).toBeGreaterThan(0);
      expect(n.y).toBeLessThan(VIEWBOX.height);
    }
    const labels = edges.filter((e) => e.param?.startsWith('w'));
    for (const a of labels) {
      for (const b of labels) {
        if (a !== b)
          expect(Math.hypot(a.labelX - b.labelX, a.labelY - b.labelY)).toBeGreaterThanOrEqual(50);
      }
    }
  });
});

describe('chainPath()', () => {
  it('runs from an output weight through its own output to E only', () => {
    expect(chainPath('w5')).toEqual({ edges: ['h1-o1', 'o1-E'], nodes: ['o1', 'E'] });
    expect(chainPath('w8')).toEqual({ edges: ['h2-o2', 'o2-E'], nodes: ['o2', 'E'] });
  });

  it('runs from a hidden weight through its neuron and both outputs: two paths to sum', () => {
    expect(chainPath('w1')).toEqual({
      edges: ['i1-h1', 'h1-o1', 'h1-o2', 'o1-E', 'o2-E'],
      nodes: ['h1', 'o1', 'o2', 'E'],
    });
    expect(chainPath('w4').nodes).toEqual(['h2', 'o1', 'o2', 'E']);
  });

  it('covers a shared bias from both of its edges', () => {
    expect(chainPath('b2')).toEqual({
      edges: ['b2-o1', 'b2-o2', 'o1-E', 'o2-E'],
      nodes: ['o1', 'o2', 'E'],
    });
  });

  it('throws for a parameter that no edge carries', () => {
    expect(() => chainPath('w9')).toThrow('No edge carries w9.');
  });
});
