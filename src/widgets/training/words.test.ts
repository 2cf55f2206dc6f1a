import { describe, expect, it } from 'vitest';
import { countSteps, trainLabel } from './words.ts';

describe('countSteps() and trainLabel()', () => {
  it('say "1 step" and "Train 1 step", never "1 steps"', () => {
    expect(countSteps(1)).toBe('1 step');
    expect(trainLabel(1)).toBe('Train 1 step');
  });

  it('write other counts in the plural, with thousands separated', () => {
    expect(countSteps(0)).toBe('0 steps');
    expect(countSteps(2)).toBe('2 steps');
    expect(trainLabel(100000)).toBe('Train 100,000 steps');
  });
});
