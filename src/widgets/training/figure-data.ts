/**
 * Each training figure's text alternative besides its one-sentence name: a small table of the
 * data it draws, visually hidden beside the figure (a screen reader finds it as a table; a
 * sighted reader has the figure and its caption). Like the figures, it is built with whatever
 * document it is given: linkedom's at build time, the page's in the browser.
 */
import type { OutputLine, TrainingPoint } from './model.ts';
import { lossTableWords, outputsTableWords, type TableWords, type TrainingWords } from './words.ts';

/**
 * The points a data table lists: the first, the first at or after step 1, 10, 100, … and the
 * last. A run's error falls fastest at the start, so powers of ten show the curve's shape in a
 * handful of rows (7 for 100,000 steps).
 */
export function dataRows(points: readonly TrainingPoint[]): TrainingPoint[] {
  const last = points.at(-1);
  if (!last) return [];
  const rows: TrainingPoint[] = [];
  for (let target = 0; target < last.step; target = Math.max(1, target * 10)) {
    const point = points.find((p) => p.step >= target);
    if (point && point !== last && rows.at(-1) !== point) rows.push(point);
  }
  rows.push(last);
  return rows;
}

function table(document: Document, words: TableWords): HTMLTableElement {
  const el = document.createElement('table');
  // Named by aria-label rather than a <caption>, so that the panel's one caption stays its step
  // table's (the element and the tests find it as the panel's caption).
  el.setAttribute('aria-label', words.name);
  const head = document.createElement('tr');
  for (const text of words.head) {
    const th = document.createElement('th');
    th.setAttribute('scope', 'col');
    th.textContent = text;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const [step = '', ...cells] of words.rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.setAttribute('scope', 'row');
    th.textContent = step;
    tr.append(th);
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tbody.append(tr);
  }
  el.append(thead, tbody);
  return el;
}

/** The error figure's data table, in the page's `words` (default English). */
export function lossTable(
  document: Document,
  points: readonly TrainingPoint[],
  words?: TrainingWords,
): HTMLTableElement {
  return table(document, lossTableWords(dataRows(points), words));
}

/** The outputs figure's data table, in the page's `words` (default English). */
export function outputsTable(
  document: Document,
  points: readonly TrainingPoint[],
  outputs: readonly OutputLine[],
  words?: TrainingWords,
): HTMLTableElement {
  return table(document, outputsTableWords(dataRows(points), outputs, words));
}
