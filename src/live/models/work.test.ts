import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradientWork } from '../../engine/work.ts';
import { checkModel, defaultValues, type ParamValues } from '../model.ts';
import { workModel } from './work.ts';

const at = (params: ParamValues = {}) =>
  checkModel(workModel, { ...defaultValues(workModel), ...params }) as Record<string, number>;

describe('workModel', () => {
  it('counts a 784-100-100-10 network at the defaults, as gradientWork() does', () => {
    const w = gradientWork([784, 100, 100, 10]);
    const v = at();
    expect(v['params']).toBe(w.params);
    expect(v['params']).toBe(784 * 100 + 100 + 100 * 100 + 100 + 100 * 10 + 10);
    expect(v['reverse']).toBe(w.reverse);
    expect(v['centralPasses']).toBe(2 * w.params);
  });

  it('gives reverse mode fewer than three forward passes of work at any size (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          inputs: fc.integer({ min: 1, max: 10000 }),
          width: fc.integer({ min: 1, max: 10000 }),
          layers: fc.integer({ min: 1, max: 50 }),
          outputs: fc.integer({ min: 1, max: 10000 }),
        }),
        (p) => {
          const v = at(p);
          expect(v['reversePasses']).toBeLessThan(3);
          expect(v['reversePasses']).toBeGreaterThan(1);
          expect(v['forwardModePasses']).toBeGreaterThan(v['params']! - 1);
          expect(v['centralPasses']).toBe(2 * v['params']!);
        },
      ),
      { numRuns: 200 },
    );
  });
});
