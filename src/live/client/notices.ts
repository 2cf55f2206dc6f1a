/**
 * Page-level messages about a link, and the event that brings the address bar up to date. No
 * imports: an embed page (src/embed/embed-page.ts) uses these before the live layer loads.
 */

/** Dispatched on the document to have the live layer write the current state into the URL now. */
export const FLUSH_URL_EVENT = 'backprop-live:flush-url';

/** Shows what the URL asked for that could not be used, at the top of the page's content. */
export function showNotices(notices: readonly string[], doc: Document = document): void {
  if (notices.length === 0) return;
  const box = doc.createElement('div');
  box.className = 'live-notice not-content';
  box.setAttribute('role', 'status');
  const title = doc.createElement('p');
  title.textContent =
    notices.length === 1
      ? 'One setting in this link could not be used:'
      : `${notices.length} settings in this link could not be used:`;
  const list = doc.createElement('ul');
  for (const notice of notices.slice(0, 10)) {
    const item = doc.createElement('li');
    item.textContent = notice; // text only: nothing from the URL is ever parsed as HTML
    list.append(item);
  }
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => box.remove());
  box.append(title, list, dismiss);
  const target = doc.querySelector('.sl-markdown-content') ?? doc.querySelector('main') ?? doc.body;
  target.prepend(box);
}
