import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../live/model.ts';
import { mazurModel } from '../../live/models/mazur.ts';
import { answer } from './figure-worker.ts';
import { lossPlot, outputsPlot, RUN_HEADROOM, type FigureJob } from './loss-plot.ts';
import { outputLines, runTraining, trainOf } from './model.ts';
import { trainingWords } from './words.ts';

const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document;
const defaults = defaultValues(mazurModel);
const { points } = runTraining(mazurModel, defaults);
const outputs = outputLines(trainOf(mazurModel), defaults);

describe('the figure worker', () => {
  it('sends the markup of the figure the page would draw, in the page’s language, by structured clone', () => {
    const job: FigureJob = structuredClone({
      kind: 'loss',
      points,
      outputs,
      steps: 10000,
      locale: 'zh-CN',
      headroom: RUN_HEADROOM,
    });
    const reply = answer(newDocument(), { id: 7, job });
    expect(reply).toMatchObject({ id: 7, ok: true });
    const here = lossPlot(Plot, newDocument(), points, {
      steps: 10000,
      words: trainingWords['zh-CN'],
      headroom: RUN_HEADROOM,
    });
    expect(reply.ok && reply.svg).toBe(here.outerHTML);
    // One image, named in Chinese, with the scales the page moves it on by.
    const svg = parseHTML(
      `<html><body>${reply.ok ? reply.svg : ''}</body></html>`,
    ).document.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toMatch(/误差 E 从 0.2984/);
    expect(svg?.getAttribute('data-scales')).toContain('"log"');
  });

  it('draws the outputs figure with its targets', () => {
    const reply = answer(newDocument(), {
      id: 1,
      job: { kind: 'outputs', points, outputs, steps: 10000, locale: 'en' },
    });
    const here = outputsPlot(Plot, newDocument(), points, outputs, { steps: 10000 });
    expect(reply.ok && reply.svg).toBe(here.outerHTML);
  });

  it('answers a job it cannot draw with the reason, not a figure', () => {
    const reply = answer(newDocument(), {
      id: 2,
      job: { kind: 'loss', points: null as unknown as [], outputs, steps: 10000, locale: 'en' },
    });
    expect(reply).toMatchObject({ id: 2, ok: false });
    expect(reply.ok ? '' : reply.message).not.toBe('');
  });
});
