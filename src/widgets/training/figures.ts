/**
 * Where the training panel's figures are drawn: by Plot in the figure worker (figure-worker.ts),
 * whose SVG markup is parsed into the page, or, if that worker cannot start or fails, by Plot
 * loaded into the page itself, as before the worker.
 */
import { renderFigure, type FigureJob } from './loss-plot.ts';
import type { FigureReply, FigureRequest } from './figure-worker.ts';

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
 * every figure waiting for it, and every later one, is drawn on the page instead.
 */
export function figureDrawer(doc: Document = document): DrawFigure {
  if (shared) return shared;
  const here = drawHere(doc);
  if (typeof Worker !== 'function') return (shared = here);
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const waiting = new Map<
    number,
    { job: FigureJob; resolve: (svg: Element) => void; reject: (error: unknown) => void }
  >();
  const fallBack = (reason: unknown): void => {
    if (broken) return;
    console.error('The figure worker failed; drawing the figures on the page instead:', reason);
    broken = true;
    worker?.terminate();
    for (const [id, { job, resolve, reject }] of waiting) {
      waiting.delete(id);
      here(job).then(resolve, reject);
    }
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./figure-worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (event: MessageEvent<FigureReply>) => {
      const reply = event.data;
      const entry = waiting.get(reply.id);
      if (!entry) return;
      if (!reply.ok) {
        fallBack(reply.message);
        return;
      }
      waiting.delete(reply.id);
      try {
        entry.resolve(parseFigure(doc, reply.svg));
      } catch (error) {
        waiting.set(reply.id, entry);
        fallBack(error);
      }
    });
    w.addEventListener('error', (event) => fallBack(event.message));
    return w;
  };
  return (shared = (job) => {
    if (broken) return here(job);
    return new Promise<Element>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { job, resolve, reject });
      try {
        worker ??= start();
        const request: FigureRequest = { id, job };
        worker.postMessage(request);
      } catch (error) {
        fallBack(error);
      }
    });
  });
}
