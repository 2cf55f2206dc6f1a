/**
 * The live page's entry point, loaded once per page by the author components. It reads the URL
 * into the page's state, then upgrades the server-rendered numbers, so that nothing on the page
 * changes unless the URL asked for it.
 */
import { defineLiveControls, showNotices, syncUrl } from './controls.ts';
import { defineLiveNumber } from './live-number.ts';
import { pageStore } from './page.ts';
import { bindMathReadOuts, defineLiveValue } from './read-outs.ts';

const store = pageStore();
defineLiveNumber(store);
defineLiveValue(store);
bindMathReadOuts(document, store);
const flushUrl = syncUrl(store);
defineLiveControls(store, flushUrl);
showNotices(store.notices);
