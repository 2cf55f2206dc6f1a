import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeBaseLinks from './rehype-base-links.ts';

function link(href: string): Element {
  return { type: 'element', tagName: 'a', properties: { href }, children: [] };
}

function rewrite(base: string, hrefs: string[]): unknown[] {
  const tree: Root = { type: 'root', children: hrefs.map(link) };
  rehypeBaseLinks({ base })(tree);
  return tree.children.map((node) => (node as Element).properties['href']);
}

describe('rehypeBaseLinks()', () => {
  it('prefixes root-relative links with the sub-path base', () => {
    expect(rewrite('/ml101/', ['/notation/', '/chapters/backprop/#the-forward-pass'])).toEqual([
      '/ml101/notation/',
      '/ml101/chapters/backprop/#the-forward-pass',
    ]);
  });

  it('leaves anchors, relative, external, protocol-relative and already-based links alone', () => {
    const hrefs = [
      '#top',
      '../notation/',
      'https://example.org/',
      '//cdn.example/x',
      '/ml101/notation/',
    ];
    expect(rewrite('/ml101/', hrefs)).toEqual(hrefs);
  });

  it('changes nothing when the site lives at the root', () => {
    expect(rewrite('/', ['/notation/'])).toEqual(['/notation/']);
  });
});
