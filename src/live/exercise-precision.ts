/**
 * How precisely an exercise asks for its answer, what it accepts, and how it says so. Pure: the
 * build uses it to check props and write the sentence under the question, the browser to check
 * answers and print the exact value.
 *
 * The rule, which content/docs/how-to-read.mdx promises readers:
 *
 * - **Decimal places** (the default, 4): an answer counts within two units in the last decimal
 *   asked for, ±0.0002 at 4. The exact value rounded to 4 decimals is within half a unit. A
 *   student working by hand from the values the page shows (4 decimals) adds at most half a unit
 *   per rounded operand, times whatever it is multiplied by: for this course's chains (sigmoid
 *   slopes ≤ ¼, outputs, targets and inputs in [0, 1], η ≤ 1) that is under 1.75 units in the
 *   worst case (an output-layer gradient rounded at every step), so two units accept them all.
 *   exercise-precision.test.ts checks this over random networks.
 * - **Significant figures** (`significant={3}`), for small answers: an answer counts within
 *   10^(1−s) of the exact value, relatively (1% for 3 figures). Rounding to 3 figures moves a
 *   value by at most 0.5%, which leaves as much again for rounding along the way.
 * - `tolerance` (absolute) and `relative` replace these, but a build error stops any tolerance
 *   that could reject an answer correctly rounded to the precision the exercise asks for. With
 *   both, the looser applies. With only `relative`, the exercise asks for enough significant
 *   figures that their rounding uses at most half of it.
 */
import { formatNumber } from './format.ts';
import { AuthoringError } from './authoring-error.ts';
import { en, type ExerciseWords } from './exercise-words.ts';

/** How far a reader's answer may be from the engine's and still count as right. */
export interface Tolerance {
  /** Largest allowed |answer − expected|. 0 for none. */
  readonly absolute: number;
  /** Largest allowed |answer − expected| / |expected|. 0 for none. */
  readonly relative: number;
}

/** What an exercise asks for: a number of decimal places or of significant figures. */
export type Precision =
  | { readonly kind: 'decimals'; readonly digits: number }
  | { readonly kind: 'figures'; readonly figures: number };

/** Everything about an exercise's number: what it asks for and what it accepts. */
export interface AnswerSpec {
  readonly precision: Precision;
  readonly tolerance: Tolerance;
}

/** The default: 4 decimal places, within ±0.0002. */
export const DEFAULT_SPEC: AnswerSpec = {
  precision: { kind: 'decimals', digits: 4 },
  tolerance: { absolute: 2e-4, relative: 0 },
};

/** Units in the last decimal accepted by default (see the rule above). */
const DECIMAL_UNITS = 2;

/** One unit in the last of `digits` decimals: 0.0001 for 4. */
const unit = (digits: number): number => 1 / 10 ** digits;

/** The largest allowed distance from `expected`: the looser of the two tolerances. */
export function allowedError(expected: number, tolerance: Tolerance): number {
  return Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected));
}

/**
 * Whether `value` is within tolerance of `expected`. A little slack for binary rounding, so that
 * 0.4 counts as within 0.1 of 0.3 even though 0.4 − 0.3 is 0.10000000000000003.
 */
export function isWithin(value: number, expected: number, tolerance: Tolerance): boolean {
  const bound = allowedError(expected, tolerance);
  const slack = Number.EPSILON * 4 * Math.max(Math.abs(value), Math.abs(expected), bound);
  return Math.abs(value - expected) <= bound * (1 + 1e-9) + slack;
}

/**
 * A positive number written out in full, never in exponent form: 0.0002, 0.0000002, 0.1, 12.
 * For tolerances and percentages in sentences.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const size = Math.abs(value);
  let digits = 0;
  while (digits < 20 && Math.abs(Number(value.toFixed(digits)) - value) > size * 1e-9) digits++;
  return formatNumber(value, { digits, scientificBelow: 0 });
}

/**
 * `value` as the exercise asks for it: `digits` decimals, or `figures` significant figures
 * written without an exponent (0.000439, 12300). Never "-0.0000". Finite values only. In the
 * page's language, or in `locale` (English reads back with `Number`).
 */
export function formatAnswer(value: number, precision: Precision, locale?: string): string {
  if (precision.kind === 'decimals')
    return formatNumber(value, { digits: precision.digits, scientificBelow: 0, locale });
  const rounded = Number(value.toPrecision(precision.figures));
  if (rounded === 0) return formatNumber(0, { digits: 0, locale });
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const digits = Math.min(20, Math.max(0, precision.figures - 1 - magnitude));
  return formatNumber(rounded, { digits, scientificBelow: 0, locale });
}

/** The same kind of precision, `extra` digits finer. */
function finer(precision: Precision, extra: number): Precision {
  return precision.kind === 'decimals'
    ? { kind: 'decimals', digits: precision.digits + extra }
    : { kind: 'figures', figures: precision.figures + extra };
}

/**
 * The exact value as a verdict shows it: at the precision asked for, or finer if that would
 * show a number the exercise itself rejects. So an answer equal to the shown value is always
 * accepted, and a rejected answer is never shown as the right one. (The props guarantee that the
 * precision asked for is enough; the loop keeps the promise for any tolerance.)
 */
export function shownAnswer(expected: number, spec: AnswerSpec): string {
  let precision = spec.precision;
  for (let extra = 1; extra <= 15; extra++) {
    if (isWithin(Number(formatAnswer(expected, precision, 'en')), expected, spec.tolerance)) break;
    precision = finer(spec.precision, extra);
  }
  return formatAnswer(expected, precision);
}

/** The tolerance in words, e.g. "±0.0002", "1%" or "±0.001 or 1% (whichever is larger)". */
export function describeTolerance(tolerance: Tolerance, words: ExerciseWords = en): string {
  const absolute =
    tolerance.absolute > 0 ? words.tolerance.absolute(plainNumber(tolerance.absolute)) : '';
  const relative =
    tolerance.relative > 0 ? words.tolerance.relative(plainNumber(tolerance.relative * 100)) : '';
  if (absolute && relative) return words.tolerance.either(absolute, relative);
  return absolute || relative;
}

/**
 * The sentence under the question: what to give and what counts, e.g. "Give your answer to 4
 * decimal places. It counts as right within ±0.0002 of the exact value."
 */
export function describeAnswer(spec: AnswerSpec, words: ExerciseWords = en): string {
  const ask =
    spec.precision.kind === 'decimals'
      ? words.askDecimals(spec.precision.digits)
      : words.askFigures(spec.precision.figures);
  return `${ask} ${words.accepts(describeTolerance(spec.tolerance, words))}`;
}

// ---- Build-time checks of the props --------------------------------------------------------

/** The props of <Exercise> that say how precise the answer is, as the author wrote them. */
export interface PrecisionProps {
  readonly digits?: unknown;
  readonly significant?: unknown;
  readonly tolerance?: unknown;
  readonly relative?: unknown;
}

const shown = (value: unknown): string =>
  typeof value === 'string'
    ? `"${value}" (text)`
    : typeof value === 'number'
      ? String(value)
      : value === null
        ? 'null'
        : typeof value;

function wholeNumber(value: unknown, where: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new AuthoringError(
      `${where}=${shown(value)} must be a whole number from ${min} to ${max}, written in braces.`,
    );
  }
  return value;
}

/** Checks an optional tolerance prop: a finite number above 0 (and below 1 if `fraction`). */
export function resolvePositive(
  value: unknown,
  where: string,
  fraction = false,
): number | undefined {
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'number' && Number.isFinite(value) && value > 0 && (!fraction || value < 1);
  if (!ok) {
    const range = fraction ? 'a number between 0 and 1, e.g. {0.01} for 1%' : 'a number above 0';
    throw new AuthoringError(`${where}=${shown(value)} must be ${range}, written in braces.`);
  }
  return value;
}

/** Significant figures whose rounding uses at most half of a relative tolerance: 4 for 0.1%. */
export function figuresFor(relative: number): number {
  let figures = 1;
  while (figures < 10 && 0.5 * 10 ** (1 - figures) > relative / 2) figures++;
  return figures;
}

/**
 * The answer spec from an exercise's props (`at(prop)` names the file and prop in messages).
 * Fails the build on a prop that is not a sensible number, on two precisions at once, and on a
 * tolerance that could reject a correctly rounded answer.
 */
export function resolveAnswerSpec(props: PrecisionProps, at: (prop: string) => string): AnswerSpec {
  const digits = wholeNumber(props.digits, at('digits'), 0, 10);
  const significant = wholeNumber(props.significant, at('significant'), 1, 10);
  const absolute = resolvePositive(props.tolerance, at('tolerance'));
  const relative = resolvePositive(props.relative, at('relative'), true);
  if (digits !== undefined && significant !== undefined) {
    throw new AuthoringError(
      `${at('significant')} and digits ask for two precisions at once: keep digits={…} for decimal places, or significant={…} for significant figures.`,
    );
  }
  const figures =
    significant ??
    (relative !== undefined && digits === undefined && absolute === undefined
      ? figuresFor(relative)
      : undefined);
  if (figures !== undefined) {
    const rounding = 0.5 * 10 ** (1 - figures);
    if (relative !== undefined && relative < rounding) {
      throw new AuthoringError(
        `${at('relative')}={${relative}} is tighter than rounding to ${figures} significant figures (up to ${plainNumber(rounding * 100)}%), so a correctly rounded answer could be rejected. Use at least {${plainNumber(rounding)}}, or ask for more figures.`,
      );
    }
    return {
      precision: { kind: 'figures', figures },
      tolerance: { absolute: absolute ?? 0, relative: relative ?? 10 ** (1 - figures) },
    };
  }
  const places = digits ?? 4;
  const half = unit(places) / 2;
  if (absolute !== undefined && absolute < half) {
    throw new AuthoringError(
      `${at('tolerance')}={${absolute}} is tighter than rounding to ${places} decimal places (up to ${plainNumber(half)}), so a correctly rounded answer could be rejected. Use at least {${plainNumber(half)}}, or ask for more places with digits={${places + 1}}.`,
    );
  }
  return {
    precision: { kind: 'decimals', digits: places },
    tolerance: { absolute: absolute ?? DECIMAL_UNITS * unit(places), relative: relative ?? 0 },
  };
}

/**
 * Fails the build when the answer at the page's starting values is so small that the tolerance
 * would accept 0 or a number of twice its size, e.g. 0.000439 at ±0.0002: such an exercise
 * should ask for significant figures.
 */
export function checkAnswerSize(value: number, spec: AnswerSpec, where: string): void {
  if (value === 0 || !Number.isFinite(value)) return;
  if (allowedError(value, spec.tolerance) * 10 > Math.abs(value)) {
    throw new AuthoringError(
      `${where}: the answer is ${formatAnswer(value, { kind: 'figures', figures: 3 })} at the page’s starting values, too small for a tolerance of ${describeTolerance(spec.tolerance)} (0 would be nearly right). Ask for significant figures instead, e.g. significant={3}.`,
    );
  }
}

/** The spec as data attributes for the browser, and back (see exercise-element.ts). */
export function specToData(spec: AnswerSpec): Record<string, string> {
  return {
    'data-tolerance': String(spec.tolerance.absolute),
    'data-relative': String(spec.tolerance.relative),
    [spec.precision.kind === 'decimals' ? 'data-digits' : 'data-figures']: String(
      spec.precision.kind === 'decimals' ? spec.precision.digits : spec.precision.figures,
    ),
  };
}

const count = (text: string | undefined, fallback: number): number => {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value >= 0 && value <= 20
    ? value
    : fallback;
};
const nonNegative = (text: string | undefined): number => {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
};

export function specFromData(data: Readonly<Record<string, string | undefined>>): AnswerSpec {
  const figures = data['figures'];
  return {
    precision:
      figures === undefined
        ? { kind: 'decimals', digits: count(data['digits'], 4) }
        : { kind: 'figures', figures: Math.max(1, count(figures, 3)) },
    tolerance: {
      absolute: nonNegative(data['tolerance']),
      relative: nonNegative(data['relative']),
    },
  };
}
