/**
 * Chapter 5's step-through graph as DOM: the drawing (SVG) and the table of every node, built
 * with whichever `document` it is given, so that the build (linkedom) and the browser make the
 * same markup. What a step shows is worked out by figureState() from the model's parameters.
 *
 * A step is a node visited in the mode's order (stepOrder): forward mode computes each node's
 * tangent ḣ, reverse mode each node's adjoint h̄. Values come from one ordinary evaluation and are
 * shown from the start; the derivatives appear node by node, as the mode computes them.
 */
import {
  centralDifference,
  domainProblem,
  evaluate,
  forwardTangents,
  reverseAdjoints,
  type Evaluation,
  type Graph,
  type GraphNode,
  type Operand,
} from '../../engine/autodiff.ts';
import type { Variable } from '../../engine/expression.ts';
import { formatFull, formatNumber } from '../../live/format.ts';
import { graphOf } from '../../live/models/autodiff.ts';
import {
  LAYOUT,
  chainTex,
  consumers,
  layout,
  numberTex,
  operationTex,
  stepOrder,
  type Mode,
} from './graph-steps.ts';
import type { AutodiffWords } from './words.ts';

export interface FigureParams {
  readonly fn: string;
  readonly x: number;
  readonly w: number;
  readonly b: number;
  readonly mode: Mode;
  readonly seed: Variable;
  /** 1-based; clamped to the graph's steps. */
  readonly step: number;
}

export interface FigureState {
  readonly params: FigureParams;
  readonly graph: Graph;
  readonly evaluation: Evaluation;
  /** Each node's tangent (forward) or adjoint (reverse); all NaN where f is not defined. */
  readonly carried: readonly number[];
  /** Node indices in the order the mode visits them. */
  readonly order: readonly number[];
  /** The step shown, 1…order.length. */
  readonly step: number;
  /** The node of that step. */
  readonly current: number;
  readonly visited: ReadonlySet<number>;
  /** Why f has no value or no derivative here, or undefined (words.ts's problemText says it). */
  readonly problem: Problem | undefined;
}

/**
 * Why the figure shows no derivatives at a point: a step (`step`, e.g. "h1 = log(x)") with no
 * finite derivative or no finite value; f with no finite value; or a point near this one where f
 * is not defined, which the central differences need.
 */
export type Problem =
  | { readonly kind: 'no-derivative' | 'not-finite'; readonly step: string }
  | { readonly kind: 'not-defined' | 'unchecked' };

/**
 * Why the figure shows no derivatives at this point, or undefined: a step with no
 * finite value (f is not defined), a step with no finite derivative (f is, but has none), or a
 * point within the central differences' step of one where f is not defined (the model then has
 * no check to show, and says 0 for everything: see src/live/models/autodiff.ts).
 */
function problemAt(graph: Graph, evaluation: Evaluation, at: FigureParams): Problem | undefined {
  const found = domainProblem(graph, evaluation);
  if (found) {
    const step = plain(operationRich(graph, found.node));
    return Number.isFinite(evaluation.values[found.node])
      ? { kind: 'no-derivative', step }
      : { kind: 'not-finite', step };
  }
  if (!Number.isFinite(evaluation.output)) return { kind: 'not-defined' };
  const point = { x: at.x, w: at.w, b: at.b };
  const unchecked = graph.nodes.some(
    (node) => node.kind === 'input' && !Number.isFinite(centralDifference(graph, point, node.name)),
  );
  return unchecked ? { kind: 'unchecked' } : undefined;
}

/** What the figure shows for the model's parameters. */
export function figureState(params: FigureParams): FigureState {
  const graph = graphOf(params.fn);
  const evaluation = evaluate(graph, { x: params.x, w: params.w, b: params.b });
  const problem = problemAt(graph, evaluation, params);
  const carried = problem
    ? graph.nodes.map(() => NaN)
    : params.mode === 'forward'
      ? forwardTangents(graph, evaluation, params.seed)
      : reverseAdjoints(graph, evaluation);
  const order = stepOrder(graph, params.mode);
  const step = Math.min(order.length, Math.max(1, Math.round(params.step)));
  const current = order[step - 1]!;
  return {
    params,
    graph,
    evaluation,
    carried,
    order,
    step,
    current,
    visited: new Set(order.slice(0, step)),
    problem,
  };
}

/** Text with subscripts ("h" then {sub: "3"}) and overlined letters ({bar: "h"}: h̄). */
export type Rich = ReadonlyArray<string | { readonly sub: string } | { readonly bar: string }>;

/** As a screen reader gets it: h̄ with its combining macron. */
export const plain = (rich: Rich): string =>
  rich
    .map((part) =>
      typeof part === 'string' ? part : 'sub' in part ? part.sub : `${part.bar}\u0304`,
    )
    .join('');

export function nodeRich(node: GraphNode): Rich {
  return node.kind === 'input' ? [node.name] : ['h', { sub: node.name.slice(1) }];
}

/** A number as the figure writes it: 4 decimals, a true minus sign, never NaN. */
export const numberText = (value: number, digits = 4): string =>
  formatNumber(value, { digits, mathMinus: true });

function constantText(value: number): string {
  if (value === Math.E) return 'e';
  if (value === Math.PI) return 'π';
  // As typed: 0.5, not 0.5000 (formatFull keeps up to 12 significant digits).
  const text = formatFull(value).replace('-', '\u2212');
  return value < 0 ? `(${text})` : text;
}

const operandRich = (graph: Graph, o: Operand): Rich =>
  'node' in o ? nodeRich(graph.nodes[o.node]!) : [constantText(o.constant)];

const SYMBOL: Readonly<Record<string, string>> = {
  add: ' + ',
  sub: ' − ',
  mul: '·',
  div: ' / ',
  pow: '^',
};
const FUNCTION: Readonly<Record<string, string>> = {
  exp: 'exp',
  log: 'log',
  sin: 'sin',
  cos: 'cos',
  tanh: 'tanh',
  sigmoid: 'σ',
  max: 'max',
};

/** A step's right-hand side, e.g. "exp(h₃)"; `short` leaves the operands out: "exp(…)". */
function rightRich(graph: Graph, index: number, short: boolean): Rich {
  const node = graph.nodes[index]!;
  if (node.kind === 'input') return [];
  const [a, b] = node.args.map((o) => (short ? ['…'] : operandRich(graph, o)));
  if (node.op === 'neg') return ['−', ...a!];
  const symbol = SYMBOL[node.op];
  if (symbol) return [...a!, symbol, ...b!];
  return [`${FUNCTION[node.op]}(`, ...a!, ...(b ? [', ', ...b] : []), ')'];
}

/** "h₄ = exp(h₃)" (an input: just its name). */
export function operationRich(graph: Graph, index: number): Rich {
  const node = graph.nodes[index]!;
  if (node.kind === 'input') return nodeRich(node);
  return [...nodeRich(node), ' = ', ...rightRich(graph, index, false)];
}

/** The operation as a node's box can hold it: the operands left out if it is too long. */
export function boxRich(graph: Graph, index: number): Rich {
  const full = operationRich(graph, index);
  if (plain(full).length <= 13) return full;
  const node = graph.nodes[index]!;
  return [...nodeRich(node), ' = ', ...rightRich(graph, index, true)];
}

/** The letters with a dot above, precomposed: a combining dot sits badly over a subscripted h. */
const DOTTED: Readonly<Record<string, string>> = { h: 'ḣ', x: 'ẋ', w: 'ẇ', b: 'ḃ' };

/** ḣ₃ or h̄₃ (x̄, ẇ…): the name of what the mode carries at a node. */
export function carriedRich(node: GraphNode, mode: Mode): Rich {
  const letter = node.kind === 'input' ? node.name : 'h';
  const rest = node.kind === 'input' ? [] : [{ sub: node.name.slice(1) }];
  return [mode === 'forward' ? (DOTTED[letter] ?? letter) : { bar: letter }, ...rest];
}

/** The TeX the step panel shows for the current step: the operation with its value, and the chain rule. */
export function stepTex(state: FigureState): { operation: string; chain: string } {
  const { graph, evaluation, current, params } = state;
  const node = graph.nodes[current]!;
  const value = numberTex(evaluation.values[current]!);
  const operation =
    node.kind === 'input'
      ? `${node.name} = ${value}`
      : `${operationTex(graph, current)} = ${value}`;
  const chain = state.problem
    ? ''
    : chainTex(graph, evaluation, state.carried, current, params.mode, params.seed);
  return { operation, chain };
}

const SVG = 'http://www.w3.org/2000/svg';

function svgElement(doc: Document, tag: string, attrs: Record<string, string | number>): Element {
  const element = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

/** Rich text into an SVG <text>: subscripts as smaller, lowered tspans. */
function svgText(doc: Document, rich: Rich, attrs: Record<string, string | number>): Element {
  const text = svgElement(doc, 'text', attrs);
  let lowered = false;
  for (const part of rich) {
    const sub = typeof part !== 'string' && 'sub' in part;
    const span = svgElement(doc, 'tspan', {});
    if (sub !== lowered) span.setAttribute('dy', sub ? '0.3em' : '-0.3em');
    if (sub) span.setAttribute('class', 'autodiff__sub');
    // An overline in SVG sits at the top of the em box, over the line above: a combining macron.
    span.textContent =
      typeof part === 'string' ? part : 'sub' in part ? part.sub : `${part.bar}\u0304`;
    text.append(span);
    lowered = sub;
  }
  return text;
}

/** Rich text into HTML: subscripts as <sub>; a bar read as `words.barred` says it. */
export function htmlRich(doc: Document, rich: Rich, words: AutodiffWords): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const part of rich) {
    if (typeof part === 'string') fragment.append(doc.createTextNode(part));
    else if ('sub' in part) {
      const sub = doc.createElement('sub');
      sub.textContent = part.sub;
      fragment.append(sub);
    } else {
      // Drawn with an overline; read with the combining macron that it stands for.
      const bar = doc.createElement('span');
      bar.className = 'autodiff__bar';
      bar.setAttribute('aria-hidden', 'true');
      bar.textContent = part.bar;
      const spoken = doc.createElement('span');
      spoken.className = 'sr-only';
      spoken.textContent = words.barred(part.bar);
      fragment.append(bar, spoken);
    }
  }
  return fragment;
}

/** The edges a step uses: into the node (forward), or from it to its users (reverse). */
function activeEdges(state: FigureState): Set<string> {
  const { graph, current, params } = state;
  const node = graph.nodes[current]!;
  const edges = new Set<string>();
  if (params.mode === 'forward') {
    if (node.kind === 'step')
      for (const o of node.args) if ('node' in o) edges.add(`${o.node}-${current}`);
  } else {
    for (const { node: c } of consumers(graph, current)) edges.add(`${current}-${c}`);
  }
  return edges;
}

/**
 * The drawing: boxes for the nodes (operation, value, and the tangent or adjoint once the mode
 * has reached them), arrows from each operand to the steps that use it. The current node and the
 * arrows its step uses are marked. Hidden from screen readers: the table says the same.
 */
export function graphSvg(doc: Document, state: FigureState): Element {
  const { graph, evaluation, carried, params } = state;
  const { placed, height } = layout(graph);
  const svg = svgElement(doc, 'svg', {
    class: 'autodiff__svg',
    viewBox: `0 0 ${LAYOUT.width} ${height}`,
    'aria-hidden': 'true',
  });
  const half = LAYOUT.nodeH / 2;
  const active = activeEdges(state);
  const edges = svgElement(doc, 'g', { class: 'autodiff__edges' });
  graph.nodes.forEach((node, to) => {
    if (node.kind !== 'step') return;
    const seen = new Set<number>();
    for (const o of node.args) {
      if (!('node' in o) || seen.has(o.node)) continue;
      seen.add(o.node);
      const a = placed[o.node]!;
      const b = placed[to]!;
      const y1 = a.y + half;
      const y2 = b.y - half - 1;
      const bend = Math.max(12, (y2 - y1) / 2);
      const on = active.has(`${o.node}-${to}`);
      edges.append(
        svgElement(doc, 'path', {
          class: on ? 'autodiff__edge is-active' : 'autodiff__edge',
          d: `M${a.x} ${y1} C${a.x} ${y1 + bend} ${b.x} ${y2 - bend} ${b.x} ${y2 - 6}`,
        }),
        svgElement(doc, 'path', {
          class: on ? 'autodiff__arrow is-active' : 'autodiff__arrow',
          d: `M${b.x - 4} ${y2 - 7} L${b.x + 4} ${y2 - 7} L${b.x} ${y2} Z`,
        }),
      );
    }
  });
  svg.append(edges);
  for (const { index, x, y } of placed) {
    const node = graph.nodes[index]!;
    const classes = ['autodiff__node', `is-${node.kind}`];
    if (state.visited.has(index)) classes.push('is-visited');
    if (index === state.current) classes.push('is-current');
    const g = svgElement(doc, 'g', {
      class: classes.join(' '),
      'data-index': index,
      transform: `translate(${x} ${y})`,
    });
    g.append(
      svgElement(doc, 'rect', {
        x: -LAYOUT.nodeW / 2,
        y: -half,
        width: LAYOUT.nodeW,
        height: LAYOUT.nodeH,
        rx: 6,
      }),
      svgText(doc, boxRich(graph, index), { class: 'autodiff__op', y: -8 }),
      svgText(doc, [`= ${numberText(evaluation.values[index]!)}`], {
        class: 'autodiff__value',
        y: 7,
      }),
    );
    if (state.visited.has(index) && !state.problem) {
      g.append(
        svgText(doc, [...carriedRich(node, params.mode), ` = ${numberText(carried[index]!)}`], {
          class: 'autodiff__carried',
          y: 21,
        }),
      );
    }
    svg.append(g);
  }
  return svg;
}

/**
 * Every node in a table, in the order it is computed: its operation, its value, and its tangent
 * or adjoint once the mode has reached it (words.notYet before). The current step's row is marked
 * aria-current="step".
 */
export function stepTable(
  doc: Document,
  state: FigureState,
  captionId: string,
  words: AutodiffWords,
): Element {
  const { graph, evaluation, carried, params } = state;
  const table = doc.createElement('table');
  table.className = 'autodiff__table';
  table.setAttribute('aria-describedby', captionId);
  const head = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  const carriedHeading =
    params.mode === 'forward' ? words.tangentHeader(params.seed) : words.adjointHeader;
  const headings = [words.nodeHeader, words.operationHeader, words.valueHeader, carriedHeading];
  for (const heading of headings) {
    const th = doc.createElement('th');
    th.setAttribute('scope', 'col');
    th.textContent = heading;
    headRow.append(th);
  }
  head.append(headRow);
  const body = doc.createElement('tbody');
  graph.nodes.forEach((node, index) => {
    const row = doc.createElement('tr');
    if (index === state.current) row.setAttribute('aria-current', 'step');
    const name = doc.createElement('th');
    name.setAttribute('scope', 'row');
    name.append(htmlRich(doc, nodeRich(node), words));
    const operation = doc.createElement('td');
    operation.append(
      htmlRich(
        doc,
        node.kind === 'input' ? [words.inputOperation] : rightRich(graph, index, false),
        words,
      ),
    );
    const value = doc.createElement('td');
    value.textContent = numberText(evaluation.values[index]!);
    const derivative = doc.createElement('td');
    if (state.problem) {
      derivative.textContent = '—';
    } else if (state.visited.has(index)) {
      derivative.append(
        htmlRich(
          doc,
          [...carriedRich(node, params.mode), ` = ${numberText(carried[index]!)}`],
          words,
        ),
      );
    } else {
      derivative.className = 'autodiff__not-yet';
      derivative.textContent = words.notYet;
    }
    row.append(name, operation, value, derivative);
    body.append(row);
  });
  table.append(head, body);
  return table;
}
