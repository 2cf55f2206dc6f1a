/**
 * `<network-diagram>`: highlights the chain-rule path of the weight (or bias) the reader is on,
 * shows its chain rule below the diagram, says that chain rule once the reader has settled on a
 * new value, and keeps the HTML in the reading order of the layout shown. The numbers
 * themselves are live-number and live-value elements, which update on their own.
 *
 *   pointer over a field ──▶ hovered = its param      pointer elsewhere ──▶ hovered = none
 *   focus on a field     ──▶ focused = its param      focus elsewhere   ──▶ focused = none
 *   hovered ?? focused is a weight or bias ──▶ its path lit, its chain rule shown
 *                      otherwise (an input, a neuron, nothing) ──▶ no path lit; the chain rule
 *                      last shown stays, so that the pointer can go down to read it
 *
 *   the focused field's value changes ──▶ (re)start a timer ──SETTLE_MS──▶ the status says it
 *   (a training run, Reset or a copy of the field in the prose change values with the focus
 *   elsewhere: nothing is said)
 */
import { byLocale } from '../../i18n/locales.ts';
import { LiveElement, defineLive } from '../../live/client/element.ts';
import type { PageStore } from '../../live/client/page.ts';
import type { ParamValues } from '../../live/model.ts';
import { readingOrder, type Layout } from './model.ts';
import { networkDiagramWords } from './words.ts';

const ACTIVE = 'is-on-path';
/**
 * How long a value must stay put before it is announced: longer than the gap between the
 * presses of a reader stepping with an arrow key, or between the moves of a drag.
 */
const SETTLE_MS = 1000;

/** The parameter (w5, i1, b2) of the field an event happened on, or undefined. */
function paramOf(target: EventTarget | null): string | undefined {
  const field = target instanceof Element ? target.closest('[data-param]') : null;
  return field?.getAttribute('data-param')?.split('.')[1];
}

class NetworkDiagram extends LiveElement {
  #hovered: string | undefined;
  #focused: string | undefined;
  #layout: Layout | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #resize: ResizeObserver | undefined;

  protected override setup(): void {
    this.#arrange();
    this.#resize = new ResizeObserver(() => this.#arrange());
    this.#resize.observe(this);
    this.#follow();
    this.#announceSettled();
  }

  protected override teardown(): void {
    this.#resize?.disconnect();
    clearTimeout(this.#timer);
  }

  #follow(): void {
    const options = this.listening;
    this.addEventListener(
      'focusin',
      (event) => {
        this.#focused = paramOf(event.target);
        this.#light();
      },
      options,
    );
    this.addEventListener(
      'focusout',
      (event) => {
        if (event.relatedTarget instanceof Node && this.contains(event.relatedTarget)) return;
        this.#focused = undefined;
        this.#light();
      },
      options,
    );
    this.addEventListener(
      'pointerover',
      (event) => {
        this.#hovered = paramOf(event.target);
        this.#light();
      },
      options,
    );
    this.addEventListener(
      'pointerout',
      (event) => {
        if (event.relatedTarget instanceof Node && this.contains(event.relatedTarget)) return;
        this.#hovered = undefined;
        this.#light();
      },
      options,
    );
    // The focus or the pointer that brought the live layer in is already here.
    const focused = document.activeElement;
    this.#focused = focused && this.contains(focused) ? paramOf(focused) : undefined;
    this.#hovered = paramOf(this.querySelector('[data-param]:hover'));
    this.#light();
  }

  /** Lights the path of the weight or bias the reader is on, and shows its chain rule. */
  #light(): void {
    const param = this.#hovered ?? this.#focused;
    const lit = param && this.querySelector(`[data-caption="${param}"]`) ? param : undefined;
    for (const element of this.querySelectorAll(`.${ACTIVE}`)) element.classList.remove(ACTIVE);
    if (!lit) return;
    for (const element of this.querySelectorAll(`[data-on-path~="${lit}"]`)) {
      element.classList.add(ACTIVE);
    }
    if (this.dataset['active'] === lit) return;
    this.dataset['active'] = lit;
    for (const caption of this.querySelectorAll<HTMLElement>('[data-caption]')) {
      caption.hidden = caption.dataset['caption'] !== lit;
    }
  }

  /** Says the chain rule and the error once the reader's value has stayed put for SETTLE_MS. */
  #announceSettled(): void {
    const state = this.lookup('mazur.E')?.state;
    const status = this.querySelector<HTMLElement>('[data-announce]');
    if (!state || !status) return;
    let seen: ParamValues | undefined;
    this.watch(() => {
      const params = state.params.value;
      const before = seen;
      seen = params;
      const active = document.activeElement;
      const field = active && this.contains(active) ? paramOf(active) : undefined;
      if (!before || !field || before[field] === params[field]) return;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        const factors = this.querySelector(`[data-caption="${field}"] [data-factors]`);
        const error = this.querySelector('[data-value="mazur.E"]');
        const words = byLocale(networkDiagramWords, this.ownerDocument.documentElement.lang);
        status.textContent = words.settledText(
          factors ? field : undefined,
          (factors?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          error?.textContent ?? '',
        );
      }, SETTLE_MS);
    });
  }

  /**
   * Puts the overlays in the reading order of the layout the container query shows: Tab and a
   * screen reader follow the HTML. A move keeps the focus and the live elements as they are.
   */
  #arrange(): void {
    const narrow = this.querySelector('.network-diagram__svg--narrow');
    const layout: Layout =
      narrow && getComputedStyle(narrow).display !== 'none' ? 'narrow' : 'wide';
    if (layout === this.#layout) return;
    this.#layout = layout;
    const overlays = new Map(
      [...this.querySelectorAll<HTMLElement>('[data-overlay]')].map((el) => [
        el.dataset['overlay'],
        el,
      ]),
    );
    const focused = document.activeElement;
    let after: Element | undefined;
    for (const id of readingOrder(layout)) {
      const overlay = overlays.get(id);
      const parent = overlay?.parentElement;
      if (!overlay || !parent) continue;
      const next = after ? after.nextElementSibling : parent.querySelector('[data-overlay]');
      if (next !== overlay) move(parent, overlay, after ? after.nextSibling : next);
      after = overlay;
    }
    if (focused instanceof HTMLElement && document.activeElement !== focused) {
      focused.focus({ preventScroll: true });
    }
  }
}

/**
 * Moves `node` before `before` within `parent`. moveBefore() keeps the focus and the live
 * elements' state (LiveElement takes the move as a no-op); where it is missing, a remove and
 * insert reconnects them, and live-number would take a field whose text differs from its HTML
 * value for text typed before it loaded: the value shown becomes the HTML value first.
 */
function move(parent: Element, node: HTMLElement, before: Node | null): void {
  if ('moveBefore' in parent) {
    parent.moveBefore(node, before);
    return;
  }
  for (const input of node.querySelectorAll('input')) input.defaultValue = input.value;
  (parent as Element).insertBefore(node, before);
}

export function defineNetworkDiagram(store: PageStore): void {
  defineLive('network-diagram', NetworkDiagram, store);
}
