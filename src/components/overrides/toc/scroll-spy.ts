/**
 * The table of contents' scroll-spy: marks the link of the section being read with
 * aria-current="true", as Starlight's own <starlight-toc> does, but watching the headings only.
 *
 * Starlight observes every block of the page and finds each block's heading with `:has()`
 * selectors over the whole document. On the backpropagation chapter (11,000 elements, most of
 * them KaTeX's) that query alone took 95 ms of main thread at load, twice (desktop and mobile
 * table of contents). Here one IntersectionObserver watches the 10 to 30 headings the table
 * links to.
 *
 * The section being read is the one whose heading is the last above a "reading line" just below
 * the fixed header: Starlight's band is the 53 px under the header and its 2rem padding, and the
 * line is the bottom of that band. The observer's root is everything above that line (a root
 * margin taller than any page), so a heading changes state exactly when it crosses the line,
 * however far a jump (End, a link, find-in-page) moves it; a narrow band would miss headings
 * that jump over it between two frames.
 */
import { whenUnfolded } from '../../../live/client/unfolding.ts';

/** Starlight's band under the header is 53 px tall; the reading line is its bottom edge. */
const BAND_PX = 53;

/** Extends the root above the viewport past the top of any page. */
const ABOVE_PX = 10_000_000;

const onIdle = (callback: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(callback);
  else setTimeout(callback, 1);
};

export class StarlightTOC extends HTMLElement {
  #current: HTMLAnchorElement | null = this.querySelector('a[aria-current="true"]');
  #observer: IntersectionObserver | undefined;

  protected set current(link: HTMLAnchorElement) {
    if (link === this.#current) return;
    this.#current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.#current = link;
  }

  constructor() {
    super();
    // Not while the article unfolds: observing a heading not yet shown lays its block out alone.
    onIdle(() => whenUnfolded(() => this.#init()));
  }

  #init(): void {
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const headings: Element[] = [];
    const linkOf = new Map<Element, HTMLAnchorElement>();
    for (const link of links) {
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!heading || linkOf.has(heading)) continue;
      headings.push(heading);
      linkOf.set(heading, link);
    }
    const first = links[0];
    if (!first) return;
    // Headings above the reading line; the last of them in page order is the current section.
    const above = new Set<Element>();
    const update = (entries: IntersectionObserverEntry[]): void => {
      for (const { target, isIntersecting } of entries) {
        if (isIntersecting) above.add(target);
        else above.delete(target);
      }
      const last = headings.findLast((heading) => above.has(heading));
      // Above the first heading the reader is in the overview: the first link, to the page
      // title (#_top), as in Starlight.
      this.current = (last && linkOf.get(last)) ?? first;
    };
    const observe = (): void => {
      this.#observer?.disconnect();
      above.clear();
      this.#observer = new IntersectionObserver(update, { rootMargin: this.#rootMargin() });
      for (const heading of headings) this.#observer.observe(heading);
    };
    observe();
    // The header, and so the reading line, can change height when the window is resized.
    let timeout: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      clearTimeout(timeout);
      timeout = setTimeout(() => onIdle(observe), 200);
    });
  }

  #rootMargin(): string {
    // Starlight's measure: the header, the mobile table of contents' bar and 2rem of padding.
    const top =
      (document.querySelector('header')?.getBoundingClientRect().height ?? 0) +
      (this.querySelector('summary')?.getBoundingClientRect().height ?? 0) +
      32;
    const line = top + BAND_PX;
    return `${ABOVE_PX}px 0px ${line - document.documentElement.clientHeight}px 0px`;
  }
}
