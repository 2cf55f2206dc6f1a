/**
 * The print-only note at the top of the article (src/live/print-note.ts says what it holds). It
 * follows the page's state as the reader edits or trains (half a second after it settles, and at
 * once when the browser is about to print), so that printing at any moment gives the right note;
 * on screen it is never shown (src/styles/live.css).
 */
import { effect } from '@preact/signals-core';
import { printNote, type PrintNote } from '../print-note.ts';
import type { PageStore } from './page.ts';

function fill(box: HTMLElement, note: PrintNote): void {
  const doc = box.ownerDocument;
  const paragraph = (text: string): HTMLParagraphElement => {
    const p = doc.createElement('p');
    p.textContent = text;
    return p;
  };
  const list = doc.createElement('ul');
  for (const text of [...note.orders, ...note.changed]) {
    const item = doc.createElement('li');
    item.textContent = text; // text only: nothing from the URL is ever parsed as HTML
    list.append(item);
  }
  const link = doc.createElement('a');
  link.href = note.link;
  link.textContent = note.link;
  const where = paragraph(`${note.linkIntro} `);
  where.append(link);
  box.replaceChildren(paragraph(note.title), list, where);
}

/** A hidden, empty note at the top of a page that has none. */
function addNote(doc: Document): HTMLElement {
  const box = doc.createElement('aside');
  box.className = 'live-print-note not-content';
  box.hidden = true;
  (doc.querySelector('main') ?? doc.body).prepend(box);
  return box;
}

/**
 * Keeps the page's note in step with `store`. Models that become active later
 * are read when the browser is about to print (beforeprint).
 */
export function keepPrintNote(store: PageStore, doc: Document = document): void {
  // A chapter has the note from its build (src/components/overrides/MarkdownContent.astro says why
  // it must not be added here); a page without one, an embedded widget, gets one.
  const target = doc.querySelector<HTMLElement>('.live-print-note') ?? addNote(doc);
  let shown = '';
  const update = (): void => {
    const instances = [...store.active.values()].map((m) => ({
      instance: m.instance,
      spec: m.spec,
      values: m.params.peek(),
      defaults: m.defaults,
    }));
    const printed = printNote(instances, doc.location.href);
    const key = printed ? JSON.stringify(printed) : '';
    if (key === shown) return;
    shown = key;
    target.hidden = !printed;
    if (printed) fill(target, printed);
    else target.replaceChildren();
  };
  // Rewritten once edits pause, not on each one: a running figure changes the state ten times a
  // second, and every rewrite, hidden as the note is, made the browser repaint the whole page
  // (25 ms a frame at 4x throttling on chapter 4). Printing rewrites it at once.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  effect(() => {
    for (const model of store.active.values()) void model.params.value;
    if (first) {
      first = false;
      update();
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(update, SETTLE_MS);
  });
  doc.defaultView?.addEventListener('beforeprint', () => {
    clearTimeout(timer);
    update();
  });
}

/** How long the state must stay put before the note is rewritten. */
const SETTLE_MS = 500;
