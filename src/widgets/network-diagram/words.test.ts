import { describe, expect, it } from 'vitest';
import { networkDiagramWords } from './words.ts';

const en = networkDiagramWords.en;
const zh = networkDiagramWords['zh-CN'];

describe('settledText()', () => {
  it('says the chain rule of a weight as its numbers read, then the error', () => {
    expect(en.settledText('w5', '0.7414 × 0.1868 × 0.5933 = 0.082167', '0.2984')).toBe(
      '∂E/∂w5 = 0.7414 × 0.1868 × 0.5933 = 0.082167. Error E: 0.2984.',
    );
  });

  it('says only the error for a value with no chain rule shown (an input)', () => {
    expect(en.settledText(undefined, '', '0.2990')).toBe('Error E: 0.2990.');
  });

  it('says the same in Chinese', () => {
    expect(zh.settledText('w5', '0.7414 × 0.1868 × 0.5933 = 0.082167', '0.2984')).toBe(
      '∂E/∂w5 = 0.7414 × 0.1868 × 0.5933 = 0.082167。误差 E：0.2984。',
    );
    expect(zh.settledText(undefined, '', '0.2990')).toBe('误差 E：0.2990。');
  });
});

describe('the notes under the chain rules', () => {
  it('name the two paths; the bias note brings its own space, in English only', () => {
    expect(en.hiddenNote('i1', 'h1')).toBe(
      '(i1 feeds h1, which feeds both outputs: two paths, summed.)',
    );
    expect(en.biasNote.startsWith(' (')).toBe(true);
    expect(zh.hiddenNote('i1', 'h1')).toBe(
      '（i1 连到 h1，而 h1 连到两个输出：共两条路径，贡献相加。）',
    );
    expect(zh.biasNote.startsWith('（')).toBe(true);
  });
});
