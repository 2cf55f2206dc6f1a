/**
 * The training panel's figure worker: Plot draws the panel's figures here, with linkedom's
 * document (as the build does), and the page gets each one as SVG markup to put in place
 * (figures.ts). Drawn on the page, the first figures of a run were tasks of 53 to 62 ms at 4×
 * CPU on the backprop chapter (Plot's code not yet optimised, then a new figure each time an
 * axis changed), which a training run must not have; here they cost the page only the parsing of
 * a few kilobytes of SVG.
 */
import { parseHTML } from 'linkedom';
import * as Plot from './plot-lib.ts';
import { renderFigure, type FigureJob } from './loss-plot.ts';
import type { Reply } from '../../live/client/off-thread.ts';

export interface FigureRequest {
  readonly id: number;
  readonly job: FigureJob;
}

export type FigureReply = Reply<{ readonly svg: string }>;

/** Answers one request: the figure's markup, or why it could not be drawn. */
export function answer(document: Document, { id, job }: FigureRequest): FigureReply {
  try {
    return { id, ok: true, svg: renderFigure(Plot, document, job).outerHTML };
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

// Only in a worker: tests import this module for `answer`.
const scope = globalThis as unknown as {
  WorkerGlobalScope?: unknown;
  postMessage(message: FigureReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FigureRequest>) => void): void;
};

if (typeof scope.WorkerGlobalScope !== 'undefined') {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  scope.addEventListener('message', (event) => scope.postMessage(answer(document, event.data)));
}
