/**
 * The only live-layer code a page runs before the reader interacts: about 1 KB. Every number is
 * already in the HTML (rendered at build time), so the engine, the models and the widgets load
 * only when they are needed:
 *
 *   a shared link with settings (?mazur.w5=…) or saved exercise progress ──▶ load at once
 *   otherwise ──▶ wait for intent on a live element: hover, touch, focus, a key or a click
 *                   └─▶ load (runtime.ts) ──▶ elements upgrade ──▶ replay the click or key
 *
 * A click or a key that arrives before the code does is held and replayed once the elements
 * are live, so nothing the reader does is lost; typed text is kept by the field itself. A shared
 * link's numbers stay hidden until the layer has applied it (shared-link.ts).
 */
import { LINK_FAILED_EVENT, LIVE_ELEMENTS as LIVE, SETTINGS, linkLoading } from './shared-link.ts';
import { showWholeArticle } from './unfolding.ts';

const hasSettings = (search: string): boolean => SETTINGS.test(search);

/** Saved exercise progress for this page: keys `backprop-live:exercise:<path>:<id>` (exercise.ts). */
function hasProgress(): boolean {
  const prefix = 'backprop-live:exercise:';
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      const path = key.slice(prefix.length, key.lastIndexOf(':'));
      if (key.startsWith(prefix) && path !== '' && location.pathname.endsWith(path)) return true;
    }
  } catch {
    // Storage blocked: there is nothing to restore.
  }
  return false;
}

let loading: Promise<unknown> | undefined;

function load(): Promise<unknown> {
  linkLoading(document);
  // The widgets measure themselves and the read-outs are watched as they start: a block not yet
  // shown would be laid out alone for each question.
  showWholeArticle();
  loading ??= import('./runtime.ts')
    .then(async ({ start }) => {
      await start(document);
      // From now on the elements handle everything themselves.
      for (const type of INTENT) document.removeEventListener(type, onIntent, { capture: true });
    })
    .catch((error: unknown) => {
      console.error('The live layer could not be loaded:', error);
      // A shared link's numbers wait hidden for the layer: show the starting values instead.
      document.dispatchEvent(new Event(LINK_FAILED_EVENT));
    });
  return loading;
}

/** Replays an event the reader made before the live code arrived. */
function replay(event: Event, target: Element): void {
  if (event.type === 'click' && target instanceof HTMLElement) target.click();
  else if (event.type === 'submit') target.closest('form')?.requestSubmit();
  else if (event instanceof KeyboardEvent)
    target.dispatchEvent(new KeyboardEvent('keydown', event));
}

const INTENT = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'click', 'submit'];

/** Plain typing goes into the field as usual; the field applies it when it upgrades. */
const isTyping = (event: Event): boolean =>
  event instanceof KeyboardEvent && event.key.length === 1 && !event.ctrlKey && !event.metaKey;

/**
 * Keys whose work the browser does, which must not wait for the live code: a held key is
 * replayed as a synthetic keydown, and a synthetic Tab moves no focus, a synthetic Enter presses
 * no button, and a synthetic Ctrl+C copies nothing. Tab and shortcuts go through as they are.
 * Enter and Space on a button, and Enter in a form's field, go through too: the click or submit
 * they make is what waits (and is replayed with click() or requestSubmit()).
 */
function browserKey(event: KeyboardEvent, target: Element): boolean {
  if (event.key === 'Tab' || event.ctrlKey || event.metaKey) return true;
  if (event.key !== 'Enter' && event.key !== ' ') return false;
  if (target instanceof HTMLButtonElement) return true;
  return event.key === 'Enter' && target instanceof HTMLInputElement && target.form !== null;
}

function onIntent(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  const live = target?.closest(LIVE);
  if (!target || !live) return;
  const ready = load();
  if (live.matches(':defined')) return;
  // A radio button (a multiple-choice exercise's option) needs no code to be chosen: arrow keys
  // and clicks go through, since a replayed key would not move the choice. Only the check waits.
  if (target instanceof HTMLInputElement && target.type === 'radio') return;
  // Actions and keys must wait for the elements: hold them, then replay them.
  const act = event.type === 'click' || event.type === 'submit';
  const key = event instanceof KeyboardEvent && event.type === 'keydown';
  if (key && browserKey(event, target)) return;
  if (act || (key && !isTyping(event))) {
    event.preventDefault();
    event.stopImmediatePropagation();
    void ready.then(() => replay(event, target));
  }
}

if (hasSettings(location.search) || hasProgress()) {
  void load();
} else {
  for (const type of INTENT) document.addEventListener(type, onIntent, { capture: true });
}
