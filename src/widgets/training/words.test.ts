import { describe, expect, it } from 'vitest';
import { byLocale } from '../../i18n/locales.ts';
import { defaultValues } from '../../live/model.ts';
import { mazurModel } from '../../live/models/mazur.ts';
import { outputLines, runTraining, trainOf } from './model.ts';
import {
  countSteps,
  listWords,
  outputsSummary,
  progressText,
  runSummary,
  tableCaption,
  trainLabel,
  trainingWords,
} from './words.ts';

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

describe('the Chinese words', () => {
  const zh = byLocale(trainingWords, 'zh-CN');
  const defaults = defaultValues(mazurModel);
  const { change } = runTraining(mazurModel, defaults);

  it('count steps without a plural, and list with 、 and 和', () => {
    expect(countSteps(1, zh)).toBe('1 步');
    expect(trainLabel(100000, zh)).toBe('训练 100,000 步');
    expect(listWords(['0.7514', '0.7729'], zh)).toBe('0.7514 和 0.7729');
    expect(listWords(['a', 'b', 'c'], zh)).toBe('a、b 和 c');
    // No space between full-width punctuation and 和.
    expect(listWords(['x（目标值 1）', 'y'], zh)).toBe('x（目标值 1）和 y');
  });

  it('write the status, the caption and the figures’ names as Chinese sentences', () => {
    expect(runSummary('preview', change, zh)).toBe(
      '以 η = 0.50 训练 10,000 步，误差 E 将从 0.2984 变为 0.0000351。',
    );
    expect(tableCaption('run', change, zh)).toBe(
      '刚才训练的 10,000 步带来的变化（η = 0.50，同时更新）',
    );
    expect(outputsSummary(change, outputLines(trainOf(mazurModel), defaults), zh)).toBe(
      '训练 10,000 步后，out_o1 = 0.0159（目标值 t1 = 0.0100）和 out_o2 = 0.9841（目标值 t2 = 0.9900）；起始值分别为 0.7514 和 0.7729。',
    );
    expect(progressText(4200, 10000, 0.000131, zh)).toBe('第 4,200 / 10,000 步，E = 0.000131');
  });
});
