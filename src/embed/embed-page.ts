/**
 * An embed page's own behaviour (src/pages/embed/[widget].astro), beside the widget's:
 *
 * - a `hide` or `theme` it cannot use gets a notice, like any unusable setting in a link;
 * - inside an iframe, it tells the parent page its height whenever that changes, as
 *   `{ type: 'backprop-live:embed-size', id, height }` (the instructor guide has the snippet
 *   that listens), so that the frame never shows a scroll bar or a gap;
 * - its link to the chapter carries the widget's current state, so that "open in the course"
 *   opens the chapter with the same numbers.
 */
import { parseHide, stateQuery, themeNotices } from '../course/embeds.ts';
import { FLUSH_URL_EVENT, showNotices } from '../live/client/notices.ts';

export const SIZE_MESSAGE = 'backprop-live:embed-size';

interface EmbedConfig {
  /** Its notices in the page's language (src/components/EmbedPage.astro). */
  words: { hide: string; theme: string; titles: [string, string]; dismiss: string };
  id: string;
  instances: string[];
  chapter: string;
  anchor: string;
}

const main = document.querySelector<HTMLElement>('[data-embed-page]');
const config = JSON.parse(main?.dataset['embedPage'] ?? 'null') as EmbedConfig | null;

if (main && config) {
  const { words } = config;
  showNotices(
    [
      ...parseHide(location.search, { unknownHide: () => words.hide }).notices,
      ...themeNotices(location.search, { unknownTheme: () => words.theme }),
    ],
    document,
    { title: (count) => words.titles[count === 1 ? 0 : 1], dismiss: words.dismiss },
  );

  if (window.parent !== window) {
    let last = 0;
    const post = (): void => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: SIZE_MESSAGE, id: config.id, height }, '*');
    };
    new ResizeObserver(post).observe(document.documentElement);
  }

  const source = main.querySelector<HTMLAnchorElement>('[data-embed-source]');
  const follow = (): void => {
    if (!source) return;
    document.dispatchEvent(new Event(FLUSH_URL_EVENT));
    const query = stateQuery(location.search, config.instances);
    source.href = `${config.chapter}${query}#${config.anchor}`;
  };
  for (const type of ['pointerdown', 'focus', 'click']) {
    source?.addEventListener(type, follow, { capture: true });
  }
}
