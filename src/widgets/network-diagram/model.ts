/**
 * The geometry of the worked example's network diagram, and which parts of it each weight's
 * gradient passes through. Pure data: the Astro component draws it, the element highlights it.
 *
 * The diagram has two layouts with the same nodes and edges (NetworkDiagram.astro picks one by
 * the width it has, with a container query):
 * - `wide` (view box 800 × 440): the layers run left to right, as in Mazur's figure.
 * - `narrow` (view box 400 × 640): the same network turned a quarter, so that the layers run top
 *   to bottom; a 360 px phone's 328 px column shows it at 0.82 scale.
 */

export type NodeId = 'i1' | 'i2' | 'h1' | 'h2' | 'o1' | 'o2' | 'b1' | 'b2' | 'E';
export type NodeKind = 'input' | 'hidden' | 'output' | 'bias' | 'error';
export type Layout = 'wide' | 'narrow';
export const LAYOUTS: readonly Layout[] = ['wide', 'narrow'];

export interface DiagramNode {
  readonly id: NodeId;
  readonly kind: NodeKind;
}

export interface DiagramEdge {
  readonly id: string;
  readonly from: NodeId;
  readonly to: NodeId;
  /** The model parameter on this edge (w1..w8, b1, b2), or undefined for o → E. */
  readonly param?: string;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where a node's name sits: an offset from its centre, and which end of the text is there. */
export interface NamePlace {
  readonly dx: number;
  readonly dy: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

interface Geometry {
  readonly viewBox: { readonly width: number; readonly height: number };
  /** The axis along which the layers follow each other: x (left to right) or y (top to bottom). */
  readonly flow: 'x' | 'y';
  readonly at: Readonly<Record<NodeId, Point>>;
  readonly name: Readonly<Record<NodeId, NamePlace>>;
  /** How far along its edge, from the source, each weight's number sits. */
  readonly along: Readonly<Record<string, number>>;
}

/** Circle radii (a bias is a 52 × 40 box), in view box units; the same in both layouts. */
export const RADIUS: Readonly<Record<NodeKind, number>> = {
  input: 30,
  hidden: 44,
  output: 44,
  bias: 26,
  error: 30,
};

export const nodes: readonly DiagramNode[] = [
  { id: 'i1', kind: 'input' },
  { id: 'i2', kind: 'input' },
  { id: 'h1', kind: 'hidden' },
  { id: 'h2', kind: 'hidden' },
  { id: 'o1', kind: 'output' },
  { id: 'o2', kind: 'output' },
  { id: 'b1', kind: 'bias' },
  { id: 'b2', kind: 'bias' },
  { id: 'E', kind: 'error' },
];

const above = (dy: number): NamePlace => ({ dx: 0, dy: -dy, anchor: 'middle' });
/** To the left of a node `dx` wide on each side: in the narrow layout the edges come from above. */
const leftOf = (dx: number): NamePlace => ({ dx: -dx, dy: 8, anchor: 'end' });

const geometry: Readonly<Record<Layout, Geometry>> = {
  // Weight labels sit 30% along their edge from the source, where the crossing edges (w2, w3
  // and w6, w7) are still apart.
  wide: {
    viewBox: { width: 800, height: 440 },
    flow: 'x',
    at: {
      i1: { x: 70, y: 110 },
      i2: { x: 70, y: 310 },
      h1: { x: 330, y: 110 },
      h2: { x: 330, y: 310 },
      o1: { x: 590, y: 110 },
      o2: { x: 590, y: 310 },
      b1: { x: 200, y: 410 },
      b2: { x: 460, y: 410 },
      E: { x: 740, y: 210 },
    },
    name: {
      i1: above(36),
      i2: above(36),
      h1: above(52),
      h2: above(52),
      o1: above(52),
      o2: above(52),
      b1: above(36),
      b2: above(36),
      E: above(36),
    },
    along: { w1: 0.3, w2: 0.3, w3: 0.3, w4: 0.3, w5: 0.3, w6: 0.3, w7: 0.3, w8: 0.3 },
  },
  // The wide layout's rows become columns: i1, h1, o1 on the left, i2, h2, o2 on the right, E at
  // the bottom, and each bias beside the layer before the one it feeds, as if it were one more
  // input to it (which it is: a weight on a constant 1). The weight numbers are wider than the
  // gap between the columns, so the crossing edges carry theirs high (25 and 30% along) and the
  // straight ones low (62%): they never share a row, and a bias's long edge passes between them.
  narrow: {
    viewBox: { width: 400, height: 640 },
    flow: 'y',
    at: {
      i1: { x: 80, y: 46 },
      i2: { x: 250, y: 46 },
      h1: { x: 80, y: 250 },
      h2: { x: 250, y: 250 },
      o1: { x: 80, y: 454 },
      o2: { x: 250, y: 454 },
      b1: { x: 358, y: 46 },
      b2: { x: 358, y: 250 },
      E: { x: 165, y: 600 },
    },
    name: {
      i1: leftOf(38),
      i2: leftOf(38),
      h1: leftOf(52),
      h2: leftOf(52),
      o1: leftOf(52),
      o2: leftOf(52),
      b1: leftOf(34),
      b2: leftOf(34),
      E: leftOf(38),
    },
    along: { w1: 0.62, w2: 0.25, w3: 0.25, w4: 0.62, w5: 0.62, w6: 0.3, w7: 0.3, w8: 0.62 },
  },
};

export const viewBox = (layout: Layout) => geometry[layout].viewBox;
export const position = (layout: Layout, id: NodeId): Point => geometry[layout].at[id];
export const namePlace = (layout: Layout, id: NodeId): NamePlace => geometry[layout].name[id];

const edge = (from: NodeId, to: NodeId, param?: string): DiagramEdge =>
  param === undefined
    ? { id: `${from}-${to}`, from, to }
    : { id: `${from}-${to}`, from, to, param };

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
  edge('b1', 'h1', 'b1'),
  edge('b1', 'h2', 'b1'),
  edge('b2', 'o1', 'b2'),
  edge('b2', 'o2', 'b2'),
  edge('o1', 'E'),
  edge('o2', 'E'),
];

/** The edges that carry a weight w1..w8, whose numbers sit on the edge. */
export const weightEdges = edges.filter((e) => e.param?.startsWith('w'));

/** Where the number of the weight on `e` sits in `layout`. */
export function labelPosition(layout: Layout, e: DiagramEdge): Point {
  const a = position(layout, e.from);
  const b = position(layout, e.to);
  const t = geometry[layout].along[e.param ?? ''];
  if (t === undefined) throw new Error(`Edge ${e.id} carries no weight to label.`);
  return { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
}

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

/**
 * Everything the diagram shows in HTML over its drawing: the field of each input, bias and
 * weight, and the read-outs of each neuron and of E.
 */
export type OverlayId = NodeId | `w${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;

const isNode = (id: string): id is NodeId => nodes.some((n) => n.id === id);

/** Where an overlay sits in `layout`: on its node, or on its weight's edge. */
export function overlayPosition(layout: Layout, id: OverlayId): Point {
  if (isNode(id)) return position(layout, id);
  const e = weightEdges.find((w) => w.param === id);
  if (!e) throw new Error(`No edge carries ${id}.`);
  return labelPosition(layout, e);
}

/** The nodes of each layer, in the order the layers follow each other. */
const layers: readonly (readonly NodeId[])[] = [['i1', 'i2'], ['h1', 'h2'], ['o1', 'o2'], ['E']];

/**
 * The order in which a reader meets the diagram's overlays in `layout`, and so the order of the
 * HTML (Tab and a screen reader follow it): layer by layer in the direction the layers run, and
 * across each layer, or across the gap after it, in the order the overlays sit there. Each bias
 * joins the band it is drawn in: beside the layer before the one it feeds in the narrow layout
 * (i1, i2, b1), at the far end of the weights that feed that layer in the wide one (…, w4, b1).
 */
export function readingOrder(layout: Layout): OverlayId[] {
  const { flow } = geometry[layout];
  const cross = flow === 'x' ? 'y' : 'x';
  const depths = layers.map((layer) => position(layout, layer[0]!)[flow]);
  // Band 2k is layer k; band 2k + 1 the gap between layer k and layer k + 1.
  const band = (p: Point): number => {
    const depth = p[flow];
    const at = depths.findIndex((d) => Math.abs(d - depth) < 1);
    if (at >= 0) return 2 * at;
    return 2 * depths.filter((d) => d < depth).length - 1;
  };
  const ids: OverlayId[] = [
    ...nodes.filter((n) => n.kind !== 'error').map((n) => n.id),
    ...weightEdges.map((e) => e.param as OverlayId),
    'E',
  ];
  const key = (id: OverlayId): [number, number] => {
    const p = overlayPosition(layout, id);
    return [band(p), p[cross]];
  };
  return ids.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1];
  });
}
