/**
 * Exercises: a reader types a number, checked against the engine's value for the page's current
 * state, or picks one of several answers. This module is the pure part, shared by the build
 * (prop checks) and the browser (checking, nudges, saved progress): no DOM and no storage access
 * here. How precise a number must be lives in exercise-precision.ts, the words in
 * exercise-words.ts.
 */
import { AuthoringError } from './authoring-error.ts';
import { formatFull } from './format.ts';
import { parseNumber } from './parse.ts';
import {
  describeTolerance,
  isWithin,
  shownAnswer,
  type AnswerSpec,
  type Tolerance,
} from './exercise-precision.ts';
import { pathWithoutLocale } from '../i18n/locales.ts';
import { en, type ExerciseWords } from './exercise-words.ts';

/** What a check can show besides the verdict. */
export interface CheckOptions {
  /** What the answer is, in plain text for messages, e.g. "∂E/∂w6". Default "the answer". */
  readonly label?: string;
  /** Whether the exercise has a hint to point to. Default false. */
  readonly hasHint?: boolean;
  /** The words to use. Default English. */
  readonly words?: ExerciseWords;
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
      /** The exact value as the message shows it; always itself accepted. */
      readonly shown: string;
    }
  | {
      readonly kind: 'wrong';
      readonly message: string;
      readonly value: number;
      readonly expected: number;
      readonly nudge?: Nudge;
    };

/** How much larger one number is than another, in words: "10 times", "twice", "half". */
function factorWords(factor: number, words: ExerciseWords): string {
  if (factor === 2) return words.twice;
  if (factor === 0.5) return words.half;
  return factor > 1 ? words.tooLarge(formatFull(factor)) : words.tooSmall(formatFull(1 / factor));
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

function nudgeText(
  nudge: Nudge | undefined,
  tolerance: Tolerance,
  hasHint: boolean,
  words: ExerciseWords,
): string {
  switch (nudge?.kind) {
    case 'sign':
      return words.sign;
    case 'close':
      return words.close(describeTolerance(tolerance, words));
    case 'scale':
      return words.scale(factorWords(nudge.factor, words), nudge.negative);
    case undefined:
      return words.tryAgain(hasHint);
  }
}

/**
 * Checks what a reader typed against the engine's value. Never throws: empty or unreadable text
 * gets a message saying how to write a number, and a wrong answer gets a nudge when a common
 * slip (the sign, the decimal point, a factor of 2, too few digits) explains it. A right answer's
 * message shows the exact value at the precision the exercise asks for (see shownAnswer).
 */
export function checkAnswer(
  input: string,
  expected: number,
  spec: AnswerSpec,
  options: CheckOptions = {},
): CheckResult {
  const words = options.words ?? en;
  if (input.trim() === '') return { kind: 'empty', message: words.empty };
  const parsed = parseNumber(input);
  if (!parsed.ok) return { kind: 'invalid', message: words.invalid(parsed.message) };
  if (!Number.isFinite(expected)) return { kind: 'unavailable', message: words.unavailable };
  const value = parsed.value;
  const { tolerance } = spec;
  if (isWithin(value, expected, tolerance)) {
    const shown = shownAnswer(expected, spec);
    const message = words.correct(options.label ?? words.theAnswer, shown);
    return { kind: 'correct', message, value, expected, shown };
  }
  const nudge = nudgeFor(value, expected, tolerance);
  const message = words.notQuite(nudgeText(nudge, tolerance, options.hasHint ?? false, words));
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
 * The page's path without the site's base or its language, e.g. `/how-to-read/` for
 * `/ml101/how-to-read/index.html` under the base `/ml101/`, and for `/zh-cn/how-to-read/`: a
 * reader's progress is the same in every language. Always starts and ends with `/`.
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
  return pathWithoutLocale(path);
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

// ---- Build-time checks of multiple-choice exercises ---------------------------------------------

/** What the build learns about an exercise's <Choice> options from their rendered HTML. */
export interface ChoiceCount {
  readonly options: number;
  readonly correct: number;
}

/**
 * Counts the options in an exercise's rendered default slot: each <Choice> renders one element
 * with `data-choice="correct"` or `data-choice="wrong"` (src/components/live/Choice.astro).
 */
export function countChoices(html: string): ChoiceCount {
  const marks = [...html.matchAll(/\bdata-choice="(correct|wrong)"/g)].map((m) => m[1]);
  return { options: marks.length, correct: marks.filter((mark) => mark === 'correct').length };
}

/** Fails the build unless a multiple-choice exercise has two or more options and one is right. */
export function checkChoices(count: ChoiceCount, where: string): void {
  const example = 'e.g. <Choice correct>…</Choice>';
  if (count.options < 2) {
    throw new AuthoringError(
      `${where} has ${count.options === 0 ? 'no answer' : 'only one option'}: give it answer="model.value" for a number, or two or more <Choice> options (${example}).`,
    );
  }
  if (count.correct !== 1) {
    throw new AuthoringError(
      `${where} has ${count.correct} options marked correct among ${count.options}: mark exactly one, ${example}.`,
    );
  }
}
