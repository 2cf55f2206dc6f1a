/**
 * How the course writes numbers on a page. The build (server-side HTML) and the browser use the
 * same functions, so a page looks the same before and after its scripts load.
 */

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
}

/** What is shown instead of a value that is not a finite number. It never says NaN. */
export const NOT_A_NUMBER = '—';

/**
 * Formats a number for display.
 *
 * - fixed `digits` after the point: `formatNumber(0.298371109, { digits: 4 })` is `"0.2984"`;
 * - negative zero, and anything that rounds to zero, is `"0"`-padded, never `"-0.0000"`;
 * - magnitudes below `scientificBelow` use scientific notation with 3 significant digits;
 * - NaN and ±Infinity become an em dash: they must never reach the screen.
 */
export function formatNumber(value: number, options: FormatOptions = {}): string {
  const digits = options.digits ?? 4;
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const threshold = options.scientificBelow ?? 10 ** -digits;
  const magnitude = Math.abs(value);
  let text: string;
  if (magnitude !== 0 && magnitude < threshold) {
    const [mantissa = '0', exponent = '0'] = value.toExponential(2).split('e');
    text = `${mantissa}e${exponent.replace('+', '')}`;
  } else {
    text = value.toFixed(digits);
    if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  }
  return options.mathMinus ? text.replaceAll('-', '\u2212') : text;
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
