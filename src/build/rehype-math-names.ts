import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { type Locale, localeOfFile } from '../i18n/locales.ts';
import { textOf } from './hast.ts';
import { AuthoringError } from '../live/authoring-error.ts';

/**
 * Gives a formula a spoken form where it is part of another element's accessible name: an
 * exercise's answer (a radio button's label), a table's header cell, a caption, a heading, a link.
 *
 * Chromium leaves `<math>` out when it computes a name from content (checked in Chromium 150:
 * the label `Because <math>…w₂…</math> is larger` names its radio button "Because is larger").
 * KaTeX's visible copy is aria-hidden, so a screen reader moving to such a radio button heard
 * the sentence with its symbols missing. An `aria-label` on the `<math>` is used instead of its
 * content, so each such formula gets one: its MathML read out as words ("w sub 2",
 * "partial E over partial w sub 5"), in the page's language. Formulas in running text keep no
 * label, so that a screen reader that reads MathML still reads them as math.
 *
 * A live number in such a formula would leave the label stale when the reader edits, so it is a
 * build error. Runs after rehype-katex, rehype-katex-valid and rehype-live-math.
 */
export default function rehypeMathNames() {
  return (tree: Root, file?: VFile): void => {
    const locale = file?.path ? localeOfFile(file.path) : 'en';
    for (const child of tree.children) visitNode(child, false, locale, file?.path);
  };
}

/** Elements whose accessible name, or whose owner's, comes from their content. */
const NAMING = new Set([
  'label',
  'th',
  'caption',
  'figcaption',
  'summary',
  'legend',
  'a',
  'button',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

interface JsxNode {
  readonly type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  readonly name: string | null;
  readonly attributes: readonly {
    readonly type: string;
    readonly name?: string;
    readonly value?: unknown;
  }[];
  readonly children: readonly RootContent[];
}

/** The node as a JSX element of MDX's, if it is one (hast's own types do not list them). */
function asJsx(node: { readonly type: string }): JsxNode | undefined {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
    ? (node as unknown as JsxNode)
    : undefined;
}

/**
 * Whether a JSX element's content names something: a <Choice>'s answer is its radio button's
 * label, except the `why` slot, which is shown after the reader checks it.
 */
function jsxNames(node: JsxNode, naming: boolean): boolean {
  const slot = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'slot');
  if (node.name === 'Fragment' && slot?.value === 'why') return false;
  return naming || node.name === 'Choice' || NAMING.has(node.name ?? '');
}

function visitNode(node: RootContent, naming: boolean, locale: Locale, path?: string): void {
  const jsx = asJsx(node);
  if (jsx) {
    const inner = jsxNames(jsx, naming);
    for (const child of jsx.children) visitNode(child, inner, locale, path);
    return;
  }
  if (node.type !== 'element') return;
  if (node.tagName === 'math') {
    if (naming && node.properties['ariaLabel'] === undefined) {
      if (hasLiveNumber(node)) {
        throw new AuthoringError(
          `${path ?? 'a page'}: a live number in a formula that names a control or a header (${annotation(node)}): its spoken name could not follow the reader's edits. Move the number out of the label, or write it as a constant.`,
        );
      }
      node.properties['ariaLabel'] = speak(node, locale);
    }
    return;
  }
  const inner = naming || NAMING.has(node.tagName);
  for (const child of node.children) visitNode(child, inner, locale, path);
}

function hasLiveNumber(node: Element): boolean {
  return node.children.some(
    (child) =>
      child.type === 'element' &&
      (child.properties['dataValue'] !== undefined || hasLiveNumber(child)),
  );
}

function annotation(node: Element): string {
  let tex = '';
  const find = (n: ElementContent): void => {
    if (n.type !== 'element') return;
    if (n.tagName === 'annotation') tex = textOf(n);
    else n.children.forEach(find);
  };
  node.children.forEach(find);
  return tex === '' ? 'a formula' : `$${tex}$`;
}

/**
 * Whether a script or a fraction's part is a row of several terms, and so needs its end said:
 * "M sub l minus 1 end sub" is not "M sub l, minus 1". One term, even with scripts of its own
 * ("out sub h sub 2") or in brackets ("W superscript ( l )"), needs none.
 */
function compound(node: ElementContent | undefined): boolean {
  if (node?.type !== 'element') return false;
  if (node.tagName !== 'mrow' && node.tagName !== 'semantics') return false;
  const kids = node.children.filter((child): child is Element => child.type === 'element');
  if (kids.length === 1) return compound(kids[0]);
  const bracket = (el: Element | undefined): boolean =>
    el?.tagName === 'mo' && /^[([{|]$|^[)\]}|]$/.test(textOf(el).trim());
  return !(kids.length === 3 && bracket(kids[0]) && bracket(kids[2]) && !compound(kids[1]));
}

interface Words {
  readonly ops: Readonly<Record<string, string>>;
  readonly sub: (base: string, script: string, long: boolean) => string;
  readonly sup: (base: string, script: string, long: boolean) => string;
  readonly frac: (numerator: string, denominator: string, long: boolean) => string;
  readonly sqrt: (radicand: string) => string;
  readonly root: (radicand: string, index: string) => string;
  readonly under: (base: string, script: string) => string;
  readonly underOver: (base: string, lower: string, upper: string) => string;
  readonly accents: Readonly<Record<string, string>>;
  readonly accent: (base: string, accent: string) => string;
}

const WORDS: Readonly<Record<Locale, Words>> = {
  en: {
    ops: {
      '+': 'plus',
      '−': 'minus',
      '-': 'minus',
      '±': 'plus or minus',
      '=': 'equals',
      '≠': 'is not equal to',
      '≈': 'is approximately',
      '<': 'is less than',
      '>': 'is greater than',
      '≤': 'is at most',
      '≥': 'is at least',
      '⋅': 'times',
      '×': 'times',
      '∘': 'composed with',
      '/': 'over',
      '∂': 'partial',
      '∇': 'nabla',
      '∑': 'sum',
      '∏': 'product',
      '→': 'to',
      '∞': 'infinity',
      '′': 'prime',
      '∈': 'in',
    },
    sub: (b, s, long) => (long ? `${b} sub ${s} end sub` : `${b} sub ${s}`),
    sup: (b, s, long) =>
      long
        ? `${b} superscript ${s} end superscript`
        : s === '2'
          ? `${b} squared`
          : s === '3'
            ? `${b} cubed`
            : s === 'prime'
              ? `${b} prime`
              : `${b} superscript ${s}`,
    frac: (n, d, long) => (long ? `the fraction ${n} over ${d} end fraction` : `${n} over ${d}`),
    sqrt: (x) => `the square root of ${x}`,
    root: (x, n) => `the root of index ${n} of ${x}`,
    under: (b, s) => `${b} over ${s}`,
    underOver: (b, l, u) => `${b} from ${l} to ${u}`,
    accents: {
      '^': 'hat',
      ˆ: 'hat',
      '¯': 'bar',
      ˉ: 'bar',
      '‾': 'bar',
      '~': 'tilde',
      '˜': 'tilde',
      '˙': 'dot',
      '→': 'vector',
      '\u20d7': 'vector',
    },
    accent: (b, a) => (a === 'vector' ? `vector ${b}` : `${b} ${a}`),
  },
  'zh-CN': {
    ops: {
      '+': '加',
      '−': '减',
      '-': '减',
      '±': '正负',
      '=': '等于',
      '≠': '不等于',
      '≈': '约等于',
      '<': '小于',
      '>': '大于',
      '≤': '小于等于',
      '≥': '大于等于',
      '⋅': '乘',
      '×': '乘',
      '∘': '复合',
      '/': '除以',
      '∂': '偏',
      '∇': '梯度算子',
      '∑': '求和',
      '∏': '求积',
      '→': '趋于',
      '∞': '无穷大',
      '′': '撇',
      '∈': '属于',
    },
    sub: (b, s, long) => (long ? `${b} 下标 ${s} 下标结束` : `${b} 下标 ${s}`),
    sup: (b, s, long) =>
      long
        ? `${b} 上标 ${s} 上标结束`
        : s === '2'
          ? `${b} 的平方`
          : s === '3'
            ? `${b} 的立方`
            : s === '撇'
              ? `${b} 撇`
              : `${b} 上标 ${s}`,
    frac: (n, d, long) => (long ? `分数 ${d} 分之 ${n} 分数结束` : `${d} 分之 ${n}`),
    sqrt: (x) => `根号 ${x}`,
    root: (x, n) => `${n} 次根号 ${x}`,
    under: (b, s) => `${b}，${s}`,
    underOver: (b, l, u) => `${b}，从 ${l} 到 ${u}`,
    accents: {
      '^': '帽',
      ˆ: '帽',
      '¯': '拔',
      ˉ: '拔',
      '‾': '拔',
      '~': '波浪',
      '˜': '波浪',
      '˙': '点',
      '→': '向量',
      '\u20d7': '向量',
    },
    accent: (b, a) => (a === '向量' ? `向量 ${b}` : `${b} ${a}`),
  },
};

/** A formula's MathML read out as words, as a screen reader would say it in a sentence. */
export function speak(math: Element, locale: Locale = 'en'): string {
  const words = WORDS[locale];
  return say(math, words).replace(/\s+/g, ' ').trim();
}

function say(node: ElementContent, words: Words): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const kids = node.children.filter(
    (child): child is Element =>
      child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''),
  ) as ElementContent[];
  const part = (i: number): string => (kids[i] ? say(kids[i], words) : '');
  switch (node.tagName) {
    case 'annotation':
    case 'annotation-xml':
    case 'mphantom':
      return '';
    case 'mi':
    case 'mn':
    case 'mo':
    case 'mtext':
    case 'ms': {
      const text = textOf(node)
        .replace(/[\u2061-\u2064]/g, '')
        .trim();
      const word = words.ops[text];
      return word === undefined ? ` ${text} ` : ` ${word} `;
    }
    case 'mspace':
      return ' ';
    case 'msub':
      return ` ${words.sub(part(0).trim(), part(1).trim(), compound(kids[1]))} `;
    case 'msup':
      return ` ${words.sup(part(0).trim(), part(1).trim(), compound(kids[1]))} `;
    case 'msubsup': {
      const base = words.sub(part(0).trim(), part(1).trim(), compound(kids[1]));
      return ` ${words.sup(base, part(2).trim(), compound(kids[2]))} `;
    }
    case 'mfrac':
      return ` ${words.frac(part(0).trim(), part(1).trim(), compound(kids[0]) || compound(kids[1]))} `;
    case 'msqrt':
      return ` ${words.sqrt(
        kids
          .map((k) => say(k, words))
          .join(' ')
          .trim(),
      )} `;
    case 'mroot':
      return ` ${words.root(part(0).trim(), part(1).trim())} `;
    case 'mover': {
      const over = kids[1] ? textOf(kids[1]).trim() : '';
      const accent = words.accents[over];
      return accent === undefined
        ? ` ${words.sup(part(0).trim(), part(1).trim(), compound(kids[1]))} `
        : ` ${words.accent(part(0).trim(), accent)} `;
    }
    case 'munder':
      return ` ${words.under(part(0).trim(), part(1).trim())} `;
    case 'munderover':
      return ` ${words.underOver(part(0).trim(), part(1).trim(), part(2).trim())} `;
    case 'mtr':
      return `${kids.map((k) => say(k, words)).join(' ')}, `;
    default:
      return kids.map((k) => say(k, words)).join(' ');
  }
}
