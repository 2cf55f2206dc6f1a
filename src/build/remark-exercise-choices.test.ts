import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import remarkExerciseChoices from './remark-exercise-choices.ts';

// MDX's syntax tree, built by hand: JSX elements are mdxJsxFlowElement (on lines of their own)
// or mdxJsxTextElement (inside a paragraph), with a name and a position.
type Node = { type: string; name?: string; children?: Node[]; position?: object; value?: string };
const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 2 } });
const jsx = (name: string, line: number, children: Node[] = [], text = false): Node => ({
  type: text ? 'mdxJsxTextElement' : 'mdxJsxFlowElement',
  name,
  children,
  position: at(line),
});
const choice = (line: number, text = false) =>
  jsx('Choice', line, [{ type: 'text', value: 'An answer.' }], text);
const fragment = (line: number, children: Node[]) => jsx('Fragment', line, children);
const paragraph = (children: Node[]): Node => ({ type: 'paragraph', children });

function check(children: Node[]): void {
  const file = new VFile({ path: 'content/docs/chapters/example.mdx' });
  remarkExerciseChoices()({ type: 'root', children } as unknown as Root, file);
}

describe('remarkExerciseChoices()', () => {
  it('accepts options directly inside an exercise, on their own lines or in a paragraph', () => {
    expect(() =>
      check([
        jsx('Exercise', 1, [
          fragment(2, [paragraph([{ type: 'text', value: 'Why?' }])]),
          choice(3),
          paragraph([choice(4, true), { type: 'text', value: ' ' }, choice(4, true)]),
        ]),
      ]),
    ).not.toThrow();
  });

  it('refuses an option outside an exercise, naming the file and line', () => {
    expect(() => check([paragraph([{ type: 'text', value: 'Text' }]), choice(7)])).toThrow(
      'content/docs/chapters/example.mdx:7: <Choice> is outside an <Exercise>; it goes directly inside an <Exercise> without answer=, beside the question and solution slots.',
    );
    expect(() => check([paragraph([choice(3, true)])])).toThrow(/:3: <Choice> is outside/);
  });

  it('refuses an option inside a slot of the exercise or another component', () => {
    expect(() => check([jsx('Exercise', 1, [fragment(2, [choice(3)])])])).toThrow(
      /example\.mdx:3: <Choice> is inside <Fragment>/,
    );
    expect(() => check([jsx('Aside', 1, [choice(2)])])).toThrow(/:2: <Choice> is inside <Aside>/);
  });
});
