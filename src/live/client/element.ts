/**
 * The one way to write a live element. A subclass implements `setup()`, which runs when the
 * element joins the page; everything it registers through `listen` and `watch` is undone when
 * the element leaves it, so an element never leaks listeners or effects.
 *
 *   class Example extends LiveElement {
 *     protected override setup() {
 *       const found = this.lookup(this.dataset['param']);        // state + name, or undefined
 *       this.watch(() => render(found.state.value(found.name)));  // effect, disposed on leave
 *       button.addEventListener('click', go, this.listening);     // removed on leave
 *     }
 *   }
 *   defineLive('live-example', Example, store);
 */
import { effect } from '@preact/signals-core';
import { splitRef } from '../model.ts';
import type { ModelState } from '../store.ts';
import type { PageStore } from './page.ts';

export class LiveElement extends HTMLElement {
  /** The page's state; set by defineLive()'s subclass before the element connects. */
  store: PageStore | undefined;
  #abort = new AbortController();
  #effects: Array<() => void> = [];

  /** Listener options that end when the element leaves the page. */
  protected get listening(): AddEventListenerOptions {
    return { signal: this.#abort.signal };
  }

  /** Runs `fn` now and whenever a signal it reads changes, until the element leaves the page. */
  protected watch(fn: () => void): void {
    this.#effects.push(effect(fn));
  }

  /** The state and name a ref such as `mazur.w5` names, or undefined (logged) if none. */
  protected lookup(
    ref: string | undefined | null,
  ): { state: ModelState; name: string } | undefined {
    const parts = splitRef(ref ?? '');
    const state = parts ? this.store?.model(parts.instance) : undefined;
    if (!parts || !state) {
      console.error(`<${this.localName}>: no model value "${ref ?? ''}" on this page.`, this);
      return undefined;
    }
    return { state, name: parts.name };
  }

  /** Finds its parts, listens and watches; runs each time the element joins the page. */
  protected setup(): void {}

  /** Undoes what setup() did beyond listeners and effects (timers, say). Default: nothing. */
  protected teardown(): void {}

  connectedCallback(): void {
    this.setup();
  }

  /**
   * A move within the page (`parent.moveBefore()`, as the network diagram reorders its fields)
   * leaves the element as it is. Without this callback the browser would call disconnected and
   * connected in turn, and setup() would run again on a field the reader has already edited.
   */
  connectedMoveCallback(): void {}

  disconnectedCallback(): void {
    for (const dispose of this.#effects.splice(0)) dispose();
    this.#abort.abort();
    this.#abort = new AbortController();
    this.teardown();
  }
}

/** Defines `tag` once, as `Base` bound to the page's store. */
export function defineLive(tag: string, Base: new () => LiveElement, store: PageStore): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends Base {
      override store = store;
    },
  );
}
