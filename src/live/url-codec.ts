/**
 * Page state in the URL, for instructors' links: `?mazur.w5=0.5&mazur.eta=1`.
 *
 * Only parameters that differ from their defaults are written, so an untouched page has a clean
 * URL. Reading is forgiving and never throws: anything unusable is dropped or clamped, and each
 * such case produces a notice in plain words for the reader.
 */
import { splitRef, type AnyModel, type ParamValue, type ParamValues } from './model.ts';
import { parseValue, writeValue } from './params.ts';
import { liveWords } from '../i18n/index.ts';

export interface DecodedState {
  /** Valid values found, per instance (e.g. `mazur`, `zigzag-tanh`). Instances with none are absent. */
  readonly values: Readonly<Record<string, ParamValues>>;
  /** What was ignored or changed, one sentence each, safe to show as text. */
  readonly notices: readonly string[];
}

/** Longest key or value we look at; anything longer is not something we wrote. */
const MAX_LENGTH = 64;

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/**
 * Reads model parameters from a query string, for the instances on the page (by instance name:
 * `mazur`, or `zigzag-tanh` for a second zig-zag panel). Keys without a dot belong to someone
 * else (an analytics tag, say) and are left alone silently; keys of the form `instance.param`
 * that name an unknown instance or parameter, or carry an unusable value, produce a notice.
 */
export function decodeState(
  search: string,
  instances: Readonly<Record<string, AnyModel>>,
): DecodedState {
  const values: Record<string, Record<string, ParamValue>> = {};
  const notices: string[] = [];
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(search);
  } catch {
    return {
      values,
      notices: [liveWords().linkUnreadable],
    };
  }
  for (const [key, raw] of query) {
    if (!key.includes('.')) continue;
    const ref = key.length <= MAX_LENGTH ? splitRef(key) : undefined;
    // Own properties only: `constructor.w5` must not find Object.prototype.constructor.
    const model =
      ref && Object.hasOwn(instances, ref.instance) ? instances[ref.instance] : undefined;
    const spec =
      ref && model && Object.hasOwn(model.params, ref.name) ? model.params[ref.name] : undefined;
    if (!ref || !spec) {
      notices.push(liveWords().notASetting(shorten(key)));
      continue;
    }
    // A text parameter (a typed function) may be longer than a number ever is.
    const longest = spec.kind === 'text' ? Math.max(MAX_LENGTH, spec.maxLength) : MAX_LENGTH;
    const parsed = raw.length <= longest ? parseValue(spec, key, raw) : undefined;
    if (!parsed?.ok) {
      // The value is not echoed: it may say NaN or Infinity, or be any text at all.
      notices.push(parsed?.message ?? liveWords().linkTooLong(key));
      continue;
    }
    if (parsed.notice) notices.push(`${key}: ${parsed.notice}`);
    // Not `values[ref.instance] ??= {}`: for an instance named "constructor" that finds Object
    // and writes onto it.
    const bucket = Object.hasOwn(values, ref.instance) ? values[ref.instance] : undefined;
    if (bucket) bucket[ref.name] = parsed.value;
    else values[ref.instance] = { [ref.name]: parsed.value };
  }
  return { values, notices };
}

/** One instance's state, as encodeState() writes it. */
export interface EncodedInstance {
  readonly instance: string;
  readonly spec: AnyModel;
  readonly values: ParamValues;
  /** What counts as unchanged (the page's defaults). Default: the spec's. */
  readonly defaults?: ParamValues;
}

/**
 * Writes the given instances' non-default parameters into `search`, replacing any earlier values
 * of those instances and keeping every other key (and its order) as it was. Numbers are written
 * in their shortest exact form, so reading the URL back gives the same values.
 */
export function encodeState(search: string, state: ReadonlyArray<EncodedInstance>): string {
  const query = new URLSearchParams(search);
  const mine = new Set(state.map((s) => s.instance));
  for (const key of [...query.keys()]) {
    const instance = splitRef(key)?.instance;
    if (instance !== undefined && mine.has(instance)) query.delete(key);
  }
  for (const { instance, spec, values, defaults } of state) {
    for (const [name, p] of Object.entries(spec.params)) {
      const value = values[name];
      const unchanged = defaults && Object.hasOwn(defaults, name) ? defaults[name] : p.default;
      if (value === undefined || value === unchanged) continue;
      if (typeof value === 'number' && !Number.isFinite(value)) continue;
      query.set(`${instance}.${name}`, writeValue(p, value));
    }
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
