import { describe, expect, it } from 'vitest';
import { namePieces, spokenName } from './names.ts';

describe('namePieces() and spokenName()', () => {
  it('splits a sentence at whole names, each into its base and subscript', () => {
    expect(
      namePieces('After 10 steps, out_o1 = 0.0159 (target t1 = 0.0100).', ['out_o1', 't1']),
    ).toEqual([
      'After 10 steps, ',
      { base: 'out', sub: 'o1' },
      ' = 0.0159 (target ',
      { base: 't', sub: '1' },
      ' = 0.0100).',
    ]);
    // Not inside another name or word, in either language.
    expect(namePieces('t10 and out_t1 and xt1', ['t1'])).toEqual(['t10 and out_t1 and xt1']);
    expect(namePieces('训练后，y1 = 0.5（目标值 t1 = 1）', ['y1', 't1'])).toEqual([
      '训练后，',
      { base: 'y', sub: '1' },
      ' = 0.5（目标值 ',
      { base: 't', sub: '1' },
      ' = 1）',
    ]);
    // A name without a subscript stays text.
    expect(namePieces('E = 0.3', ['E'])).toEqual(['E = 0.3']);
  });

  it('gives a screen reader "out o1", not "out line o1"', () => {
    expect(spokenName('out_o1')).toBe('out o1');
    expect(spokenName('t1')).toBe('t1');
  });
});
