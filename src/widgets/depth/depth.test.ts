import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import {
  HEIGHT,
  countTicks,
  decadeTicks,
  layerBars,
  logDomain,
  lossLine,
  powerOfTen,
} from './depth-svg.ts';
import { depthWords, diverged, flowText, sig, trainText } from './words.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

describe('depth charts', () => {
  test('a log axis covers whole decades around the positive values, at most 40 of them', () => {
    expect(logDomain([5.2e-14, 0.099])).toEqual({ lo: -14, hi: -1 });
    expect(logDomain([0.3, 0.5])).toEqual({ lo: -2, hi: 1 });
    expect(logDomain([0, -1])).toEqual({ lo: -1, hi: 1 });
    expect(logDomain([1e-300, 1])).toEqual({ lo: -40, hi: 0 });
  });

  test('ticks: at most 6 decades, and counts that include both ends', () => {
    expect(decadeTicks(-14, -1)).toEqual([-12, -9, -6, -3]);
    expect(decadeTicks(-2, 1)).toEqual([-2, -1, 0, 1]);
    expect(countTicks(1, 20)).toEqual([1, 5, 10, 15, 20]);
    expect(countTicks(0, 300)).toEqual([0, 100, 200, 300]);
    expect(countTicks(1, 1)).toEqual([1]);
    expect(powerOfTen(-12)).toBe('10⁻¹²');
    expect(powerOfTen(0)).toBe('1');
  });

  test('one bar per layer with a positive value, taller for larger values, none for 0', () => {
    const svg = layerBars(document, [1e-6, 1e-3, 0, 1], { label: 'layer l', kind: 'gradient' });
    const rects = [...svg.querySelectorAll('rect')];
    expect(rects).toHaveLength(3);
    const heights = rects.map((r) => Number(r.getAttribute('height')));
    expect(heights[0]!).toBeLessThan(heights[1]!);
    expect(heights[1]!).toBeLessThan(heights[2]!);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
  });

  test('the loss line has a point per step (at most 320) inside the chart', () => {
    const losses = Array.from({ length: 1001 }, (_, k) => 0.6 * Math.exp(-k / 200));
    const line = lossLine(document, losses, 'training step').querySelector('polyline')!;
    const points = line
      .getAttribute('points')!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points.length).toBeLessThanOrEqual(321);
    expect(points.every(([, y]) => y! >= 0 && y! <= HEIGHT)).toBe(true);
    // falling loss: the line ends lower on the chart (larger y) than it starts
    expect(points.at(-1)![1]!).toBeGreaterThan(points[0]![1]!);
  });
});

describe('depth words', () => {
  test('numbers with two significant digits, scientific when tiny or huge, never NaN', () => {
    expect(sig(0.0989)).toBe('0.099');
    expect(sig(5.16e-14)).toBe('5.2e-\u206014');
    expect(sig(78.5)).toBe('79');
    expect(sig(2.3e7)).toBe('2.3e7');
    expect(sig(0)).toBe('0');
    expect(sig(Number.NaN)).toBe('—');
    expect(sig(0.644, 3)).toBe('0.644');
  });

  test('the gradient summary says which way the first layer differs, and what clipping did', () => {
    const base = {
      layers: 20,
      firstNorm: 5.16e-14,
      lastNorm: 0.0989,
      orders: 12.28,
      globalNorm: 0.0999,
      clipScale: 1,
      clip: false,
      clipAt: 1,
    };
    expect(flowText(base)).toBe(
      "Layer 1's gradient is about 10¹² times smaller than layer 20's (‖∂E/∂W⁽¹⁾‖ = 5.2e-\u206014, ‖∂E/∂W⁽²⁰⁾‖ = 0.099).",
    );
    expect(flowText({ ...base, firstNorm: 51.8, lastNorm: 0.263, orders: -2.29 })).toContain(
      "Layer 1's gradient is 195 times larger",
    );
    expect(flowText({ ...base, orders: 0.2 })).toContain('within a factor of 10');
    expect(flowText({ ...base, clip: true, globalNorm: 78.5, clipScale: 0.0127 })).toContain(
      "The global norm 79 is above c = 1.0, so every layer's gradient is scaled by 0.013.",
    );
  });

  test('the training summary warns when the loss grew', () => {
    const w = {
      steps: 300,
      layers: 20,
      startLoss: 0.644,
      endLoss: 820,
      firstChange: 2.3e3,
      lastChange: 3.8e4,
    };
    expect(diverged(w)).toBe(true);
    expect(trainText(w)).toContain('The loss grew');
    expect(trainText({ ...w, endLoss: 0.0273, firstChange: 0.06, lastChange: 0.012 })).toBe(
      "Over 300 steps the loss went from 0.644 to 0.0273; layer 1's weights moved by 0.060 of their starting size, layer 20's by 0.012.",
    );
    expect(trainText({ ...w, steps: 0 })).toBe(
      'No training steps: the loss is 0.644 at the start.',
    );
  });
});

describe('depth words in Chinese', () => {
  const zh = depthWords['zh-CN'];

  test('the summaries are Chinese sentences around the same numbers', () => {
    const flow = {
      layers: 20,
      firstNorm: 5.16e-14,
      lastNorm: 0.0989,
      orders: 12.28,
      globalNorm: 78.5,
      clipScale: 0.0127,
      clip: true,
      clipAt: 1,
    };
    expect(flowText(flow, zh)).toBe(
      '第 1 层的梯度只有第 20 层的约 1/10¹²（‖∂E/∂W⁽¹⁾‖ = 5.2e-\u206014，‖∂E/∂W⁽²⁰⁾‖ = 0.099）。' +
        '全局范数 79 超过了 c = 1.0，因此每一层的梯度都乘以 0.013。',
    );
    expect(flowText({ ...flow, orders: -2.29, clip: false }, zh)).toContain('的 195 倍');
    const train = {
      steps: 300,
      layers: 20,
      startLoss: 0.644,
      endLoss: 0.0273,
      firstChange: 0.06,
      lastChange: 0.012,
    };
    expect(trainText(train, zh)).toBe(
      '经过 300 步，损失从 0.644 变为 0.0273；第 1 层权重的相对变化为 0.060，第 20 层为 0.012。',
    );
  });

  test('the loss chart takes its axis label from the caller', () => {
    expect(lossLine(document, [1, 0.5], zh.stepAxis).textContent).toContain('训练步数');
  });
});
