/**
 * Live read-outs: any element with `data-value="model.name"` shows that value and follows it.
 * `<live-value>` in prose, and the spans and MathML numbers that `\live{…}` leaves in math.
 */
import { computed, effect, signal } from '@preact/signals-core';
import { digitsForSignificant, formatFull, formatNumber, formatParam } from '../format.ts';
import { derivedInfo, splitRef } from '../model.ts';
import { numberParam } from '../params.ts';
import type { ModelState } from '../store.ts';
import { LiveElement, defineLive } from './element.ts';
import { nearWrites, type NearWrites } from './near-writes.ts';
import type { PageStore } from './page.ts';
import { applyingLink } from './shared-link.ts';

// One query, read on each change: matchMedia() itself costs a style lookup per call, which a
// training run paid for every read-out on every write.
let motion: MediaQueryList | undefined;
const reducedMotion = (): boolean =>
  (motion ??= matchMedia('(prefers-reduced-motion: reduce)')).matches;

// A value flashes when it changes after a pause, not while it keeps changing (a network
// training, a number dragged): a tint that came and went at every step would only flicker.
const FLASH_MS = 700;
const lastChange = new WeakMap<Element, number>();
function changingFast(element: Element): boolean {
  const now = performance.now();
  const last = lastChange.get(element);
  lastChange.set(element, now);
  return last !== undefined && now - last < FLASH_MS;
}

/**
 * Flashes a read-out that just changed: a tint behind it (live.css) for FLASH_MS, there and then
 * gone. It was a fade, but a fade is an animation, and while one runs the browser composites
 * the page again at every frame: begun by the first press of a run of arrow keys, the fades on
 * the backprop chapter's diagram made half of the presses that followed a frame late where the
 * page is composited in software (edit-to-paint median 24 ms in 8 of 14 page loads, against
 * 16 ms in 9 of 9 without the fade). The tint is set by an attribute write, which restyles this
 * one element (element.animate() made the browser bring the whole page's style up to date, once
 * per read-out: 1.7 s of each edit on the backprop chapter at 4x CPU throttling), and one timer
 * takes the tints away. Only a read-out whose block is on screen flashes (NearWrites.onScreen):
 * a flash off screen is over before anyone could scroll to it, and one edit on the backprop
 * chapter changes about 300 read-outs.
 */
const flashing = new Map<Element, number>(); // element → when its tint goes
let unflashTimer: ReturnType<typeof setTimeout> | undefined;
function flash(element: Element, writes: NearWrites): void {
  if (!writes.onScreen(element)) return;
  element.setAttribute('data-flash', '');
  flashing.set(element, performance.now() + FLASH_MS);
  unflashTimer ??= setTimeout(unflash, FLASH_MS);
}
function unflash(): void {
  unflashTimer = undefined;
  const now = performance.now();
  let next = Infinity;
  for (const [element, until] of flashing) {
    if (until > now) next = Math.min(next, until);
    else {
      element.removeAttribute('data-flash');
      flashing.delete(element);
    }
  }
  if (next !== Infinity) unflashTimer = setTimeout(unflash, next - now);
}

/**
 * Sets an element's text, rewriting its one text node where it has one: a new node would be a
 * new layout object, whose whole line the browser shapes again (a rewritten node keeps the
 * shaping of what did not change), and a childList mutation that every MutationObserver on the
 * page (Astro's prefetch watches the whole body) is called for.
 */
export function setText(element: Element, text: string): void {
  const only = element.firstChild;
  if (only && only === element.lastChild && only.nodeType === Node.TEXT_NODE) {
    if ((only as Text).data !== text) (only as Text).data = text;
  } else element.textContent = text;
}

export function setIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Keeps one element's text equal to its value. Returns a function that stops it.
 * Attributes: data-value (required), data-significant (significant digits, instead of a fixed
 * number after the point), data-digits (default 4; a parameter shows more when its
 * value has more), data-math (use a math minus).
 */
export function bindReadOut(element: HTMLElement | Element, store: PageStore): () => void {
  const ref = splitRef(element.getAttribute('data-value') ?? '');
  const state = ref ? store.model(ref.instance) : undefined;
  const isParam = state && ref ? numberParam(state.spec.params, ref.name) !== undefined : false;
  const isNumber =
    state && ref && (isParam || derivedInfo(state.spec).get(ref.name)?.array === false);
  if (!ref || !state || !isNumber) {
    console.error(`Unknown live value "${element.getAttribute('data-value') ?? ''}".`);
    return () => undefined;
  }
  const digits = Number(element.getAttribute('data-digits') ?? 4);
  const significantText = element.getAttribute('data-significant');
  const significant = significantText === null ? undefined : Number(significantText);
  const mathMinus = element.hasAttribute('data-math');
  // A parameter shows every digit it has, as the build writes it (formatParam).
  const format = isParam ? formatParam : formatNumber;
  const writes = nearWrites(element.ownerDocument);
  let busy = false; // a worker's value is on its way
  const render = (value: number | undefined): void => {
    // Undefined while a worker computes it: the text already shown stays.
    // aria-busy: a screen reader waits for the settled value instead of reading a stale one.
    busy = value === undefined;
    if (value === undefined) return setIfChanged(element, 'aria-busy', 'true');
    element.removeAttribute('aria-busy');
    const text = format(value, {
      digits: significant === undefined ? digits : digitsForSignificant(value, significant),
      mathMinus,
    });
    // Writes only what changed: on load every value is already right, and redundant attribute
    // writes would make the browser recompute the style of a page full of math.
    setIfChanged(element, 'data-raw', String(value));
    setIfChanged(element, 'data-full', formatFull(value));
    if (element.textContent !== text) {
      setText(element, text);
      // A shared link's values are not a change the reader made: they appear without a flash.
      if (
        element instanceof HTMLElement &&
        !applyingLink(element.ownerDocument) &&
        !reducedMotion() &&
        !changingFast(element)
      ) {
        flash(element, writes);
      }
    }
  };
  // Through a computed, so that the effect runs only when this value changes: every read-out
  // of the model reads the same params or derived values, and one edit changes few of them.
  const current = computed(() => state.number(ref.name));
  // A read-out far from the screen does not follow its value, because following a value
  // computes it at every edit: on the backprop chapter the far table of the two update orders
  // sent 20,000 training steps to the worker at every key press, and one far count that never
  // changes had the chapter's whole study group computed again each time, only to find it
  // unchanged. Near the screen (and not yet reported on, so for its first write, which a shared
  // link needs at once) the effect follows the value. Reported far, it follows only `wanted`,
  // and the model's next edit asks for one write (askAtNextEdit), which NearWrites makes when
  // the element comes near or the edits pause. A write made far reads the value once.
  const wanted = signal(0);
  let writing = false;
  const ask = (): void =>
    writes.write(element, () => {
      writing = true;
      wanted.value++;
    });
  let stopAsking = (): void => undefined;
  const stop = effect(() => {
    void wanted.value;
    if (writes.isNear(element)) {
      writing = false;
      render(current.value);
      return;
    }
    // A worker's value on its way is followed until it is there, or the text would stay busy.
    if (writing || busy) {
      writing = false;
      render(current.peek());
      if (busy) return void current.value;
    }
    stopAsking = askAtNextEdit(state, writes, ask);
  });
  const unwatchNear = writes.watch(element, () => wanted.value++);
  return () => {
    stop();
    stopAsking();
    unwatchNear();
  };
}

/**
 * The far read-outs of each model that follow nothing until its next edit, which asks each of
 * them for a write: one effect a model, where each far read-out once followed the parameters
 * itself (a hundred and ninety effects a key press on the backprop chapter). Each edit also
 * puts off the waiting writes (NearWrites.postpone), including those already asked for.
 */
const idleByModel = new WeakMap<ModelState, Set<() => void>>();
function askAtNextEdit(state: ModelState, writes: NearWrites, ask: () => void): () => void {
  const idle = idleByModel.get(state) ?? followEdits(state, writes);
  idle.add(ask);
  return () => void idle.delete(ask);
}
function followEdits(state: ModelState, writes: NearWrites): Set<() => void> {
  const idle = new Set<() => void>();
  idleByModel.set(state, idle);
  let first = true;
  effect(() => {
    void state.params.value;
    if (first) return void (first = false);
    writes.postpone();
    const asks = [...idle];
    idle.clear();
    for (const ask of asks) ask();
  });
  return idle;
}

/** `<live-value data-value="mazur.E" data-digits="4">0.2984</live-value>` */
export function defineLiveValue(store: PageStore): void {
  defineLive('live-value', LiveValue, store);
}

class LiveValue extends LiveElement {
  #stop: (() => void) | undefined;
  protected override setup(): void {
    if (this.store) this.#stop = bindReadOut(this, this.store);
  }
  protected override teardown(): void {
    this.#stop?.();
  }
}

/** Binds the read-outs that are not custom elements (those inside typeset math). */
export function bindMathReadOuts(root: ParentNode, store: PageStore): void {
  for (const element of root.querySelectorAll('.katex [data-value]')) bindReadOut(element, store);
}
