import { parseHTML } from 'linkedom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { neuronModel } from '../models/neuron.ts';
import { createPageStore } from './page.ts';

/**
 * syncUrl with a page store and a stand-in window whose history records each rewrite.
 * controls.ts is imported once linkedom's HTMLElement is in place (its elements extend it).
 */
const { window } = parseHTML('<!doctype html><html><body></body></html>');
const globals = { HTMLElement: window.HTMLElement, customElements: window.customElements };
let syncUrl: typeof import('./controls.ts').syncUrl;
let URL_SETTLE_MS: number;
let URL_MAX_LAG_MS: number;

beforeAll(async () => {
  Object.assign(globalThis, globals);
  ({ syncUrl, URL_SETTLE_MS, URL_MAX_LAG_MS } = await import('./controls.ts'));
});
afterAll(() => {
  for (const name of Object.keys(globals)) Reflect.deleteProperty(globalThis, name);
});
afterEach(() => vi.useRealTimers());

function page() {
  const store = createPageStore('', { neuron: { spec: neuronModel } });
  const state = store.model('neuron')!;
  const written: string[] = [];
  const location = { pathname: '/chapters/neuron/', search: '', hash: '' };
  const win = {
    location,
    history: {
      state: null,
      replaceState: (_: unknown, __: string, url: string) => {
        written.push(url);
        location.search = url.slice(location.pathname.length);
      },
    },
    document: { addEventListener: () => undefined },
  } as unknown as Window;
  return { state, written, flush: syncUrl(store, win) };
}

/** Sets w1 to 0.1, 0.2, … `count` times, `ms` apart on the fake clock. */
function changeEvery(state: ReturnType<typeof page>['state'], ms: number, count: number): void {
  for (let i = 1; i <= count; i++) {
    state.set('w1', i / 10);
    vi.advanceTimersByTime(ms);
  }
}

describe('syncUrl()', () => {
  it('rewrites the address once the state has stayed still, not at each change of a stream', () => {
    vi.useFakeTimers();
    const { state, written } = page();
    // A drag: a change every 100 ms for 1.5 s.
    changeEvery(state, 100, 15);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(URL_SETTLE_MS);
    expect(written).toEqual(['/chapters/neuron/?neuron.w1=1.5']);
    // Nothing more until the next change.
    vi.advanceTimersByTime(10 * URL_SETTLE_MS);
    expect(written).toHaveLength(1);
  });

  it('while the state keeps changing, the address lags by URL_MAX_LAG_MS at most', () => {
    vi.useFakeTimers();
    const { state, written } = page();
    // A long run: a change every 100 ms for 5 s, then the last value settles.
    changeEvery(state, 100, 50);
    expect(written).toHaveLength(Math.floor(5000 / URL_MAX_LAG_MS));
    vi.advanceTimersByTime(URL_SETTLE_MS);
    expect(written.at(-1)).toBe('/chapters/neuron/?neuron.w1=5');
    expect(written).toHaveLength(Math.floor(5000 / URL_MAX_LAG_MS) + 1);
  });

  it('flush() writes the latest state at once, and the waiting write is not made again', () => {
    vi.useFakeTimers();
    const { state, written, flush } = page();
    state.set('w1', 0.5);
    flush();
    expect(written).toEqual(['/chapters/neuron/?neuron.w1=0.5']);
    vi.advanceTimersByTime(URL_SETTLE_MS);
    expect(written).toHaveLength(1);
  });
});
