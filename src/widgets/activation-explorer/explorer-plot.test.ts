import { describe, expect, it } from 'vitest';
import {
  explorerLabel,
  slopePieces,
  xFromPointer,
  yDomain,
  type ExplorerData,
} from './explorer-plot.ts';
import { activationExplorerWords } from './words.ts';

const xs = [-0.1, -0.05, 0, 0.05, 0.1];
const relu: ExplorerData = {
  name: 'ReLU',
  xs,
  f: xs.map((x) => Math.max(0, x)),
  df: xs.map((x) => (x > 0 ? 1 : 0)),
  x: -1.5,
  fx: 0,
  dfx: 0,
  kink: true,
};

describe('slopePieces()', () => {
  it('splits a slope that jumps at 0 into two pieces, the right one starting at (0, 1)', () => {
    expect(slopePieces(relu)).toEqual([
      { x: -0.1, y: 0, piece: 'left' },
      { x: -0.05, y: 0, piece: 'left' },
      { x: 0, y: 0, piece: 'left' },
      { x: 0, y: 1, piece: 'right' },
      { x: 0.05, y: 1, piece: 'right' },
      { x: 0.1, y: 1, piece: 'right' },
    ]);
  });

  it('keeps a smooth slope in one piece', () => {
    const pieces = slopePieces({ ...relu, kink: false });
    expect(pieces).toHaveLength(xs.length);
    expect(new Set(pieces.map((p) => p.piece))).toEqual(new Set(['left']));
  });
});

describe('xFromPointer()', () => {
  it('maps the frame’s left and right edges to −4 and 4, at any drawn size, to one decimal', () => {
    // The frame runs from 40 px to 320 − 16 px in the figure's own 320 px.
    expect(xFromPointer(40, { left: 0, width: 320 })).toBe(-4);
    expect(xFromPointer(304, { left: 0, width: 320 })).toBe(4);
    expect(xFromPointer(100 + 172 / 2, { left: 100, width: 160 })).toBe(0);
    expect(xFromPointer(-50, { left: 0, width: 320 })).toBe(-4);
    expect(xFromPointer(40 + 264 * 0.3, { left: 0, width: 320 })).toBe(-1.6);
  });
});

describe('the figure’s name and frame', () => {
  it('names the activation and its two values at x, with minus signs', () => {
    expect(explorerLabel(relu, activationExplorerWords.en)).toBe(
      'ReLU (solid) and its slope (dashed) for x from −4 to 4. At x = −1.5, f(x) = 0.0000 and f′(x) = 0.0000.',
    );
  });

  it('names them in the page’s language', () => {
    expect(explorerLabel(relu, activationExplorerWords['zh-CN'])).toBe(
      'ReLU（实线）及其斜率（虚线），输入 x 从 −4 到 4。在 x = −1.5 处，f(x) = 0.0000，f′(x) = 0.0000。',
    );
  });

  it('always shows 0 and 1, and fits curves that go beyond', () => {
    expect(yDomain([0.1, 0.5], [0.2])).toEqual([-0.25, 1.1]);
    const [lo, hi] = yDomain([-3, 4], [1]);
    expect(lo).toBeLessThan(-3);
    expect(hi).toBeGreaterThan(4);
  });
});
