/**
 * The text a live number shows before the live layer runs, at a page's starting values: what
 * `<Value of=… />` and `<Editable param=… />` render, and what the instructor guide's table of
 * exercises (src/course/course-table.ts) writes in their place, so that both say the same.
 */
import { AuthoringError } from './authoring-error.ts';
import { resolveParam, resolveValue, type PageModels } from './authoring.ts';
import { digitsForSignificant, formatNumber, formatParam } from './format.ts';
import { editableDigits } from './model.ts';
import { numberParam } from './params.ts';

/** `<Value of={ref} digits significant />`: a parameter shows every digit it has. */
export function valueText(
  ref: string,
  options: { digits: number; significant?: number | undefined },
  where: (prop: string) => string,
  page: PageModels,
): { text: string; value: number } {
  const { value, spec, name } = resolveValue(ref, where('of'), page);
  const isParam = numberParam(spec.params, name) !== undefined;
  if (options.significant !== undefined && isParam) {
    throw new AuthoringError(
      `${where('significant')}: "${ref}" is a parameter, which shows every digit it has; significant is for derived values.`,
    );
  }
  const digits =
    options.significant === undefined
      ? options.digits
      : digitsForSignificant(value, options.significant);
  return { text: (isParam ? formatParam : formatNumber)(value, { digits }), value };
}

/** `<Editable param={ref} />` as text: a number as its field shows it, a choice by its label. */
export function editableText(ref: string, where: string, page: PageModels): string {
  const { param, value } = resolveParam(ref, where, page);
  if ((param.kind === undefined || param.kind === 'number') && typeof value === 'number') {
    return formatNumber(value, { digits: editableDigits(param, value) });
  }
  if (param.kind === 'choice') return param.options[String(value)] ?? String(value);
  return String(value);
}
