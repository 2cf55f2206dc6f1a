import { describe, expect, it } from 'vitest';
import {
  chainPath,
  edges,
  labelPosition,
  LAYOUTS,
  nodes,
  overlayPosition,
  position,
  RADIUS,
  readingOrder,
  viewBox,
  weightEdges,
  type Layout,
  type NodeId,
  type Point,
} from './model.ts';

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
});

/** A weight's number as a box in view box units: 5 characters (−0.35) at 46 × 26 px, drawn at 0.82. */
const LABEL = { width: 56, height: 32 };
type Box = { left: number; right: number; top: number; bottom: number };
const labelBox = ({ x, y }: Point): Box => ({
  left: x - LABEL.width / 2,
  right: x + LABEL.width / 2,
  top: y - LABEL.height / 2,
  bottom: y + LABEL.height / 2,
});
/** A node's outline as a box (a bias) or a circle. */
function overlapsNode(layout: Layout, id: NodeId, box: Box): boolean {
  const kind = nodes.find((n) => n.id === id)!.kind;
  const { x, y } = position(layout, id);
  const r = RADIUS[kind];
  if (kind === 'bias') {
    return box.left < x + r && box.right > x - r && box.top < y + 20 && box.bottom > y - 20;
  }
  const dx = Math.max(box.left - x, 0, x - box.right);
  const dy = Math.max(box.top - y, 0, y - box.bottom);
  return Math.hypot(dx, dy) < r;
}
/** Whether segment a–b passes through the box: sampled every half unit, edges are < 800 long. */
function crosses(a: Point, b: Point, box: Box): boolean {
  const n = Math.ceil(2 * Math.hypot(b.x - a.x, b.y - a.y));
  for (let i = 0; i <= n; i++) {
    const x = a.x + ((b.x - a.x) * i) / n;
    const y = a.y + ((b.y - a.y) * i) / n;
    if (x > box.left && x < box.right && y > box.top && y < box.bottom) return true;
  }
  return false;
}
/** The distance from point p to segment a–b. */
function distance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const t = Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

describe.each(LAYOUTS)('the %s layout', (layout) => {
  const box = viewBox(layout);
  const labels = weightEdges.map((e) => ({ e, box: labelBox(labelPosition(layout, e)) }));

  it('keeps every node and weight number inside the view box', () => {
    for (const n of nodes) {
      const { x, y } = position(layout, n.id);
      const r = RADIUS[n.kind];
      expect(x - r, n.id).toBeGreaterThan(0);
      expect(x + r, n.id).toBeLessThan(box.width);
      expect(y - r, n.id).toBeGreaterThan(0);
      expect(y + r, n.id).toBeLessThan(box.height);
    }
    for (const { e, box: b } of labels) {
      expect(b.left, e.id).toBeGreaterThan(0);
      expect(b.right, e.id).toBeLessThan(box.width);
    }
  });

  it('never lets two weight numbers, or a number and a node, overlap', () => {
    for (const a of labels) {
      for (const b of labels) {
        if (a === b) continue;
        const apart =
          a.box.right <= b.box.left ||
          b.box.right <= a.box.left ||
          a.box.bottom <= b.box.top ||
          b.box.bottom <= a.box.top;
        expect(apart, `${a.e.param} and ${b.e.param}`).toBe(true);
      }
      for (const n of nodes) {
        expect(overlapsNode(layout, n.id, a.box), `${a.e.param} on ${n.id}`).toBe(false);
      }
    }
  });

  it('runs no edge through a weight number other than its own, or through a node it skips', () => {
    for (const e of edges) {
      const [a, b] = [position(layout, e.from), position(layout, e.to)];
      for (const label of labels) {
        if (label.e !== e)
          expect(crosses(a, b, label.box), `${e.id} across ${label.e.param}`).toBe(false);
      }
      for (const n of nodes) {
        if (n.id === e.from || n.id === e.to) continue;
        const clear = distance(position(layout, n.id), a, b) > RADIUS[n.kind] + 4;
        expect(clear, `${e.id} through ${n.id}`).toBe(true);
      }
    }
  });

  it('puts every label on its own edge, between the two nodes', () => {
    for (const e of weightEdges) {
      const [a, b] = [position(layout, e.from), position(layout, e.to)];
      const p = labelPosition(layout, e);
      expect(distance(p, a, b), e.id).toBeLessThan(1e-9);
      expect(Math.hypot(p.x - a.x, p.y - a.y), e.id).toBeGreaterThan(RADIUS.input);
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

describe('readingOrder()', () => {
  it('reads the wide layout band by band, top to bottom, inputs first', () => {
    expect(readingOrder('wide').join(' ')).toBe(
      'i1 i2 w1 w3 w2 w4 b1 h1 h2 w5 w7 w6 w8 b2 o1 o2 E',
    );
  });

  it('reads the narrow layout band by band, left to right, each bias in the row it is drawn in', () => {
    expect(readingOrder('narrow').join(' ')).toBe(
      'i1 i2 b1 w1 w3 w2 w4 h1 h2 b2 w5 w7 w6 w8 o1 o2 E',
    );
  });

  it.each(LAYOUTS)(
    'names every overlay once in the %s layout, in layers that run one way',
    (layout) => {
      const order = readingOrder(layout);
      expect([...order].sort()).toEqual(
        [...nodes.map((n) => n.id), ...weightEdges.map((e) => e.param)].sort(),
      );
      // The layers run left to right (wide) or top to bottom (narrow): once the order has passed
      // a layer's nodes it never goes back before them.
      const axis = layout === 'wide' ? 'x' : 'y';
      const passed = (id: (typeof order)[number]) =>
        (['i1', 'h1', 'o1', 'E'] as const).filter(
          (n) => overlayPosition(layout, id)[axis] >= position(layout, n)[axis],
        ).length;
      for (let i = 1; i < order.length; i++) {
        expect(passed(order[i]!), `${order[i - 1]} then ${order[i]}`).toBeGreaterThanOrEqual(
          passed(order[i - 1]!),
        );
      }
    },
  );
});

describe('overlayPosition()', () => {
  it("puts a node's overlay on the node and a weight's on its edge", () => {
    expect(overlayPosition('wide', 'h1')).toEqual(position('wide', 'h1'));
    const w6 = weightEdges.find((e) => e.param === 'w6')!;
    expect(overlayPosition('narrow', 'w6')).toEqual(labelPosition('narrow', w6));
  });
});
