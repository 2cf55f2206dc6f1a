import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { hasClass, isElement, textOf } from './hast.ts';
import font from '../assets/math/math.json' with { type: 'json' };

/**
 * Makes KaTeX's MathML lay out as the TeX means in a browser that implements MathML Core
 * (Chromium since 109, Firefox, Safari). The site ships KaTeX's MathML only, not its HTML copy:
 * that copy is about two thirds of a chapter's elements (12,400 of the backprop chapter's
 * 18,800) and most of its first layout. Runs after rehype-katex and rehype-katex-valid.
 *
 * KaTeX writes MathML 3 for browsers that also have its HTML; laid out alone by Core, four
 * things come out wrong:
 *
 * - **`mathvariant` other than `normal`.** Core styles letters by their code points, so
 *   `<mi mathvariant="bold">W</mi>` shows an ordinary W. Each such letter becomes its Unicode
 *   mathematical alphanumeric (U+1D416 for a bold W), which is also what MathML Core and
 *   screen readers expect. Text (`<mtext>`) in bold or italic gets the CSS instead. A variant
 *   or character with no such letter is a build error that names the formula: shown as plain
 *   text it would say something else (a plain x where the TeX has a vector).
 * - **A table's `columnalign`, `columnspacing` and `rowspacing`.** Core centres every cell and
 *   spaces them alike, which would centre both sides of an `aligned` block's equals signs.
 *   Each cell gets the same as an inline style: its column's alignment, and padding for the
 *   space before its column and above its row. The alignment is `-webkit-right` (or `-left`),
 *   not `right`: a cell's content is a block (`display: block math`), which `text-align: right`
 *   does not move, and Chromium's own style centres cells with `-webkit-center`. The attributes
 *   stay, for browsers that still read them (Firefox aligns by them).
 * - **TeX's spacing where MathML Core infers another.** Core spaces an operator by its position
 *   in its row, and TeX by its neighbours. A minus after `=`, `(` or a comma is a sign in TeX,
 *   with no space around it, where Core spaced it as a binary minus: `tanh(− x) = − tanh x`.
 *   And TeX puts a thin space between a function's name and its argument (`tanh x`), where
 *   Core's function application is zero-width: `tanhx`. Both get explicit `lspace`/`rspace`.
 * - **Line breaks in inline formulas.** A `<math>` is one box that never breaks, where KaTeX's
 *   HTML broke an inline formula after a relation or a binary operator, as TeX does; on a
 *   phone a long one then widened the page (to 649 px on chapter 2). So an inline formula's
 *   top row is cut into groups that each end after such an operator, each its own `<mrow>`,
 *   and math.css lets the line break between them (the class `katex-breakable`). The MathML
 *   keeps its meaning: an `<mrow>` groups without changing what is read. Display formulas are
 *   cut the same way, but only those in an exercise break (exercise.css); elsewhere a wide one
 *   scrolls.
 *
 * Every character of a formula, outside its text, must be in the site's math font (a subset of
 * Latin Modern Math, made by scripts/make-math-font.py): one drawn from another font has no
 * metrics for MathML layout and no look of its own. A character outside it is a build error.
 */
export default function rehypeMathmlCore() {
  return (tree: Root, file?: VFile): void => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'mtable') alignTable(node);
      spaceOperators(node);
      if (node.tagName === 'math') breakLines(node);
      const variant = node.properties['mathvariant'];
      if (typeof variant === 'string' && variant !== 'normal') {
        if (node.tagName === 'mtext') styleText(node, variant, file);
        else if (TOKENS.has(node.tagName)) mapLetters(node, variant, file);
        else fail(node, variant, file, `<${node.tagName}> cannot carry a math variant`);
      }
      if (TOKENS.has(node.tagName)) checkFont(node, file);
    });
  };
}

/**
 * Wraps each display formula in `<span class="katex-display">`, as KaTeX's HTML output does and
 * its MathML-only output does not: the site's CSS, the scrolling of wide formulas
 * (rehype-scrollable.ts) and the tests find display formulas by it. Runs right after
 * rehype-katex.
 */
export function rehypeKatexDisplay() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined || !hasClass(node, 'katex')) return;
      const math = node.children.find(isElement);
      if (math?.tagName !== 'math' || math.properties['display'] !== 'block') return;
      if (parent.type === 'element' && hasClass(parent, 'katex-display')) return;
      parent.children[index] = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['katex-display'] },
        children: [node],
      };
    });
  };
}

const TOKENS = new Set(['mi', 'mn', 'mo']);

const SIGNS = new Set(['−', '+', '±', '∓']);
const CLOSING = new Set([')', ']', '}', '|', '‖', '⟩', '⌉', '⌋', '!']);
const OPENING = new Set(['(', '[', '{', '|', '‖', '⟨', '⌈', '⌊']);
const FUNCTION_APPLICATION = '\u2061';

/**
 * TeX's spacing of signs and function names among `node`'s children (see the file's comment).
 * A sign is unary where TeX makes a binary operator ordinary: after another operator, a
 * relation, an opening bracket or punctuation, which in KaTeX's MathML are all an `<mo>` that
 * does not close a bracket. (First in its row, MathML Core already treats it as a prefix.)
 */
function spaceOperators(node: Element): void {
  const children = node.children.filter(isElement);
  children.forEach((child, i) => {
    if (child.tagName !== 'mo') return;
    const text = textOf(child);
    const before = children[i - 1];
    if (SIGNS.has(text) && before?.tagName === 'mo' && !CLOSING.has(textOf(before))) {
      child.properties['lspace'] = '0';
      child.properties['rspace'] = '0';
    }
    const after = children[i + 1];
    const bracketAfter = after?.tagName === 'mo' && OPENING.has(textOf(after));
    if (text === FUNCTION_APPLICATION && after && !bracketAfter) {
      child.properties['rspace'] = '0.1667em';
    }
  });
}

/** TeX's binary operators and relations: the operators a line may break after. */
const BREAK_AFTER = new Set([...'+−±∓×⋅·∗⊙⊗⊕∘∪∩∧∨', ...'=≠<>≤≥≈∼≃≅≡∝∈∉⊂⊆⊃⊇→←↦⇒⇐⇔↔≪≫']);

const SCRIPTS = new Set(['msub', 'msup', 'msubsup']);

function breakLines(math: Element): void {
  const semantics = math.children.find(isElement);
  const row = semantics?.tagName === 'semantics' ? semantics.children.find(isElement) : undefined;
  if (row?.tagName !== 'mrow') return;
  // Signs first: a sign is not a place to break (the visit reaches <math> before its row).
  spaceOperators(row);
  const groups: ElementContent[][] = [[]];
  // Not inside brackets: KaTeX writes (t − o)² as a flat row, and a break after that minus
  // would split the bracket across lines.
  let depth = 0;
  for (const child of row.children) {
    groups.at(-1)!.push(child);
    if (!isElement(child)) continue;
    const bracket =
      child.tagName === 'mo'
        ? child
        : SCRIPTS.has(child.tagName)
          ? child.children.find(isElement)
          : undefined;
    const text = bracket?.tagName === 'mo' ? textOf(bracket) : '';
    if (OPENING.has(text) && !CLOSING.has(text)) depth += 1;
    else if (CLOSING.has(text) && !OPENING.has(text)) depth = Math.max(0, depth - 1);
    const unary = child.properties['lspace'] === '0';
    if (depth === 0 && child.tagName === 'mo' && !unary && BREAK_AFTER.has(text)) groups.push([]);
  }
  const filled = groups.filter((group) => group.length > 0);
  if (filled.length < 2) return;
  row.children = filled.map((children) => ({
    type: 'element',
    tagName: 'mrow',
    properties: { className: ['katex-break'] },
    children,
  }));
  math.properties['className'] = ['katex-breakable'];
}

/** The first code point of each alphabet of Unicode's Mathematical Alphanumeric Symbols. */
interface Alphabet {
  upper?: number;
  lower?: number;
  digits?: number;
  /** Capital Greek (the 58-letter block: capitals, nabla, small letters, ∂ and variants). */
  greek?: number;
  /** Letters Unicode had encoded before (Letterlike Symbols), which leave holes in the block. */
  holes?: Record<string, string>;
}

const ALPHABETS: Record<string, Alphabet> = {
  bold: { upper: 0x1d400, lower: 0x1d41a, digits: 0x1d7ce, greek: 0x1d6a8 },
  italic: { upper: 0x1d434, lower: 0x1d44e, greek: 0x1d6e2, holes: { h: 'ℎ' } },
  'bold-italic': { upper: 0x1d468, lower: 0x1d482, greek: 0x1d71c },
  script: {
    upper: 0x1d49c,
    lower: 0x1d4b6,
    holes: {
      B: 'ℬ',
      E: 'ℰ',
      F: 'ℱ',
      H: 'ℋ',
      I: 'ℐ',
      L: 'ℒ',
      M: 'ℳ',
      R: 'ℛ',
      e: 'ℯ',
      g: 'ℊ',
      o: 'ℴ',
    },
  },
  'double-struck': {
    upper: 0x1d538,
    lower: 0x1d552,
    digits: 0x1d7d8,
    holes: { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  },
};

/** Offsets in a Greek block of the letters outside Α–Ω and α–ω. */
const GREEK_EXTRA: Record<string, number> = {
  ϴ: 0x11,
  '∇': 0x19,
  '∂': 0x33,
  ϵ: 0x34,
  ϑ: 0x35,
  ϰ: 0x36,
  ϕ: 0x37,
  ϱ: 0x38,
  ϖ: 0x39,
};

/** The character in `variant`, or undefined where Unicode has none. */
export function styledCharacter(char: string, variant: string): string | undefined {
  const alphabet = ALPHABETS[variant];
  if (!alphabet) return undefined;
  const hole = alphabet.holes?.[char];
  if (hole) return hole;
  const code = char.codePointAt(0) ?? 0;
  const at = (base: number | undefined, offset: number): string | undefined =>
    base === undefined ? undefined : String.fromCodePoint(base + offset);
  if (code >= 0x41 && code <= 0x5a) return at(alphabet.upper, code - 0x41);
  if (code >= 0x61 && code <= 0x7a) return at(alphabet.lower, code - 0x61);
  if (code >= 0x30 && code <= 0x39) return at(alphabet.digits, code - 0x30);
  // Greek capitals Α–Ω (U+03A2 is unassigned: its slot holds ϴ) and small letters α–ω.
  if (code >= 0x391 && code <= 0x3a9 && code !== 0x3a2) return at(alphabet.greek, code - 0x391);
  if (code >= 0x3b1 && code <= 0x3c9) return at(alphabet.greek, code - 0x3b1 + 0x1a);
  const extra = GREEK_EXTRA[char];
  return extra === undefined ? undefined : at(alphabet.greek, extra);
}

function mapLetters(node: Element, variant: string, file: VFile | undefined): void {
  for (const child of node.children) {
    if (child.type !== 'text') continue;
    let out = '';
    for (const char of child.value) {
      const styled = styledCharacter(char, variant);
      // KaTeX's MathML takes a period after \mathbf{1} into the same <mn>; punctuation has no
      // styled form, and TeX never styled it.
      if (styled === undefined && /[\p{L}\p{N}]/u.test(char))
        fail(node, variant, file, `Unicode has no ${variant} form of "${char}"`);
      out += styled ?? char;
    }
    child.value = out;
  }
  delete node.properties['mathvariant'];
}

const TEXT_STYLES: Record<string, string> = {
  bold: 'font-weight:bold',
  italic: 'font-style:italic',
  'bold-italic': 'font-weight:bold;font-style:italic',
};

function styleText(node: Element, variant: string, file: VFile | undefined): void {
  const style = TEXT_STYLES[variant];
  if (!style) fail(node, variant, file, 'text can be bold or italic, nothing else');
  addStyle(node, style);
  delete node.properties['mathvariant'];
}

const inFont = (code: number): boolean =>
  font.ranges.some(
    ([first, last]) => first !== undefined && last !== undefined && code >= first && code <= last,
  );

function checkFont(node: Element, file: VFile | undefined): void {
  for (const char of textOf(node)) {
    const code = char.codePointAt(0) ?? 0;
    if (!inFont(code))
      throw new Error(
        `${file?.path ?? 'math'}: the math font has no "${char}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}), in <${node.tagName}>${textOf(node)}</${node.tagName}>. ` +
          'Add it to CHARACTERS in scripts/make-math-font.py and run that script, or write the formula without it.',
      );
  }
}

function fail(node: Element, variant: string, file: VFile | undefined, why: string): never {
  throw new Error(
    `${file?.path ?? 'math'}: ${why} (mathvariant="${variant}" in "${textOf(node)}"). ` +
      'Browsers show MathML by MathML Core, which draws styled letters only from their Unicode ' +
      'code points; use \\mathbf, \\boldsymbol, \\mathbb or \\mathcal on letters and digits.',
  );
}

function alignTable(table: Element): void {
  const list = (name: string): string[] => {
    const value = table.properties[name];
    return typeof value === 'string' ? value.trim().split(/\s+/) : [];
  };
  // MathML: the last entry of each list repeats for any further column or row.
  const pick = (values: string[], index: number): string | undefined =>
    values.length === 0 ? undefined : values[Math.min(index, values.length - 1)];
  const aligns = list('columnalign');
  const columnGaps = list('columnspacing');
  const rowGaps = list('rowspacing');
  const rows = table.children.filter(isElement).filter((row) => row.tagName === 'mtr');
  rows.forEach((row, r) => {
    const cells = row.children.filter(isElement).filter((cell) => cell.tagName === 'mtd');
    cells.forEach((cell, c) => {
      const top = r === 0 ? '0' : (pick(rowGaps, r - 1) ?? '0');
      const left = c === 0 ? '0' : (pick(columnGaps, c - 1) ?? '0');
      const align = pick(aligns, c) ?? 'center';
      addStyle(
        cell,
        `${align === 'center' ? '' : `text-align:-webkit-${align};`}padding:${top} 0 0 ${left}`,
      );
    });
  });
}

function addStyle(node: Element, style: string): void {
  const before = node.properties['style'];
  node.properties['style'] = typeof before === 'string' && before ? `${before};${style}` : style;
}
