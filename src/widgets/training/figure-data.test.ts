import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../live/model.ts';
import { mazurModel } from '../../live/models/mazur.ts';
import { dataRows, lossTable, outputsTable } from './figure-data.ts';
import { outputLines, runTraining, trainOf } from './model.ts';

const defaults = defaultValues(mazurModel);
const { points } = runTraining(mazurModel, defaults);
const outputs = outputLines(trainOf(mazurModel), defaults);
const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document;
const cells = (table: Element) =>
  [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('dataRows()', () => {
  it('picks the first point, the first at or after 1, 10, 100, 1,000 steps, and the last', () => {
    const steps = dataRows(points).map((p) => p.step);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(10000);
    expect(steps).toHaveLength(6);
    for (const [i, floor] of [1, 10, 100, 1000].entries()) {
      expect(steps[i + 1]).toBeGreaterThanOrEqual(floor);
      expect(steps[i + 1]).toBeLessThan(floor * 2);
    }
  });

  it('lists a run in progress up to its last point, and an empty run as nothing', () => {
    const partial = points.filter((p) => p.step <= 50);
    const steps = dataRows(partial).map((p) => p.step);
    expect(steps[0]).toBe(0);
    expect(steps[1]).toBe(1);
    expect(steps.at(-1)).toBe(partial.at(-1)!.step);
    expect(steps).toHaveLength(4);
    expect(dataRows([])).toEqual([]);
    expect(dataRows(points.slice(0, 1)).map((p) => p.step)).toEqual([0]);
  });
});

describe('lossTable() and outputsTable()', () => {
  it('give the figures’ data with a name, column heads and row heads', () => {
    const loss = lossTable(newDocument(), points);
    expect(loss.getAttribute('aria-label')).toBe(
      'The error E at some of the steps the figure shows',
    );
    const rows = cells(loss);
    expect(rows[0]).toEqual(['Step', 'Error E']);
    expect(rows[1]).toEqual(['0', '0.2984']);
    expect(rows.at(-1)).toEqual(['10,000', '0.0000351']);
    expect(loss.querySelectorAll('th[scope="row"]')).toHaveLength(6);
    const out = cells(outputsTable(newDocument(), points, outputs));
    // Visually hidden, so read only by a screen reader: "out o1", since NVDA says "line" for "_".
    expect(out[0]).toEqual(['Step', 'out o1 (target t1 = 0.01)', 'out o2 (target t2 = 0.99)']);
    expect(out[1]).toEqual(['0', '0.7514', '0.7729']);
    expect(out.at(-1)).toEqual(['10,000', '0.0159', '0.9841']);
  });
});
