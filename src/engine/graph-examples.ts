/**
 * Ready-made graphs for the autodiff chapter: the sigmoid neuron written as six primitive
 * steps, and Mazur's whole network as a scalar graph (micrograd style: build a graph for the
 * current values, run reverse mode, read the gradients, take a step, repeat).
 */
import { Graph } from './graph.ts';
import { MAZUR_PARAM_NAMES, mazur } from './mazur.ts';
import type { MazurParamName, MazurParams } from './mazur.ts';
import { checkRange } from './validate.ts';

export interface SigmoidExample {
  readonly graph: Graph;
  readonly ids: {
    readonly x: number;
    readonly w: number;
    readonly b: number;
    readonly h1: number;
    readonly h2: number;
    readonly h3: number;
    readonly h4: number;
    readonly h5: number;
    readonly h6: number;
  };
}

/**
 * f(x; w, b) = 1/(exp(−(w·x + b)) + 1) as h1 = w·x, h2 = h1 + b, h3 = −h2, h4 = exp(h3),
 * h5 = h4 + 1, h6 = 1/h5 (the constant 1 is its own node, labelled '1').
 * At x = 1, w = 0, b = 0: ∂f/∂w = σ'(0)·x = 0.25.
 * @param at the point; default { x: 1, w: 0, b: 0 }
 */
export function buildSigmoidExample(
  at: { readonly x: number; readonly w: number; readonly b: number } = { x: 1, w: 0, b: 0 },
): SigmoidExample {
  const g = new Graph();
  const x = g.input('x', at.x);
  const w = g.input('w', at.w);
  const b = g.input('b', at.b);
  const h1 = g.mul(w, x, 'h1');
  const h2 = g.add(h1, b, 'h2');
  const h3 = g.neg(h2, 'h3');
  const h4 = g.exp(h3, 'h4');
  const one = g.constant(1, '1');
  const h5 = g.add(h4, one, 'h5');
  const h6 = g.reciprocal(h5, 'h6');
  return { graph: g, ids: { x, w, b, h1, h2, h3, h4, h5, h6 } };
}

/** Node ids of Mazur's graph: every named value, plus the hidden/output nodes and E. */
export type MazurGraphIds = Record<
  | MazurParamName
  | 'net_h1'
  | 'out_h1'
  | 'net_h2'
  | 'out_h2'
  | 'net_o1'
  | 'out_o1'
  | 'net_o2'
  | 'out_o2'
  | 'E_o1'
  | 'E_o2'
  | 'E',
  number
>;

/**
 * Mazur's network and its error E = ½(t1 − out_o1)² + ½(t2 − out_o2)² as a scalar graph. Every
 * named value (inputs, weights, biases, targets) is an input node, so forward mode can be taken
 * with respect to any of them.
 */
export function buildMazurGraph(p: MazurParams = mazur.params): {
  graph: Graph;
  ids: MazurGraphIds;
} {
  const g = new Graph();
  const v = {} as Record<MazurParamName, number>;
  for (const name of MAZUR_PARAM_NAMES) v[name] = g.input(name, p[name]);
  // Same summation order as the network kernel: weighted inputs first, bias last.
  const net = (wa: number, xa: number, wb: number, xb: number, bias: number, label: string) =>
    g.add(g.add(g.mul(wa, xa), g.mul(wb, xb)), bias, label);
  const net_h1 = net(v.w1, v.i1, v.w2, v.i2, v.b1, 'net_h1');
  const out_h1 = g.sigmoid(net_h1, 'out_h1');
  const net_h2 = net(v.w3, v.i1, v.w4, v.i2, v.b1, 'net_h2');
  const out_h2 = g.sigmoid(net_h2, 'out_h2');
  const net_o1 = net(v.w5, out_h1, v.w6, out_h2, v.b2, 'net_o1');
  const out_o1 = g.sigmoid(net_o1, 'out_o1');
  const net_o2 = net(v.w7, out_h1, v.w8, out_h2, v.b2, 'net_o2');
  const out_o2 = g.sigmoid(net_o2, 'out_o2');
  const half = g.constant(0.5, '½');
  const err = (t: number, o: number, label: string) =>
    g.mul(half, g.pow(g.add(t, g.neg(o)), 2), label);
  const E_o1 = err(v.t1, out_o1, 'E_o1');
  const E_o2 = err(v.t2, out_o2, 'E_o2');
  const E = g.add(E_o1, E_o2, 'E');
  return {
    graph: g,
    ids: { ...v, net_h1, out_h1, net_h2, out_h2, net_o1, out_o1, net_o2, out_o2, E_o1, E_o2, E },
  };
}

/**
 * One full-batch gradient step on Mazur's example through the graph engine: build the graph,
 * run reverse mode from E, and move w1..w8 (and b1, b2 if `trainBiases`) by −η·∂E/∂·.
 * Returns the new named values and the error E before the step.
 * @param eta learning rate; default 0.5
 * @param trainBiases whether b1 and b2 move too; default false (as in the post)
 */
export function mazurGraphStep(
  p: MazurParams,
  eta: number = mazur.eta,
  trainBiases = false,
): { params: MazurParams; E: number } {
  checkRange('mazurGraphStep()', 'eta', eta, 0, 1000, true);
  const { graph, ids } = buildMazurGraph(p);
  const adj = graph.adjoints(ids.E);
  const next: Record<MazurParamName, number> = { ...p };
  const names: MazurParamName[] = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'];
  if (trainBiases) names.push('b1', 'b2');
  for (const name of names) next[name] = graph.value(ids[name]) - eta * adj[ids[name]]!;
  return { params: next, E: graph.value(ids.E) };
}
