/**
 * `<live-field>`: a choice or a boolean parameter, edited with a native control rendered at
 * build time (src/components/live/Editable.astro): a `<select data-param>` for a choice, or an
 * `<input type="checkbox" data-param>` for a boolean. The control says what it is to a screen
 * reader by itself; this element keeps it and the state in step, both ways.
 */
import { LiveElement, defineLive } from './element.ts';
import type { PageStore } from './page.ts';

export function defineLiveField(store: PageStore): void {
  defineLive('live-field', LiveField, store);
}

class LiveField extends LiveElement {
  protected override setup(): void {
    const control = this.querySelector<HTMLSelectElement | HTMLInputElement>('[data-param]');
    const found = this.lookup(control?.dataset['param']);
    const spec = found ? found.state.spec.params[found.name] : undefined;
    if (!control || !found || !spec || spec.kind === undefined || spec.kind === 'number') return;
    const { state, name } = found;
    const read = (): string | boolean =>
      control instanceof HTMLInputElement ? control.checked : control.value;
    // A choice made before this script loaded is the reader's: apply it rather than lose it.
    const initial = control instanceof HTMLInputElement ? control.defaultChecked : undefined;
    if (
      initial !== undefined
        ? read() !== initial
        : control.querySelector('option[selected]')?.getAttribute('value') !== read()
    ) {
      state.set(name, read());
    }
    control.addEventListener('change', () => state.set(name, read()), this.listening);
    this.watch(() => {
      const value = state.params.value[name];
      if (control instanceof HTMLInputElement) control.checked = value === true;
      else if (typeof value === 'string' && control.value !== value) control.value = value;
    });
  }
}
