/**
 * What chapter 5's step-through graph shows, worked out without a DOM: where each node goes,
 * the order in which each mode visits the nodes, and what each step writes in TeX, the node's
 * own operation and the chain-rule product with its numbers. The build renders the TeX with
 * KaTeX for the starting values; the browser does the same after an edit.
 *
 *   forward mode, seed s: inputs (ẋ = 1 for s, 0 for the others), then h1, h2, … in order:
 *     ḣ = Σₐ ∂h/∂a · ȧ over h's node operands a
 *   reverse mode: the output (its adjoint is 1), then back to h1, then the inputs:
 *     ā = Σ_c ∂c/∂a · c̄ over the steps c that use a
 */
import type { Evaluation, Graph, GraphNode, Operand } from '../../engine/autodiff.ts';
import type { BinaryOp, UnaryOp } from '../../engine/expression.ts';
import { formatFull, formatNumber } from '../../live/format.ts';

export type Mode = 'forward' | 'reverse';

/** A node's name in TeX: x, w, b or h_{3}. */
export function nodeTex(node: GraphNode): string {
  return node.kind === 'input' ? node.name : `h_{${node.name.slice(1)}}`;
}

/** A number in TeX, with the digits the figure shows and a true minus sign. */
export function numberTex(value: number, digits = 4): string {
  const text = formatNumber(value, { digits });
  return text.startsWith('-') ? `-${text.slice(1)}` : text;
}

/** A constant operand as written. */
function constantTex(value: number): string {
  if (value === Math.E) return 'e';
  if (value === Math.PI) return '\\pi';
  // As typed: 0.5, not 0.5000 (formatFull keeps up to 12 significant digits).
  return formatFull(value);
}

const operandTex = (graph: Graph, o: Operand): string =>
  'node' in o ? nodeTex(graph.nodes[o.node]!) : constantTex(o.constant);

/** Parenthesised when it is a negative constant, so that "w \cdot -2" reads "w \cdot (-2)". */
function wrap(graph: Graph, o: Operand): string {
  const text = operandTex(graph, o);
  return 'constant' in o && o.constant < 0 ? `(${text})` : text;
}

/** The operation of step `index`, e.g. "h_{1} = w \cdot x". */
export function operationTex(graph: Graph, index: number): string {
  const node = graph.nodes[index]!;
  if (node.kind === 'input') return `${node.name}`;
  const [a, b] = node.args;
  const op = node.op;
  const A = a ? wrap(graph, a) : '';
  const B = b ? wrap(graph, b) : '';
  const right: Record<UnaryOp | BinaryOp, string> = {
    neg: `-${A}`,
    exp: `\\exp(${A})`,
    log: `\\log(${A})`,
    sin: `\\sin(${A})`,
    cos: `\\cos(${A})`,
    tanh: `\\tanh(${A})`,
    sigmoid: `\\sigma(${A})`,
    add: `${A} + ${B}`,
    sub: `${A} - ${B}`,
    mul: `${A} \\cdot ${B}`,
    div: `${A} / ${B}`,
    pow: `${A}^{${B}}`,
    max: `\\max(${A}, ${B})`,
  };
  return `${nodeTex(node)} = ${right[op]}`;
}

/** ∂h/∂a for operand `k` of step `index`, as a formula in the operands: "x", "\exp(h_3)". */
export function partialTex(graph: Graph, index: number, k: number): string {
  const node = graph.nodes[index]!;
  if (node.kind === 'input') return '1';
  const [a, b] = node.args;
  const A = a ? wrap(graph, a) : '';
  const B = b ? wrap(graph, b) : '';
  const h = nodeTex(node);
  switch (node.op) {
    case 'neg':
      return '-1';
    case 'exp':
      return h;
    case 'log':
      return `1/${A}`;
    case 'sin':
      return `\\cos(${A})`;
    case 'cos':
      return `-\\sin(${A})`;
    case 'tanh':
      return `1 - ${h}^2`;
    case 'sigmoid':
      return `${h}(1 - ${h})`;
    case 'add':
      return '1';
    case 'sub':
      return k === 0 ? '1' : '-1';
    case 'mul':
      return k === 0 ? B : A;
    case 'div':
      return k === 0 ? `1/${B}` : `-${A}/${B}^2`;
    case 'pow':
      return k === 0 ? `${B}\\,${A}^{${B} - 1}` : `${h} \\log ${A}`;
    case 'max':
      return k === 0 ? `[${A} \\ge ${B}]` : `[${A} < ${B}]`;
  }
}

/** The order in which a mode visits the nodes: node indices. */
export function stepOrder(graph: Graph, mode: Mode): number[] {
  const all = graph.nodes.map((_, i) => i);
  if (mode === 'forward') return all;
  // Reverse: every step from the last back to the first, then the inputs.
  const steps = all.filter((i) => graph.nodes[i]!.kind === 'step').reverse();
  const inputs = all.filter((i) => graph.nodes[i]!.kind === 'input');
  return [...steps, ...inputs];
}

/** The steps that use node `index` as an operand, with the operand's position in each. */
export function consumers(graph: Graph, index: number): Array<{ node: number; k: number }> {
  const out: Array<{ node: number; k: number }> = [];
  graph.nodes.forEach((node, i) => {
    if (node.kind !== 'step') return;
    node.args.forEach((o, k) => {
      if ('node' in o && o.node === index) out.push({ node: i, k });
    });
  });
  return out;
}

const dotted = (graph: Graph, i: number): string => `\\dot{${nodeTex(graph.nodes[i]!)}}`;
const barred = (graph: Graph, i: number): string => `\\bar{${nodeTex(graph.nodes[i]!)}}`;
/** A number as a factor: bracketed when negative. */
const factor = (value: number): string => {
  const text = numberTex(value);
  return value < 0 || text.startsWith('-') ? `(${text})` : text;
};

/**
 * The chain-rule line for visiting node `index` in `mode`: the rule in symbols, then with its
 * numbers, then the result. `carried` is each node's tangent (forward) or adjoint (reverse).
 */
export function chainTex(
  graph: Graph,
  evaluation: Evaluation,
  carried: readonly number[],
  index: number,
  mode: Mode,
  seed = 'w',
): string {
  const node = graph.nodes[index]!;
  const result = numberTex(carried[index]!);
  if (mode === 'forward') {
    const lhs = dotted(graph, index);
    if (node.kind === 'input') {
      return `${lhs} = \\frac{\\partial ${node.name}}{\\partial ${seed}} = ${result}`;
    }
    const terms = node.args.map((o, k) => ({ o, k })).filter(({ o }) => 'node' in o) as Array<{
      o: { node: number };
      k: number;
    }>;
    if (terms.length === 0) return `${lhs} = 0`;
    const symbols = terms
      .map(
        ({ o }) =>
          `\\frac{\\partial ${nodeTex(node)}}{\\partial ${nodeTex(graph.nodes[o.node]!)}}\\,${dotted(graph, o.node)}`,
      )
      .join(' + ');
    const numbers = terms
      .map(
        ({ o, k }) => `${factor(evaluation.local[index]![k]!)} \\cdot ${factor(carried[o.node]!)}`,
      )
      .join(' + ');
    return `${lhs} = ${symbols} = ${numbers} = ${result}`;
  }
  const lhs = barred(graph, index);
  const users = consumers(graph, index);
  const isOutput = 'node' in graph.output && graph.output.node === index;
  if (isOutput) return `${lhs} = \\frac{\\partial f}{\\partial ${nodeTex(node)}} = 1`;
  if (users.length === 0) return `${lhs} = 0`;
  const symbols = users
    .map(
      ({ node: c }) =>
        `\\frac{\\partial ${nodeTex(graph.nodes[c]!)}}{\\partial ${nodeTex(node)}}\\,${barred(graph, c)}`,
    )
    .join(' + ');
  const numbers = users
    .map(({ node: c, k }) => `${factor(evaluation.local[c]![k]!)} \\cdot ${factor(carried[c]!)}`)
    .join(' + ');
  return `${lhs} = ${symbols} = ${numbers} = ${result}`;
}

export interface Placed {
  readonly index: number;
  /** Centre of the node's box, in SVG units. */
  readonly x: number;
  readonly y: number;
}

/**
 * The layout's measures: boxes of nodeW × nodeH (three lines of text: the operation, the value,
 * the tangent or adjoint), rows `row` apart, at most `width` wide.
 */
export const LAYOUT = Object.freeze({ width: 320, nodeW: 96, nodeH: 50, row: 74, margin: 8 });

/** Nodes that fit side by side on one line of the layout. */
const PER_LINE = Math.floor((LAYOUT.width + LAYOUT.margin) / (LAYOUT.nodeW + LAYOUT.margin));
const LEFT = LAYOUT.margin + LAYOUT.nodeW / 2;
const RIGHT = LAYOUT.width - LAYOUT.margin - LAYOUT.nodeW / 2;
const GAP = LAYOUT.nodeW + LAYOUT.margin;

/**
 * Centres for boxes that want to be at `wanted` (sorted), as near it as they can be while a box's
 * width and a margin apart and inside the layout.
 */
function spread(wanted: readonly number[]): number[] {
  const xs = wanted.map((x) => Math.min(RIGHT, Math.max(LEFT, x)));
  for (let k = 1; k < xs.length; k++) xs[k] = Math.max(xs[k]!, xs[k - 1]! + GAP);
  const over = xs.length > 0 ? xs[xs.length - 1]! - RIGHT : 0;
  if (over > 0) {
    xs[xs.length - 1] = RIGHT;
    for (let k = xs.length - 2; k >= 0; k--) xs[k] = Math.min(xs[k]!, xs[k + 1]! - GAP);
  }
  return xs;
}

/**
 * Nodes in rows from top to bottom: the inputs in row 0, spread evenly, and each step one row
 * below its deepest operand, under the middle of its operands so that its edges stay short and
 * clear of other boxes. A row with more nodes than fit goes on more than one line. Vertical, so
 * that a chain of any length fits a 360 px phone without shrinking: it grows downwards.
 */
export function layout(graph: Graph): { placed: Placed[]; height: number } {
  const depth: number[] = [];
  graph.nodes.forEach((node, i) => {
    if (node.kind === 'input') depth[i] = 0;
    else {
      const below = node.args.map((o) => ('node' in o ? depth[o.node]! : 0));
      depth[i] = 1 + Math.max(0, ...below);
    }
  });
  const rows: number[][] = [];
  depth.forEach((d, i) => (rows[d] ??= []).push(i));
  const xOf: number[] = [];
  const placed: Placed[] = [];
  let line = 0;
  for (const [r, members] of rows.entries()) {
    if (!members) continue;
    const wanted = (index: number, k: number, count: number): number => {
      if (r === 0) return (LAYOUT.width * (k + 1)) / (count + 1);
      const node = graph.nodes[index]!;
      const from =
        node.kind === 'step' ? node.args.flatMap((o) => ('node' in o ? [o.node] : [])) : [];
      if (from.length === 0) return LAYOUT.width / 2;
      return from.reduce((sum, i) => sum + xOf[i]!, 0) / from.length;
    };
    for (let start = 0; start < members.length; start += PER_LINE) {
      const chunk = members
        .slice(start, start + PER_LINE)
        .map((index, k, all) => ({ index, want: wanted(index, k, all.length) }))
        .sort((a, b) => a.want - b.want || a.index - b.index);
      const xs = spread(chunk.map((c) => c.want));
      chunk.forEach(({ index }, k) => {
        xOf[index] = xs[k]!;
        placed.push({
          index,
          x: xs[k]!,
          y: LAYOUT.margin + LAYOUT.nodeH / 2 + line * LAYOUT.row,
        });
      });
      line++;
    }
  }
  placed.sort((a, b) => a.index - b.index);
  return { placed, height: 2 * LAYOUT.margin + LAYOUT.nodeH + Math.max(0, line - 1) * LAYOUT.row };
}
