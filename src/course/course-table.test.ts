import { describe, expect, it } from 'vitest';
import { askOf, exercises, learningGoals, sentences, type LiveTag } from './course-table.ts';

const goals = `Intro.

By the end of the chapter you will be able to:

- compute $z = \\sum_i w_i x_i + b$;
- say what the **bias** does, and why
  the activation must not be linear.

## What a neuron computes
`;

describe('learningGoals()', () => {
  it('returns the list after the goals line, continuation lines included', () => {
    expect(learningGoals(goals, 'n.mdx')).toBe(
      '- compute $z = \\sum_i w_i x_i + b$;\n- say what the **bias** does, and why\n  the activation must not be linear.',
    );
  });
  it('reads a translation’s goals after its own language’s line', () => {
    const zh = goals.replace(
      'By the end of the chapter you will be able to:',
      '学完本章，你将能够：',
    );
    expect(learningGoals(zh, 'zh.mdx', '学完本章，你将能够：')).toBe(learningGoals(goals, 'n.mdx'));
    expect(() => learningGoals(zh, 'zh-cn/n.mdx')).toThrow(/zh-cn\/n\.mdx/);
  });
  it('fails a chapter without goals, naming the file', () => {
    expect(() => learningGoals('# Title\n', 'chapters/x.mdx')).toThrow(
      /chapters\/x\.mdx: a chapter states its learning goals/,
    );
  });
});

describe('sentences() and askOf()', () => {
  it('does not split inside math or after e.g.', () => {
    expect(sentences('At $x = 0.5$ it is small, e.g. 0.1. Why is it? Say.')).toEqual([
      'At $x = 0.5$ it is small, e.g. 0.1.',
      'Why is it?',
      'Say.',
    ]);
  });
  it('takes the last question that stands alone, or the whole text', () => {
    expect(askOf('Set $w = 1$. Then what is $\\partial a / \\partial x_2$ at this point?')).toBe(
      'Then what is $\\partial a / \\partial x_2$ at this point?',
    );
    expect(askOf('The gradient of w2 is twice that of w1. Why?')).toBe(
      'The gradient of w2 is twice that of w1. Why?',
    );
  });
  it('splits Chinese sentences at full-width marks, with no space after them', () => {
    expect(
      sentences('保持页面上的输入不变。取 $x = 0.5$ 时，哪个偏置使 $z = 0$？为什么？'),
    ).toEqual(['保持页面上的输入不变。', '取 $x = 0.5$ 时，哪个偏置使 $z = 0$？', '为什么？']);
    expect(askOf('保持页面上的输入和权重不变。偏置 $b$ 取什么值，才能使 $z = 0$？')).toBe(
      '偏置 $b$ 取什么值，才能使 $z = 0$？',
    );
    expect(askOf('$w_2$ 的梯度是 $w_1$ 的两倍。为什么？')).toBe(
      '$w_2$ 的梯度是 $w_1$ 的两倍。为什么？',
    );
  });
});

describe('exercises()', () => {
  const source = `
<Exercise id="a" answer="neuron.dadx2" label="∂a/∂x2">
  <Fragment slot="question">
    With $x =$ <Value of="neuron.x1" digits={1} /> and $b =$ <Editable param="neuron.b" />,
    what is $\\partial a / \\partial x_2$ here?
  </Fragment>
</Exercise>
<Exercise id="b">
  <Fragment slot="question">Which one moves together with the first weight?</Fragment>
  <Choice correct>One</Choice>
  <Choice>Two</Choice>
</Exercise>`;
  it('lists each exercise with its kind and its question, live numbers written by the caller', () => {
    const seen: LiveTag[] = [];
    const write = (tag: LiveTag): string => {
      seen.push(tag);
      return tag.component === 'Value' ? '1.0' : '0.1';
    };
    expect(exercises(source, 'n.mdx', write)).toEqual([
      {
        id: 'a',
        kind: 'number',
        options: 0,
        question: 'With $x =$ 1.0 and $b =$ 0.1, what is $\\partial a / \\partial x_2$ here?',
        ask: 'With $x =$ 1.0 and $b =$ 0.1, what is $\\partial a / \\partial x_2$ here?',
      },
      {
        id: 'b',
        kind: 'choice',
        options: 2,
        question: 'Which one moves together with the first weight?',
        ask: 'Which one moves together with the first weight?',
      },
    ]);
    expect(seen).toEqual([
      { component: 'Value', props: { of: 'neuron.x1', digits: 1 } },
      { component: 'Editable', props: { param: 'neuron.b' } },
    ]);
  });
  it('fails on markup it would have to drop, but not on a < in math', () => {
    const bad = `<Exercise id="c"><Fragment slot="question">Press <kbd>Enter</kbd>, with $z < b$.</Fragment></Exercise>`;
    expect(() => exercises(bad, 'n.mdx', () => '')).toThrow(/exercise "c": .*cannot write <kbd>/);
    const fine = `<Exercise id="d"><Fragment slot="question">Is $z <b$ ever true for these inputs?</Fragment><Choice correct>Yes</Choice></Exercise>`;
    expect(exercises(fine, 'n.mdx', () => '')[0]?.kind).toBe('choice');
  });
});
