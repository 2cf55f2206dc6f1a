import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../live/model.ts';
import { mazurModel } from '../../live/models/mazur.ts';
import {
  decades,
  FIGURE_HEIGHT,
  FIGURE_WIDTH,
  lossPlot,
  outputsPlot,
  powerOfTen,
  RUN_HEADROOM,
} from './loss-plot.ts';
import { moveLossPlot, moveOutputsPlot } from './move-plot.ts';
import { outputLines, runTraining, trainOf } from './model.ts';
import { formatError, lossLabel } from './words.ts';

const OUTPUT = join(import.meta.dirname, '..', '..', '..', 'tests', 'output');
const defaults = defaultValues(mazurModel);
const { points } = runTraining(mazurModel, defaults);
/** out_o1 aiming at t1 = 0.01 and out_o2 at t2 = 0.99, as mazurModel.train declares them. */
const targets = outputLines(trainOf(mazurModel), defaults);
const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document;

/** Numbers with more than 3 decimals rounded to 3, as Plot's own snapshot tests do. */
const rounded = (svg: string): string =>
  svg.replace(/-?\d+\.\d{4,}(?:e-?\d+)?/g, (n) => String(Number(Number(n).toFixed(3))));

/**
 * Compares `svg` with tests/output/<name>.svg. A missing snapshot is written (and the test
 * passes); a different one is written beside it as <name>-changed.svg (and the test fails).
 */
function expectSnapshot(name: string, svg: string): void {
  const actual = rounded(svg);
  const file = join(OUTPUT, `${name}.svg`);
  const changed = join(OUTPUT, `${name}-changed.svg`);
  if (!existsSync(file)) {
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (readFileSync(file, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name}.svg differs from its snapshot: see ${changed}`);
}

describe('figure size', () => {
  it('draws both figures FIGURE_WIDTH × FIGURE_HEIGHT unless told otherwise, as the browser redraws them', () => {
    for (const svg of [
      lossPlot(Plot, newDocument(), points),
      outputsPlot(Plot, newDocument(), points, targets),
    ]) {
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${FIGURE_WIDTH} ${FIGURE_HEIGHT}`);
    }
    const wide = lossPlot(Plot, newDocument(), points, { width: 520, height: 220 });
    expect(wide.getAttribute('viewBox')).toBe('0 0 520 220');
  });
});

describe('lossPlot()', () => {
  it('draws the build-time figure for the defaults (snapshot)', () => {
    const svg = lossPlot(Plot, newDocument(), points, { steps: 10000 });
    expectSnapshot('training-loss', svg.outerHTML);
  });

  it("brings no <style>: Plot's rules for its class are in course.css, once for every figure", () => {
    const svg = lossPlot(Plot, newDocument(), points, { steps: 10000 });
    expect(svg.querySelectorAll('style')).toHaveLength(0);
    // Plot writes them for the class it gives each figure (plot.js); a Plot that changed either
    // would leave the figures without them.
    const className = svg.getAttribute('class') ?? '';
    expect(className).toMatch(/^plot-[0-9a-f]{6}$/);
    const css = readFileSync(join(import.meta.dirname, '..', '..', 'styles', 'course.css'), 'utf8');
    expect(css).toContain(`:where(.${className}) {`);
    expect(css).toContain(`:where(.${className} text),\n:where(.${className} tspan) {`);
    const rules = Plot.plot({ document: newDocument(), marks: [] }).querySelector('style');
    expect(rules?.textContent).toContain('white-space: pre;');
    for (const line of (rules?.textContent ?? '').split('\n')) expect(css).toContain(line);
  });

  it('is one accessible image named by its summary, with no names or roles inside', () => {
    const svg = lossPlot(Plot, newDocument(), points, { steps: 10000 });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Error E falls from 0.2984 to 0.0000351 over 10,000 steps, on a log scale.',
    );
    expect(svg.querySelectorAll('[aria-label], [role]')).toHaveLength(0);
    for (const child of svg.children) expect(child.getAttribute('aria-hidden')).toBe('true');
    // Tabular figures come from CSS: SVG's font-variant attribute takes no "tabular-nums".
    expect(svg.querySelectorAll('[font-variant]')).toHaveLength(0);
    expect(svg.getAttribute('style')).toContain('font-variant-numeric:tabular-nums;');
    // Plot's names for its marks stay, out of the accessibility tree.
    expect(svg.querySelectorAll('[data-mark="line"]')).toHaveLength(1);
  });

  it('labels its log axis with decimals and powers of ten, never SI prefixes', () => {
    const svg = lossPlot(Plot, newDocument(), points, { steps: 10000 });
    const labels = [...svg.querySelectorAll('[data-mark="y-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(labels).toEqual(['10⁻⁵', '10⁻⁴', '0.001', '0.01', '0.1', '1']);
    expect(svg.outerHTML).toContain('Error E (log scale)');
  });

  it('writes a power of ten beyond 0.001 to 1,000 as a textbook does, never as 1e-4', () => {
    expect([1e-10, 1e-6, 1e-4, 1e-3, 0.1, 10, 1000, 1e4, 1e12].map(powerOfTen)).toEqual([
      '10⁻¹⁰',
      '10⁻⁶',
      '10⁻⁴',
      '0.001',
      '0.1',
      '10',
      '1000',
      '10⁴',
      '10¹²',
    ]);
  });

  it('keeps the x axis at N steps while a run is under way', () => {
    const partial = points.filter((p) => p.step <= 2500);
    expect(lossLabel(partial, 10000)).toBe(
      `Error E falls from 0.2984 to ${formatError(partial.at(-1)!.E)} over 2,500 steps (of 10,000), on a log scale.`,
    );
    const svg = lossPlot(Plot, newDocument(), partial, { steps: 10000 });
    expect(svg.textContent).toContain('10,000');
  });

  it('draws an empty run without failing', () => {
    expect(lossLabel([])).toContain('no steps yet');
    expect(lossPlot(Plot, newDocument(), []).getAttribute('role')).toBe('img');
  });
});

describe('outputsPlot()', () => {
  it('draws the build-time figure for the defaults (snapshot)', () => {
    expect(targets).toEqual([
      { name: 'out_o1', targetName: 't1', target: 0.01 },
      { name: 'out_o2', targetName: 't2', target: 0.99 },
    ]);
    const svg = outputsPlot(Plot, newDocument(), points, targets, { steps: 10000 });
    expectSnapshot('training-outputs', svg.outerHTML);
    expect(svg.getAttribute('aria-label')).toBe(
      'Outputs over 10,000 steps: out o1 goes from 0.7514 to 0.0159 (target 0.01), out o2 from 0.7729 to 0.9841 (target 0.99).',
    );
    // Each label shows out_o1 as out with o1 lowered, and t1 as t with 1 lowered.
    const label = [...svg.querySelectorAll('[data-mark="text"] text')][0]!;
    expect(label.textContent).toBe('outo1, t1 = 0.01');
    expect([...label.querySelectorAll('tspan')].map((t) => t.getAttribute('dy'))).toEqual([
      '0.3em',
      '-0.3em',
      '0.3em',
      '-0.3em',
    ]);
  });
});

describe('moveLossPlot() and moveOutputsPlot()', () => {
  /** The numbers of a path's `d`, which Plot writes to 3 decimals. */
  const coordinates = (svg: Element, i = 0): number[] =>
    (svg.querySelectorAll('g[data-mark="line"] path')[i]?.getAttribute('d') ?? '')
      .split(/[MLZ,]/)
      .filter((s) => s !== '')
      .map(Number);
  const expectSameLines = (moved: Element, fresh: Element, lines: number): void => {
    for (let i = 0; i < lines; i++) {
      const want = coordinates(fresh, i);
      expect(want.length).toBeGreaterThan(10);
      const got = coordinates(moved, i);
      expect(got).toHaveLength(want.length);
      got.forEach((value, j) => expect(value).toBeCloseTo(want[j]!, 2));
    }
    const dots = (svg: Element) =>
      [...svg.querySelectorAll('g[data-mark="dot"] circle')].map((c) => [
        Number(c.getAttribute('cx')),
        Number(c.getAttribute('cy')),
      ]);
    expect(dots(moved)).toHaveLength(lines);
    dots(moved).forEach(([cx, cy], i) => {
      expect(cx).toBeCloseTo(dots(fresh)[i]![0]!, 2);
      expect(cy).toBeCloseTo(dots(fresh)[i]![1]!, 2);
    });
    expect(moved.getAttribute('aria-label')).toBe(fresh.getAttribute('aria-label'));
  };
  // Two moments of the same run whose errors span the same decades, as they do for most of a run.
  const at = (step: number) => points.filter((p) => p.step <= step);
  const [earlier, later] = [at(6000), at(9000)];

  it('moves a loss figure drawn by Plot on to more of the run, as Plot would draw it', () => {
    const svg = lossPlot(Plot, newDocument(), earlier, { steps: 10000 });
    expect(moveLossPlot(svg, later, { steps: 10000 })).toBe(true);
    expectSameLines(svg, lossPlot(Plot, newDocument(), later, { steps: 10000 }), 1);
  });

  it('leaves a loss figure whose axes no longer fit to be drawn again, unchanged', () => {
    const svg = lossPlot(Plot, newDocument(), at(10), { steps: 10000 });
    const before = svg.outerHTML;
    // From step 10 to 9,000, E falls through two more decades: the y axis must change.
    expect(moveLossPlot(svg, later, { steps: 10000 })).toBe(false);
    // Another N is another x axis.
    expect(moveLossPlot(svg, at(10), { steps: 20000 })).toBe(false);
    expect(svg.outerHTML).toBe(before);
  });

  it('moves a figure written by the build, which carries its scales, and not one without them', () => {
    const html = (svg: Element) =>
      parseHTML(`<html><body>${svg.outerHTML}</body></html>`).document.querySelector('svg')!;
    const built = html(lossPlot(Plot, newDocument(), earlier, { steps: 10000 }));
    expect(built.getAttribute('data-scales')).toContain('"log"');
    expect(moveLossPlot(built, later, { steps: 10000 })).toBe(true);
    expectSameLines(built, lossPlot(Plot, newDocument(), later, { steps: 10000 }), 1);
    const builtOutputs = html(outputsPlot(Plot, newDocument(), earlier, targets, { steps: 10000 }));
    expect(moveOutputsPlot(builtOutputs, later, targets, { steps: 10000 })).toBe(true);
    expectSameLines(
      builtOutputs,
      outputsPlot(Plot, newDocument(), later, targets, { steps: 10000 }),
      2,
    );
    // A figure from before the scales were written is drawn again.
    const old = html(lossPlot(Plot, newDocument(), earlier, { steps: 10000 }));
    old.removeAttribute('data-scales');
    expect(moveLossPlot(old, later, { steps: 10000 })).toBe(false);
    // So is one whose scales are not scales: never a line at NaN.
    for (const bad of ['not json', '{"x":{"type":"linear","domain":[0],"range":[52,236]}}', '{}']) {
      old.setAttribute('data-scales', bad);
      expect(moveLossPlot(old, later, { steps: 10000 })).toBe(false);
    }
  });

  it('with keepAxes, moves a figure of the whole run on to its start, on the same axes', () => {
    const whole = lossPlot(Plot, newDocument(), points, { steps: 10000 });
    const start = at(10);
    const before = whole.querySelector(
      'g[aria-label="y-axis tick label"], g[data-mark="y-axis tick label"]',
    )?.outerHTML;
    // Without keepAxes the first ten steps' decades are not the figure's: it must be drawn again.
    expect(moveLossPlot(whole, start, { steps: 10000 })).toBe(false);
    expect(moveLossPlot(whole, start, { steps: 10000, keepAxes: true })).toBe(true);
    expect(whole.querySelector('g[data-mark="y-axis tick label"]')?.outerHTML).toBe(before);
    // The dot sits where Plot's own scales put the tenth step's point.
    const fresh = lossPlot(Plot, newDocument(), points, { steps: 10000 }) as unknown as {
      scale: (name: string) => { apply: (value: number) => number };
    };
    const dot = whole.querySelector('g[data-mark="dot"] circle')!;
    expect(Number(dot.getAttribute('cx'))).toBeCloseTo(
      fresh.scale('x').apply(start.at(-1)!.step),
      2,
    );
    expect(Number(dot.getAttribute('cy'))).toBeCloseTo(fresh.scale('y').apply(start.at(-1)!.E), 2);
    // Points outside the axes still need new ones.
    const lower = start.map((p) => ({ ...p, E: p.E / 1e6 }));
    expect(moveLossPlot(whole, lower, { steps: 10000, keepAxes: true })).toBe(false);
  });

  it('with headroom, draws decades below the line that a running line then falls into in place', () => {
    const start = at(10);
    const ticks = decades(start);
    expect(ticks).toEqual([0.1, 1]);
    expect(decades(start, RUN_HEADROOM)).toEqual([0.0001, 0.001, 0.01, 0.1, 1]);
    const roomy = lossPlot(Plot, newDocument(), start, { steps: 10000, headroom: RUN_HEADROOM });
    const tight = lossPlot(Plot, newDocument(), start, { steps: 10000 });
    // The run so far once E has fallen two decades and more, but not past 10⁻⁴: within the
    // headroom, not within the tight axis.
    const fallen = points.filter((p) => p.E > 1e-4);
    expect(fallen.at(-1)!.E).toBeLessThan(0.01);
    expect(moveLossPlot(tight, fallen, { steps: 10000, keepAxes: true })).toBe(false);
    expect(moveLossPlot(roomy, fallen, { steps: 10000, keepAxes: true })).toBe(true);
    const fresh = lossPlot(Plot, newDocument(), start, {
      steps: 10000,
      headroom: RUN_HEADROOM,
    }) as unknown as { scale: (name: string) => { apply: (value: number) => number } };
    const dot = roomy.querySelector('g[data-mark="dot"] circle')!;
    expect(Number(dot.getAttribute('cy'))).toBeCloseTo(fresh.scale('y').apply(fallen.at(-1)!.E), 2);
    // Past the headroom, the axis is drawn again.
    const lower = points.filter((p) => p.E > 1e-5);
    expect(moveLossPlot(roomy, lower, { steps: 10000, keepAxes: true })).toBe(false);
  });

  it('moved on turn after turn of a run, draws each time the lines a move from scratch draws', () => {
    const whole = lossPlot(Plot, newDocument(), points, { steps: 10000 });
    const outputs = outputsPlot(Plot, newDocument(), points, targets, { steps: 10000 });
    const options = { steps: 10000, keepAxes: true };
    const lines = (svg: Element) =>
      [...svg.querySelectorAll('g[data-mark="line"] path')].map((path) => path.getAttribute('d'));
    // As the panel draws a run: the points sampled so far (the same objects each time), and the
    // snapshot shown last, a new object each time.
    for (const step of [10, 200, 201, 3000, 3000, 9000]) {
      const shown = [...at(step), { ...at(step).at(-1)!, step: step + 1 }];
      const freshLoss = whole.cloneNode(true) as Element;
      const freshOutputs = outputs.cloneNode(true) as Element;
      expect(moveLossPlot(whole, shown, options)).toBe(true);
      expect(moveLossPlot(freshLoss, shown, options)).toBe(true);
      expect(lines(whole)).toEqual(lines(freshLoss));
      expect(moveOutputsPlot(outputs, shown, targets, options)).toBe(true);
      expect(moveOutputsPlot(freshOutputs, shown, targets, options)).toBe(true);
      expect(lines(outputs)).toEqual(lines(freshOutputs));
    }
    // Another run's points on the same axes (new objects, other values): not the last run's line.
    const other = at(9000).map((p) => ({ ...p, E: p.E * 2 }));
    const fresh = whole.cloneNode(true) as Element;
    moveLossPlot(whole, other, options);
    moveLossPlot(fresh, other, options);
    expect(lines(whole)).toEqual(lines(fresh));
  });

  it('moves an outputs figure on to more of the run, every output with its dot', () => {
    const svg = outputsPlot(Plot, newDocument(), earlier, targets, { steps: 10000 });
    expect(moveOutputsPlot(svg, later, targets, { steps: 10000 })).toBe(true);
    expectSameLines(svg, outputsPlot(Plot, newDocument(), later, targets, { steps: 10000 }), 2);
    // An output leaving [0, 1] needs a wider y axis.
    const wide = later.map((p) => ({ ...p, outputs: [p.outputs[0]! * 2, p.outputs[1]!] }));
    expect(moveOutputsPlot(svg, wide, targets, { steps: 10000 })).toBe(false);
  });
});
