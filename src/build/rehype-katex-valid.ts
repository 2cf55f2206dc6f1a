import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isElement } from './hast.ts';

/**
 * Repairs invalid MathML in KaTeX's output (KaTeX 0.16), which the W3C checker reports. Runs
 * after rehype-katex.
 *
 * **A script of several nodes, not wrapped.** For `\lambda_{\max}` KaTeX writes
 * `<msub><mi>λ</mi><mi>max</mi><mo>⁡</mo></msub>`: three children where `<msub>` takes two
 * (KaTeX issues #3721 and #4246). Browsers then lay out, and screen readers read, the wrong
 * script. Inside a script the function's name is a label that applies to nothing, so the
 * function application (U+2061) goes; any children still too many are wrapped in one `<mrow>`,
 * which is what the TeX means.
 */
export default function rehypeKatexValid() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      const arity = ARITY[node.tagName];
      if (arity !== undefined) wrapExtraChildren(node, arity);
    });
  };
}

/** How many children each MathML script element takes. */
const ARITY: Record<string, number> = {
  msub: 2,
  msup: 2,
  munder: 2,
  mover: 2,
  msubsup: 3,
  munderover: 3,
};

const FUNCTION_APPLICATION = '\u2061';

function wrapExtraChildren(node: Element, arity: number): void {
  let children = node.children.filter(isElement);
  if (children.length <= arity) return;
  // KaTeX's bug flattens a function name's <mi> and its function application into the script;
  // inside a script the name is a label and applies to nothing, so the application goes.
  children = children.filter((child, i) => i === 0 || !isApplyFunction(child));
  if (children.length > arity && arity === 2) {
    const [base, ...script] = children;
    children = [base!, { type: 'element', tagName: 'mrow', properties: {}, children: script }];
  }
  if (children.length > arity) {
    throw new Error(
      `KaTeX wrote <${node.tagName}> with ${children.length} children where it takes ${arity}, and rehype-katex-valid cannot tell which belong together: brace the script, e.g. x_{\\mathrm{max}}.`,
    );
  }
  node.children = children;
}

function isApplyFunction(node: Element): boolean {
  const [text] = node.children;
  return (
    node.tagName === 'mo' &&
    node.children.length === 1 &&
    text?.type === 'text' &&
    text.value === FUNCTION_APPLICATION
  );
}
