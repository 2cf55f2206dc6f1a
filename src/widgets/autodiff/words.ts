/**
 * What chapter 5's step-through graph says in words, in each of the course's languages: its
 * controls, tables and caption, where the reader is, each step for the status line, what a
 * finished pass gives, and why a point has no derivatives. The functions at the end put a figure
 * state into those words; the numbers in them are formatted by figure.ts (numberText) first.
 */
import type { Locale } from '../../i18n/locales.ts';
import { autodiff as zhCN } from '../../i18n/zh-cn/autodiff.ts';
import {
  nodeRich,
  numberText,
  operationRich,
  plain,
  type FigureState,
  type Problem,
} from './figure.ts';

export interface AutodiffWords {
  /** Before the mode field: "mode ⟨forward⟩". */
  readonly modeLabel: string;
  /** Before the seed field: "forward seed ⟨w⟩". */
  readonly seedLabel: string;
  /** The name of the group of the Previous and Next buttons. */
  readonly navName: string;
  readonly previous: string;
  readonly next: string;

  /** The derivatives table's caption, up to f's value, which follows it: "…, f = ". */
  readonly derivativesCaption: string;
  readonly derivativeHeader: string;
  readonly reverseHeader: string;
  readonly forwardHeader: string;
  readonly centralHeader: string;
  /** The figure's caption: what the drawing shows. */
  readonly figcaption: string;

  /** The step table's column headings. */
  readonly nodeHeader: string;
  readonly operationHeader: string;
  readonly valueHeader: string;
  /** The last column in forward mode, seeded on `seed`: "Tangent ḣ = ∂h/∂w". */
  readonly tangentHeader: (seed: string) => string;
  /** The last column in reverse mode. */
  readonly adjointHeader: string;
  /** An input's operation in the step table. */
  readonly inputOperation: string;
  /** A node whose tangent or adjoint the mode has not computed yet. */
  readonly notYet: string;
  /** How a screen reader says a letter with a bar over it (x̄): "x bar". */
  readonly barred: (letter: string) => string;

  /** Where the reader is in forward mode: "Step 4 of 9, forward mode, seeded on w". */
  readonly positionForward: (step: number, total: number, seed: string) => string;
  /** Where the reader is in reverse mode: "Step 2 of 9, reverse mode". */
  readonly positionReverse: (step: number, total: number) => string;
  /** A forward step's result, for the status: "its tangent ∂h6/∂w = 0.2500". */
  readonly tangentSaid: (partial: string, value: string) => string;
  /** A reverse step's result, for the status: "its adjoint ∂f/∂h5 = −0.2500". */
  readonly adjointSaid: (partial: string, value: string) => string;
  /**
   * A step for the status: the position, the node's operation with its value ("h6 = 1 / h5 =
   * 0.5000"), and what tangentSaid or adjointSaid gives.
   */
  readonly stepSaid: (position: string, operation: string, result: string) => string;
  /** A step where f has no derivatives: as stepSaid, with the problem's sentence instead. */
  readonly stepProblem: (position: string, operation: string, problem: string) => string;
  /** What the status says on a step: the step, then what the pass gave if it is the last one. */
  readonly announceStep: (step: string, done: string | undefined) => string;

  /** The last step of a forward pass seeded on `seed`; `value` is ∂f/∂seed. */
  readonly doneForward: (seed: string, value: string) => string;
  /** The last step of a reverse pass: `derivatives` are "∂f/∂x = 0.0000" and so on. */
  readonly doneReverse: (derivatives: readonly string[]) => string;
  /** What the status says once the function or the point has settled. */
  readonly result: (f: string, dfdx: string, dfdw: string, dfdb: string) => string;

  /** A step (`step` is "h1 = x^0.5") has a value but no finite derivative at the point. */
  readonly noDerivative: (step: string) => string;
  /** A step (`step` is "h1 = log(x)") has no finite value at the point. */
  readonly notFinite: (step: string) => string;
  /** f itself has no finite value at the point. */
  readonly notDefined: string;
  /** The central differences would need a point near this one where f is not defined. */
  readonly unchecked: string;
}

const en: AutodiffWords = {
  modeLabel: 'mode',
  seedLabel: 'forward seed',
  navName: 'Step through the graph',
  previous: 'Previous step',
  next: 'Next step',

  derivativesCaption: 'The derivatives at this point, f = ',
  derivativeHeader: 'Derivative',
  reverseHeader: 'Reverse mode (one pass)',
  forwardHeader: 'Forward mode (a pass each)',
  centralHeader: 'Central difference',
  figcaption:
    'The computation graph of f, one box per input and per step. Each box shows its operation and value, and, once the mode has reached it, its tangent ḣ (forward mode, the derivative with respect to the seed) or adjoint h̄ (reverse mode, the derivative of f with respect to it). The arrows run from each operand to the steps that use it.',

  nodeHeader: 'Node',
  operationHeader: 'Operation',
  valueHeader: 'Value',
  tangentHeader: (seed) => `Tangent ḣ = ∂h/∂${seed}`,
  adjointHeader: 'Adjoint h\u0304 = ∂f/∂h',
  inputOperation: 'input',
  notYet: 'not yet',
  barred: (letter) => `${letter} bar`,

  positionForward: (step, total, seed) =>
    `Step ${step} of ${total}, forward mode, seeded on ${seed}`,
  positionReverse: (step, total) => `Step ${step} of ${total}, reverse mode`,
  tangentSaid: (partial, value) => `its tangent ${partial} = ${value}`,
  adjointSaid: (partial, value) => `its adjoint ${partial} = ${value}`,
  stepSaid: (position, operation, result) => `${position}: ${operation}; ${result}.`,
  stepProblem: (position, operation, problem) => `${position}: ${operation}; ${problem}.`,
  announceStep: (step, done) => [step, done ?? ''].join(' ').trim(),

  doneForward: (seed, value) =>
    `The pass is complete: its last tangent is ∂f/∂${seed} = ${value}. Another seed needs another pass.`,
  doneReverse: (derivatives) =>
    `The pass is complete: the inputs’ adjoints are ${derivatives.join(', ')}, all from this one pass.`,
  result: (f, dfdx, dfdw, dfdb) =>
    `f = ${f}. By reverse mode, ∂f/∂x = ${dfdx}, ∂f/∂w = ${dfdw}, ∂f/∂b = ${dfdb}.`,

  noDerivative: (step) =>
    `f has no derivative here: ${step} has no finite derivative at this point.`,
  notFinite: (step) => `f is not defined here: ${step} is not a finite number at this point.`,
  notDefined: 'f is not defined here.',
  unchecked:
    'f is not defined at a point within 0.00001 of this one, which the central differences need, so the figure shows no derivatives here.',
};

export const autodiffWords: Readonly<Record<Locale, AutodiffWords>> = { en, 'zh-CN': zhCN };

/** Why the figure shows no derivatives here, as a sentence. */
export function problemText(problem: Problem, words: AutodiffWords): string {
  switch (problem.kind) {
    case 'no-derivative':
      return words.noDerivative(problem.step);
    case 'not-finite':
      return words.notFinite(problem.step);
    case 'not-defined':
      return words.notDefined;
    case 'unchecked':
      return words.unchecked;
  }
}

/** Where the reader is: "Step 4 of 9, forward mode, seeded on w". */
export function positionText(state: FigureState, words: AutodiffWords): string {
  return state.params.mode === 'forward'
    ? words.positionForward(state.step, state.order.length, state.params.seed)
    : words.positionReverse(state.step, state.order.length);
}

/** The step in words, for the status: the node, its value and what the mode computes there. */
export function stepWords(state: FigureState, words: AutodiffWords): string {
  const { graph, evaluation, carried, current, params } = state;
  const node = graph.nodes[current]!;
  const name = plain(nodeRich(node));
  const value = numberText(evaluation.values[current]!);
  const what =
    node.kind === 'input'
      ? `${name} = ${value}`
      : `${plain(operationRich(graph, current))} = ${value}`;
  const position = positionText(state, words);
  if (state.problem) return words.stepProblem(position, what, problemText(state.problem, words));
  const derivative = numberText(carried[current]!);
  const result =
    params.mode === 'forward'
      ? words.tangentSaid(`∂${name}/∂${params.seed}`, derivative)
      : words.adjointSaid(`∂f/∂${name}`, derivative);
  return words.stepSaid(position, what, result);
}

/**
 * What the finished pass gives, shown at its last step: one derivative in forward mode (the
 * seed's), all three in reverse mode; undefined before the last step or where f is not defined.
 */
export function doneText(state: FigureState, words: AutodiffWords): string | undefined {
  if (state.step !== state.order.length || state.problem) return undefined;
  const { graph, carried, params } = state;
  const output = graph.output;
  if (params.mode === 'forward') {
    const value = 'node' in output ? carried[output.node]! : 0;
    return words.doneForward(params.seed, numberText(value));
  }
  const inputs = graph.nodes.flatMap((node, i) =>
    node.kind === 'input' ? [`∂f/∂${node.name} = ${numberText(carried[i]!)}`] : [],
  );
  return words.doneReverse(inputs);
}
