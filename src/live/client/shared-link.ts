/**
 * A shared link shows its own numbers from the first paint, never the defaults first (issue 9,
 * §6). A static page can only carry the numbers for its starting values, so while a link's
 * values are on their way the page hides its live numbers, keeping their place (live.css), and
 * shows them once the live layer has applied the link. The states, in `<html data-live-link>`:
 *
 *   no settings in the URL ──▶ (no attribute): nothing is hidden, the layer loads on intent
 *   ?mazur.w5=0.9 ──head script──▶ "pending": every live number and widget hidden
 *        │ boot.ts starts loading the layer ──▶ "loading"
 *        │ runtime.ts made the store from the URL and bound the numbers ──▶ "applied":
 *        │     only widgets not yet defined, values a worker is computing and any other
 *        │     part of the page marked aria-busy (a widget's figure being redrawn) stay hidden
 *        │ every widget defined and nothing aria-busy ──▶ (no attribute)
 *        └ the layer failed to load, or never started, or LINK_WAIT_MS passed first
 *              ──▶ "failed": the starting values show, with a notice saying why
 *                  (a layer that arrives after all then applies the link and drops the notice)
 *
 * The head script is in src/components/overrides/Head.astro: it must run before the first
 * paint, so it is inline and cannot import this module; it gets these constants from it.
 */

/** The attribute on `<html>` that holds the state. */
export const LINK_STATE = 'data-live-link';

/** The notice the head script shows when it gives up waiting. */
export const LINK_NOTICE = 'data-live-link-notice';

/** The event boot.ts dispatches on `document` when the live layer could not be loaded. */
export const LINK_FAILED_EVENT = 'live-link-failed';

/**
 * How long the head script waits for the layer before it shows the starting values. A
 * backstop for a request that hangs, not for a slow phone: an outright failure is reported at
 * once, and the chapter took 7 to 8 s to apply a link at 4× CPU throttling on a loaded 2-core
 * machine, which must not end in a flash of the defaults.
 */
export const LINK_WAIT_MS = 15_000;

/** A setting in the URL looks like `instance.param=`. */
export const SETTINGS = /[?&][a-z][a-z0-9-]*\.[A-Za-z]/;

/** The elements that load the live layer (each component imports boot.ts). */
export const LIVE_ELEMENTS =
  'live-number, live-field, live-value, live-controls, live-exercise, live-training, network-diagram, autodiff-graph, fit-network, depth-flow';

/** boot.ts: the layer is on its way. */
export function linkLoading(doc: Document): void {
  if (doc.documentElement.getAttribute(LINK_STATE) === 'pending')
    doc.documentElement.setAttribute(LINK_STATE, 'loading');
}

/** runtime.ts: the store holds the link's values and every number shows them. */
export function linkApplied(doc: Document): void {
  const root = doc.documentElement;
  const state = root.getAttribute(LINK_STATE);
  if (state === 'pending' || state === 'loading') root.setAttribute(LINK_STATE, 'applied');
  else if (state === 'failed') reveal(doc); // the defaults showed already: show the link's now
}

/** runtime.ts, once every widget is defined: reveals the page when nothing is busy any more. */
export function linkSettled(doc: Document): void {
  if (doc.documentElement.getAttribute(LINK_STATE) !== 'applied') return;
  const busy = (): boolean => doc.querySelector('main [aria-busy="true"]') !== null;
  if (!busy()) return reveal(doc);
  const observer = new MutationObserver(() => {
    if (busy()) return;
    observer.disconnect();
    reveal(doc);
  });
  observer.observe(doc.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

function reveal(doc: Document): void {
  doc.documentElement.removeAttribute(LINK_STATE);
  doc.querySelector(`[${LINK_NOTICE}]`)?.remove();
}

/** True while a link's values are being applied: not the time to flash values that change. */
export const applyingLink = (doc: Document): boolean =>
  doc.documentElement.hasAttribute(LINK_STATE);
