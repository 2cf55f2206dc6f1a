import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkModel, defaultValues } from '../../live/model.ts';
import { GRID, TARGET, WINDOW, zigzagModel } from '../../live/models/zigzag.ts';
import { byLocale } from '../../i18n/locales.ts';
import { panelSummary, zigzagWords, type PanelNumbers } from './words.ts';
import { ZIGZAG, levels, weightsFromPointer, zigzagPlot } from './zigzag-plot.ts';

const base: PanelNumbers = {
  stepsToEps: 188,
  arrived: 1,
  diverged: 0,
  sameSign: 188,
  mixed: 0,
  quadrants: 1,
  condition: 14.849,
  eta: 0.5,
  epsilon: 0.05,
  batch: false,
  bestEta: 2.5,
  bestSteps: 32,
  bestArrived: 1,
};

describe('panelSummary()', () => {
  it('says the result, the directions, the curvature and the best rate', () => {
    expect(panelSummary(base)).toBe(
      'Within ε = 0.05 of the optimum after 188 steps. Every step moved both weights the same way: ' +
        "one example's step can only point into the shaded quadrants. Curvature ratio κ = 14.85. " +
        'At its best learning rate, η = 2.5, it takes 32 steps.',
    );
  });

  it('says when the descent diverged, ran out of steps, or started there', () => {
    expect(panelSummary({ ...base, arrived: 0, diverged: 1, stepsToEps: 12, eta: 8 })).toMatch(
      /^Diverges: after 12 steps a weight has passed a million\. η = 8 is too large/,
    );
    expect(panelSummary({ ...base, arrived: 0, stepsToEps: 2000 })).toMatch(
      /^Not within ε = 0\.05 of the optimum after 2,000 steps\./,
    );
    expect(panelSummary({ ...base, stepsToEps: 0, sameSign: 0 })).toMatch(
      /^It starts within ε = 0\.05 of the optimum\. Curvature/,
    );
    expect(panelSummary({ ...base, bestArrived: 0, bestSteps: 2000 })).toMatch(
      /No learning rate from 0\.01 to 40 gets within ε = 0\.05 in 2,000 steps\.$/,
    );
  });

  it('counts the directions of full-batch steps, and of only the steps it has', () => {
    const batch = { ...base, batch: true, quadrants: 1 };
    expect(panelSummary({ ...batch, sameSign: 0, mixed: 187, stepsToEps: 187 })).toContain(
      'Each of its 187 steps moved the two weights in opposite ways.',
    );
    expect(panelSummary({ ...batch, sameSign: 3, mixed: 1, stepsToEps: 4 })).toContain(
      'Of its 4 steps, 3 moved both weights the same way and 1 in opposite ways.',
    );
    expect(
      panelSummary({ ...batch, arrived: 0, sameSign: 1999, mixed: 0, stepsToEps: 5000 }),
    ).toContain('Each of its first 1,999 steps moved both weights the same way.');
  });
});

describe('panelSummary() in Chinese', () => {
  const zh = byLocale(zigzagWords, 'zh-CN');

  it('writes the same sentences with no space between them', () => {
    expect(panelSummary(base, zh)).toBe(
      '188 步后进入距最优点 ε = 0.05 的范围。每一步都让两个权重朝同一方向移动：' +
        '单个样本的一步只能指向阴影所示的象限。曲率比 κ = 14.85。取它的最佳学习率 η = 2.5 时，需要 32 步。',
    );
    const batch = { ...base, batch: true, quadrants: 1 };
    expect(panelSummary({ ...batch, sameSign: 3, mixed: 1, stepsToEps: 4 }, zh)).toContain(
      '在全部 4 步中，3 步让两个权重朝同一方向移动，1 步让它们朝相反方向移动。',
    );
    expect(
      panelSummary({ ...batch, arrived: 0, sameSign: 1999, mixed: 0, stepsToEps: 5000 }, zh),
    ).toContain(
      '5,000 步后仍未进入距最优点 ε = 0.05 的范围。前 1,999 步都让两个权重朝同一方向移动。',
    );
  });
});

describe('the panel figure', () => {
  it('maps a pointer to the weights under it, on the square frame, snapped to 0.1', () => {
    const box = { left: 100, top: 50, width: ZIGZAG.width * 2, height: ZIGZAG.height * 2 };
    // The frame's top-left corner is (w0, w1) = (−1.5, 1.5), its bottom-right (2.5, −2.5).
    expect(
      weightsFromPointer(100 + 2 * ZIGZAG.marginLeft, 50 + 2 * ZIGZAG.marginTop, box, WINDOW),
    ).toEqual([-1.5, 1.5]);
    const right = 100 + 2 * (ZIGZAG.width - ZIGZAG.marginRight);
    const bottom = 50 + 2 * (ZIGZAG.height - ZIGZAG.marginBottom);
    expect(weightsFromPointer(right, bottom, box, WINDOW)).toEqual([2.5, -2.5]);
    // Outside the frame it stays on its edge.
    expect(weightsFromPointer(0, 10_000, box, WINDOW)).toEqual([-1.5, -2.5]);
    // The inner frame is square, so a step's direction on screen is its direction in weights.
    expect(ZIGZAG.width - ZIGZAG.marginLeft - ZIGZAG.marginRight).toBe(
      ZIGZAG.height - ZIGZAG.marginTop - ZIGZAG.marginBottom,
    );
  });

  it('draws one named image, with the quadrants shaded only for per-example steps', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const values = checkModel(zigzagModel, defaultValues(zigzagModel));
    const data = {
      inputs: 'sigmoid outputs (all positive)',
      window: WINDOW,
      grid: values['grid'] as Float64Array,
      columns: GRID,
      lossMax: values['lossMax'] as number,
      path: values['path'] as Float64Array,
      target: TARGET,
      quadrants: 1,
      batch: false,
      summary: 'Within ε = 0.05 of the optimum after 188 steps.',
    };
    const svg = zigzagPlot(Plot, document, data);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Loss contours over w0 and w1 for sigmoid outputs (all positive), with the gradient-descent ' +
        'path from (0.0, 0.0) towards the optimum (1.0, −1.0). Within ε = 0.05 of the optimum after 188 steps.',
    );
    expect(svg.querySelectorAll('[data-mark="rect"] rect')).toHaveLength(2);
    const batch = zigzagPlot(Plot, document, { ...data, batch: true });
    expect(batch.querySelectorAll('[data-mark="rect"] rect')).toHaveLength(0);
    // Nine contour levels, evenly spaced in distance from the optimum.
    levels(100).forEach((level, k) => expect(level).toBeCloseTo((k + 1) ** 2, 12));
  });
});
