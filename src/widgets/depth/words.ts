/**
 * What chapter 7's figure says in words, in each of the course's languages (depthWords): the text
 * around its fields, the charts' titles and axes, each chart's summary (its text alternative),
 * the table, and the status a screen reader hears once the figure has settled. The numbers and
 * formulas (‖∂E/∂W⁽¹⁾‖ = 0.099) are written here, the same in every language.
 */
import type { Locale } from '../../i18n/locales.ts';
import { depth as zhCN } from '../../i18n/zh-cn/depth.ts';
import { NOT_A_NUMBER, formatNumber, superscript } from '../../live/format.ts';
import { formatCount, type AroundField } from '../fit/words.ts';
import { powerOfTen } from './depth-svg.ts';

/** How many times larger one gradient is than another: "21", or "10¹²" when `about` it. */
export interface Factor {
  readonly text: string;
  readonly about: boolean;
}

export interface DepthWords {
  /** The first group of fields, and the text around them: "L = [20] layers", … */
  readonly network: string;
  readonly layers: AroundField;
  readonly width: AroundField;
  readonly activation: AroundField;
  readonly init: AroundField;
  readonly seed: AroundField;
  /** The remedies' group, and the text between the clipping box and its threshold's field. */
  readonly remedies: string;
  readonly clipAt: string;
  /** The training's group, and the text around its steps' field. */
  readonly training: string;
  readonly steps: AroundField;
  /** The three charts' titles, which name them. */
  readonly flowTitle: string;
  readonly lossTitle: string;
  readonly changeTitle: string;
  /** The table's disclosure, which also names its scrolling region, and its column headers. */
  readonly numbers: string;
  readonly layerColumn: string;
  readonly gradientColumn: string;
  readonly movedColumn: string;
  /** The figure's caption, which names it. */
  readonly caption: string;
  /** The x axes' labels: the bar charts' layers and the loss chart's steps. */
  readonly layerAxis: string;
  readonly stepAxis: string;
  /**
   * The gradient chart's summary, for a stack of one layer, or of `layers` layers whose first
   * gradient is much smaller, much larger or about as large as the last's. `first` and `last`
   * are the two norms as formulas: "‖∂E/∂W⁽¹⁾‖ = 5.2e-14", "‖∂E/∂W⁽²⁰⁾‖ = 0.099".
   */
  readonly oneLayer: (norm: string) => string;
  readonly smaller: (layers: number, factor: Factor, first: string, last: string) => string;
  readonly larger: (layers: number, factor: Factor, first: string, last: string) => string;
  readonly similar: (layers: number, first: string, last: string) => string;
  /**
   * What clipping did, after the gradient summary (English starts it with a space): the global
   * norm and c, and the scale every gradient was multiplied by.
   */
  readonly clipped: (globalNorm: string, clipAt: string, scale: string) => string;
  readonly unclipped: (globalNorm: string, clipAt: string) => string;
  /** The training summary: without a step, or over `steps` with how far the weights `moved`. */
  readonly noSteps: (loss: string) => string;
  readonly trained: (steps: string, start: string, end: string, moved: string) => string;
  /** How far the weights moved, for one layer, or for the first and the last of `layers`. */
  readonly movedOne: (change: string) => string;
  readonly moved: (layers: number, first: string, last: string) => string;
  /** After the training summary when the loss grew (English starts it with a space). */
  readonly grew: string;
  /** What the status says once the figure has settled: both summaries. */
  readonly settled: (flow: string, train: string) => string;
}

const en: DepthWords = {
  network: 'The network',
  layers: { before: 'L = ', after: ' layers' },
  width: { before: 'of width n = ', after: '' },
  activation: { before: 'activation ', after: '' },
  init: { before: 'initialisation ', after: '' },
  seed: { before: 'seed ', after: '' },
  remedies: 'Remedies',
  clipAt: ' at c = ',
  training: 'Training',
  steps: { before: '', after: ' steps of gradient descent' },
  flowTitle: 'Gradient reaching each layer at initialisation, ‖∂E/∂W⁽ˡ⁾‖ (log scale)',
  lossTitle: 'Training loss (log scale)',
  changeTitle: "How far each layer's weights moved, ‖ΔW⁽ˡ⁾‖ / ‖W⁽ˡ⁾‖ (log scale)",
  numbers: 'The numbers, layer by layer',
  layerColumn: 'layer',
  gradientColumn: 'gradient ‖∂E/∂W⁽ˡ⁾‖',
  movedColumn: 'weights moved',
  caption:
    "Gradients through depth. The stack is L layers of n units, with weights drawn for the chosen initialisation. Top: the gradient each layer receives when every one of 32 random inputs sends a gradient of size 1 into the top of the stack (after clipping, if it is on). Below: the same stack, with a readout added, trained by gradient descent to match a simple function of its input, and how far each layer's weights moved relative to where they started.",
  layerAxis: 'layer l',
  stepAxis: 'training step',
  oneLayer: (norm) => `One layer: its gradient has norm ${norm}.`,
  smaller: (L, f, first, last) =>
    `Layer 1's gradient is ${times(f)} smaller than layer ${L}'s (${first}, ${last}).`,
  larger: (L, f, first, last) =>
    `Layer 1's gradient is ${times(f)} larger than layer ${L}'s (${first}, ${last}).`,
  similar: (L, first, last) =>
    `Layer 1's and layer ${L}'s gradients are within a factor of 10 of each other (${first}, ${last}).`,
  clipped: (g, c, scale) =>
    ` The global norm ${g} is above c = ${c}, so every layer's gradient is scaled by ${scale}.`,
  unclipped: (g, c) => ` The global norm ${g} is within c = ${c}: clipping changes nothing.`,
  noSteps: (loss) => `No training steps: the loss is ${loss} at the start.`,
  trained: (steps, start, end, moved) =>
    `Over ${steps} steps the loss went from ${start} to ${end}; ${moved}.`,
  movedOne: (change) => `the layer's weights moved by ${change} of their starting size`,
  moved: (L, first, last) =>
    `layer 1's weights moved by ${first} of their starting size, layer ${L}'s by ${last}`,
  grew: ' The loss grew: the steps are too large for this network. Lower η, or clip the gradient.',
  settled: (flow, train) => `${flow} ${train}`,
};

/** "21 times", or "about 10¹² times". */
function times(f: Factor): string {
  return `${f.about ? 'about ' : ''}${f.text} times`;
}

/** The figure's words in each language: `byLocale(depthWords, lang)`. */
export const depthWords: Readonly<Record<Locale, DepthWords>> = { en, 'zh-CN': zhCN };

/** A quantity with `n` significant digits (default 2): 0.099, 5.2e-14, 78; 0 as 0. */
export function sig(x: number, n = 2): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  if (x === 0) return '0';
  // A word joiner after the exponent's minus keeps "5.2e-14" on one line.
  if (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)
    return x
      .toExponential(n - 1)
      .replace('+', '')
      .replace('e-', 'e-\u2060');
  const digits = Math.max(0, n - 1 - Math.floor(Math.log10(Math.abs(x))));
  return formatNumber(x, { digits, mathMinus: true });
}

/** A ratio 10^orders: 21, or about 10¹² from a thousand on. */
function factor(orders: number): Factor {
  const f = 10 ** Math.abs(orders);
  if (f < 1000) return { text: sig(f), about: false };
  return { text: powerOfTen(Math.round(Math.abs(orders))), about: true };
}

export interface FlowWords {
  readonly layers: number;
  readonly firstNorm: number;
  readonly lastNorm: number;
  readonly orders: number;
  readonly globalNorm: number;
  readonly clipScale: number;
  readonly clip: boolean;
  readonly clipAt: number;
}

/**
 * The gradient chart's summary. This and trainText write English unless given the page's words
 * (the unit and end-to-end tests read English).
 */
export function flowText(w: FlowWords, words: DepthWords = en): string {
  const L = w.layers;
  const first = `‖∂E/∂W⁽¹⁾‖ = ${sig(w.firstNorm)}`;
  const last = `‖∂E/∂W⁽${superscript(L)}⁾‖ = ${sig(w.lastNorm)}`;
  let shape: string;
  if (L === 1) shape = words.oneLayer(sig(w.firstNorm));
  else if (w.orders > 1) shape = words.smaller(L, factor(w.orders), first, last);
  else if (w.orders < -1) shape = words.larger(L, factor(w.orders), first, last);
  else shape = words.similar(L, first, last);
  const clip = !w.clip
    ? ''
    : w.clipScale < 1
      ? words.clipped(sig(w.globalNorm), sig(w.clipAt), sig(w.clipScale))
      : words.unclipped(sig(w.globalNorm), sig(w.clipAt));
  return shape + clip;
}

export interface TrainWords {
  readonly steps: number;
  readonly layers: number;
  readonly startLoss: number;
  readonly endLoss: number;
  readonly firstChange: number;
  readonly lastChange: number;
}

/** Whether a run's loss ended far above where it started: η too large for this network. */
export const diverged = (w: { startLoss: number; endLoss: number }): boolean =>
  w.endLoss > 10 * w.startLoss;

/** The training charts' summary. */
export function trainText(w: TrainWords, words: DepthWords = en): string {
  if (w.steps === 0) return words.noSteps(sig(w.startLoss, 3));
  const moved =
    w.layers === 1
      ? words.movedOne(sig(w.firstChange))
      : words.moved(w.layers, sig(w.firstChange), sig(w.lastChange));
  const run = words.trained(formatCount(w.steps), sig(w.startLoss, 3), sig(w.endLoss, 3), moved);
  return run + (diverged(w) ? words.grew : '');
}
