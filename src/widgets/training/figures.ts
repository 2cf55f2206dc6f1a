/**
 * Where the training panel's figures are drawn: by Plot in the figure worker (figure-worker.ts),
 * whose SVG markup is parsed into the page, or, if that worker cannot start or fails, by Plot
 * loaded into the page itself, as before the worker.
 */
import { renderFigure, type FigureJob } from './loss-plot.ts';
import type { FigureRequest } from './figure-worker.ts';
import { offThread } from '../../live/client/off-thread.ts';

/** Draws a figure, and settles with it as an element of `doc`. */
export type DrawFigure = (job: FigureJob) => Promise<Element>;

/** Parses a figure's SVG markup into an element of `doc`. */
export function parseFigure(doc: Document, markup: string): Element {
  const template = doc.createElement('template');
  template.innerHTML = markup;
  const svg = template.content.firstElementChild;
  if (!svg || svg.tagName.toLowerCase() !== 'svg')
    throw new Error('The figure worker sent no SVG.');
  return svg;
}

/** Draws on the page with Plot loaded here: the worker's stand-in. */
function drawHere(doc: Document): DrawFigure {
  let plot: Promise<typeof import('./plot-lib.ts')> | undefined;
  return async (job) => renderFigure(await (plot ??= import('./plot-lib.ts')), doc, job);
}

let shared: DrawFigure | undefined;

/**
 * The page's figure drawer, one worker for every panel. A failed worker is reported once, and
 * every figure waiting for it, and every later one, is drawn on the page instead (off-thread.ts).
 */
export function figureDrawer(doc: Document = document): DrawFigure {
  return (shared ??= offThread<FigureJob, Element, { readonly svg: string }>({
    start: () => new Worker(new URL('./figure-worker.ts', import.meta.url), { type: 'module' }),
    request: (id, job): FigureRequest => ({ id, job }),
    read: (reply) => parseFigure(doc, reply.svg),
    // Plot failed in the worker: it may yet draw on the page.
    notOk: 'fall back',
    here: drawHere(doc),
    failure: 'The figure worker failed; drawing the figures on the page instead:',
  }));
}
