/**
 * `<network-diagram>`: highlights the chain-rule path of the weight (or bias) being hovered or
 * focused, and shows its chain rule below the diagram. The numbers themselves are live-number
 * and live-value elements, which update on their own.
 */
import { LiveElement, defineLive } from '../../live/client/element.ts';
import type { PageStore } from '../../live/client/page.ts';

const ACTIVE = 'is-on-path';

class NetworkDiagram extends LiveElement {
  protected override setup(): void {
    const options = this.listening;
    const activate = (event: Event, on: EventTarget | null = event.target): void => {
      const target = on instanceof Element ? on.closest('[data-param]') : null;
      const param = target?.getAttribute('data-param')?.split('.')[1];
      if (param && this.querySelector(`[data-caption="${param}"]`)) this.show(param);
    };
    this.addEventListener('focusin', activate, options);
    this.addEventListener('pointerover', activate, options);
    // The focus or the pointer that brought the live layer in is already here.
    const focused = document.activeElement;
    const here =
      focused && this.contains(focused) ? focused : this.querySelector('[data-param]:hover');
    if (here) activate(new Event('focusin'), here);
    activate(new FocusEvent('focusin', { relatedTarget: null }), here);
  }

  /** Highlights `param`'s path to E and shows its chain rule. */
  show(param: string): void {
    if (this.dataset['active'] === param && this.querySelector(`.${ACTIVE}`)) return;
    this.dataset['active'] = param;
    for (const element of this.querySelectorAll(`.${ACTIVE}`)) element.classList.remove(ACTIVE);
    for (const element of this.querySelectorAll(`[data-on-path~="${param}"]`)) {
      element.classList.add(ACTIVE);
    }
    for (const caption of this.querySelectorAll<HTMLElement>('[data-caption]')) {
      caption.hidden = caption.dataset['caption'] !== param;
    }
  }
}

export function defineNetworkDiagram(store: PageStore): void {
  defineLive('network-diagram', NetworkDiagram, store);
}
