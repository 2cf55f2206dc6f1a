/**
 * Watches whether elements are on or near the screen through their blocks of the article: one
 * IntersectionObserver target per block (a paragraph, a table, a widget) for all the read-outs
 * in it. Chromium computes every target of every observer in each frame that lays the page out,
 * and a training run lays it out in most of its frames: with two observers over each of the
 * Chinese backprop chapter's 200-odd read-outs (about 420 targets), that was 3 to 4 ms of a
 * 20 to 30 ms frame at 4x CPU. An element outside the article (an embed page's widget) is its
 * own target. A block is near when any part of it is, so a read-out in a tall block that is
 * partly near counts as near, and is written at once, a little before the screen reaches it.
 */

/** The article's blocks: each direct child of Starlight's Markdown content. */
const BLOCK = '.sl-markdown-content > *';

/** What the watcher reports on: an element is near (or on screen) or not. */
export type Report = (element: Element, intersecting: boolean) => void;

/** The part of an IntersectionObserver this needs, so that a test can drive it. */
export interface Observer {
  observe(target: Element): void;
  unobserve(target: Element): void;
}

/** Reports on the elements it is given, each by its block (a test gives NearWrites its own). */
export interface Watcher {
  observe(element: Element): void;
  unobserve(element: Element): void;
}

/** The target that stands for `element`: its block of the article, or itself outside one. */
export function blockOf(element: Element): Element {
  return element.closest(BLOCK) ?? element;
}

/**
 * A watcher that observes `element`'s block in its place and reports each of the block's
 * elements when the block's state changes. An element added to a block already reported on is
 * reported on too, after a microtask, as an observer reports a new target after observe().
 * `makeObserver` receives the callback for the entries, as IntersectionObserver's constructor does.
 */
export function blockWatcher(
  report: Report,
  makeObserver: (callback: (entries: readonly IntersectionObserverEntry[]) => void) => Observer,
): Watcher {
  const members = new Map<Element, Set<Element>>();
  const known = new Map<Element, boolean>();
  // Each element's block as it was when observed: by unobserve() it may have left the page.
  const blocks = new WeakMap<Element, Element>();
  const observer = makeObserver((entries) => {
    for (const entry of entries) {
      const group = members.get(entry.target);
      if (!group) continue;
      known.set(entry.target, entry.isIntersecting);
      for (const element of [...group]) report(element, entry.isIntersecting);
    }
  });
  return {
    observe(element) {
      const block = blocks.get(element) ?? blockOf(element);
      blocks.set(element, block);
      const group = members.get(block);
      if (!group) {
        members.set(block, new Set([element]));
        observer.observe(block);
        return;
      }
      group.add(element);
      if (known.has(block))
        queueMicrotask(() => {
          const state = known.get(block);
          if (state !== undefined && members.get(block)?.has(element)) report(element, state);
        });
    },
    unobserve(element) {
      const block = blocks.get(element);
      if (!block) return;
      blocks.delete(element);
      const group = members.get(block);
      if (!group?.delete(element) || group.size > 0) return;
      members.delete(block);
      known.delete(block);
      observer.unobserve(block);
    },
  };
}

/** A blockWatcher over a real IntersectionObserver with `options`. */
export function intersectionBlockWatcher(
  report: Report,
  options?: IntersectionObserverInit,
): Watcher {
  return blockWatcher(report, (callback) => new IntersectionObserver(callback, options));
}
