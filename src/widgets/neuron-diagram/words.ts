/**
 * The neuron diagram's words: its caption, which also names the figure for a screen reader. The
 * fields' names ("input x1", "weight w1") are the model's parameter labels, and the node's
 * read-outs ("z = 0.40") are formulas, the same in every language.
 */
import type { Locale } from '../../i18n/locales.ts';
import { neuronDiagram as zhCN } from '../../i18n/zh-cn/neuron-diagram.ts';

export interface NeuronDiagramWords {
  /** The figure's caption, and so its name. */
  readonly caption: string;
}

const en: NeuronDiagramWords = {
  caption:
    'A neuron with three inputs: each input times its weight, plus the bias, gives the net input z, and the activation function gives the output a = f(z).',
};

export const neuronDiagramWords: Readonly<Record<Locale, NeuronDiagramWords>> = {
  en,
  'zh-CN': zhCN,
};
