/**
 * A parameter's words in the page's language: its label (a field's accessible name, the name in a
 * message or on a printout) and the text of each option of a choice. English is the model's own
 * label; other languages come from their dictionaries (src/i18n/zh-cn/params.ts), typed from the
 * models so that none is missing.
 */
import { localeOf, type Locale } from '../i18n/locales.ts';
import { params as zhCN } from '../i18n/zh-cn/params.ts';
import type { AnyModel, ParamSpec } from './model.ts';

type Entry =
  string | { readonly label: string; readonly options: Readonly<Record<string, string>> };
type Dictionary = Readonly<Record<string, Readonly<Record<string, Entry>> | undefined>>;

const dictionaries: Readonly<Record<Locale, Dictionary | undefined>> = {
  en: undefined,
  'zh-CN': zhCN,
};

function entry(spec: AnyModel, param: string, lang: string | null | undefined): Entry | undefined {
  return dictionaries[localeOf(lang)]?.[spec.name]?.[param];
}

/** "weight w5, from h1 to o1", or "权重 w5，从 h1 到 o1" on a Chinese page. */
export function paramLabel(spec: AnyModel, param: string, lang: string | null | undefined): string {
  const found = entry(spec, param, lang);
  const own = spec.params[param]?.label ?? param;
  if (found === undefined) return own;
  return typeof found === 'string' ? found : found.label;
}

/** A choice's options, value → text, in the page's language. */
export function optionLabels(
  spec: AnyModel,
  param: string,
  lang: string | null | undefined,
): Readonly<Record<string, string>> {
  const p: ParamSpec | undefined = spec.params[param];
  const own = p && p.kind === 'choice' ? p.options : {};
  const found = entry(spec, param, lang);
  return typeof found === 'object' ? found.options : own;
}

/**
 * The parameter's spec with its words in the page's language, for code that reads `label` and
 * `options` (messages, printouts): everything else is the model's own.
 */
export function localParam(
  spec: AnyModel,
  param: string,
  lang: string | null | undefined,
): ParamSpec {
  const p = spec.params[param];
  if (!p) throw new Error(`${spec.name} has no parameter ${param}`);
  const label = paramLabel(spec, param, lang);
  return p.kind === 'choice'
    ? { ...p, label, options: optionLabels(spec, param, lang) }
    : { ...p, label };
}
