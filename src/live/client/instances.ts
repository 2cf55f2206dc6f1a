/**
 * Which model instances a page uses: those its elements name, and those it declares with
 * starting values of its own (the JSON that LivePage.astro writes). No DOM classes here, so
 * that it can be tested on a parsed document.
 */
import { splitRef, type ParamValues } from '../model.ts';

/** Elements that name an instance, and the attribute that names it. */
const REFS = ['data-param', 'data-value', 'data-answer', 'data-model'] as const;

/** The instance names the page's elements refer to, and the page's declared starting values. */
export function pageInstances(
  doc: Pick<Document, 'querySelector' | 'querySelectorAll'>,
): Map<string, ParamValues> {
  const found = new Map<string, ParamValues>();
  const script = doc.querySelector('script[data-live-page]');
  if (script?.textContent) {
    try {
      const declared = JSON.parse(script.textContent) as Record<string, ParamValues>;
      for (const [instance, defaults] of Object.entries(declared)) found.set(instance, defaults);
    } catch (error) {
      console.error('The page’s model settings could not be read:', error);
    }
  }
  for (const attr of REFS) {
    for (const element of doc.querySelectorAll(`[${attr}]`)) {
      const text = element.getAttribute(attr) ?? '';
      const instance = attr === 'data-model' ? text : splitRef(text)?.instance;
      if (instance && !found.has(instance)) found.set(instance, {});
    }
  }
  return found;
}
