/**
 * Reading a number a reader typed. The result is either a finite value or a message that says
 * what was wrong in words a student understands; it never throws and never yields NaN.
 */

import { liveWords } from '../i18n/index.ts';

/** Longer text than this is not a number anyone typed (a paste gone wrong, say). */
const MAX_NUMBER_LENGTH = 40;

/** A parsed number, or why there is none. */
export type ParseResult =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/**
 * Parses what a reader typed into a number.
 *
 * Accepts an optional sign, digits with a point *or a comma* as the decimal separator (many of
 * our readers write 0,5), and an exponent (`1e-3`). Spaces around the number are ignored, and
 * so is a leading `+` or a typographic minus (U+2212), which readers paste from the page.
 * Rejects everything else, including `NaN`, `Infinity`, a lone `-` and numbers too large to
 * represent (`1e999`), each with its own message.
 */
export function parseNumber(input: string): ParseResult {
  // NFKC turns full-width digits, signs, point and comma (a Chinese keyboard's) into ASCII; the
  // ideographic full stop 。 is a decimal point too when it is typed in a number.
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/\u3002/g, '.');
  const words = liveWords();
  if (text === '') return { ok: false, message: words.typeNumber };
  if (text.length > MAX_NUMBER_LENGTH) {
    return { ok: false, message: words.tooLong };
  }
  if (/^[+-]$/.test(text)) return { ok: false, message: words.needsDigits(text) };
  if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) {
    // Not echoed: the words NaN and Infinity never appear on a page.
    return { ok: false, message: words.onlyOrdinary };
  }
  // One comma and no point: the comma is the decimal separator. Anything else with a comma
  // (1,000.5 or 1,2,3) is ambiguous, so it is refused rather than guessed.
  const normalised = /^[^.]*,[^,.]*$/.test(text) ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) {
    return { ok: false, message: words.notANumber(input.trim()) };
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) {
    return { ok: false, message: words.tooLarge(input.trim()) };
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** What happened when a value was brought into a parameter's range. */
export interface Clamped {
  readonly value: number;
  /** Set when the value was changed, e.g. "5000 is above the maximum 5, so 5 is used." */
  readonly notice?: string;
}

/** Brings `value` into [min, max], saying so when it had to. */
export function clampToRange(
  value: number,
  min: number,
  max: number,
  show: (value: number) => string = String,
): Clamped {
  if (value < min) {
    return {
      value: min,
      notice: liveWords().belowMin(show(value), show(min)),
    };
  }
  if (value > max) {
    return {
      value: max,
      notice: liveWords().aboveMax(show(value), show(max)),
    };
  }
  return { value };
}
