/**
 * The activation explorer's words: the label before the activation's menu, the sentence that
 * reads f(x) and f′(x) at the field that sets x, the caption, the figure's name for a screen
 * reader, and what the explorer says once the reader has settled on a new x. The numbers come
 * formatted (a math minus, 4 decimals, x to 1); the activations' names are the model's own.
 */
import type { Locale } from '../../i18n/locales.ts';
import { activationExplorer as zhCN } from '../../i18n/zh-cn/activation-explorer.ts';

export interface ActivationExplorerWords {
  /** Before the activation's menu, with the space between them if the language has one: "f: ". */
  readonly activationLabel: string;
  /**
   * The read-out under the figure, around its three live parts: `before` "x = [field]" `afterX`
   * "f(x) = [value]" `between` "f′(x) = [value]" `end`. English "At x = 2.0: f(x) = …, f′(x) = ….";
   * a language that wraps x in its words (在 x = 2.0 处：…) puts them in `before` and `afterX`.
   */
  readonly readout: {
    readonly before: string;
    readonly afterX: string;
    readonly between: string;
    readonly end: string;
  };
  /** The figure's caption, which names the whole explorer. */
  readonly caption: string;
  /**
   * The figure's name for a screen reader: what it shows (the activation's `name`, e.g.
   * "sigmoid σ", over x from −4 to 4) and its two values at x.
   */
  readonly figureLabel: (name: string, x: string, fx: string, dfx: string) => string;
  /** What the status says once x, f(x) and f′(x) have settled after an edit. */
  readonly settled: (x: string, fx: string, dfx: string) => string;
}

const en: ActivationExplorerWords = {
  activationLabel: 'f: ',
  readout: { before: 'At ', afterX: ': ', between: ', ', end: '.' },
  caption:
    'Activation explorer: the activation f (solid line) and its slope f′ (dashed). Point at the figure, or change x, to read both at one input.',
  figureLabel: (name, x, fx, dfx) =>
    `${name} (solid) and its slope (dashed) for x from −4 to 4. ` +
    `At x = ${x}, f(x) = ${fx} and f′(x) = ${dfx}.`,
  settled: (x, fx, dfx) => `At x = ${x}: f(x) = ${fx}, f′(x) = ${dfx}.`,
};

export const activationExplorerWords: Readonly<Record<Locale, ActivationExplorerWords>> = {
  en,
  'zh-CN': zhCN,
};
