/**
 * The training panel's redraws in the page: the step table's cells and caption, and the two
 * figures with their captions. Split from training-element.ts, which decides when to call them.
 */
import { lossTable, outputsTable } from './figure-data.ts';
import { RUN_HEADROOM, type FigureJob } from './loss-plot.ts';
import type { Locale } from '../../i18n/locales.ts';
import { moveLossPlot, moveOutputsPlot } from './move-plot.ts';
import {
  tableRows,
  type Change,
  type OutputLine,
  type Training,
  type TrainingPoint,
} from './model.ts';
import {
  cellText,
  outputsSummary,
  progressSentence,
  runSummary,
  tableCaption,
  type TrainingWords,
} from './words.ts';
import { namePieces, outputNames } from './names.ts';
import { setText } from '../../live/client/read-outs.ts';

/** What the panel describes (the state diagram is in training-element.ts). */
export type View = 'preview' | 'step' | 'running' | 'run' | 'stopped';

/** What the figures show: a run's sampled points, its summary and the outputs it aimed at. */
export interface Curve {
  readonly points: readonly TrainingPoint[];
  readonly change: Change;
  readonly steps: number;
  readonly outputs: readonly OutputLine[];
}

/**
 * The figure Plot drew for a job, if it is ready; else undefined, having asked for it (the panel
 * calls drawFigures again when it comes).
 */
export type TakeFigure = (name: 'loss' | 'outputs', job: FigureJob) => Element | undefined;

/** The curve each figure's holder shows, drawn or moved on to it: it is not drawn twice. */
const shownCurve = new WeakMap<Element, Curve>();

/**
 * The curve each data table lists: the figures of a run's end are drawn twice (moved where they
 * can be, then again when the figure Plot drew comes), and the tables need writing only once.
 */
const tabledCurve = new WeakMap<Element, Curve>();

/** Each panel's table cells by key: the build writes them once, and a run shows ten tables a second. */
const cellsByRoot = new WeakMap<ParentNode, Map<string, HTMLElement>>();

/** Writes a cell's text, and its unrounded value in data-raw (for tests and the curious). */
function setCell(root: ParentNode, key: string, value: number, text: string): void {
  let cells = cellsByRoot.get(root);
  if (!cells) {
    cells = new Map(
      [...root.querySelectorAll<HTMLElement>('[data-cell]')].map((cell) => [
        cell.dataset['cell'] ?? '',
        cell,
      ]),
    );
    cellsByRoot.set(root, cells);
  }
  const cell = cells.get(key);
  if (!cell) return;
  cell.dataset['raw'] = String(value);
  setText(cell, text);
}

/**
 * The table: its caption, and old, new and change for every row (`train.weights`, then E), in
 * the page's `words`.
 */
export function showTable(
  root: ParentNode,
  train: Training,
  kind: 'preview' | 'step' | 'running' | 'run',
  change: Change,
  words: TrainingWords,
): void {
  const caption = root.querySelector<HTMLElement>('.training__table caption');
  if (caption) setText(caption, tableCaption(kind, change, words));
  for (const { key, from, to } of tableRows(train, change)) {
    setCell(root, `${key}.old`, from, cellText(from));
    setCell(root, `${key}.new`, to, cellText(to));
    setCell(root, `${key}.change`, to - from, cellText(to - from, true));
  }
}

/**
 * Both figures, their data tables and, unless `captions` is false, their captions, from
 * `curve`, worded for `view` in the page's `words`.
 *
 * A figure of a run whose axes still fit is moved on in place (moveLossPlot, moveOutputsPlot).
 * During a run (`view` running), at most one is drawn again by Plot, and the data tables
 * (read by screen readers, which aria-busy asks to wait) follow when the run ends. Both figures
 * drawn by Plot and both tables written took 30 ms of script at 4× CPU (the median of a
 * 100,000-step run on the backprop chapter), before their style and layout, ten times a second.
 */
export function drawFigures(
  root: ParentNode,
  take: TakeFigure,
  curve: Curve,
  view: View,
  words: TrainingWords,
  locale: Locale,
  captions = true,
): boolean {
  const { points, steps, outputs, change } = curve;
  const running = view === 'running';
  // While a run goes on, its figures keep whatever axes hold its points so far (the preview's of
  // the whole run, or those drawn earlier in it); its last figure is drawn on its own axes.
  const options = { steps, words, keepAxes: running };
  // A run's figures, its last included, keep their targets: only their lines and dots move.
  const ofRun = running || view === 'run' || view === 'stopped';
  let plotted = false;
  /**
   * Redraws one figure: in place when it shows a run and its axes fit, else with the figure Plot
   * drew for it, once that is ready (during a run, one figure per call). Says whether the figure
   * now shows `points`, so that its caption follows it.
   */
  const redraw = (
    name: 'loss' | 'outputs',
    move: (svg: Element) => boolean,
    job: FigureJob,
  ): boolean => {
    const holder = root.querySelector(`[data-plot="${name}"]`);
    if (!holder || shownCurve.get(holder) === curve) return true;
    const svg = holder.querySelector('svg');
    if (ofRun && svg && move(svg)) {
      shownCurve.set(holder, curve);
      return true;
    }
    if (running && plotted) return false;
    const drawn = take(name, job);
    if (!drawn) return false;
    holder.replaceChildren(drawn);
    plotted = true;
    // During a run, a figure drawn for an earlier snapshot of it moves on to this one.
    if (running) move(drawn);
    shownCurve.set(holder, curve);
    return true;
  };
  const job = { points, outputs, steps, locale };
  const lossShown = redraw('loss', (svg) => moveLossPlot(svg, points, options), {
    ...job,
    kind: 'loss',
    ...(running ? { headroom: RUN_HEADROOM } : {}),
  });
  const outputsShown = redraw('outputs', (svg) => moveOutputsPlot(svg, points, outputs, options), {
    ...job,
    kind: 'outputs',
  });
  const kind = view === 'preview' || view === 'step' ? 'preview' : 'run';
  const lossCaption = root.querySelector<HTMLElement>('[data-caption="loss"]');
  if (lossCaption && lossShown && captions) {
    setText(
      lossCaption,
      running
        ? progressSentence(change.steps, steps, change.to.E, words)
        : runSummary(view === 'stopped' ? 'stopped' : kind, change, words),
    );
  }
  const outputsCaption = root.querySelector<HTMLElement>('[data-caption="outputs"]');
  if (outputsCaption && outputsShown && captions) {
    setNamedText(outputsCaption, outputsSummary(change, outputs, words), outputNames(outputs));
  }
  const tables = root.querySelectorAll('[data-table]');
  if (running) {
    for (const table of tables) table.setAttribute('aria-busy', 'true');
    return lossShown && outputsShown;
  }
  for (const table of tables) {
    if (tabledCurve.get(table) !== curve) {
      tabledCurve.set(table, curve);
      table.replaceChildren(
        table.getAttribute('data-table') === 'loss'
          ? lossTable(document, points, words)
          : outputsTable(document, points, outputs, words),
      );
    }
    table.removeAttribute('aria-busy');
  }
  return lossShown && outputsShown;
}

/**
 * Writes a sentence, each output's and target's name with its subscript as the chapters do. A
 * sentence of the same shape as the one shown (during a run, only its numbers change) is written
 * into the nodes already there, which keeps the shaping of its unchanged text: a Chinese caption
 * built anew took 3 ms of text shaping at each redraw.
 */
function setNamedText(el: HTMLElement, text: string, names: readonly string[]): void {
  const doc = el.ownerDocument;
  // Each piece's nodes: a text, or a name's base text and its <sub>.
  const parts = namePieces(text, names).flatMap((piece) =>
    typeof piece === 'string' ? [piece] : [piece.base, { sub: piece.sub }],
  );
  const nodes = [...el.childNodes];
  const sameShape =
    nodes.length === parts.length &&
    parts.every((part, i) =>
      typeof part === 'string'
        ? nodes[i]?.nodeType === Node.TEXT_NODE
        : nodes[i]?.nodeName.toLowerCase() === 'sub',
    );
  if (sameShape) {
    parts.forEach((part, i) => {
      const node = nodes[i]!;
      if (typeof part !== 'string') setText(node as Element, part.sub);
      else if ((node as Text).data !== part) (node as Text).data = part;
    });
    return;
  }
  el.replaceChildren(
    ...parts.map((part) => {
      if (typeof part === 'string') return part;
      const sub = doc.createElement('sub');
      sub.textContent = part.sub;
      return sub;
    }),
  );
}
