import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SHOW_ALL_EVENT,
  UNFOLDED_EVENT,
  UNFOLDING_ATTRIBUTE,
  showWholeArticle,
  whenUnfolded,
} from './unfolding.ts';

/** A document as far as unfolding.ts reads it: events, and the attribute on <html>. */
function fakeDocument(unfolding: boolean): Document {
  const attributes = new Set(unfolding ? [UNFOLDING_ATTRIBUTE] : []);
  return Object.assign(new EventTarget(), {
    documentElement: { hasAttribute: (name: string) => attributes.has(name) },
  }) as unknown as Document;
}

describe('whenUnfolded()', () => {
  it('runs at once on a page whose article is not unfolding', () => {
    const calls: string[] = [];
    whenUnfolded(() => calls.push('ran'), fakeDocument(false));
    expect(calls).toEqual(['ran']);
  });

  it('waits for the unfolded event, and runs once', () => {
    const doc = fakeDocument(true);
    const calls: string[] = [];
    whenUnfolded(() => calls.push('ran'), doc);
    expect(calls).toEqual([]);
    doc.dispatchEvent(new Event(UNFOLDED_EVENT));
    doc.dispatchEvent(new Event(UNFOLDED_EVENT));
    expect(calls).toEqual(['ran']);
  });
});

describe('showWholeArticle()', () => {
  it('asks the unfolding script to show every block, only while it unfolds', () => {
    for (const unfolding of [true, false]) {
      const doc = fakeDocument(unfolding);
      let asked = 0;
      doc.addEventListener(SHOW_ALL_EVENT, () => asked++);
      showWholeArticle(doc);
      expect(asked).toBe(unfolding ? 1 : 0);
    }
  });
});

describe('the inline scripts', () => {
  const read = (path: string): string =>
    readFileSync(new URL(`../../components/overrides/${path}`, import.meta.url), 'utf8');
  const unfold = read('MarkdownContent.astro');

  it("use this module's names for the attribute and the two events", () => {
    expect(unfold).toContain(`root.setAttribute('${UNFOLDING_ATTRIBUTE}', '')`);
    expect(unfold).toContain(`root.removeAttribute('${UNFOLDING_ATTRIBUTE}')`);
    expect(unfold).toContain(`new Event('${UNFOLDED_EVENT}')`);
    expect(unfold).toContain(`document.addEventListener('${SHOW_ALL_EVENT}', showAll)`);
  });

  it('agree on the class that marks a page before its article is parsed', () => {
    expect(read('Head.astro')).toContain("classList.add('article-unfolding')");
    expect(unfold).toContain("classList.contains('article-unfolding')");
    expect(unfold).toMatch(/\.article-unfolding \.sl-markdown-content > :nth-child\(n \+ 7\)/);
    // The script leaves the first six blocks as they are, as the CSS does.
    expect(unfold).toContain('.slice(6)');
  });
});
