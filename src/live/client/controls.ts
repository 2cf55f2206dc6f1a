/**
 * `<live-controls>`: a model's Reset and Copy link buttons, plus the page-level piece that goes
 * with them: keeping the URL in step with the state.
 */
import { effect } from '@preact/signals-core';
import { encodeState } from '../url-codec.ts';
import { LiveElement, defineLive } from './element.ts';
import { FLUSH_URL_EVENT } from './notices.ts';
import type { PageStore } from './page.ts';
import { liveWords } from '../../i18n/index.ts';

/**
 * How long the state must stay still before the address bar follows it. Safari allows about 100
 * rewrites per 30 s.
 */
export const URL_SETTLE_MS = 300;
/** The longest the address bar lags behind a state that keeps changing (a drag, a long run). */
export const URL_MAX_LAG_MS = 2000;

/**
 * Mirrors every active model's state into the address bar with history.replaceState (so edits
 * do not flood the back button), once the state has stayed still for URL_SETTLE_MS, and at least
 * every URL_MAX_LAG_MS while it keeps changing: a 4 s training run rewrites it two or three
 * times, not every 300 ms. Each rewrite makes Chromium fetch the page's icon again and decode
 * it (an SVG) on the page's main thread: every 300 ms during a run, that was 7 or 8 tasks of 18
 * to 50 ms in a 100,000-step run at 4× CPU on the backprop chapter. Returns `flush`, which
 * writes now.
 */
export function syncUrl(store: PageStore, win: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet in the address bar was made. */
  let behindSince: number | undefined;
  const write = (): void => {
    timer = undefined;
    behindSince = undefined;
    const state = [...store.active.values()].map((m) => ({
      instance: m.instance,
      spec: m.spec,
      values: m.params.peek(),
      defaults: m.defaults,
    }));
    const search = encodeState(win.location.search, state);
    if (search !== win.location.search) {
      const url = `${win.location.pathname}${search}${win.location.hash}`;
      win.history.replaceState(win.history.state, '', url);
    }
  };
  let first = true;
  effect(() => {
    for (const model of store.active.values()) void model.params.value;
    if (first) {
      first = false; // the state came from the URL: nothing to write yet
      return;
    }
    const now = Date.now();
    behindSince ??= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, Math.min(URL_SETTLE_MS, behindSince + URL_MAX_LAG_MS - now));
  });
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    write();
  };
  // Anything that is about to read the address bar (an embed snippet, an embed page's link to
  // its chapter) asks for the latest state with this event, rather than wait out the interval.
  win.document.addEventListener(FLUSH_URL_EVENT, flush);
  return flush;
}

/** `<live-controls data-model="mazur">` with buttons `data-action="mazur.reset"` and `mazur.copy-link`. */
export function defineLiveControls(store: PageStore, flushUrl: () => void): void {
  defineLive(
    'live-controls',
    class extends LiveControls {
      override flushUrl = flushUrl;
    },
    store,
  );
}

class LiveControls extends LiveElement {
  flushUrl: () => void = () => undefined;

  protected override setup(): void {
    const name = this.dataset['model'] ?? '';
    const state = this.store?.model(name);
    const status = this.querySelector<HTMLElement>('.live-controls__status');
    if (!state || !status) {
      console.error(`<live-controls> for unknown model "${name}".`);
      return;
    }
    const reset = this.querySelector<HTMLButtonElement>(`[data-action="${name}.reset"]`);
    const copy = this.querySelector<HTMLButtonElement>(`[data-action="${name}.copy-link"]`);
    reset?.addEventListener(
      'click',
      () => {
        state.reset();
        status.textContent = liveWords().resetDone;
      },
      this.listening,
    );
    copy?.addEventListener(
      'click',
      () => {
        this.flushUrl();
        const url = window.location.href;
        navigator.clipboard.writeText(url).then(
          () => (status.textContent = liveWords().linkCopied),
          () => (status.textContent = liveWords().copyBlocked(url)),
        );
      },
      this.listening,
    );
  }
}
