/**
 * The article unfolds a few blocks at a time after it is parsed (the inline script in
 * src/components/overrides/MarkdownContent.astro says why and how). Code that watches or
 * measures the article's blocks waits for it, or has it show every block at once: a block not
 * yet shown has no layout, and each question about one (an IntersectionObserver's first answer,
 * a size) makes the browser lay that block out alone, one forced pass per block.
 *
 * The names below are the inline script's; a unit test checks that it uses them.
 */

/** On <html> while blocks wait to be shown. */
export const UNFOLDING_ATTRIBUTE = 'data-unfolding';
/** Dispatched on the document when every block is shown. */
export const UNFOLDED_EVENT = 'article-unfolded';
/** Dispatched on the document to have every block shown at once. */
export const SHOW_ALL_EVENT = 'article-show-all';

const unfolding = (doc: Document): boolean => doc.documentElement.hasAttribute(UNFOLDING_ATTRIBUTE);

/** Runs `callback` once every block of the article is shown: at once if none waits. */
export function whenUnfolded(callback: () => void, doc: Document = document): void {
  if (!unfolding(doc)) callback();
  else doc.addEventListener(UNFOLDED_EVENT, () => callback(), { once: true });
}

/** Shows every block of the article now, for code that is about to measure or watch them. */
export function showWholeArticle(doc: Document = document): void {
  if (unfolding(doc)) doc.dispatchEvent(new Event(SHOW_ALL_EVENT));
}
