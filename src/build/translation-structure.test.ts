import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translationProblems } from './translation-structure.ts';

const english = readFileSync('content/docs/chapters/neuron.mdx', 'utf8');
/** A "translation" that changes only words: the title, a heading, a label, a link's locale. */
const faithful = english
  .replace('title: The neuron', 'title: 神经元')
  .replace('## What a neuron computes', '## 神经元计算什么')
  .replace('label="∂a/∂x2"', 'label="∂a/∂x₂"')
  .replaceAll('](/chapters/', '](/zh-cn/chapters/');

describe('translationProblems()', () => {
  it('accepts a page whose words alone differ', () => {
    expect(translationProblems(english, faithful)).toEqual([]);
  });

  it('accepts an inline number moved within its sentence', () => {
    const moved = faithful.replace(
      'The inputs here are $x_1 =$ <Editable param="neuron.x1" />, $x_2 =$ <Editable param="neuron.x2" />',
      '这里的输入是 $x_2 =$ <Editable param="neuron.x2" /> 和 $x_1 =$ <Editable param="neuron.x1" />',
    );
    expect(moved).not.toBe(faithful);
    expect(translationProblems(english, moved)).toEqual([]);
  });

  it('names a dropped widget, a changed number and a changed live value in math', () => {
    const broken = faithful
      .replace('<NeuronDiagram />', '')
      .replace('<Value of="neuron.wx1" digits={2} />', '<Value of="neuron.wx1" digits={3} />')
      .replace('\\live{neuron.dadx2}', '\\live{neuron.dadx3}');
    expect(translationProblems(english, broken)).toEqual([
      'missing <NeuronDiagram>',
      'missing <Value digits={2} of="neuron.wx1">',
      'not in the English page: <Value digits={3} of="neuron.wx1">',
      'missing \\live{neuron.dadx2} in math',
      'not in the English page: \\live{neuron.dadx3} in math',
    ]);
  });

  it('holds exercises to the English order, and their answers to the English ones', () => {
    const a = '<Exercise id="dadx2" answer="neuron.dadx2" label="∂a/∂x₂">';
    const b =
      '<Exercise id="threshold-bias" answer="neuron.bAtZero" label="the bias that puts z at 0" digits={2}>';
    const swapped = faithful.replace(a, '@@').replace(b, a).replace('@@', b);
    expect(translationProblems(english, swapped)).toEqual([
      expect.stringMatching(/^widgets and exercises must come in the English order/),
    ]);
    const answer = faithful.replace('answer="neuron.dadx2"', 'answer="neuron.dadw2"');
    expect(translationProblems(english, answer)).toContain(
      'missing <Exercise answer="neuron.dadx2" id="dadx2">',
    );
  });

  it('keeps the frontmatter models, the headings and links in the page’s language', () => {
    const chapter = readFileSync('content/docs/chapters/zero-centering.mdx', 'utf8');
    const translated = chapter.replace('    batch: true', '    batch: false');
    expect(translationProblems(chapter, translated, 'zh-cn')).toContain(
      'the frontmatter `models` must be the English page’s, unchanged',
    );
    const merged = faithful.replace('## The neuron and the brain', 'The neuron and the brain');
    expect(translationProblems(english, merged)).toEqual([
      'the English page has 7 section headings (## and ###), this one 6',
    ]);
    const leaving = `${faithful}\n[第 6 章](/chapters/backprop/)\n`;
    expect(translationProblems(english, leaving)).toEqual([
      expect.stringMatching(
        /^the link \/chapters\/\S+ leaves the translation: write \/zh-cn\/chapters\//,
      ),
    ]);
  });
});
