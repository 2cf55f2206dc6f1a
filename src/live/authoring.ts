/**
 * Build-time checks and values for the author components and the `\live` math macro. A wrong
 * model, parameter or prop in a chapter fails the build with a message that names the file and
 * the prop; a right one gets the number the engine computes for the model's defaults.
 */
import { defaultValues, splitRef, type ModelSpec, type ParamSpec } from './model.ts';
import { models as registry } from './models/index.ts';

export class AuthoringError extends Error {
  override name = 'AuthoringError';
}

/** A prop's value as an author would have written it, for messages. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

const derivedCache = new WeakMap<ModelSpec, Readonly<Record<string, number>>>();

function defaultsOf(spec: ModelSpec): Readonly<Record<string, number>> {
  let values = derivedCache.get(spec);
  if (!values) {
    const defaults = defaultValues(spec);
    values = { ...defaults, ...spec.derive(defaults) };
    for (const derive of Object.values(spec.groups ?? {})) Object.assign(values, derive(defaults));
    derivedCache.set(spec, values);
  }
  return values;
}

function modelOf(ref: unknown, where: string, models: Readonly<Record<string, ModelSpec>>) {
  if (typeof ref !== 'string') {
    throw new AuthoringError(`${where} must be a string like "mazur.w5", got ${show(ref)}.`);
  }
  const parts = splitRef(ref);
  if (!parts)
    throw new AuthoringError(`${where}="${ref}" must have the form "model.name", e.g. "mazur.w5".`);
  const spec = Object.hasOwn(models, parts.model) ? models[parts.model] : undefined;
  if (!spec) {
    throw new AuthoringError(
      `${where}="${ref}": there is no model "${parts.model}". Models: ${Object.keys(models).join(', ')}.`,
    );
  }
  return { spec, name: parts.name };
}

/** Checks a parameter reference (`<Editable param="mazur.w5">`) and returns its spec. */
export function resolveParam(
  ref: unknown,
  where: string,
  models: Readonly<Record<string, ModelSpec>> = registry,
): { model: ModelSpec; name: string; param: ParamSpec } {
  const { spec, name } = modelOf(ref, where, models);
  const param = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
  if (!param) {
    throw new AuthoringError(
      `${where}="${String(ref)}": model "${spec.name}" has no parameter "${name}". Its parameters: ${Object.keys(spec.params).join(', ')}.`,
    );
  }
  return { model: spec, name, param };
}

/** Checks a value reference (a parameter or a derived value) and returns its default value. */
export function resolveValue(
  ref: unknown,
  where: string,
  models: Readonly<Record<string, ModelSpec>> = registry,
): { model: ModelSpec; name: string; value: number } {
  const { spec, name } = modelOf(ref, where, models);
  const values = defaultsOf(spec);
  const value = Object.hasOwn(values, name) ? values[name] : undefined;
  if (value === undefined) {
    const close = Object.keys(values).filter((key) =>
      key.toLowerCase().includes(name.toLowerCase().slice(0, 3)),
    );
    const hint = close.length > 0 ? ` Did you mean: ${close.slice(0, 6).join(', ')}?` : '';
    throw new AuthoringError(
      `${where}="${String(ref)}": model "${spec.name}" has no value "${name}".${hint}`,
    );
  }
  return { model: spec, name, value };
}

/** Checks a `digits` prop: a whole number from 0 to 10. */
export function resolveDigits(digits: unknown, where: string, fallback: number): number {
  if (digits === undefined) return fallback;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new AuthoringError(`${where}=${show(digits)} must be a whole number from 0 to 10.`);
  }
  return digits;
}
