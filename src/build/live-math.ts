/**
 * Live values inside typeset math: `$E = \live{mazur.E}$` or `\live[2]{mazur.w5}` (digits in
 * brackets, default 4; a parameter shows more when its value has more, see formatParam).
 *
 * KaTeX runs at build time and the browser never loads it, so a live value cannot be re-typeset.
 * Instead, `remarkLiveMath` swaps each `\live` for a placeholder that KaTeX sets as a single
 * text run, and `rehypeLiveMath` (after rehype-katex) puts the number the engine computes for
 * the page's starting values in its place: in the MathML, which is what the reader sees and a
 * screen reader reads, and in the TeX annotation that copy-paste uses. The number's element carries
 * `data-value`, so the browser only replaces its text when the value changes.
 */
import type { Element, Root as HastRoot, Text } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { localeOfFile } from '../i18n/locales.ts';
import { formatFull, formatNumber, formatParam } from '../live/format.ts';
import { pageModels, resolveDigits, resolveValue } from '../live/authoring.ts';
import { numberParam } from '../live/params.ts';

interface LiveSlot {
  ref: string;
  digits: number;
  value: number;
  text: string;
}

const MACRO = /\\live(?:\[([^\]]*)\])?\{([^}]*)\}/g;
const placeholder = (index: number): string => `LIVEq${index}q`;

function slotsOf(file: VFile): LiveSlot[] {
  const data = file.data as { liveMath?: LiveSlot[] };
  return (data.liveMath ??= []);
}

export function remarkLiveMath() {
  return (tree: MdastRoot, file: VFile): void => {
    const slots = slotsOf(file);
    // The page's own model instances and starting values, from its frontmatter.
    const frontmatter = (file.data as { astro?: { frontmatter?: { models?: unknown } } }).astro
      ?.frontmatter;
    const page = pageModels(frontmatter?.models, `${file.path} (frontmatter)`);
    visit(tree, (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const line = node.position?.start.line;
      const before = node.value;
      node.value = before.replace(MACRO, (_match, digitsText: string | undefined, ref: string) => {
        const where = `${file.path}${line === undefined ? '' : `:${line}`}: \\live{${ref}}`;
        const { value, spec, name } = resolveValue(ref, where, page);
        const digits = resolveDigits(
          digitsText === undefined
            ? undefined
            : /^\d+$/.test(digitsText)
              ? Number(digitsText)
              : digitsText,
          `${where} [digits]`,
          4,
        );
        // A parameter shows every digit it has, so that the formula's arithmetic checks.
        const format = numberParam(spec.params, name) ? formatParam : formatNumber;
        const text = format(value, { digits, mathMinus: true, locale: localeOfFile(file.path) });
        slots.push({ ref, digits, value, text });
        return `\\text{${placeholder(slots.length - 1)}}`;
      });
      // remark-math also keeps the source as the hast it will become (data.hChildren), and
      // that copy is what rehype-katex reads, so it must change too.
      if (node.value !== before) replaceText(node.data?.hChildren, before, node.value);
    });
  };
}

function replaceText(nodes: unknown, from: string, to: string): void {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes as Array<{ type?: string; value?: unknown; children?: unknown }>) {
    if (node.type === 'text' && node.value === from) node.value = to;
    replaceText(node.children, from, to);
  }
}

export function rehypeLiveMath() {
  return (tree: HastRoot, file: VFile): void => {
    const slots = slotsOf(file);
    if (slots.length === 0) return;
    const slotFor = (index: string): LiveSlot => {
      const slot = slots[Number(index)];
      if (!slot) throw new Error(`${file.path}: live math placeholder ${index} has no value.`);
      return slot;
    };
    // The number is an HTML <span> in KaTeX's <mtext>. An HTML element takes the CSS that a
    // MathML one does not (Chromium draws no ::before or ::after on MathML tokens): the flash of
    // a change and the full-precision tooltip (live.css). <mtext> is the token that may hold
    // HTML (the W3C checker rejects a <span> in <mn>); a screen reader reads "0.2984" in either.
    const readOut = (slot: LiveSlot): Element => ({
      type: 'element',
      tagName: 'span',
      properties: {
        className: ['live-math'],
        dataValue: slot.ref,
        dataDigits: slot.digits,
        dataMath: '',
        dataRaw: String(slot.value),
        dataFull: formatFull(slot.value),
      },
      children: [{ type: 'text', value: slot.text }],
    });
    visit(tree, 'text', (node: Text, _index, parent) => {
      const match = /^LIVEq(\d+)q$/.exec(node.value);
      if (match && parent?.type === 'element' && parent.tagName === 'mtext') {
        parent.children = [readOut(slotFor(match[1] ?? ''))];
      } else if (node.value.includes('LIVEq')) {
        // The TeX annotation: show the number where the source said \live{…}.
        node.value = node.value.replace(
          /\\text\{LIVEq(\d+)q\}/g,
          (_m, index: string) => slotFor(index).text,
        );
      }
    });
    const leftover = JSON.stringify(tree).match(/LIVEq\d+q/);
    if (leftover)
      throw new Error(`${file.path}: could not place live value ${leftover[0]} in the math.`);
  };
}
