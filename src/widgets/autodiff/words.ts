/**
 * What chapter 5's step-through graph says in words: where the reader is, each step for the
 * status line, and what a finished pass gives.
 */
import {
  carriedWord,
  nodeRich,
  numberText,
  operationRich,
  plain,
  type FigureState,
} from './figure.ts';

/** Where the reader is: "Step 4 of 9, forward mode with seed w". */
export function positionText(state: FigureState): string {
  const mode =
    state.params.mode === 'forward'
      ? `forward mode, seeded on ${state.params.seed}`
      : 'reverse mode';
  return `Step ${state.step} of ${state.order.length}, ${mode}`;
}

/** The step in words, for the status: the node, its value and what the mode computes there. */
export function stepWords(state: FigureState): string {
  const { graph, evaluation, carried, current, params } = state;
  const node = graph.nodes[current]!;
  const name = plain(nodeRich(node));
  const value = numberText(evaluation.values[current]!);
  const what =
    node.kind === 'input'
      ? `${name} = ${value}`
      : `${plain(operationRich(graph, current))} = ${value}`;
  const partial = params.mode === 'forward' ? `∂${name}/∂${params.seed}` : `∂f/∂${name}`;
  const derivative = state.problem
    ? state.problem
    : `its ${carriedWord(params.mode)} ${partial} = ${numberText(carried[current]!)}`;
  return `${positionText(state)}: ${what}; ${derivative}.`;
}

/**
 * What the finished pass gives, shown at its last step: one derivative in forward mode (the
 * seed's), all three in reverse mode; undefined before the last step or where f is not defined.
 */
export function doneText(state: FigureState): string | undefined {
  if (state.step !== state.order.length || state.problem) return undefined;
  const { graph, carried, params } = state;
  const output = graph.output;
  if (params.mode === 'forward') {
    const value = 'node' in output ? carried[output.node]! : 0;
    return `The pass is complete: its last tangent is ∂f/∂${params.seed} = ${numberText(value)}. Another seed needs another pass.`;
  }
  const inputs = graph.nodes.flatMap((node, i) =>
    node.kind === 'input' ? [`∂f/∂${node.name} = ${numberText(carried[i]!)}`] : [],
  );
  return `The pass is complete: the inputs’ adjoints are ${inputs.join(', ')}, all from this one pass.`;
}
