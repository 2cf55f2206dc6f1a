import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CURVE_POINTS, FitRun, curveXs, fitData, TARGET_FUNCTIONS } from '../../engine/fit.ts';
import { fitPlot, lossCurvePlot } from './fit-plot.ts';
import { CHUNK, RUN_STEPS, goalFrom, nextStep } from './run.ts';
import { fitWords, lossText, progressText, stoppedText, unitText } from './words.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

describe('the run', () => {
  it('heads RUN_STEPS further, a CHUNK at a time, landing on the goal', () => {
    expect(goalFrom(1234)).toBe(1234 + RUN_STEPS);
    expect(goalFrom(199_000)).toBe(200_000);
    const seen: number[] = [];
    const goal = 3 * CHUNK + 50;
    for (let step: number | undefined = CHUNK + 20; step !== undefined; step = nextStep(step, goal))
      seen.push(step);
    expect(seen).toEqual([CHUNK + 20, 2 * CHUNK, 3 * CHUNK, goal]);
    expect(nextStep(goal, goal)).toBeUndefined();
  });
});

describe('the words', () => {
  it('writes a loss with three significant digits and never NaN', () => {
    expect(lossText(0.0123456)).toBe('0.0123');
    expect(lossText(1.81)).toBe('1.81');
    expect(lossText(3.2e-6)).toBe('3.20e-6');
    expect(lossText(NaN)).toBe('—');
    expect(lossText(4e14)).toBe('more than a million');
  });

  it('says the progress, a unit and how a run stopped', () => {
    expect(progressText(1200, 5000, 0.0123)).toBe(
      'Step 1,200 of 5,000: mean squared error 0.0123.',
    );
    expect(progressText(5000, 5000, 0.0123)).toBe('Step 5,000: mean squared error 0.0123.');
    expect(unitText(2, 'tanh', 2.756, 0.00458, 1.31)).toBe(
      'Unit 2: 1.31 · tanh(2.76x + 0.00), centred at x = 0.00',
    );
    expect(unitText(1, 'sigmoid', -1.5, -0.75, -0.4)).toBe(
      'Unit 1: −0.40 · sigmoid(−1.50x − 0.75), centred at x = −0.50',
    );
    expect(stoppedText('paused', 2500, 0.01)).toBe(
      'Paused at step 2,500: mean squared error 0.0100.',
    );
  });
});

describe('the figures', () => {
  const run = new FitRun({
    units: 3,
    activation: 'tanh',
    target: 'sine',
    eta: 0.1,
    decay: false,
    seed: 1,
  });
  run.to(1000);
  const state = run.state();
  const xs = curveXs();
  const data = fitData('sine');

  it('draws the target, its points, the fit and a picked unit, named with the result', () => {
    const svg = fitPlot(
      Plot,
      document,
      {
        xs,
        target: xs.map(TARGET_FUNCTIONS.sine),
        curve: state.curve,
        points: data.inputs.map((input, i) => ({ x: input[0]!, y: data.targets[i]![0]! })),
        unit: { number: 2, values: state.contributions.slice(CURVE_POINTS, 2 * CURVE_POINTS) },
        targetName: 'sin(πx)',
        units: 3,
        step: 1000,
        loss: state.loss,
      },
      fitWords.en,
    );
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      `The network's function, with 3 hidden units, over the target sin(πx) and its training points, after 1,000 steps: mean squared error ${lossText(state.loss)}. Unit 2's contribution is drawn too.`,
    );
    expect(svg.querySelectorAll('[data-mark="line"]')).toHaveLength(3);
    expect(svg.querySelectorAll('[data-mark="dot"] circle')).toHaveLength(40);
  });

  it('draws the loss every 50 steps on a log scale, saying that it falls', () => {
    const svg = lossCurvePlot(
      Plot,
      document,
      { losses: run.losses, every: 50, step: 1000 },
      fitWords.en,
    );
    expect(svg.getAttribute('aria-label')).toMatch(
      /^Mean squared error falls from .* over 1,000 steps/,
    );
    expect(svg.textContent).not.toMatch(/NaN|Infinity/);
  });
});

describe('the words in Chinese', () => {
  const zh = fitWords['zh-CN'];

  it('writes the same numbers in Chinese sentences', () => {
    expect(progressText(1200, 5000, 0.0123, zh)).toBe('第 1,200 / 5,000 步：均方误差 0.0123。');
    expect(progressText(5000, 5000, 0.0123, zh)).toBe('第 5,000 步：均方误差 0.0123。');
    expect(unitText(1, 'sigmoid', -1.5, -0.75, -0.4, zh)).toBe(
      '单元 1：−0.40 · sigmoid(−1.50x − 0.75)，中心位于 x = −0.50',
    );
    expect(stoppedText('done', 5000, 0.01, zh)).toBe('已训练到第 5,000 步：均方误差 0.0100。');
    expect(lossText(4e14, zh)).toBe('超过一百万');
  });

  it('names the figures and their axes in Chinese', () => {
    const svg = lossCurvePlot(Plot, document, { losses: [0.5, 0.1], every: 50, step: 50 }, zh);
    expect(svg.getAttribute('aria-label')).toBe(
      '均方误差在 50 步中从 0.500 降到 0.100（对数坐标）。',
    );
    expect(svg.textContent).toContain('均方误差（对数）');
  });
});
