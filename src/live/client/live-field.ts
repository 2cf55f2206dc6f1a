/**
 * `<live-field>`: a choice, boolean or text parameter, edited with a native control rendered at
 * build time (src/components/live/Editable.astro): a `<select data-param>` for a choice, an
 * `<input type="checkbox" data-param>` for a boolean, an `<input type="text" data-param>` for a
 * text. The control says what it is to a screen reader by itself; this element keeps it and the
 * state in step, both ways.
 *
 * A text is tried as the reader types, once typing pauses (TYPING_MS), and at once on Enter or
 * when the field loses focus. A text the model refuses leaves the state as it was (the last
 * valid function stays on the page) and shows why under the field, with the place it points at.
 */
import { acceptValue } from '../params.ts';
import { LiveElement, defineLive } from './element.ts';
import type { PageStore } from './page.ts';
import { liveWords } from '../../i18n/index.ts';
import { paramLabel } from '../labels.ts';

export function defineLiveField(store: PageStore): void {
  defineLive('live-field', LiveField, store);
}

/** How long typing must pause before a text is tried: longer than the gap between keys. */
const TYPING_MS = 400;

class LiveField extends LiveElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  protected override teardown(): void {
    clearTimeout(this.#timer);
  }

  protected override setup(): void {
    const text = this.querySelector<HTMLInputElement>('input[type="text"][data-param]');
    if (text) {
      this.#setupText(text);
      return;
    }
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

  #setupText(control: HTMLInputElement): void {
    const found = this.lookup(control.dataset['param']);
    const spec = found ? found.state.spec.params[found.name] : undefined;
    const message = this.querySelector<HTMLElement>('.live-field__message');
    if (!found || spec?.kind !== 'text') return;
    const { state, name } = found;
    const show = (text: string | undefined): void => {
      if (!message) return;
      if (text === undefined) {
        message.textContent = '';
        control.removeAttribute('aria-invalid');
        return;
      }
      message.textContent = text;
      control.setAttribute('aria-invalid', 'true');
    };
    const apply = (): void => {
      clearTimeout(this.#timer);
      const typed = control.value;
      const label = paramLabel(state.spec, name, document.documentElement.lang);
      const problem = acceptValue(spec, label, typed);
      if (!problem.ok) {
        const at = problem.position === undefined ? undefined : problem.position + 1;
        show(liveWords().lastValidStays(problem.message, at));
        return;
      }
      show(undefined);
      state.set(name, typed);
    };
    // Typed before this script loaded: the reader's, so try it rather than lose it.
    if (control.value !== control.defaultValue) apply();
    control.addEventListener(
      'input',
      () => {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(apply, TYPING_MS);
      },
      this.listening,
    );
    control.addEventListener('change', apply, this.listening);
    control.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Enter') apply();
      },
      this.listening,
    );
    this.watch(() => {
      const value = state.params.value[name];
      // A reset or a shared link sets the text; the reader's own typing is left alone.
      if (
        typeof value === 'string' &&
        document.activeElement !== control &&
        control.value !== value
      ) {
        control.value = value;
        show(undefined);
      }
    });
  }
}
