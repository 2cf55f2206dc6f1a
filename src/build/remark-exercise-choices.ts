import { relative } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { AuthoringError } from '../live/authoring-error.ts';

/**
 * Checks, in a page's MDX source, that every <Choice> sits directly inside an <Exercise>
 * (src/components/live/Choice.astro), if need be in the paragraph MDX wraps inline content in.
 * Anywhere else, say in a question slot or in running text, it would render a radio button with
 * nothing to check it. The component cannot see its parent (MDX renders a component's children
 * before the component), so the build looks at the source and names the file and line.
 */
export default function remarkExerciseChoices() {
  return (tree: Root, file: VFile): void => {
    walk(tree as unknown as Node, undefined, file);
  };
}

interface Node {
  readonly type: string;
  readonly name?: string | null;
  readonly children?: readonly Node[];
  readonly position?: { readonly start: { readonly line: number } };
}

const isJsx = (node: Node): boolean =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** Visits the tree, knowing the nearest JSX element above each node (`inside`). */
function walk(node: Node, inside: Node | undefined, file: VFile): void {
  if (isJsx(node) && node.name === 'Choice' && inside?.name !== 'Exercise') {
    const line = node.position?.start.line;
    const where = inside?.name ? `inside <${inside.name}>` : 'outside an <Exercise>';
    throw new AuthoringError(
      `${relative(file.cwd, file.path)}${line === undefined ? '' : `:${line}`}: <Choice> is ${where}; it goes directly inside an <Exercise> without answer=, beside the question and solution slots.`,
    );
  }
  for (const child of node.children ?? []) walk(child, isJsx(node) ? node : inside, file);
}
