/**
 * Build-time checks and values for the author components and the `\live` math macro. A wrong
 * model, instance, parameter or prop in a chapter fails the build with a message that names the
 * file and the prop; a right one gets the number the engine computes for the page's starting
 * values.
 *
 * A page uses a model's default instance by its name (`mazur.w5`) without declaring it. It
 * declares in its frontmatter any instance it starts at values of its own, and any second
 * instance of a model (`zigzag-tanh`, of the model `zigzag`):
 *
 *   models:
 *     neuron: { act: tanh }
 *     zigzag-tanh: { act: tanh }
 */
import {
  checkModel,
  defaultValues,
  derivedInfo,
  modelOfInstance,
  splitRef,
  type AnyModel,
  type Derived,
  type DerivedArray,
  type ParamSpec,
  type ParamValue,
  type ParamValues,
} from './model.ts';
import { models as registry } from './models/registry.ts';
import { AuthoringError } from './authoring-error.ts';
import { acceptValue } from './params.ts';

export { AuthoringError };

/** A prop's value as an author would have written it, for messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

/** One model instance on a page: its spec and the values it starts at. */
export interface PageInstance {
  readonly spec: AnyModel;
  /** The page's own starting values (only those it sets). */
  readonly defaults: ParamValues;
}

/** The instances a page declares in its frontmatter, by instance name. */
export type PageModels = Readonly<Record<string, PageInstance>>;

const modelList = (models: Readonly<Record<string, AnyModel>>): string =>
  Object.keys(models).join(', ');

/**
 * Checks a page's `models` frontmatter (already shaped by the content schema) against the
 * models: each key an instance of a known model, each value a parameter with a valid value.
 */
export function pageModels(
  declared: unknown,
  where: string,
  models: Readonly<Record<string, AnyModel>> = registry,
): PageModels {
  if (declared === undefined || declared === null) return {};
  if (typeof declared !== 'object' || Array.isArray(declared)) {
    throw new AuthoringError(`${where}: "models" must map instance names to starting values.`);
  }
  const page: Record<string, PageInstance> = {};
  for (const [instance, values] of Object.entries(declared as Record<string, unknown>)) {
    const model = modelOfInstance(instance);
    const spec = model && Object.hasOwn(models, model) ? models[model] : undefined;
    if (!spec) {
      throw new AuthoringError(
        `${where}: models.${instance} is not an instance of a model. Name it after one (${modelList(models)}), e.g. "mazur" or "mazur-second".`,
      );
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new AuthoringError(
        `${where}: models.${instance} must list starting values, e.g. { w5: 0.5 }.`,
      );
    }
    const defaults: Record<string, ParamValue> = {};
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      const p: ParamSpec | undefined = Object.hasOwn(spec.params, name)
        ? spec.params[name]
        : undefined;
      if (!p) {
        throw new AuthoringError(
          `${where}: models.${instance}.${name}: model "${spec.name}" has no parameter "${name}". Its parameters: ${Object.keys(spec.params).join(', ')}.`,
        );
      }
      const accepted = acceptValue(p, name, value);
      if (!accepted.ok) {
        throw new AuthoringError(
          `${where}: models.${instance}.${name} is ${show(value)}: ${accepted.message}`,
        );
      }
      if (accepted.notice) {
        throw new AuthoringError(
          `${where}: models.${instance}.${name}: ${accepted.notice.replace(/, so .*$/, '.')}`,
        );
      }
      defaults[name] = accepted.value;
    }
    page[instance] = { spec, defaults };
  }
  return page;
}

type AllValues = Readonly<Record<string, Derived[string] | ParamValue>>;
const valuesCache = new WeakMap<AnyModel, Map<string, AllValues>>();

/** The parameters and every derived value of `spec` at `defaults` (over the spec's own). */
export function valuesAt(spec: AnyModel, defaults: ParamValues = {}): AllValues {
  let cache = valuesCache.get(spec);
  if (!cache) valuesCache.set(spec, (cache = new Map<string, AllValues>()));
  const key = JSON.stringify(defaults);
  const cached = cache.get(key);
  if (cached) return cached;
  const params = { ...defaultValues(spec), ...defaults };
  const values: AllValues = { ...params, ...checkModel(spec, params) };
  cache.set(key, values);
  return values;
}

interface Resolved {
  readonly instance: string;
  readonly spec: AnyModel;
  readonly name: string;
  /** The instance's starting values on this page (those the page sets). */
  readonly defaults: ParamValues;
}

function instanceOf(
  ref: unknown,
  where: string,
  page: PageModels,
  models: Readonly<Record<string, AnyModel>>,
): Resolved {
  if (typeof ref !== 'string') {
    throw new AuthoringError(`${where} must be a string like "mazur.w5", got ${show(ref)}.`);
  }
  const parts = splitRef(ref);
  if (!parts)
    throw new AuthoringError(`${where}="${ref}" must have the form "model.name", e.g. "mazur.w5".`);
  const declared = Object.hasOwn(page, parts.instance) ? page[parts.instance] : undefined;
  if (declared)
    return {
      instance: parts.instance,
      spec: declared.spec,
      name: parts.name,
      defaults: declared.defaults,
    };
  const spec = Object.hasOwn(models, parts.model) ? models[parts.model] : undefined;
  if (!spec) {
    throw new AuthoringError(
      `${where}="${ref}": there is no model "${parts.model}". Models: ${modelList(models)}.`,
    );
  }
  if (parts.instance !== parts.model) {
    throw new AuthoringError(
      `${where}="${ref}": this page declares no instance "${parts.instance}". Add it to the frontmatter: models: { ${parts.instance}: {} }.`,
    );
  }
  return { instance: parts.instance, spec, name: parts.name, defaults: {} };
}

/** Checks a parameter reference (`<Editable param="mazur.w5">`) and returns its spec and value. */
export function resolveParam(
  ref: unknown,
  where: string,
  page: PageModels = {},
  models: Readonly<Record<string, AnyModel>> = registry,
): Resolved & { param: ParamSpec; value: ParamValue } {
  const found = instanceOf(ref, where, page, models);
  const { spec, name } = found;
  const param = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
  if (!param) {
    throw new AuthoringError(
      `${where}="${String(ref)}": model "${spec.name}" has no parameter "${name}". Its parameters: ${Object.keys(spec.params).join(', ')}.`,
    );
  }
  return { ...found, param, value: found.defaults[name] ?? param.default };
}

function missing(ref: unknown, where: string, found: Resolved, kind: string): AuthoringError {
  const param = Object.hasOwn(found.spec.params, found.name)
    ? found.spec.params[found.name]
    : undefined;
  if (param?.kind === 'choice' || param?.kind === 'boolean' || param?.kind === 'text') {
    return new AuthoringError(
      `${where}="${String(ref)}": "${found.name}" is a ${param.kind} parameter of model "${found.spec.name}", not a number. Edit it with <Editable param="${String(ref)}">.`,
    );
  }
  const names = Object.keys(valuesAt(found.spec, found.defaults));
  const close = names.filter((key) =>
    key.toLowerCase().includes(found.name.toLowerCase().slice(0, 3)),
  );
  const hint = close.length > 0 ? ` Did you mean: ${close.slice(0, 6).join(', ')}?` : '';
  return new AuthoringError(
    `${where}="${String(ref)}": model "${found.spec.name}" has no ${kind} "${found.name}".${hint}`,
  );
}

/** The instance a ref names and the value it has at the page's starting values, if any. */
function lookUp(
  ref: unknown,
  where: string,
  page: PageModels,
  models: Readonly<Record<string, AnyModel>>,
) {
  const found = instanceOf(ref, where, page, models);
  const values = valuesAt(found.spec, found.defaults);
  return { found, value: Object.hasOwn(values, found.name) ? values[found.name] : undefined };
}

/** Checks a reference to a number (a number parameter or a derived number); returns its value. */
export function resolveValue(
  ref: unknown,
  where: string,
  page: PageModels = {},
  models: Readonly<Record<string, AnyModel>> = registry,
): Resolved & { value: number } {
  const { found, value } = lookUp(ref, where, page, models);
  if (typeof value !== 'number') throw missing(ref, where, found, 'value');
  return { ...found, value };
}

/**
 * As `resolveValue`, for an exercise's answer: it must be a value the page computes. A
 * parameter is a number the reader sets, and is shown on the page beside its control, so an
 * exercise asking for it would print its own answer.
 */
export function resolveDerivedValue(
  ref: unknown,
  where: string,
  page: PageModels = {},
  models: Readonly<Record<string, AnyModel>> = registry,
): Resolved & { value: number } {
  const resolved = resolveValue(ref, where, page, models);
  if (Object.hasOwn(resolved.spec.params, resolved.name)) {
    const example = [...derivedInfo(resolved.spec)].find(([, info]) => !info.array)?.[0];
    throw new AuthoringError(
      `${where}=${show(ref)} is a parameter the reader sets, not a value the page computes: an exercise's answer must be a derived value${example ? `, such as "${resolved.instance}.${example}"` : ''}.`,
    );
  }
  return resolved;
}

/** Checks a reference to an array-valued derived value (a curve, say); returns its values. */
export function resolveArray(
  ref: unknown,
  where: string,
  page: PageModels = {},
  models: Readonly<Record<string, AnyModel>> = registry,
): Resolved & { value: DerivedArray } {
  const { found, value } = lookUp(ref, where, page, models);
  if (typeof value !== 'object') throw missing(ref, where, found, 'array of values');
  return { ...found, value };
}

/** Checks a `digits` prop: a whole number from 0 to 10. */
export function resolveDigits(digits: unknown, where: string, fallback: number): number {
  if (digits === undefined) return fallback;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new AuthoringError(`${where}=${show(digits)} must be a whole number from 0 to 10.`);
  }
  return digits;
}

/** Checks an instance name (`<ModelControls model="mazur">`); returns its spec. */
export function resolveInstance(
  instance: string,
  where: string,
  page: PageModels = {},
  models: Readonly<Record<string, AnyModel>> = registry,
): AnyModel {
  // Any parameter name will do: only the instance part is checked.
  try {
    return instanceOf(`${instance}.x`, where, page, models).spec;
  } catch (error) {
    if (error instanceof AuthoringError) {
      throw new AuthoringError(error.message.replace(`"${instance}.x"`, `"${instance}"`));
    }
    throw error;
  }
}
