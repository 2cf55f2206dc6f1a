/**
 * Page state in the URL, for instructors' links: `?mazur.w5=0.5&mazur.eta=1`.
 *
 * Only parameters that differ from their defaults are written, so an untouched page has a clean
 * URL. Reading is forgiving and never throws: anything unusable is dropped or clamped, and each
 * such case produces a notice in plain words for the reader.
 */
import { clampToRange, parseNumber } from './parse.ts';
import { splitRef, type ModelSpec, type ParamValues } from './model.ts';

export interface DecodedState {
  /** Valid, in-range values found, per model. Models with nothing valid are absent. */
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
 * Reads model parameters from a query string. Keys without a dot belong to someone else (an
 * analytics tag, say) and are left alone silently; keys of the form `model.param` that name an
 * unknown model or parameter, or carry an unusable value, produce a notice.
 */
export function decodeState(
  search: string,
  models: Readonly<Record<string, ModelSpec>>,
): DecodedState {
  const values: Record<string, Record<string, number>> = {};
  const notices: string[] = [];
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(search);
  } catch {
    return {
      values,
      notices: ['The link’s settings could not be read, so the defaults are shown.'],
    };
  }
  for (const [key, raw] of query) {
    if (!key.includes('.')) continue;
    const ref = key.length <= MAX_LENGTH ? splitRef(key) : undefined;
    // Own properties only: `constructor.w5` must not find Object.prototype.constructor.
    const model = ref && Object.hasOwn(models, ref.model) ? models[ref.model] : undefined;
    if (!ref || !model) {
      notices.push(`“${shorten(key)}” is not a setting of this page, so it was ignored.`);
      continue;
    }
    const spec = Object.hasOwn(model.params, ref.name) ? model.params[ref.name] : undefined;
    if (!spec) {
      notices.push(`“${shorten(key)}” is not a setting of this page, so it was ignored.`);
      continue;
    }
    const parsed = raw.length <= MAX_LENGTH ? parseNumber(raw) : undefined;
    if (!parsed?.ok) {
      // The value is not echoed: it may say NaN or Infinity, or be any text at all.
      notices.push(`${key} in the link is not a usable number, so it keeps its default.`);
      continue;
    }
    const clamped = clampToRange(parsed.value, spec.min, spec.max);
    if (clamped.notice) notices.push(`${key}: ${clamped.notice}`);
    // Not `values[ref.model] ??= {}`: for a model named "constructor" that finds Object and
    // writes onto it.
    const bucket = Object.hasOwn(values, ref.model) ? values[ref.model] : undefined;
    if (bucket) bucket[ref.name] = clamped.value;
    else values[ref.model] = { [ref.name]: clamped.value };
  }
  return { values, notices };
}

/**
 * Writes the given models' non-default parameters into `search`, replacing any earlier values
 * of those models and keeping every other key (and its order) as it was. Numbers are written in
 * their shortest exact form, so reading the URL back gives the same values.
 */
export function encodeState(
  search: string,
  state: ReadonlyArray<{ spec: ModelSpec; values: ParamValues }>,
): string {
  const query = new URLSearchParams(search);
  for (const { spec } of state) {
    for (const key of [...query.keys()]) {
      if (splitRef(key)?.model === spec.name) query.delete(key);
    }
  }
  for (const { spec, values } of state) {
    for (const [name, p] of Object.entries(spec.params)) {
      const value = values[name];
      if (value !== undefined && value !== p.default && Number.isFinite(value)) {
        query.set(`${spec.name}.${name}`, String(value));
      }
    }
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
