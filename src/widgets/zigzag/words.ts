/**
 * What a panel of the zig-zag figure says about its descent: one summary, written by the build
 * for the starting values and by the element after each edit, from the engine's numbers. It is
 * the panel's visible result and the end of its figure's name.
 */
import { formatNumber } from '../../live/format.ts';
import { ETA_GRID } from '../../live/models/zigzag.ts';
import { countSteps as steps, formatCount } from '../training/words.ts';

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
export function resultWords(v: PanelNumbers): string {
  const eps = `ε = ${n(v.epsilon)}`;
  if (v.arrived === 1) {
    return v.stepsToEps === 0
      ? `It starts within ${eps} of the optimum.`
      : `Within ${eps} of the optimum after ${steps(v.stepsToEps)}.`;
  }
  if (v.diverged === 1) {
    return `Diverges: after ${steps(v.stepsToEps)} a weight has passed a million. η = ${n(v.eta)} is too large for these inputs.`;
  }
  return `Not within ${eps} of the optimum after ${steps(v.stepsToEps)}.`;
}

/** Which ways the steps moved the two weights. */
export function directionWords(v: PanelNumbers): string {
  const drawn = v.sameSign + v.mixed;
  if (drawn === 0) return '';
  // The model counts the steps it draws, the first 1,999: "its first" when there were more.
  const its = drawn < v.stepsToEps ? 'its first' : 'its';
  if (!v.batch && v.quadrants === 1) {
    return `Every step moved both weights the same way: one example's step can only point into the shaded quadrants.`;
  }
  if (drawn === 1) {
    return `Its one step moved both weights ${v.sameSign === 1 ? 'the same way' : 'in opposite ways'}.`;
  }
  if (v.sameSign === 0)
    return `Each of ${its} ${formatCount(drawn)} steps moved the two weights in opposite ways.`;
  if (v.mixed === 0)
    return `Each of ${its} ${formatCount(drawn)} steps moved both weights the same way.`;
  return `Of ${its} ${formatCount(drawn)} steps, ${formatCount(v.sameSign)} moved both weights the same way and ${formatCount(v.mixed)} in opposite ways.`;
}

/** The fair comparison: this start at its own best learning rate. */
export function bestWords(v: PanelNumbers): string {
  if (v.bestArrived === undefined || v.bestEta === undefined || v.bestSteps === undefined) {
    return '';
  }
  return v.bestArrived === 1
    ? `At its best learning rate, η = ${n(v.bestEta)}, it takes ${steps(v.bestSteps)}.`
    : `No learning rate from ${n(ETA_GRID[0] ?? 0)} to ${n(ETA_GRID.at(-1) ?? 0)} gets within ε = ${n(v.epsilon)} in ${steps(v.bestSteps)}.`;
}

/** The whole summary, sentence by sentence. */
export function panelSummary(v: PanelNumbers): string {
  return [
    resultWords(v),
    directionWords(v),
    `Curvature ratio κ = ${formatNumber(v.condition, { digits: 2 })}.`,
    bestWords(v),
  ]
    .filter((s) => s !== '')
    .join(' ');
}
