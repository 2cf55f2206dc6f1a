/**
 * Starlight's <site-search> (components/Search.astro), loading the Pagefind UI on intent.
 *
 * Starlight imports the Pagefind UI (about 26 KB gzip, plus its index once searched) on every
 * page as soon as the browser is idle; most readers of a chapter never search. Here the UI is
 * imported when the reader moves toward search: the pointer enters, presses or focuses the
 * search button, or they press Ctrl/⌘ K or "/". The dialog itself opens at once on a click or
 * shortcut; the search field appears in it when the UI has arrived (a few milliseconds when
 * the hover or focus that precedes most clicks has already fetched it).
 *
 * Opening, closing, the Ctrl/⌘ K toggle and the options passed to Pagefind are Starlight's.
 */
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';

interface PagefindResult {
  url: string;
  sub_results: Array<{ url: string }>;
}

/** Where a typed "/" belongs to the field, not to the search shortcut. */
const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.closest('input, textarea, select, [role="textbox"]') !== null);

class SiteSearch extends HTMLElement {
  #ui: Promise<void> | undefined;

  constructor() {
    super();
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]');
    const dialog = this.querySelector('dialog');
    const dialogFrame = this.querySelector('.dialog-frame');
    if (!openBtn || !closeBtn || !dialog || !dialogFrame) return;

    /** Close the modal if a user clicks on a link or outside of the modal. */
    const onClick = (event: MouseEvent) => {
      const isLink = 'href' in (event.target ?? {});
      if (
        isLink ||
        (document.body.contains(event.target as Node) &&
          !dialogFrame.contains(event.target as Node))
      ) {
        closeModal();
      }
    };

    const openModal = (event?: MouseEvent) => {
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      this.querySelector('input')?.focus();
      event?.stopPropagation();
      window.addEventListener('click', onClick);
      // The field did not exist yet if the UI was still loading: focus it when it does.
      void this.#loadUI().then(() => {
        if (dialog.open && dialog.contains(document.activeElement)) {
          this.querySelector('input')?.focus();
        }
      });
    };

    const closeModal = () => dialog.close();

    openBtn.addEventListener('click', openModal);
    openBtn.disabled = false;
    closeBtn.addEventListener('click', closeModal);

    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });

    // Intent: the reader is about to use the button.
    const load = () => void this.#loadUI();
    for (const type of ['pointerenter', 'pointerdown', 'focus', 'touchstart']) {
      openBtn.addEventListener(type, load, { once: true, passive: true });
    }

    window.addEventListener('keydown', (e) => {
      // Ctrl/⌘ K toggles search anywhere, as in Starlight.
      if ((e.metaKey || e.ctrlKey) && e.key === 'k') {
        if (dialog.open) closeModal();
        else openModal();
        e.preventDefault();
        return;
      }
      // "/" opens it too, unless the reader is typing in a field.
      if (
        e.key === '/' &&
        !e.metaKey &&
        !e.ctrlKey &&
        !e.altKey &&
        !dialog.open &&
        !isEditable(e.target)
      ) {
        openModal();
        e.preventDefault();
      }
    });
  }

  /** Imports and mounts the Pagefind UI once; later calls share the first import. */
  #loadUI(): Promise<void> {
    this.#ui ??= this.#mountUI().catch((error: unknown) => {
      // A failed import (e.g. offline) may succeed on the next intent.
      this.#ui = undefined;
      throw error;
    });
    return this.#ui;
  }

  async #mountUI(): Promise<void> {
    // The dev server has no index; Starlight shows a notice in the dialog instead.
    if (import.meta.env.DEV) return;
    let translations = {};
    try {
      translations = JSON.parse(this.dataset['translations'] ?? '{}') as object;
    } catch {
      // Starlight falls back to Pagefind's own English strings too.
    }
    const shouldStrip = this.dataset['stripTrailingSlash'] !== undefined;
    const stripTrailingSlash = (path: string) => path.replace(/(.)\/(#.*)?$/, '$1$2');
    const formatURL = shouldStrip ? stripTrailingSlash : (path: string) => path;

    // @ts-expect-error -- @pagefind/default-ui ships no types (Starlight does the same).
    const { PagefindUI } = (await import('@pagefind/default-ui')) as {
      PagefindUI: new (options: Record<string, unknown>) => unknown;
    };
    new PagefindUI({
      ...pagefindUserConfig,
      element: '#starlight__search',
      baseUrl: import.meta.env.BASE_URL,
      bundlePath: import.meta.env.BASE_URL.replace(/\/$/, '') + '/pagefind/',
      showImages: false,
      translations,
      showSubResults: true,
      processResult: (result: PagefindResult) => {
        result.url = formatURL(result.url);
        result.sub_results = result.sub_results.map((subResult) => {
          subResult.url = formatURL(subResult.url);
          return subResult;
        });
      },
    });
  }
}

customElements.define('site-search', SiteSearch);
