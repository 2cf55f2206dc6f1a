/**
 * How the training panels write a model's names (`out_o1`, `t1`): with a subscript where they are
 * shown, as the chapters write them, and as words where only a screen reader meets them.
 */
import type { OutputLine } from './model.ts';

/**
 * A name split for display with a subscript, as the chapters write them: `out_o1` → out + o1,
 * `t1` → t + 1, `E` → E alone.
 */
export function nameParts(name: string): { base: string; sub: string } {
  const underscore = name.lastIndexOf('_');
  if (underscore > 0) return { base: name.slice(0, underscore), sub: name.slice(underscore + 1) };
  const digits = /^(.*?[^\d])(\d+)$/.exec(name);
  return digits ? { base: digits[1] ?? name, sub: digits[2] ?? '' } : { base: name, sub: '' };
}

/**
 * A name as a screen reader should hear it, in an accessible name or a visually hidden table:
 * `out_o1` → "out o1" (NVDA reads an underscore as "line"). Shown names get a subscript instead.
 */
export const spokenName = (name: string): string => name.replaceAll('_', ' ');

/** A piece of a sentence: text, or a name to be shown with its subscript (`nameParts`). */
export type Piece = string | { readonly base: string; readonly sub: string };

/**
 * Splits a sentence at the given names, so that each can be shown as the chapters write it:
 * "out_o1 = 0.0159 (target t1 = 0.01)" → [out + sub o1, " = 0.0159 (target ", t + sub 1, …].
 * A name counts only as a whole word, so t1 is not found inside out_t1 or t10.
 */
export function namePieces(text: string, names: readonly string[]): Piece[] {
  const shown = [...new Set(names)].filter((n) => nameParts(n).sub !== '');
  if (shown.length === 0) return [text];
  const escaped = shown
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
  const pieces: Piece[] = [];
  let rest = text;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index > 0) pieces.push(rest.slice(0, match.index));
    pieces.push(nameParts(match[1] ?? ''));
    rest = rest.slice(match.index + (match[1] ?? '').length);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** The names a panel's sentences mention: each output and its target. */
export const outputNames = (outputs: readonly OutputLine[]): string[] =>
  outputs.flatMap((o) => [o.name, o.targetName]);
