/**
 * The zig-zag figure's words, in each of the course's languages (zigzagWords): the text around
 * its controls, the panels' names, the caption, the figures' text alternatives, and what a panel
 * says about its descent: one summary, written by the build for the starting values and by the
 * element after each edit, from the engine's numbers. The summary is the panel's visible result
 * and the end of its figure's name.
 *
 * The numbers come formatted by the helpers here, the same in every language. The helpers that
 * put them into words take the page's words as their last argument; without it they write
 * English (the unit tests read English).
 */
import type { Locale } from '../../i18n/locales.ts';
import { zigzag as zhCN } from '../../i18n/zh-cn/zigzag.ts';
import { formatNumber } from '../../live/format.ts';
import { ETA_GRID } from '../../live/models/zigzag.ts';
import { count, type Count } from '../training/words.ts';

export interface ZigzagWords {
  /** A number of steps: "1 step", "188 steps". */
  readonly steps: (count: Count) => string;
  /** The text before and after the controls' fields that are not plain math ("w1 = "). */
  readonly controls: {
    /** Before the start's first field: "start w0 = ". */
    readonly start: string;
    /** Around the step limit: "at most " [2000] " steps". */
    readonly stepsBefore: string;
    readonly stepsAfter: string;
  };
  /** Before a panel's inputs menu: "Inputs: ". */
  readonly inputs: string;
  /** The inputs menu's name, for the left or the right panel. */
  readonly inputsLabel: (side: 'left' | 'right') => string;
  readonly caption: string;
  /** What the status says about each panel once the values settle: "Left panel, <inputs>: …". */
  readonly leftPanel: string;
  readonly rightPanel: string;
  readonly panelResult: (panel: string, inputs: string, result: string) => string;
  /** Between the sentences of a summary, and between the panels' results in the status. */
  readonly between: string;
  /**
   * The result. `eps` is ε's value ("0.05"), `steps` is `steps(…)`'s ("188 steps"), `eta` η's
   * value.
   */
  readonly startsWithin: (eps: string) => string;
  readonly within: (eps: string, steps: string) => string;
  readonly diverges: (steps: string, eta: string) => string;
  readonly notWithin: (eps: string, steps: string) => string;
  /**
   * Which ways the steps moved the two weights. `first`: the model drew only the first `drawn`
   * of the steps (written, "1,999"); `same` and `opposite` count each way.
   */
  readonly quadrantsOnly: string;
  readonly oneStep: (sameWay: boolean) => string;
  readonly allOpposite: (first: boolean, drawn: string) => string;
  readonly allSame: (first: boolean, drawn: string) => string;
  readonly mixed: (first: boolean, drawn: string, same: string, opposite: string) => string;
  /** "Curvature ratio κ = 14.85." */
  readonly curvature: (kappa: string) => string;
  /** The start at its own best learning rate, or no rate in [lo, hi] arriving in `steps`. */
  readonly best: (eta: string, steps: string) => string;
  readonly noBest: (lo: string, hi: string, eps: string, steps: string) => string;
  /**
   * A panel figure's name: what it shows, then the panel's summary. `inputs` is the inputs'
   * name as the menu writes it; `start` and `optimum` are points, "(0.0, 0.0)".
   */
  readonly panelLabel: (inputs: string, start: string, optimum: string, summary: string) => string;
  /**
   * The A → B → E figure's name: the points A, B and E ("(0.0, 0.0)") and how many real steps
   * (written) the solid path draws.
   */
  readonly staircaseLabel: (a: string, b: string, e: string, steps: string) => string;
  /** The magnified first steps' name: how many arrows (written). */
  readonly firstStepsLabel: (arrows: string) => string;
}

const englishSteps = ({ n, text }: Count): string => `${text} ${n === 1 ? 'step' : 'steps'}`;
const its = (first: boolean): string => (first ? 'its first' : 'its');

const en: ZigzagWords = {
  steps: englishSteps,
  controls: { start: 'start w0 = ', stepsBefore: 'at most ', stepsAfter: ' steps' },
  inputs: 'Inputs: ',
  inputsLabel: (side) => `inputs, ${side} panel`,
  caption:
    "Gradient descent on two weights, from one start, with two kinds of input. The ellipses are the loss's contours, the star its minimum, the line the path of the weights step by step; shading marks the only directions one example's step can take. Drag on a panel, or type, to move the start.",
  leftPanel: 'Left panel',
  rightPanel: 'Right panel',
  panelResult: (panel, inputs, result) => `${panel}, ${inputs}: ${result}`,
  between: ' ',
  startsWithin: (eps) => `It starts within ε = ${eps} of the optimum.`,
  within: (eps, steps) => `Within ε = ${eps} of the optimum after ${steps}.`,
  diverges: (steps, eta) =>
    `Diverges: after ${steps} a weight has passed a million. η = ${eta} is too large for these inputs.`,
  notWithin: (eps, steps) => `Not within ε = ${eps} of the optimum after ${steps}.`,
  quadrantsOnly:
    "Every step moved both weights the same way: one example's step can only point into the shaded quadrants.",
  oneStep: (sameWay) =>
    `Its one step moved both weights ${sameWay ? 'the same way' : 'in opposite ways'}.`,
  allOpposite: (first, drawn) =>
    `Each of ${its(first)} ${drawn} steps moved the two weights in opposite ways.`,
  allSame: (first, drawn) =>
    `Each of ${its(first)} ${drawn} steps moved both weights the same way.`,
  mixed: (first, drawn, same, opposite) =>
    `Of ${its(first)} ${drawn} steps, ${same} moved both weights the same way and ${opposite} in opposite ways.`,
  curvature: (kappa) => `Curvature ratio κ = ${kappa}.`,
  best: (eta, steps) => `At its best learning rate, η = ${eta}, it takes ${steps}.`,
  noBest: (lo, hi, eps, steps) =>
    `No learning rate from ${lo} to ${hi} gets within ε = ${eps} in ${steps}.`,
  panelLabel: (inputs, start, optimum, summary) =>
    `Loss contours over w0 and w1 for ${inputs}, with the gradient-descent path from ` +
    `${start} towards the optimum ${optimum}. ${summary}`,
  staircaseLabel: (a, b, e, steps) =>
    `Two paths over the loss's contours. Dashed: the common picture, from A ${a} ` +
    `along w0 alone to B ${b}, then along w1 alone to the optimum E ` +
    `${e}. Solid: the ${steps} steps gradient descent really takes ` +
    `from A with sigmoid inputs.`,
  firstStepsLabel: (arrows) =>
    `The first ${arrows} steps from A, magnified: each is an arrow up and to the right or ` +
    `down and to the left, both weights changing at once.`,
};

/** The figure's words in each language: `byLocale(zigzagWords, lang)`. */
export const zigzagWords: Readonly<Record<Locale, ZigzagWords>> = { en, 'zh-CN': zhCN };

export interface PanelNumbers {
  readonly stepsToEps: number;
  readonly arrived: number;
  readonly diverged: number;
  readonly sameSign: number;
  readonly mixed: number;
  readonly quadrants: number;
  readonly condition: number;
  readonly eta: number;
  readonly epsilon: number;
  readonly batch: boolean;
  /** From the worker: undefined until it answers. */
  readonly bestEta?: number | undefined;
  readonly bestSteps?: number | undefined;
  readonly bestArrived?: number | undefined;
}

/** A number as the page writes it: a minus sign, and no more digits than it has (up to 3). */
const n = (v: number): string =>
  formatNumber(v, { digits: 3, mathMinus: true })
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');

/** The result: arrived, diverged, or not there yet. */
export function resultWords(v: PanelNumbers, words: ZigzagWords = en): string {
  const eps = n(v.epsilon);
  const steps = words.steps(count(v.stepsToEps));
  if (v.arrived === 1) {
    return v.stepsToEps === 0 ? words.startsWithin(eps) : words.within(eps, steps);
  }
  if (v.diverged === 1) return words.diverges(steps, n(v.eta));
  return words.notWithin(eps, steps);
}

/** Which ways the steps moved the two weights. */
export function directionWords(v: PanelNumbers, words: ZigzagWords = en): string {
  const drawn = v.sameSign + v.mixed;
  if (drawn === 0) return '';
  // The model counts the steps it draws, the first 1,999: "its first" when there were more.
  const first = drawn < v.stepsToEps;
  if (!v.batch && v.quadrants === 1) return words.quadrantsOnly;
  if (drawn === 1) return words.oneStep(v.sameSign === 1);
  const written = count(drawn).text;
  if (v.sameSign === 0) return words.allOpposite(first, written);
  if (v.mixed === 0) return words.allSame(first, written);
  return words.mixed(first, written, count(v.sameSign).text, count(v.mixed).text);
}

/** The fair comparison: this start at its own best learning rate. */
export function bestWords(v: PanelNumbers, words: ZigzagWords = en): string {
  if (v.bestArrived === undefined || v.bestEta === undefined || v.bestSteps === undefined) {
    return '';
  }
  const steps = words.steps(count(v.bestSteps));
  return v.bestArrived === 1
    ? words.best(n(v.bestEta), steps)
    : words.noBest(n(ETA_GRID[0] ?? 0), n(ETA_GRID.at(-1) ?? 0), n(v.epsilon), steps);
}

/** The whole summary, sentence by sentence. */
export function panelSummary(v: PanelNumbers, words: ZigzagWords = en): string {
  return [
    resultWords(v, words),
    directionWords(v, words),
    words.curvature(formatNumber(v.condition, { digits: 2 })),
    bestWords(v, words),
  ]
    .filter((s) => s !== '')
    .join(words.between);
}
