/**
 * Chapter 5's model: a function of x, w and b that the reader types, broken into a computation
 * graph (src/engine/autodiff.ts) and differentiated in forward and reverse mode at a point. The
 * default is the course notes' sigmoid, 1/(exp(−(wx + b)) + 1) at x = 1, w = 0, b = 0.
 *
 * The values hold every node's value, local derivatives, forward tangent (for the seed chosen)
 * and reverse adjoint, for the step-through graph to show, and the three derivatives by both
 * modes and by central differences, to check each other. At a point where the function is not
 * defined (log of a negative, a division by zero) `defined` is 0 and every number is 0: the page
 * says so rather than show a number that is not one.
 */
import {
  MAX_STEPS,
  buildGraph,
  centralDifference,
  domainProblem,
  evaluate,
  forwardTangents,
  reverseAdjoints,
  type Graph,
} from '../../engine/autodiff.ts';
import { ExpressionError, MAX_LENGTH, parseExpression } from '../../engine/expression.ts';
import { defineModel, type TextProblem } from '../model.ts';

export const NOTES_FUNCTION = '1/(exp(-(w*x+b))+1)';

const graphs = new Map<string, Graph>();

/** The graph of a text that check() accepted; cached, since every edit of x, w or b reuses it. */
export function graphOf(text: string): Graph {
  let graph = graphs.get(text);
  if (!graph) {
    graph = buildGraph(parseExpression(text));
    if (graphs.size > 50) graphs.clear();
    graphs.set(text, graph);
  }
  return graph;
}

/** What is wrong with a typed function, or undefined: the parser's message and position. */
export function checkFunction(text: string): TextProblem | undefined {
  try {
    const graph = graphOf(text);
    if (!graph.nodes.some((n) => n.kind === 'input')) {
      return { message: 'The function must use at least one of x, w and b.', position: 0 };
    }
    return undefined;
  } catch (error) {
    if (error instanceof ExpressionError)
      return { message: error.message, position: error.position };
    if (error instanceof RangeError) return { message: error.message, position: 0 };
    throw error;
  }
}

const zeros = (n: number) => new Float64Array(n);

/**
 * Passes through the graph to get every derivative of nOut outputs with respect to nIn inputs:
 * forward mode gets one input's derivatives of every output per pass, reverse mode one output's
 * derivatives with respect to every input.
 */
export const passes = (nIn: number, nOut: number) => ({ forwardPasses: nIn, reversePasses: nOut });

export const autodiffModel = defineModel({
  name: 'autodiff',
  params: {
    fn: {
      kind: 'text',
      label: 'function of x, w and b',
      default: NOTES_FUNCTION,
      maxLength: MAX_LENGTH,
      check: checkFunction,
    },
    x: { label: 'input x', default: 1, min: -5, max: 5, step: 0.1 },
    w: { label: 'weight w', default: 0, min: -5, max: 5, step: 0.1 },
    b: { label: 'bias b', default: 0, min: -5, max: 5, step: 0.1 },
    mode: {
      kind: 'choice',
      label: 'mode',
      default: 'forward',
      options: { forward: 'forward mode', reverse: 'reverse mode' },
    },
    seed: {
      kind: 'choice',
      label: 'forward mode’s seed',
      default: 'w',
      options: { x: 'x', w: 'w', b: 'b' },
    },
    // The step-through graph's step, 1-based, in the mode's order; past the graph's last step it
    // shows the last (figure.ts), so that a link stays valid when the function changes.
    step: { label: 'step', default: 1, min: 1, max: MAX_STEPS + 3, step: 1, integer: true },
    // The pass-count table: a function from nIn numbers to nOut numbers. The defaults are the
    // backprop chapter's network: 10 parameters (8 weights, 2 biases) and one loss.
    nIn: { label: 'number of inputs', default: 10, min: 1, max: 1_000_000, step: 1, integer: true },
    nOut: {
      label: 'number of outputs',
      default: 1,
      min: 1,
      max: 1_000_000,
      step: 1,
      integer: true,
    },
  },
  values: {
    numbers: [
      'defined',
      'f',
      'steps',
      'inputs',
      'dfdx',
      'dfdw',
      'dfdb',
      'fdx',
      'fdw',
      'fdb',
      'seedDerivative',
      'fwdx',
      'fwdw',
      'fwdb',
      'forwardPasses',
      'reversePasses',
    ],
    arrays: ['nodeValues', 'nodeTangents', 'nodeAdjoints', 'localFirst', 'localSecond'],
    derive(p) {
      const graph = graphOf(p.fn);
      const at = { x: p.x, w: p.w, b: p.b };
      const e = evaluate(graph, at);
      const n = graph.nodes.length;
      const inputs = graph.nodes.filter((node) => node.kind === 'input').length;
      const problem = domainProblem(graph, e);
      const fd = (v: 'x' | 'w' | 'b') => centralDifference(graph, at, v);
      const finite = [fd('x'), fd('w'), fd('b')].every(Number.isFinite);
      if (problem || !Number.isFinite(e.output) || !finite) {
        return {
          defined: 0,
          f: 0,
          steps: n - inputs,
          inputs,
          dfdx: 0,
          dfdw: 0,
          dfdb: 0,
          fdx: 0,
          fdw: 0,
          fdb: 0,
          seedDerivative: 0,
          fwdx: 0,
          fwdw: 0,
          fwdb: 0,
          ...passes(p.nIn, p.nOut),
          nodeValues: zeros(n),
          nodeTangents: zeros(n),
          nodeAdjoints: zeros(n),
          localFirst: zeros(n),
          localSecond: zeros(n),
        };
      }
      const tangents = forwardTangents(graph, e, p.seed);
      // Forward mode's result for each seed: one pass each.
      const forward = (v: 'x' | 'w' | 'b'): number =>
        'node' in graph.output ? forwardTangents(graph, e, v)[graph.output.node]! : 0;
      const adjoints = reverseAdjoints(graph, e);
      const gradient = (v: 'x' | 'w' | 'b'): number => {
        const i = graph.nodes.findIndex((node) => node.kind === 'input' && node.name === v);
        return i < 0 ? 0 : adjoints[i]!;
      };
      const out = graph.output;
      return {
        defined: 1,
        f: e.output,
        steps: n - inputs,
        inputs,
        dfdx: gradient('x'),
        dfdw: gradient('w'),
        dfdb: gradient('b'),
        fdx: fd('x'),
        fdw: fd('w'),
        fdb: fd('b'),
        seedDerivative: 'node' in out ? tangents[out.node]! : 0,
        fwdx: forward('x'),
        fwdw: forward('w'),
        fwdb: forward('b'),
        ...passes(p.nIn, p.nOut),
        nodeValues: Float64Array.from(e.values),
        nodeTangents: Float64Array.from(tangents),
        nodeAdjoints: Float64Array.from(adjoints),
        localFirst: Float64Array.from(e.local, (l) => l[0] ?? 0),
        localSecond: Float64Array.from(e.local, (l) => l[1] ?? 0),
      };
    },
  },
});

export default autodiffModel;
