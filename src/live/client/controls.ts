/**
 * `<live-controls>`: a model's Reset and Copy link buttons, plus the page-level pieces that go
 * with them: keeping the URL in step with the state, and the notice about an unusable link.
 */
import { effect } from '@preact/signals-core';
import { encodeState } from '../url-codec.ts';
import { LiveElement, defineLive } from './element.ts';
import type { PageStore } from './page.ts';

/** How often the address bar may be rewritten while a reader drags. Safari allows ~100 per 30 s. */
const URL_WRITE_INTERVAL_MS = 300;

/**
 * Mirrors every active model's state into the address bar with history.replaceState (so edits
 * do not flood the back button), at most once per interval. Returns `flush`, which writes now.
 */
export function syncUrl(store: PageStore, win: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (): void => {
    timer = undefined;
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
    timer ??= setTimeout(write, URL_WRITE_INTERVAL_MS);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    write();
  };
}

/** Shows what the URL asked for that could not be used, at the top of the page's content. */
export function showNotices(notices: readonly string[], doc: Document = document): void {
  if (notices.length === 0) return;
  const box = doc.createElement('div');
  box.className = 'live-notice not-content';
  box.setAttribute('role', 'status');
  const title = doc.createElement('p');
  title.textContent =
    notices.length === 1
      ? 'One setting in this link could not be used:'
      : `${notices.length} settings in this link could not be used:`;
  const list = doc.createElement('ul');
  for (const notice of notices.slice(0, 10)) {
    const item = doc.createElement('li');
    item.textContent = notice; // text only: nothing from the URL is ever parsed as HTML
    list.append(item);
  }
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => box.remove());
  box.append(title, list, dismiss);
  const target = doc.querySelector('.sl-markdown-content') ?? doc.querySelector('main') ?? doc.body;
  target.prepend(box);
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
        status.textContent = 'All values are back to their starting values.';
      },
      this.listening,
    );
    copy?.addEventListener(
      'click',
      () => {
        this.flushUrl();
        const url = window.location.href;
        navigator.clipboard.writeText(url).then(
          () => (status.textContent = 'Link copied. It opens this page with these values.'),
          () => (status.textContent = `Copying was blocked. The link is: ${url}`),
        );
      },
      this.listening,
    );
  }
}
