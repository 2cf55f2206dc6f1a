import { describe, expect, it } from 'vitest';
import { settledText } from './words.ts';

describe('settledText()', () => {
  it('says the chain rule of a weight as its numbers read, then the error', () => {
    expect(settledText('w5', '0.7414 × 0.1868 × 0.5933 = 0.082167', '0.2984')).toBe(
      '∂E/∂w5 = 0.7414 × 0.1868 × 0.5933 = 0.082167. Error E: 0.2984.',
    );
  });

  it('says only the error for a value with no chain rule shown (an input)', () => {
    expect(settledText(undefined, '', '0.2990')).toBe('Error E: 0.2990.');
  });
});
