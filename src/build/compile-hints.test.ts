import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, addCompileHints, wantsEagerCompile } from './compile-hints.ts';

describe('compile hints', () => {
  it("asks for Plot's chunks, d3's and the figures', and no other", () => {
    expect(wantsEagerCompile(['/p/node_modules/@observablehq/plot/src/plot.js'])).toBe(true);
    expect(wantsEagerCompile(['/p/node_modules/d3-scale/src/linear.js'])).toBe(true);
    expect(wantsEagerCompile(['/p/src/widgets/training/loss-plot.ts'])).toBe(true);
    expect(wantsEagerCompile(['C:\\p\\src\\widgets\\training\\plot-lib.ts'])).toBe(true);
    expect(wantsEagerCompile(['/p/src/live/client/runtime.ts', '/p/src/engine/mazur.ts'])).toBe(
      false,
    );
    expect(wantsEagerCompile(['/p/node_modules/@preact/signals-core/dist/signals.mjs'])).toBe(
      false,
    );
  });

  it('puts the hint on the first line of such a chunk, once, and nowhere else', () => {
    const plot = { type: 'chunk' as const, moduleIds: ['/p/node_modules/d3-array/src/max.js'] };
    const bundle = {
      'src.js': { ...plot, code: 'export const a = 1;' },
      'runtime.js': { type: 'chunk' as const, moduleIds: ['/p/src/live/model.ts'], code: 'b();' },
      'style.css': { type: 'asset' as const },
    };
    addCompileHints(bundle);
    expect(bundle['src.js'].code).toBe(`${COMPILE_HINT}\nexport const a = 1;`);
    expect(bundle['runtime.js'].code).toBe('b();');
    addCompileHints(bundle);
    expect(bundle['src.js'].code).toBe(`${COMPILE_HINT}\nexport const a = 1;`);
  });
});
