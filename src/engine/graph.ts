/**
 * Scalar computation graphs for the autodiff chapter. Nodes are created in order and may only
 * use earlier nodes, so node ids are already a topological order. Each operation computes its
 * value and its local derivatives together (micrograd style); forward mode then pushes tangents
 * up the graph and reverse mode pulls adjoints down it.
 *
 * Numerics: input values are validated like everything else (NaN rejected, ±Infinity and
 * anything beyond ±1e6 clamped to ±1e6). Every value, local derivative, tangent and adjoint is
 * then saturated at ±Number.MAX_VALUE (≈1.8e308) instead of overflowing to ±∞. In particular
 * exp(x) for x > ln(MAX_VALUE) ≈ 709.78 gives MAX_VALUE, not ∞: so 1/(exp(1e6) + 1) is a tiny
 * number with a zero derivative, and the products ∞·0 = NaN that would otherwise appear in
 * adjoints cannot occur. The only NaN sources left are domain errors, which throw instead:
 * log of a negative number, and pow of a negative base to a non-integer exponent.
 */
import { sigmoid, tanh } from './activations.ts';
import { fail, readNumber } from './validate.ts';

export type OpId =
  | 'input'
  | 'const'
  | 'add'
  | 'mul'
  | 'neg'
  | 'exp'
  | 'reciprocal'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'log'
  | 'pow';

export interface GraphNode {
  readonly id: number;
  /** Display name, e.g. 'w' or 'h3'. */
  readonly label: string;
  readonly op: OpId;
  /** Ids of the operands (repeats allowed: mul(a, a)). */
  readonly inputs: readonly number[];
  readonly value: number;
  /** local[k] = ∂(this node)/∂(inputs[k]), evaluated at the current values. */
  readonly local: readonly number[];
  /** pow's constant exponent (pow nodes only). */
  readonly exponent?: number;
}

/** A node plus its tangent ∂node/∂(chosen input), from forward mode. */
export interface TangentRecord extends GraphNode {
  readonly tangent: number;
}

/** A node plus its adjoint ∂(chosen output)/∂node, from reverse mode. */
export interface AdjointRecord extends GraphNode {
  readonly adjoint: number;
}

const MAX = Number.MAX_VALUE;

/** Clamp to ±MAX_VALUE (so ±∞ never appears); NaN passes through. */
export function saturate(x: number): number {
  return x > MAX ? MAX : x < -MAX ? -MAX : x;
}

type Rule = (x: number, y: number, p: number) => { value: number; local: number[] };

/** Each operation's value and local derivatives, side by side. */
const RULES: Readonly<Record<Exclude<OpId, 'input' | 'const'>, Rule>> = Object.freeze({
  // d(x + y) = dx + dy
  add: (x, y) => ({ value: x + y, local: [1, 1] }),
  // d(x·y) = y dx + x dy
  mul: (x, y) => ({ value: x * y, local: [y, x] }),
  // d(−x) = −dx
  neg: (x) => ({ value: -x, local: [-1] }),
  // d(eˣ) = eˣ dx: the local derivative is the value itself.
  exp: (x) => {
    const e = Math.exp(x);
    return { value: e, local: [e] };
  },
  // d(1/x) = −1/x² dx = −value² dx
  reciprocal: (x) => {
    const v = 1 / x;
    return { value: v, local: [-(v * v)] };
  },
  // dσ(x) = σ(x)(1 − σ(x)) dx
  sigmoid: (x) => {
    const s = sigmoid(x);
    return { value: s, local: [s * (1 - s)] };
  },
  // d tanh(x) = (1 − tanh²x) dx
  tanh: (x) => {
    const t = tanh(x);
    return { value: t, local: [1 - t * t] };
  },
  // d relu(x) = [x > 0] dx (0 at the kink, as in activations.ts)
  relu: (x) => ({ value: x > 0 ? x : 0, local: [x > 0 ? 1 : 0] }),
  // d ln(x) = dx / x
  log: (x) => ({ value: Math.log(x), local: [1 / x] }),
  // d xᵖ = p·x^(p−1) dx, for a constant exponent p
  pow: (x, _y, p) => ({ value: x ** p, local: [p === 0 ? 0 : p * x ** (p - 1)] }),
});

/** A scalar computation graph, built one operation at a time. */
export class Graph {
  readonly #nodes: GraphNode[] = [];

  /** All nodes, in creation (= topological) order. */
  get nodes(): readonly GraphNode[] {
    return this.#nodes;
  }

  get size(): number {
    return this.#nodes.length;
  }

  node(id: number): GraphNode {
    return this.#nodes[this.#checkId('node()', 'id', id)]!;
  }

  value(id: number): number {
    return this.node(id).value;
  }

  /** Id of the first node with this label, or -1. */
  idOf(label: string): number {
    return this.#nodes.findIndex((n) => n.label === label);
  }

  #checkId(where: string, name: string, id: unknown): number {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= this.#nodes.length) {
      fail(
        `Graph.${where}`,
        `${name} must be a node id from 0 to ${this.#nodes.length - 1}, got ${String(id)}`,
      );
    }
    return id;
  }

  #push(node: Omit<GraphNode, 'id'>): number {
    const id = this.#nodes.length;
    this.#nodes.push({ id, ...node });
    return id;
  }

  #label(label: string | undefined): string {
    return label ?? `v${this.#nodes.length}`;
  }

  /** A variable that derivatives can be taken with respect to. */
  input(label: string, value: number): number {
    const v = readNumber('Graph.input()', `value of '${label}'`, value);
    return this.#push({ label, op: 'input', inputs: [], value: v, local: [] });
  }

  /** A constant (tangent 0 in forward mode, its adjoint is still reported). */
  constant(value: number, label?: string): number {
    const v = readNumber('Graph.constant()', 'value', value);
    return this.#push({ label: label ?? String(v), op: 'const', inputs: [], value: v, local: [] });
  }

  #apply(op: Exclude<OpId, 'input' | 'const'>, ids: number[], label?: string, p = 0): number {
    const where = `${op}()`;
    ids.forEach((id, k) => this.#checkId(where, ids.length > 1 ? 'ab'[k]! : 'a', id));
    const x = this.#nodes[ids[0]!]!.value;
    const y = ids.length > 1 ? this.#nodes[ids[1]!]!.value : 0;
    if (op === 'log' && x < 0) {
      fail(`Graph.${where}`, `input ${this.#nodes[ids[0]!]!.label} is ${x}; log needs a value ≥ 0`);
    }
    if (op === 'pow' && x < 0 && !Number.isInteger(p)) {
      fail(
        `Graph.${where}`,
        `input ${this.#nodes[ids[0]!]!.label} is ${x}; a negative base needs an integer exponent`,
      );
    }
    const r = RULES[op](x, y, p);
    const node = {
      label: this.#label(label),
      op,
      inputs: ids,
      value: saturate(r.value),
      local: r.local.map(saturate),
    };
    return this.#push(op === 'pow' ? { ...node, exponent: p } : node);
  }

  add(a: number, b: number, label?: string): number {
    return this.#apply('add', [a, b], label);
  }
  mul(a: number, b: number, label?: string): number {
    return this.#apply('mul', [a, b], label);
  }
  neg(a: number, label?: string): number {
    return this.#apply('neg', [a], label);
  }
  exp(a: number, label?: string): number {
    return this.#apply('exp', [a], label);
  }
  reciprocal(a: number, label?: string): number {
    return this.#apply('reciprocal', [a], label);
  }
  sigmoid(a: number, label?: string): number {
    return this.#apply('sigmoid', [a], label);
  }
  tanh(a: number, label?: string): number {
    return this.#apply('tanh', [a], label);
  }
  relu(a: number, label?: string): number {
    return this.#apply('relu', [a], label);
  }
  /** Natural log; throws for a negative input, log(0) saturates to −MAX_VALUE. */
  log(a: number, label?: string): number {
    return this.#apply('log', [a], label);
  }
  /**
   * aᵖ for a constant exponent p (a finite number, not a node): the exponent is not
   * differentiated. Negative bases need an integer p.
   */
  pow(a: number, p: number, label?: string): number {
    if (typeof p !== 'number' || !Number.isFinite(p)) {
      fail('Graph.pow()', `exponent must be a finite number, got ${String(p)}`);
    }
    return this.#apply('pow', [a], label, p);
  }

  /**
   * Forward-mode tangents ∂node/∂(wrt) for every node, seeded with 1 at `wrt` (an input node)
   * and 0 at every other leaf: tangent = Σ_k local[k] · tangent(inputs[k]).
   */
  tangents(wrt: number): Float64Array {
    const id = this.#checkId('tangents()', 'wrt', wrt);
    if (this.#nodes[id]!.op !== 'input') fail('Graph.tangents()', `node ${id} is not an input`);
    const nodes = this.#nodes;
    const t = new Float64Array(nodes.length);
    t[id] = 1;
    for (let i = id + 1; i < nodes.length; i++) {
      const n = nodes[i]!;
      let s = 0;
      for (let k = 0; k < n.inputs.length; k++) s += saturate(n.local[k]! * t[n.inputs[k]!]!);
      t[i] = saturate(s);
    }
    return t;
  }

  /**
   * Reverse-mode adjoints ∂(output)/∂node for every node, seeded with 1 at `output` and
   * accumulated over all uses of a node: adjoint(inputs[k]) += local[k] · adjoint(node).
   * Nodes the output does not depend on (including later ones) get 0.
   */
  adjoints(output: number): Float64Array {
    const out = this.#checkId('adjoints()', 'output', output);
    const nodes = this.#nodes;
    const g = new Float64Array(nodes.length);
    g[out] = 1;
    for (let i = out; i >= 0; i--) {
      const gi = g[i]!;
      if (gi === 0) continue;
      const n = nodes[i]!;
      for (let k = 0; k < n.inputs.length; k++) {
        const j = n.inputs[k]!;
        g[j] = saturate(g[j]! + saturate(n.local[k]! * gi));
      }
    }
    return g;
  }
}

/** Forward mode: every node with its tangent with respect to input `wrt`, in topological order. */
export function forwardMode(graph: Graph, wrt: number): TangentRecord[] {
  const t = graph.tangents(wrt);
  return graph.nodes.map((n) => ({ ...n, tangent: t[n.id]! }));
}

/** Reverse mode: every node with its adjoint for `output`, in topological order. */
export function reverseMode(graph: Graph, output: number): AdjointRecord[] {
  const g = graph.adjoints(output);
  return graph.nodes.map((n) => ({ ...n, adjoint: g[n.id]! }));
}
