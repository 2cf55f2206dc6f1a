/**
 * Live read-outs: any element with `data-value="model.name"` shows that value and follows it.
 * `<live-value>` in prose, and the spans and MathML numbers that `\live{…}` leaves in math.
 */
import { effect } from '@preact/signals-core';
import { formatFull, formatNumber } from '../format.ts';
import { splitRef } from '../model.ts';
import type { PageStore } from './page.ts';

const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Keeps one element's text equal to its value. Returns a function that stops it.
 * Attributes: data-value (required), data-digits (default 4), data-math (use a math minus).
 */
export function bindReadOut(element: HTMLElement | Element, store: PageStore): () => void {
  const ref = splitRef(element.getAttribute('data-value') ?? '');
  const state = ref ? store.model(ref.model) : undefined;
  if (!ref || !state || state.value(ref.name) === undefined) {
    console.error(`Unknown live value "${element.getAttribute('data-value') ?? ''}".`);
    return () => undefined;
  }
  const digits = Number(element.getAttribute('data-digits') ?? 4);
  const mathMinus = element.hasAttribute('data-math');
  return effect(() => {
    const value = state.value(ref.name);
    if (value === undefined) return;
    const text = formatNumber(value, { digits, mathMinus });
    element.setAttribute('data-raw', String(value));
    element.setAttribute('data-full', formatFull(value));
    if (element.textContent !== text) {
      element.textContent = text;
      if (element instanceof HTMLElement && !reducedMotion()) {
        element.animate(
          // A translucent highlight reads on both the light and the dark theme.
          [
            { backgroundColor: 'rgb(250 204 21 / 0.45)' },
            { backgroundColor: 'rgb(250 204 21 / 0)' },
          ],
          { duration: 700, easing: 'ease-out' },
        );
      }
    }
  });
}

/** `<live-value data-value="mazur.E" data-digits="4">0.2984</live-value>` */
export function defineLiveValue(store: PageStore): void {
  customElements.define(
    'live-value',
    class LiveValue extends HTMLElement {
      #stop: (() => void) | undefined;
      connectedCallback(): void {
        this.#stop = bindReadOut(this, store);
      }
      disconnectedCallback(): void {
        this.#stop?.();
      }
    },
  );
}

/** Binds the read-outs that are not custom elements (those inside typeset math). */
export function bindMathReadOuts(root: ParentNode, store: PageStore): void {
  for (const element of root.querySelectorAll('.katex [data-value]')) bindReadOut(element, store);
}
