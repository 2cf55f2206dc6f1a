import type { Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * Turns every math error that rehype-katex reported into a build failure.
 *
 * rehype-katex only *warns* when a formula does not parse and then renders the source in red.
 * A typo in a chapter would ship as a red blob, so this plugin, which must run right after
 * rehype-katex, throws instead, naming the file, the line and the offending TeX.
 */
export default function rehypeMathErrors() {
  return (_tree: Root, file: VFile): void => {
    const problems = file.messages.filter((message) => message.source === 'rehype-katex');
    if (problems.length === 0) return;
    const lines = problems.map((message) => {
      const ancestors = message.ancestors ?? [];
      const line =
        message.line ?? ancestors.findLast((node) => node.position)?.position?.start.line;
      const where = line === undefined ? '' : `:${line}`;
      const element = ancestors.at(-1);
      const tex = element ? textOf(element) : '(unknown source)';
      const reason = message.cause instanceof Error ? message.cause.message : message.reason;
      return `${file.path}${where}: cannot typeset $${tex}$\n  ${reason}`;
    });
    throw new Error(`KaTeX could not render ${problems.length} formula(s):\n${lines.join('\n')}`);
  };
}

function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) {
    return node.children.map((child) => textOf(child)).join('');
  }
  return '';
}
