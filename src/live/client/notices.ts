/**
 * Page-level messages about a link, and the event that brings the address bar up to date. Only
 * the English words are imported: an embed page (src/embed/embed-page.ts) uses these before the
 * live layer loads; the live layer passes the page language's.
 */
import { enNotices, type NoticeWords } from '../live-words.ts';

/** Dispatched on the document to have the live layer write the current state into the URL now. */
export const FLUSH_URL_EVENT = 'backprop-live:flush-url';

/** Shows what the URL asked for that could not be used, at the top of the page's content. */
export function showNotices(
  notices: readonly string[],
  doc: Document = document,
  words: NoticeWords = enNotices,
): void {
  if (notices.length === 0) return;
  const box = doc.createElement('div');
  box.className = 'live-notice not-content';
  box.setAttribute('role', 'status');
  const title = doc.createElement('p');
  title.textContent = words.title(notices.length);
  const list = doc.createElement('ul');
  for (const notice of notices.slice(0, 10)) {
    const item = doc.createElement('li');
    item.textContent = notice; // text only: nothing from the URL is ever parsed as HTML
    list.append(item);
  }
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = words.dismiss;
  dismiss.addEventListener('click', () => box.remove());
  box.append(title, list, dismiss);
  const target = doc.querySelector('.sl-markdown-content') ?? doc.querySelector('main') ?? doc.body;
  target.prepend(box);
}
