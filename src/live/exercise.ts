/**
 * Exercises: a reader types a number, and it is checked against the engine's value for the
 * page's current state. This module is the pure part, shared by the build (prop checks) and the
 * browser (checking, nudges, saved progress): no DOM and no storage access here.
 */
import { AuthoringError } from './authoring-error.ts';
import { formatFull, formatNumber } from './format.ts';
import { parseNumber } from './parse.ts';

/** How far a reader's answer may be from the engine's and still count as right. */
export interface Tolerance {
  /** Largest allowed |answer − expected|. 0 for none. */
  readonly absolute: number;
  /** Largest allowed |answer − expected| / |expected|. 0 for none. */
  readonly relative: number;
}

/** What a check can show besides the verdict. */
export interface CheckOptions {
  /** What the answer is, in plain text for messages, e.g. "∂E/∂w6". Default "the answer". */
  readonly label?: string;
  /** Digits after the point when the expected value is shown. Default 4. */
  readonly digits?: number;
  /** Whether the exercise has a hint to point to. Default false. */
  readonly hasHint?: boolean;
}

/** Why a wrong answer is wrong, when a common slip explains it. */
export type Nudge =
  | { readonly kind: 'sign' }
  | { readonly kind: 'scale'; readonly factor: number; readonly negative: boolean }
  | { readonly kind: 'close' };

export type CheckResult =
  | { readonly kind: 'empty'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string }
  /** The engine gave no finite value to check against: nothing the reader did. */
  | { readonly kind: 'unavailable'; readonly message: string }
  | {
      readonly kind: 'correct';
      readonly message: string;
      readonly value: number;
      readonly expected: number;
    }
  | {
      readonly kind: 'wrong';
      readonly message: string;
      readonly value: number;
      readonly expected: number;
      readonly nudge?: Nudge;
    };

/** The example in messages that ask for a number. Never the answer. */
const EXAMPLE = 'e.g. 0.25 or −1.5';

/** Default tolerance: half a unit in the last digit shown, so 5e-5 for 4 digits. */
export function defaultTolerance(digits = 4): number {
  return 0.5 * 10 ** -digits;
}

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

/** The tolerance in words, e.g. "±0.00005" or "1%". */
export function describeTolerance(tolerance: Tolerance): string {
  const parts: string[] = [];
  if (tolerance.absolute > 0) parts.push(`±${formatFull(tolerance.absolute)}`);
  if (tolerance.relative > 0) parts.push(`${formatFull(tolerance.relative * 100)}%`);
  return parts.join(' or ');
}

/** How much larger one number is than another, in words: "10 times", "twice", "half". */
function factorWords(factor: number): string {
  if (factor === 2) return 'about twice as large as it should be';
  if (factor === 0.5) return 'about half as large as it should be';
  return factor > 1
    ? `about ${formatFull(factor)} times too large: check the decimal point`
    : `about ${formatFull(1 / factor)} times too small: check the decimal point`;
}

/** Scales a slip by a power of ten or a factor of two would explain, tried in this order. */
const FACTORS = [10, 0.1, 100, 0.01, 1000, 0.001, 2, 0.5];
/** How close to a factor the ratio must be to name it, or to call an answer "close". */
const NEAR = 0.02;

/** The common slip that explains a wrong answer, if one does. */
export function nudgeFor(value: number, expected: number, tolerance: Tolerance): Nudge | undefined {
  if (expected === 0 || value === 0 || !Number.isFinite(value / expected)) return undefined;
  const ratio = value / expected;
  const negative = ratio < 0;
  if (negative && isWithin(-value, expected, tolerance)) return { kind: 'sign' };
  const size = Math.abs(ratio);
  if (Math.abs(size - 1) <= NEAR) return negative ? { kind: 'sign' } : { kind: 'close' };
  for (const factor of FACTORS) {
    if (Math.abs(size / factor - 1) <= NEAR) return { kind: 'scale', factor, negative };
  }
  return negative ? { kind: 'sign' } : undefined;
}

function nudgeText(nudge: Nudge | undefined, tolerance: Tolerance, hasHint: boolean): string {
  switch (nudge?.kind) {
    case 'sign':
      return 'Check the sign: yours is the opposite of the answer’s.';
    case 'close':
      return `You are close, but not within ${describeTolerance(tolerance)}: keep more digits in the intermediate steps.`;
    case 'scale':
      return `Your answer is ${factorWords(nudge.factor)}${nudge.negative ? ', and its sign is wrong' : ''}.`;
    case undefined:
      return hasHint ? 'Try again, or open the hint.' : 'Try again.';
  }
}

/**
 * Checks what a reader typed against the engine's value. Never throws: empty or unreadable text
 * gets a message saying how to write a number, and a wrong answer gets a nudge when a common
 * slip (the sign, the decimal point, a factor of 2, too few digits) explains it.
 */
export function checkAnswer(
  input: string,
  expected: number,
  tolerance: Tolerance,
  options: CheckOptions = {},
): CheckResult {
  if (input.trim() === '') {
    return { kind: 'empty', message: `Type your answer as a number, ${EXAMPLE}.` };
  }
  const parsed = parseNumber(input);
  if (!parsed.ok) {
    return { kind: 'invalid', message: `${parsed.message} Write it with digits, ${EXAMPLE}.` };
  }
  if (!Number.isFinite(expected)) {
    return {
      kind: 'unavailable',
      message: 'This answer cannot be computed for the values on this page. Try resetting them.',
    };
  }
  const value = parsed.value;
  if (isWithin(value, expected, tolerance)) {
    const label = options.label ?? 'the answer';
    const shown = formatNumber(expected, { digits: options.digits ?? 4 });
    return {
      kind: 'correct',
      message: `Correct: ${label} is ${shown} for the values on this page.`,
      value,
      expected,
    };
  }
  const nudge = nudgeFor(value, expected, tolerance);
  const message = `Not quite. ${nudgeText(nudge, tolerance, options.hasHint ?? false)}`;
  return nudge
    ? { kind: 'wrong', message, value, expected, nudge }
    : { kind: 'wrong', message, value, expected };
}

/** What is kept in the browser for one exercise. */
export interface Progress {
  readonly solved: boolean;
  /** How many numbers the reader has checked. */
  readonly attempts: number;
  /** The text of the last checked answer. */
  readonly lastAnswer: string;
}

export const NO_PROGRESS: Progress = { solved: false, attempts: 0, lastAnswer: '' };

/** The longest answer kept; anything longer is not a number a reader typed. */
const MAX_ANSWER_LENGTH = 100;
/** Attempts are counted up to here; a larger stored count is not ours. */
const MAX_ATTEMPTS = 1_000_000;

/**
 * Reads stored progress. Never throws: missing, corrupt or foreign data gives no progress, and
 * each field that is not what we write is ignored on its own.
 */
export function readProgress(raw: string | null | undefined): Progress {
  if (typeof raw !== 'string' || raw === '') return NO_PROGRESS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return NO_PROGRESS;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return NO_PROGRESS;
  const record = data as Record<string, unknown>;
  const { solved, attempts, lastAnswer } = record;
  return {
    solved: solved === true,
    attempts:
      typeof attempts === 'number' &&
      Number.isInteger(attempts) &&
      attempts >= 0 &&
      attempts <= MAX_ATTEMPTS
        ? attempts
        : 0,
    lastAnswer:
      typeof lastAnswer === 'string' && lastAnswer.length <= MAX_ANSWER_LENGTH ? lastAnswer : '',
  };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify({
    solved: progress.solved,
    attempts: Math.min(Math.max(0, Math.floor(progress.attempts)), MAX_ATTEMPTS),
    lastAnswer: progress.lastAnswer.slice(0, MAX_ANSWER_LENGTH),
  });
}

/** Progress after the reader checked the number `answer`, right or wrong. */
export function recordAttempt(progress: Progress, answer: string, correct: boolean): Progress {
  return {
    solved: progress.solved || correct,
    attempts: Math.min(progress.attempts + 1, MAX_ATTEMPTS),
    lastAnswer: answer.trim().slice(0, MAX_ANSWER_LENGTH),
  };
}

/**
 * The page's path without the site's base, e.g. `/how-to-read/` for
 * `/ml101/how-to-read/index.html` under the base `/ml101/`. Always starts and ends with `/`.
 */
export function pagePath(pathname: string, base = '/'): string {
  const prefix = base.replace(/\/+$/, '');
  let path = pathname;
  if (prefix !== '' && (path === prefix || path.startsWith(`${prefix}/`))) {
    path = path.slice(prefix.length);
  }
  path = path.replace(/\/index\.html$/, '/');
  if (!path.startsWith('/')) path = `/${path}`;
  if (!path.endsWith('/')) path = `${path}/`;
  return path;
}

/** Where an exercise's progress is kept: per page, so that ids only need to be unique per page. */
export function storageKey(path: string, id: string): string {
  return `backprop-live:exercise:${path}:${id}`;
}

// ---- Build-time checks of the <Exercise> props -------------------------------------------------

/** Lower-case letters, digits and single dashes, e.g. "de-dw6". */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks an exercise id: lower-case letters, digits and dashes. */
export function resolveExerciseId(id: unknown, where: string): string {
  if (typeof id !== 'string' || !ID.test(id) || id.length > 64) {
    throw new AuthoringError(
      `${where}=${typeof id === 'string' ? JSON.stringify(id) : typeof id} must be lower-case letters, digits and dashes, e.g. "de-dw6" (at most 64 characters).`,
    );
  }
  return id;
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
    const got =
      typeof value === 'string'
        ? `"${value}" (text)`
        : typeof value === 'number'
          ? String(value)
          : value === null
            ? 'null'
            : typeof value;
    const range = fraction ? 'a number between 0 and 1, e.g. {0.01} for 1%' : 'a number above 0';
    throw new AuthoringError(`${where}=${got} must be ${range}, written in braces.`);
  }
  return value;
}

/**
 * The tolerance from the props. Without either, half a unit in the last digit shown. With only
 * `relative`, the check is purely relative (for answers of any size).
 */
export function resolveTolerance(
  absolute: number | undefined,
  relative: number | undefined,
  digits: number,
): Tolerance {
  if (absolute === undefined && relative === undefined) {
    return { absolute: defaultTolerance(digits), relative: 0 };
  }
  return { absolute: absolute ?? 0, relative: relative ?? 0 };
}

const idsByPage = new WeakMap<object, Set<string>>();

/**
 * Records an exercise id for the page being rendered (`scope` is the render's Astro.locals) and
 * returns the exercise's number on the page, from 1. Fails if the page already has this id: two
 * exercises would share one saved progress.
 */
export function claimExerciseId(scope: object, id: string, where: string): number {
  let ids = idsByPage.get(scope);
  if (!ids) {
    ids = new Set();
    idsByPage.set(scope, ids);
  }
  if (ids.has(id)) {
    throw new AuthoringError(
      `${where}="${id}" is used twice on this page. Each exercise on a page needs its own id.`,
    );
  }
  ids.add(id);
  return ids.size;
}
