/**
 * `<live-number>`: an editable number in a sentence. It wraps the server-rendered
 * `<input role="spinbutton" data-param="model.param">` and adds the behaviour:
 *
 *   type ──▶ model.set (clamped, silently) ──Enter/blur──▶ commit ──ok──▶ the clamp's notice
 *     │                     └─bad──▶ inline message; the model keeps its last valid value
 *   drag ──────────────▶ model.set every move (4 px per step; Shift ×10)
 *   ↑/↓ ±step (Shift ×10, Alt ÷10), PageUp/PageDown ±10 steps, Home/End min/max, Escape reverts
 *
 * Valid text is applied as it is typed, so the page follows the reader's typing.
 */
import { computed } from '@preact/signals-core';
import { formatFull, formatNumber } from '../format.ts';
import { editableDigits, snap, type NumberParam } from '../model.ts';
import { numberParam } from '../params.ts';
import { parseNumber } from '../parse.ts';
import { stepParam, type ModelState } from '../store.ts';
import { LiveElement, defineLive } from './element.ts';
import type { PageStore } from './page.ts';
import { nearWrites } from './near-writes.ts';
import { setIfChanged } from './read-outs.ts';
import { liveWords } from '../../i18n/index.ts';

const PIXELS_PER_STEP = 4;
const DRAG_THRESHOLD = 4;

export function defineLiveNumber(store: PageStore): void {
  defineLive('live-number', LiveNumber, store);
}

class LiveNumber extends LiveElement {
  #input: HTMLInputElement | undefined;
  #message: HTMLElement | undefined;
  #state: ModelState | undefined;
  #name = '';
  #spec: NumberParam | undefined;
  /** The value when the reader started this edit: what Escape goes back to. */
  #valueAtFocus = 0;
  /** True while the text is the reader's, not yet committed: the model must not overwrite it. */
  #editing = false;
  /**
   * The value when the reader began typing the text now in the field (valid text applies as it
   * is typed, so "0.55.5" passes through 0.55): what invalid text reverts to.
   */
  #entryStart = 0;
  #drag: { id: number; x: number; start: number; moved: boolean } | undefined;
  /** Set while a message left behind on leaving the field waits for the reader's next action. */
  #dismiss: AbortController | undefined;
  #unwatchNear: (() => void) | undefined;

  protected override setup(): void {
    const input = this.querySelector<HTMLInputElement>('input[data-param]');
    const message = this.querySelector<HTMLElement>('.live-number__message');
    const found = this.lookup(input?.dataset['param']);
    const spec = found ? numberParam(found.state.spec.params, found.name) : undefined;
    if (!input || !message || !found || !spec) return;
    const { state, name } = found;
    [this.#input, this.#message, this.#state, this.#name, this.#spec] = [
      input,
      message,
      state,
      name,
      spec,
    ];
    // Focused before this script loaded, the field's focus event was missed: Escape must still
    // go back to the value from before the edit, not to 0.
    this.#valueAtFocus = this.#value;
    // Text typed before this script loaded is the reader's: apply it rather than lose it.
    if (input.value !== input.defaultValue) this.#onInput();
    // Through a computed, so that an edit of another parameter (every field on the page read
    // the same params object) does not render this field again.
    const value = computed(() => this.#value);
    // A field far from the screen is written as a far read-out is (near-writes.ts): when it
    // comes near, the edits pause, or the reader reaches it. During a training run on the
    // backprop chapter, the network diagram's ten fields at the top of the page were written
    // with every write of the weights, each a layout of their far block.
    const writes = nearWrites(this.ownerDocument);
    this.watch(() => {
      void value.value;
      writes.write(this, () => this.#render(value.peek()));
    });
    this.#unwatchNear = writes.watch(this);
    this.#listen(input);
  }

  protected override teardown(): void {
    this.#unwatchNear?.();
  }

  /** Writes the waiting value, if any, before the reader acts on the field. */
  #catchUp(): void {
    nearWrites(this.ownerDocument).writeNow(this);
  }

  #listen(input: HTMLInputElement): void {
    const options = this.listening;
    input.addEventListener('focus', () => this.#onFocus(), options);
    input.addEventListener('input', () => this.#onInput(), options);
    input.addEventListener('keydown', (event) => this.#onKey(event), options);
    input.addEventListener(
      'blur',
      () => {
        this.#commit(true);
        this.#dismissOnNextAction();
      },
      options,
    );
    input.addEventListener('pointerdown', (event) => this.#onPointerDown(event), options);
    input.addEventListener('pointermove', (event) => this.#onPointerMove(event), options);
    input.addEventListener('pointerup', (event) => this.#onPointerUp(event), options);
    input.addEventListener('pointercancel', (event) => this.#onPointerUp(event), options);
  }

  get #value(): number {
    const value = this.#state?.params.value[this.#name];
    return typeof value === 'number' ? value : (this.#spec?.default ?? 0);
  }

  #render(value: number): void {
    const input = this.#input;
    const spec = this.#spec;
    if (!input || !spec) return;
    const text = formatNumber(value, { digits: editableDigits(spec, value) });
    setIfChanged(input, 'aria-valuenow', String(value));
    // A minus sign, not the field's hyphen-minus: a screen reader says "minus" for it.
    setIfChanged(input, 'aria-valuetext', text.replace(/^-/, '\u2212'));
    setIfChanged(input, 'title', formatFull(value));
    if (!this.#editing && input.value !== text) input.value = text;
    this.#fit();
  }

  /** Sizes the field to its text. */
  #fit(): void {
    const input = this.#input;
    const chars = String(Math.max(input?.value.length ?? 0, 2));
    if (input && input.style.getPropertyValue('--chars') !== chars) {
      input.style.setProperty('--chars', chars);
    }
  }

  #say(text: string, isError: boolean): void {
    if (!this.#input || !this.#message) return;
    this.#dismiss?.abort();
    this.#dismiss = undefined;
    // Never `hidden`: a live region that enters the accessibility tree together with its text
    // may not be announced. Empty, live.css gives it no size.
    this.#message.textContent = text;
    this.#message.classList.toggle('live-number__message--error', isError);
    if (isError) this.#input.setAttribute('aria-invalid', 'true');
    else this.#input.removeAttribute('aria-invalid');
    if (text !== '') this.#keepOnScreen(this.#message);
  }

  /**
   * A message said as the reader leaves the field (Tab, a click elsewhere) stays to be read, but
   * hangs over what lies below the field, often the next control: it goes at the reader's next
   * key or pointer press. The key that left the field has already been dispatched.
   */
  #dismissOnNextAction(): void {
    if (!this.#message?.textContent) return;
    const controller = new AbortController();
    this.#dismiss = controller;
    const signal = AbortSignal.any([controller.signal, this.listening.signal!]);
    const options = { capture: true, signal };
    const clear = () => this.#say('', false);
    document.addEventListener('keydown', clear, options);
    document.addEventListener('pointerdown', clear, options);
  }

  /**
   * The message hangs below the field, from its left edge; a field near the right edge of a
   * phone would push it, and the page, past the screen. Shift it left until it fits.
   */
  #keepOnScreen(message: HTMLElement): void {
    message.style.removeProperty('left');
    const box = message.getBoundingClientRect();
    const room = document.documentElement.clientWidth - 8;
    if (box.right > room) message.style.left = `${Math.max(8 - box.left, room - box.right)}px`;
  }

  #onFocus(): void {
    this.#catchUp();
    this.#valueAtFocus = this.#value;
    // Select the number so that typing replaces it, as in a spreadsheet cell.
    if (!this.#drag) this.#input?.select();
  }

  /** Applies valid text at once; invalid text waits for Enter or blur to be reported. */
  #onInput(): void {
    const input = this.#input;
    if (!input || !this.#state) return;
    if (!this.#editing) this.#entryStart = this.#value;
    this.#editing = true;
    this.#fit();
    const parsed = parseNumber(input.value);
    if (parsed.ok) {
      // Applied, clamped, at once; but the clamp is said only on Enter or blur. Typing "0.75"
      // into a field whose minimum is 0.01 passes through "0", which is no mistake.
      this.#state.set(this.#name, parsed.value);
      this.#say('', false);
    }
  }

  #commit(leaving: boolean): void {
    const input = this.#input;
    if (!input || !this.#state || !this.#editing) return;
    const parsed = parseNumber(input.value);
    if (!parsed.ok) {
      // Not the last prefix that happened to parse: the value from before this entry.
      this.#state.set(this.#name, this.#entryStart);
      const kept = formatNumber(this.#entryStart, {
        digits: editableDigits(this.#spec!, this.#entryStart),
        mathMinus: true,
      });
      this.#say(liveWords().valueStays(parsed.message, kept), true);
      if (!leaving) return;
      // Leaving, the field shows the kept value, which is valid: the message says why it
      // changed, but the field is no longer in error.
      this.#input?.removeAttribute('aria-invalid');
    } else {
      const clamped = this.#state.set(this.#name, parsed.value);
      this.#say(clamped.notice ?? '', false);
    }
    this.#editing = false;
    this.#render(this.#value);
  }

  #onKey(event: KeyboardEvent): void {
    const state = this.#state;
    const spec = this.#spec;
    if (!state || !spec) return;
    const factor = event.shiftKey ? 10 : event.altKey ? 0.1 : 1;
    const moves: Record<string, number> = {
      ArrowUp: factor,
      ArrowDown: -factor,
      PageUp: 10,
      PageDown: -10,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      this.#editing = false;
      this.#say('', false);
      stepParam(state, this.#name, move);
    } else if (event.key === 'Home' || event.key === 'End') {
      this.#editing = false;
      this.#say('', false);
      state.set(this.#name, event.key === 'Home' ? spec.min : spec.max);
    } else if (event.key === 'Enter') {
      this.#commit(false);
      this.#input?.select();
    } else if (event.key === 'Escape') {
      this.#editing = false;
      this.#say('', false);
      state.set(this.#name, this.#valueAtFocus);
      this.#render(this.#value);
      this.#input?.select();
    } else {
      return;
    }
    event.preventDefault();
  }

  #onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || !this.#input) return;
    this.#catchUp();
    this.#drag = { id: event.pointerId, x: event.clientX, start: this.#value, moved: false };
  }

  #onPointerMove(event: PointerEvent): void {
    const drag = this.#drag;
    const input = this.#input;
    const spec = this.#spec;
    if (!drag || !input || !spec || !this.#state || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    if (!drag.moved) {
      if (Math.abs(dx) < DRAG_THRESHOLD) return;
      drag.moved = true;
      this.#editing = false;
      this.#valueAtFocus = drag.start;
      input.setPointerCapture(event.pointerId);
      this.classList.add('live-number--dragging');
      this.#say('', false);
    }
    event.preventDefault();
    const steps = Math.round(dx / PIXELS_PER_STEP) * (event.shiftKey ? 10 : 1);
    this.#state.set(this.#name, snap(spec, drag.start + steps * spec.step));
  }

  #onPointerUp(event: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.id) return;
    this.#drag = undefined;
    if (drag.moved) {
      this.classList.remove('live-number--dragging');
      if (this.#input?.hasPointerCapture(event.pointerId))
        this.#input.releasePointerCapture(event.pointerId);
      this.#input?.select();
      event.preventDefault();
    }
  }
}
