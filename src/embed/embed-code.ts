/**
 * The code of a chapter's "Embed" action (src/components/live/EmbedAction.astro), loaded when the
 * action first opens (embed-action.ts): the <iframe> for the widget's current state.
 *
 * The state is the page's query string (the live layer keeps it in step with every edit; the
 * flush event makes it current), narrowed to the widget's own instances. The frame's height is the
 * widget's as it is drawn now, plus the embed page's margins and its one-line link.
 */
import { stateQuery } from '../course/embeds.ts';
import { FLUSH_URL_EVENT } from '../live/client/notices.ts';
import { pageWords } from '../i18n/index.ts';

/** The embed page's padding (0.5rem twice) and its link to the chapter, in px, rounded up. */
const PAGE_EXTRA_PX = 64;

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedCode(details: HTMLDetailsElement, doc: Document = document): string {
  doc.dispatchEvent(new Event(FLUSH_URL_EVENT));
  const id = details.dataset['embedAction'] ?? '';
  const instances = (details.dataset['instances'] ?? '').split(' ').filter(Boolean);
  const label = details.dataset['label'] ?? '';
  const search = stateQuery(doc.location.search, instances);
  // The embed page in the chapter's language (EmbedAction.astro writes its path).
  const path = details.dataset['path'] ?? `${import.meta.env.BASE_URL}embed/${id}/`;
  const src = new URL(`${path}${search}`, doc.location.href).href;
  const widget = doc.getElementById(details.dataset['for'] ?? '');
  // The open action is part of the widget's box when it sits inside it: not part of the frame.
  const own = widget?.contains(details) ? details.getBoundingClientRect().height : 0;
  const drawn = widget ? widget.getBoundingClientRect().height - own : 560;
  const height = Math.ceil(drawn + PAGE_EXTRA_PX);
  return `<iframe src="${escape(src)}" title="${escape(label)} · Backprop Live" width="100%" height="${height}" style="border: 0; max-width: 100%;" loading="lazy"></iframe>`;
}

/** Writes the code for the action's widget as it is now, and clears the last status. */
export function refresh(details: HTMLDetailsElement): void {
  const code = details.querySelector('textarea');
  if (code) code.value = embedCode(details);
  const status = details.querySelector('.embed-action__status');
  if (status) status.textContent = '';
}

/** Writes the code afresh and copies it, saying so (or selecting it when copying is blocked). */
export function copy(details: HTMLDetailsElement): void {
  refresh(details);
  const code = details.querySelector('textarea');
  const status = details.querySelector('.embed-action__status');
  if (!code || !status) return;
  navigator.clipboard.writeText(code.value).then(
    () => (status.textContent = pageWords().live.embed.copied),
    () => {
      code.focus();
      code.select();
      status.textContent = pageWords().live.embed.blocked;
    },
  );
}
