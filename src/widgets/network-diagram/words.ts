/**
 * The network diagram's words, in each of the course's languages: the names a screen reader
 * gives the diagram and its read-outs, the notes under the chain rules, and what the diagram
 * announces once the reader has settled on a new value. The formulas themselves are in
 * NetworkDiagram.astro; the read-outs' numbers come from the model.
 */
import type { Locale } from '../../i18n/locales.ts';
import { networkDiagram as zhCN } from '../../i18n/zh-cn/network-diagram.ts';

export interface NetworkDiagramWords {
  /** The diagram's name, as a group. */
  readonly diagramName: string;
  /** What the drawing shows, for a reader who cannot see it (the drawing itself is hidden). */
  readonly diagramStructure: string;
  /**
   * The two read-outs of a neuron, as they are labelled on the drawing ("net 0.3775", "out
   * 0.5933"): short, as they sit inside the neuron's circle.
   */
  readonly netWord: string;
  readonly outWord: string;
  /** What comes before a neuron's read-outs in its name: "h1: net 0.3775, out 0.5933". */
  readonly neuronPrefix: (id: string) => string;
  /** What comes before E's read-out in its name: "error E: 0.2984". */
  readonly errorPrefix: string;
  /** Between a neuron's two read-outs in its name (not shown). */
  readonly readOutSeparator: string;
  /**
   * After a hidden weight's chain rule (a space apart), in brackets: the weight's input `input`
   * feeds hidden neuron `hidden`, which feeds both outputs, so its gradient sums two paths.
   */
  readonly hiddenNote: (input: string, hidden: string) => string;
  /**
   * Right after a bias's formula (a sum of the layer's error signals), so it starts with the space
   * that parts it from the formula, if the language wants one.
   */
  readonly biasNote: string;
  /**
   * What the diagram says once the reader has stopped changing a value: the chain rule of the
   * weight `param` whose gradient is shown, as its numbers read (`factors`: "0.7414 × 0.1868 ×
   * 0.5933 = 0.082167"), and the error; only the error when `param` is undefined (an input).
   */
  readonly settledText: (param: string | undefined, factors: string, error: string) => string;
}

const en: NetworkDiagramWords = {
  diagramName: 'The worked example’s network',
  diagramStructure:
    'Inputs i1 and i2 feed hidden neurons h1 and h2 through weights w1 to w4; the hidden neurons feed outputs o1 and o2 through weights w5 to w8; biases b1 and b2 feed each layer; both outputs feed the error E. Each input, weight and bias can be changed, and each neuron shows its net input and its output.',
  netWord: 'net',
  outWord: 'out',
  neuronPrefix: (id) => `${id}: `,
  errorPrefix: 'error E: ',
  readOutSeparator: ', ',
  hiddenNote: (input, hidden) =>
    `(${input} feeds ${hidden}, which feeds both outputs: two paths, summed.)`,
  biasNote:
    " (one bias shared by the layer sums its neurons' error signals; the worked example keeps biases fixed).",
  settledText: (param, factors, error) => {
    const chain = param ? `∂E/∂${param} = ${factors}. ` : '';
    return `${chain}Error E: ${error}.`;
  },
};

export const networkDiagramWords: Readonly<Record<Locale, NetworkDiagramWords>> = {
  en,
  'zh-CN': zhCN,
};
