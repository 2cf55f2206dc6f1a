/**
 * How the course writes numbers on a page. The build (server-side HTML) and the browser use the
 * same functions, so a page looks the same before and after its scripts load.
 *
 * Numbers are written with `Intl.NumberFormat` in the page's language. English and Chinese write
 * digits, the point and the minus sign alike, so the two languages' pages show the same
 * characters; `Intl` rounds the decimal a reader sees (1.005 to two places is 1.01, where
 * `toFixed` gives 1.00 from the binary value just below), so that worked arithmetic checks by hand.
 * The first `Intl.NumberFormat` costs about 20 ms (100 ms at 4× CPU throttling) to load the
 * number data; the live layer pays it when it starts, not at the reader's first edit
 * (`warmNumberFormat`).
 */

/** Where the language of the numbers being written comes from; see {@link setNumberLocaleSource}. */
let localeSource = (): string | undefined =>
  typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined;

/**
 * In a browser, numbers are written in the language of `<html lang>`. The build renders every
 * page in one process, so it has no document to ask: its middleware (`src/middleware.ts`) sets a
 * source that gives the language of the page being rendered. Returns the source it replaces.
 */
export function setNumberLocaleSource(source: () => string | undefined): () => string | undefined {
  const previous = localeSource;
  localeSource = source;
  return previous;
}

/** The language numbers are written in now: the page's, or English where there is no page. */
export function numberLocale(): string {
  return localeSource() ?? 'en';
}

const formats = new Map<string, Intl.NumberFormat>();

/** The tag itself if Intl knows it (the course's are 'en' and 'zh-CN'), else English. */
function knownTag(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : 'en';
  } catch {
    return 'en'; // not a well-formed tag
  }
}

/** One formatter per language and shape, made once: making one costs far more than using it. */
function numberFormat(
  locale: string,
  fractionDigits: number,
  useGrouping: boolean,
): Intl.NumberFormat {
  const key = `${locale} ${fractionDigits} ${useGrouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(knownTag(locale), {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      useGrouping,
      // No sign on zero, nor on a negative number that rounds to zero: never "-0.0000".
      signDisplay: 'negative',
    });
    formats.set(key, format);
  }
  return format;
}

/** Loads the number data now, so that the reader's first edit does not wait for it. */
export function warmNumberFormat(): void {
  numberFormat(numberLocale(), 4, false).format(0.5);
}

/** Options for {@link formatNumber}. */
export interface FormatOptions {
  /** Digits after the decimal point. Default 4. */
  digits?: number;
  /**
   * Below this magnitude (and above 0) a number switches to scientific notation, e.g. 3.51e-5,
   * so that a tiny gradient is not shown as 0.0000. Default `10 ** -digits`.
   */
  scientificBelow?: number;
  /** Write the minus sign as U+2212 (as typeset math does) instead of a hyphen. Default false. */
  mathMinus?: boolean;
  /** The language to write in, a BCP 47 tag. Default the page's ({@link numberLocale}). */
  locale?: string | undefined;
}

/**
 * Digits after the point that show `significant` significant digits of `value`: 0.04255 needs 5
 * for 4, 0.3989 needs 4, 12.34 needs 2. Zero (and anything not finite) needs none. A value that
 * rounds up to the next power of ten keeps its count: 0.099996 to 4 is 0.1000, not 0.10000.
 */
export function digitsForSignificant(value: number, significant: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const rounded = Number(Math.abs(value).toPrecision(significant));
  return Math.max(0, significant - 1 - Math.floor(Math.log10(rounded)));
}

/** What is shown instead of a value that is not a finite number. It never says NaN. */
export const NOT_A_NUMBER = '—';

/**
 * Formats a number for display.
 *
 * - fixed `digits` after the point: `formatNumber(0.298371109, { digits: 4 })` is `"0.2984"`;
 * - no grouping of thousands (a field's value must read back as the number it is);
 * - negative zero, and anything that rounds to zero, is `"0"`-padded, never `"-0.0000"`;
 * - magnitudes below `scientificBelow` use scientific notation with 3 significant digits;
 * - NaN and ±Infinity become an em dash: they must never reach the screen.
 */
export function formatNumber(value: number, options: FormatOptions = {}): string {
  const digits = options.digits ?? 4;
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const threshold = options.scientificBelow ?? 10 ** -digits;
  const locale = options.locale ?? numberLocale();
  const magnitude = Math.abs(value);
  let text: string;
  if (magnitude !== 0 && magnitude < threshold) {
    const [mantissa = '0', exponent = '0'] = value.toExponential(2).split('e');
    const exponentText = numberFormat(locale, 0, false).format(Number(exponent));
    text = `${numberFormat(locale, 2, false).format(Number(mantissa))}e${exponentText}`;
  } else {
    text = numberFormat(locale, digits, false).format(value);
  }
  return options.mathMinus ? text.replace(/^-/, '\u2212') : text;
}

/** A count of things, with its thousands grouped as the page's language does: 10,000 steps. */
export function formatCount(n: number): string {
  return Number.isFinite(n)
    ? numberFormat(numberLocale(), 0, true).format(Math.round(n))
    : NOT_A_NUMBER;
}

/**
 * The full-precision form shown on hover and focus: up to 12 significant digits, without
 * trailing zeros (0.298371109 stays 0.298371109; 0.1 + 0.2 shows as 0.3).
 */
export function formatFull(value: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  if (Object.is(value, -0)) return '0';
  return String(Number(value.toPrecision(12)));
}

/**
 * The most digits after the point a parameter is written with. 20 writes every digit of any value
 * down to 1e-8 (formatFull keeps 12 significant ones); a smaller one with more digits than that is
 * no value a reader types, and is written as formatNumber would write it with 20 digits.
 */
export const MAX_PARAM_DIGITS = 20;

/**
 * How many digits after the point `value` has, as its full-precision form ({@link formatFull})
 * writes it: 0.404 → 3, 0.4 → 1, 2 → 0, 0.1 + 0.2 → 1 (binary noise is not a digit), 1.5e-7 → 8.
 */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa = '', exponent = '0'] = formatFull(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * Digits after the point for a parameter's value: at least `digits`, and as many as the value has
 * (up to {@link MAX_PARAM_DIGITS}).
 */
export function paramDigitsFor(value: number, digits: number): number {
  return Math.min(MAX_PARAM_DIGITS, Math.max(digits, decimalsOf(value)));
}

/**
 * Formats a parameter's value: a number the reader set (an input, a weight), not one the engine
 * derived. It shows at least `digits` after the point and never hides a digit the value has, so
 * that a worked formula's operands are what the reader typed and its arithmetic checks by hand:
 * `formatParam(0.404, { digits: 2 })` is `"0.404"`, `formatParam(0.4, { digits: 2 })` is
 * `"0.40"`. The build, the read-outs and the editable fields all write parameters with it.
 */
export function formatParam(
  value: number,
  options: Omit<FormatOptions, 'scientificBelow'> = {},
): string {
  return formatNumber(value, { ...options, digits: paramDigitsFor(value, options.digits ?? 4) });
}

/** How many digits after the point a step size needs: 0.01 → 2, 0.5 → 1, 1 → 0. */
export function digitsForStep(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  for (let digits = 0; digits <= 10; digits++) {
    const scaled = step * 10 ** digits;
    // At least one significant digit must be shown: 1e-10 needs 10 digits, not 0.
    if (Math.round(scaled) >= 1 && Math.abs(Math.round(scaled) - scaled) < 1e-9) return digits;
  }
  return 10;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** An integer in superscript digits, for a power of ten on a figure: 20 → "²⁰", −3 → "⁻³". */
export const superscript = (k: number): string =>
  [...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('');
