/**
 * Chapter 5's computation graph: an expression in x, w and b (expression.ts) broken into
 * elementary steps h1, h2, …, each one operation on earlier nodes or inputs, then differentiated
 * in both modes.
 *
 *   forward mode: seed one input with tangent 1, the others 0; each node's tangent is
 *     ḣ = Σ over its arguments a of (∂h/∂a) · ȧ, in graph order. One pass gives ∂f/∂(seed).
 *   reverse mode: give the output adjoint 1; each node passes (∂h/∂a) · h̄ back to each argument a,
 *     in reverse order. One pass gives ∂f/∂x, ∂f/∂w and ∂f/∂b together.
 *
 * Constants are not nodes: h5 = h4 + 1 is one step with a constant operand, as the course's notes
 * write the sigmoid's graph (h1 = wx, h2 = h1 + b, h3 = −h2, h4 = exp(h3), h5 = h4 + 1, h6 = 1/h5).
 * An input used twice is one node; a repeated subexpression is computed twice, as written.
 */
import { tanh } from './activations.ts';
import type { BinaryOp, Expr, UnaryOp, Variable } from './expression.ts';
import { VARIABLES } from './expression.ts';

/** An operand: a node (an input or an earlier step, by index) or a constant. */
export type Operand = { readonly node: number } | { readonly constant: number };

export interface InputNode {
  readonly kind: 'input';
  readonly name: Variable;
}

export interface StepNode {
  readonly kind: 'step';
  /** h1, h2, … in the order they are computed. */
  readonly name: string;
  readonly op: UnaryOp | BinaryOp;
  readonly args: readonly Operand[];
}

export type GraphNode = InputNode | StepNode;

export interface Graph {
  /** The inputs first (those the expression uses, in the order x, w, b), then the steps. */
  readonly nodes: readonly GraphNode[];
  /** The output: the last step, or an input or a constant if the expression has no operation. */
  readonly output: Operand;
}

/** The most steps a graph may have: a figure must be drawable, and this is plenty. */
export const MAX_STEPS = 40;

/** Breaks an expression into a graph of elementary steps, in evaluation order. */
export function buildGraph(expr: Expr): Graph {
  const used = new Set<Variable>();
  const collect = (e: Expr): void => {
    if (e.kind === 'var') used.add(e.name);
    else if (e.kind === 'unary') collect(e.arg);
    else if (e.kind === 'binary') {
      collect(e.left);
      collect(e.right);
    }
  };
  collect(expr);
  const nodes: GraphNode[] = VARIABLES.filter((v) => used.has(v)).map((name) => ({
    kind: 'input',
    name,
  }));
  const inputIndex = (name: Variable): number =>
    nodes.findIndex((n) => n.kind === 'input' && n.name === name);
  let steps = 0;
  const add = (op: UnaryOp | BinaryOp, args: Operand[]): Operand => {
    steps++;
    if (steps > MAX_STEPS) {
      throw new RangeError(`The expression has more than ${MAX_STEPS} steps.`);
    }
    nodes.push({ kind: 'step', name: `h${steps}`, op, args });
    return { node: nodes.length - 1 };
  };
  const visit = (e: Expr): Operand => {
    switch (e.kind) {
      case 'num':
        return { constant: e.value };
      case 'var':
        return { node: inputIndex(e.name) };
      case 'unary':
        return add(e.op, [visit(e.arg)]);
      case 'binary': {
        const left = visit(e.left);
        const right = visit(e.right);
        return add(e.op, [left, right]);
      }
    }
  };
  const output = visit(expr);
  return { nodes, output };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** One operation's value. */
export function apply(op: UnaryOp | BinaryOp, a: number, b = NaN): number {
  switch (op) {
    case 'neg':
      return -a;
    case 'exp':
      return Math.exp(a);
    case 'log':
      return Math.log(a);
    case 'sin':
      return Math.sin(a);
    case 'cos':
      return Math.cos(a);
    case 'tanh':
      return tanh(a);
    case 'sigmoid':
      return sigmoid(a);
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'pow':
      return a ** b;
    case 'max':
      return Math.max(a, b);
  }
}

/**
 * One operation's partial derivatives with respect to its operands, at operand values a (and b),
 * given its value h. At max's tie the first operand takes the slope, as software usually does.
 * x^y's derivative in y is h·ln x, defined for x > 0; at x = 0 and y > 0 it is taken as 0.
 */
export function partials(op: UnaryOp | BinaryOp, h: number, a: number, b = NaN): number[] {
  switch (op) {
    case 'neg':
      return [-1];
    case 'exp':
      return [h];
    case 'log':
      return [1 / a];
    case 'sin':
      return [Math.cos(a)];
    case 'cos':
      return [-Math.sin(a)];
    case 'tanh':
      return [1 - h * h];
    case 'sigmoid':
      return [h * (1 - h)];
    case 'add':
      return [1, 1];
    case 'sub':
      return [1, -1];
    case 'mul':
      return [b, a];
    case 'div':
      return [1 / b, -a / (b * b)];
    case 'pow':
      return [b === 0 ? 0 : b * a ** (b - 1), a === 0 && b > 0 ? 0 : h * Math.log(a)];
    case 'max':
      return a >= b ? [1, 0] : [0, 1];
  }
}

export type Point = Readonly<Record<Variable, number>>;

export interface Evaluation {
  /** Each node's value, inputs included, in node order. */
  readonly values: readonly number[];
  /** For each node, the partial derivative of it with respect to each operand (empty for inputs). */
  readonly local: readonly (readonly number[])[];
  readonly output: number;
}

/** The first node whose value is not a finite number, if any, with why. */
export interface DomainProblem {
  readonly node: number;
  readonly message: string;
}

const operandValue = (values: readonly number[], o: Operand): number =>
  'node' in o ? values[o.node]! : o.constant;

/** Every node's value and local derivatives at a point. */
export function evaluate(graph: Graph, at: Point): Evaluation {
  const values: number[] = [];
  const local: number[][] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'input') {
      values.push(at[node.name]);
      local.push([]);
      continue;
    }
    const [a = NaN, b = NaN] = node.args.map((o) => operandValue(values, o));
    const h = apply(node.op, a, b);
    values.push(h);
    // A constant operand needs no derivative (and (−2)^3 has none in its exponent): 0.
    const slopes = partials(node.op, h, a, b);
    local.push(slopes.map((slope, k) => (node.args[k] && 'node' in node.args[k] ? slope : 0)));
  }
  return { values, local, output: operandValue(values, graph.output) };
}

/** Where the evaluation leaves the numbers (log of a negative, 0 in a denominator, overflow). */
export function domainProblem(graph: Graph, evaluation: Evaluation): DomainProblem | undefined {
  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i]!;
    if (node.kind !== 'step') continue;
    const fine = (v: number): boolean => Number.isFinite(v);
    if (!fine(evaluation.values[i]!)) {
      return { node: i, message: `${node.name} is not a finite number here.` };
    }
    if (!evaluation.local[i]!.every(fine)) {
      return { node: i, message: `${node.name} has no finite derivative here.` };
    }
  }
  return undefined;
}

/**
 * Forward mode: each node's tangent, its derivative with respect to `seed`, in node order.
 * Inputs get 1 (the seed) or 0.
 */
export function forwardTangents(graph: Graph, evaluation: Evaluation, seed: Variable): number[] {
  const tangents: number[] = [];
  graph.nodes.forEach((node, i) => {
    if (node.kind === 'input') {
      tangents.push(node.name === seed ? 1 : 0);
      return;
    }
    let t = 0;
    node.args.forEach((o, k) => {
      if ('node' in o) t += evaluation.local[i]![k]! * tangents[o.node]!;
    });
    tangents.push(t);
  });
  return tangents;
}

/** Reverse mode: each node's adjoint, the output's derivative with respect to it, in node order. */
export function reverseAdjoints(graph: Graph, evaluation: Evaluation): number[] {
  const adjoints = graph.nodes.map(() => 0);
  if (!('node' in graph.output)) return adjoints;
  adjoints[graph.output.node] = 1;
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const node = graph.nodes[i]!;
    if (node.kind !== 'step') continue;
    node.args.forEach((o, k) => {
      if ('node' in o) adjoints[o.node]! += evaluation.local[i]![k]! * adjoints[i]!;
    });
  }
  return adjoints;
}

/** ∂f/∂v by a central difference with step h, for checking both modes. */
export function centralDifference(graph: Graph, at: Point, v: Variable, h = 1e-5): number {
  const f = (shift: number) => evaluate(graph, { ...at, [v]: at[v] + shift }).output;
  return (f(h) - f(-h)) / (2 * h);
}
