/**
 * What each kind of parameter accepts, in one place: the URL codec, the controls, the store and
 * the page-level defaults all bring values in through these functions, so that a choice, a
 * boolean and a number get the same treatment and the same plain-words notices everywhere.
 */
import { formatFull } from './format.ts';
import { isNumberParam, type ParamSpec, type ParamValue } from './model.ts';
import { clampToRange, parseNumber } from './parse.ts';
import { liveWords } from '../i18n/index.ts';

/** A value brought into a parameter's domain, with a notice when it had to change. */
export type Accepted =
  | { readonly ok: true; readonly value: ParamValue; readonly notice?: string }
  | { readonly ok: false; readonly message: string; readonly position?: number };

/** A number in a notice: full precision, with a minus sign a screen reader says as "minus". */
const spoken = (value: number): string => formatFull(value).replace(/^-/, '\u2212');

const optionList = (options: Readonly<Record<string, string>>): string =>
  Object.keys(options).join(', ');

/**
 * Takes a value of any type (from code, a control or page frontmatter) into `p`'s domain:
 * numbers are clamped to the range (with a notice), choices must name an option, booleans must
 * be booleans. `name` is used in the messages.
 */
export function acceptValue(p: ParamSpec, name: string, value: unknown): Accepted {
  if (p.kind === 'choice') {
    if (typeof value === 'string' && Object.hasOwn(p.options, value)) return { ok: true, value };
    return { ok: false, message: liveWords().mustBeOneOf(name, optionList(p.options)) };
  }
  if (p.kind === 'boolean') {
    if (typeof value === 'boolean') return { ok: true, value };
    return { ok: false, message: liveWords().mustBeBoolean(name) };
  }
  if (p.kind === 'text') {
    if (typeof value !== 'string') return { ok: false, message: liveWords().mustBeText(name) };
    if (value.length > p.maxLength) {
      return {
        ok: false,
        message: liveWords().atMostChars(name, p.maxLength),
        position: p.maxLength,
      };
    }
    const problem = p.check?.(value);
    return problem ? { ok: false, ...problem } : { ok: true, value };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { ok: false, message: liveWords().mustBeNumber(name) };
  }
  if (p.integer === true && !Number.isInteger(value)) {
    const whole = clampToRange(Math.round(value), p.min, p.max, spoken).value;
    return {
      ok: true,
      value: whole,
      notice: liveWords().notWhole(spoken(value), spoken(whole)),
    };
  }
  const clamped = clampToRange(value, p.min, p.max, spoken);
  return clamped.notice
    ? { ok: true, value: clamped.value, notice: clamped.notice }
    : { ok: true, value: clamped.value };
}

/**
 * Reads a parameter from a link's text (a URL value): a number as the reader would type it, an option's
 * name, or `true`/`false`/`1`/`0` for a boolean. Messages never echo the text, which may be
 * anything at all.
 */
export function parseValue(p: ParamSpec, name: string, text: string): Accepted {
  if (p.kind === 'choice') {
    const option = text.trim().toLowerCase();
    if (Object.hasOwn(p.options, option)) return { ok: true, value: option };
    return {
      ok: false,
      message: liveWords().linkOneOf(name, optionList(p.options)),
    };
  }
  if (p.kind === 'text') {
    // The reader's own words are not echoed: a link's text may be anything at all.
    return acceptValue(p, name, text).ok
      ? { ok: true, value: text }
      : {
          ok: false,
          message: liveWords().linkText(name),
        };
  }
  if (p.kind === 'boolean') {
    const word = text.trim().toLowerCase();
    if (word === 'true' || word === '1') return { ok: true, value: true };
    if (word === 'false' || word === '0') return { ok: true, value: false };
    return {
      ok: false,
      message: liveWords().linkBoolean(name),
    };
  }
  const parsed = parseNumber(text);
  if (!parsed.ok)
    return {
      ok: false,
      message: liveWords().linkNumber(name),
    };
  return acceptValue(p, name, parsed.value);
}

/** Writes a value for the URL, so that parseValue() reads back exactly the same value. */
export function writeValue(p: ParamSpec, value: ParamValue): string {
  if (p.kind === 'boolean') return value === true ? 'true' : 'false';
  return String(value);
}

/** A parameter's value in words, for a screen reader or a status line. */
export function describeValue(p: ParamSpec, value: ParamValue): string {
  if (p.kind === 'choice') return p.options[String(value)] ?? String(value);
  if (p.kind === 'boolean') return value === true ? liveWords().on : liveWords().off;
  return typeof value === 'number' ? formatFull(value) : String(value);
}

/** The number parameter `name` of a spec, or undefined (for controls that only edit numbers). */
export function numberParam(params: Readonly<Record<string, ParamSpec>>, name: string) {
  const p = Object.hasOwn(params, name) ? params[name] : undefined;
  return p && isNumberParam(p) ? p : undefined;
}
