/**
 * The geometry of the worked example's network diagram, and which parts of it each weight's
 * gradient passes through. Pure data: the Astro component draws it, the element highlights it.
 *
 * Coordinates are in the SVG's viewBox (0 0 800 440). Weight labels sit 30% along their edge
 * from the source, where the crossing edges (w2, w3 and w6, w7) are still apart.
 */

export type NodeId = 'i1' | 'i2' | 'h1' | 'h2' | 'o1' | 'o2' | 'b1' | 'b2' | 'E';

export interface DiagramNode {
  readonly id: NodeId;
  readonly x: number;
  readonly y: number;
  readonly kind: 'input' | 'hidden' | 'output' | 'bias' | 'error';
}

export interface DiagramEdge {
  readonly id: string;
  readonly from: NodeId;
  readonly to: NodeId;
  /** The model parameter on this edge (w1..w8, b1, b2), or undefined for o → E. */
  readonly param?: string;
  /** Where the parameter's number sits. */
  readonly labelX: number;
  readonly labelY: number;
}

export const VIEWBOX = { width: 800, height: 440 } as const;

export const nodes: readonly DiagramNode[] = [
  { id: 'i1', x: 70, y: 110, kind: 'input' },
  { id: 'i2', x: 70, y: 310, kind: 'input' },
  { id: 'h1', x: 330, y: 110, kind: 'hidden' },
  { id: 'h2', x: 330, y: 310, kind: 'hidden' },
  { id: 'o1', x: 590, y: 110, kind: 'output' },
  { id: 'o2', x: 590, y: 310, kind: 'output' },
  { id: 'b1', x: 200, y: 410, kind: 'bias' },
  { id: 'b2', x: 460, y: 410, kind: 'bias' },
  { id: 'E', x: 740, y: 210, kind: 'error' },
];

const at = (id: NodeId): DiagramNode => {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`No diagram node ${id}.`);
  return node;
};

function edge(from: NodeId, to: NodeId, param?: string, along = 0.3): DiagramEdge {
  const a = at(from);
  const b = at(to);
  const base = {
    id: `${from}-${to}`,
    from,
    to,
    labelX: a.x + along * (b.x - a.x),
    labelY: a.y + along * (b.y - a.y),
  };
  return param === undefined ? base : { ...base, param };
}

// Mazur's wiring: w1 i1→h1, w2 i2→h1, w3 i1→h2, w4 i2→h2, w5 h1→o1, w6 h2→o1, w7 h1→o2, w8 h2→o2.
export const edges: readonly DiagramEdge[] = [
  edge('i1', 'h1', 'w1'),
  edge('i2', 'h1', 'w2'),
  edge('i1', 'h2', 'w3'),
  edge('i2', 'h2', 'w4'),
  edge('h1', 'o1', 'w5'),
  edge('h2', 'o1', 'w6'),
  edge('h1', 'o2', 'w7'),
  edge('h2', 'o2', 'w8'),
  edge('b1', 'h1', 'b1', 0.45),
  edge('b1', 'h2', 'b1', 0),
  edge('b2', 'o1', 'b2', 0.45),
  edge('b2', 'o2', 'b2', 0),
  edge('o1', 'E'),
  edge('o2', 'E'),
];

/**
 * The edges and nodes that the chain rule for ∂E/∂param runs through: from the parameter's
 * edge forward to E. An output-layer weight reaches E through its own output only; a hidden
 * weight reaches E through both outputs, which is why ∂E/∂w1 is a sum of two paths.
 */
export function chainPath(param: string): { edges: string[]; nodes: NodeId[] } {
  const start = edges.filter((e) => e.param === param);
  if (start.length === 0) throw new Error(`No edge carries ${param}.`);
  const onPath = new Set<DiagramEdge>(start);
  const reached = new Set<NodeId>(start.map((e) => e.to));
  for (let grew = true; grew;) {
    grew = false;
    for (const e of edges) {
      if (reached.has(e.from) && !onPath.has(e)) {
        onPath.add(e);
        reached.add(e.to);
        grew = true;
      }
    }
  }
  return {
    edges: edges.filter((e) => onPath.has(e)).map((e) => e.id),
    nodes: nodes.filter((n) => reached.has(n.id)).map((n) => n.id),
  };
}
