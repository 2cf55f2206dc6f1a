import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineModel } from '../model.ts';
import { createModelState, type ModelState, type Offload } from '../store.ts';
import type { PageStore } from './page.ts';

/**
 * bindReadOut in linkedom's DOM. The browser's IntersectionObserver is a stand-in the test
 * reports through; read-outs.ts is imported after the globals it needs are in place (its
 * LiveElement extends HTMLElement), and they are taken away after the tests.
 */
const observers: { callback: IntersectionObserverCallback; margin: string }[] = [];
class FakeObserver {
  readonly #entry: { callback: IntersectionObserverCallback; margin: string };
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    this.#entry = { callback, margin: options?.rootMargin ?? '' };
    observers.push(this.#entry);
  }
  observe(): void {}
  unobserve(): void {}
}
/** Reports `element` near the screen or far from it, as the near-writes observer would. */
function report(element: Element, near: boolean): void {
  for (const { callback, margin } of observers)
    if (margin !== '')
      callback(
        [{ target: element, isIntersecting: near } as unknown as IntersectionObserverEntry],
        {} as IntersectionObserver,
      );
}

const { window, document } = parseHTML('<!doctype html><html><body></body></html>');
const globals = {
  HTMLElement: window.HTMLElement,
  Node: window.Node,
  customElements: window.customElements,
  IntersectionObserver: FakeObserver,
  matchMedia: () => ({ matches: false, addEventListener: () => undefined }),
};
Object.assign(window, { matchMedia: globals.matchMedia });
let bindReadOut: typeof import('./read-outs.ts').bindReadOut;

beforeAll(async () => {
  Object.assign(globalThis, globals);
  ({ bindReadOut } = await import('./read-outs.ts'));
});
afterAll(() => {
  for (const name of Object.keys(globals)) Reflect.deleteProperty(globalThis, name);
});

/** A model with a cheap value and a group whose derivations the test counts. */
function countingModel() {
  const count = { study: 0 };
  const spec = defineModel({
    name: 'counted',
    params: { x: { label: 'x', default: 1, min: -100, max: 100, step: 1 } },
    values: { numbers: ['double'], derive: (p) => ({ double: 2 * p.x }) },
    groups: {
      study: {
        numbers: ['fixed', 'triple'],
        derive: (p) => {
          count.study++;
          return { fixed: 7, triple: 3 * p.x };
        },
      },
    },
  });
  const state = createModelState(spec);
  const store = { model: () => state } as unknown as PageStore;
  return { count, state, store };
}

function readOut(name: string) {
  const element = document.createElement('live-value');
  element.setAttribute('data-value', `counted.${name}`);
  element.setAttribute('data-digits', '0');
  document.body.append(element);
  return element;
}

const edit = (state: ModelState, times: number): void => {
  for (let i = 0; i < times; i++) state.set('x', (state.params.value['x'] as number) + 1);
};

describe('bindReadOut()', () => {
  it('writes at once, follows its value near the screen, and waits far from it', () => {
    vi.useFakeTimers();
    try {
      const { state, store } = countingModel();
      const element = readOut('double');
      const stop = bindReadOut(element, store);
      expect(element.textContent).toBe('2');
      report(element, true);
      edit(state, 1);
      expect(element.textContent).toBe('4');
      report(element, false);
      edit(state, 3);
      expect(element.textContent).toBe('4');
      // It comes near: the value as it is by then.
      report(element, true);
      expect(element.textContent).toBe('10');
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a far read-out is written once the edits pause, reading its value only then', () => {
    vi.useFakeTimers();
    try {
      const { count, state, store } = countingModel();
      const element = readOut('triple');
      const stop = bindReadOut(element, store);
      expect([element.textContent, count.study]).toEqual(['3', 1]);
      report(element, false);
      edit(state, 5);
      vi.advanceTimersByTime(100);
      edit(state, 1);
      // Six edits, and the group not derived once: nobody near shows it.
      expect([element.textContent, count.study]).toEqual(['3', 1]);
      vi.advanceTimersByTime(1000);
      expect([element.textContent, count.study]).toEqual(['21', 2]);
      // Written far, it follows nothing until the next edit asks for a write.
      edit(state, 2);
      expect(count.study).toBe(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a far read-out whose value never changes does not have its group derived at each edit', () => {
    const { count, state, store } = countingModel();
    const element = readOut('fixed');
    const stop = bindReadOut(element, store);
    report(element, true);
    expect([element.textContent, count.study]).toEqual(['7', 1]);
    edit(state, 1);
    // Near, it follows the value, which takes deriving its group.
    expect(count.study).toBe(2);
    report(element, false);
    edit(state, 10);
    expect([element.textContent, count.study]).toEqual(['7', 2]);
    stop();
  });

  it('a far read-out of a worker value follows it until the answer, then shows it, not busy', async () => {
    const spec = defineModel({
      name: 'counted',
      params: { x: { label: 'x', default: 1, min: -100, max: 100, step: 1 } },
      values: { numbers: ['double'], derive: (p) => ({ double: 2 * p.x }) },
      groups: {
        slow: { numbers: ['square'], runs: 'worker', derive: (p) => ({ square: p.x * p.x }) },
      },
    });
    const asked: (() => void)[] = [];
    const offload: Offload = (_model, _group, params) =>
      new Promise((resolve) => {
        const x = params['x'] as number;
        asked.push(() => resolve({ square: x * x }));
      });
    const state = createModelState(spec, { offload });
    const element = readOut('square');
    // The build's text, which the answer replaces.
    element.textContent = '0';
    const stop = bindReadOut(element, { model: () => state } as unknown as PageStore);
    // The first write asks the worker; the build's text stays, marked busy.
    expect([asked.length, element.getAttribute('aria-busy')]).toEqual([1, 'true']);
    report(element, false);
    asked[0]!();
    await Promise.resolve();
    await Promise.resolve();
    expect([element.textContent, element.hasAttribute('aria-busy')]).toEqual(['1', false]);
    // Once shown, far, it asks the worker for nothing at the next edits.
    edit(state, 3);
    expect(asked).toHaveLength(1);
    stop();
  });
});
