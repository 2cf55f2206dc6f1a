import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockOf, blockWatcher } from './block-watch.ts';

const { document } = parseHTML(`<!doctype html><html><body>
  <div class="sl-markdown-content">
    <p id="p1"><span id="a">1</span> and <span id="b">2</span><em><span id="c">3</span></em></p>
    <table id="t"><tr><td><span id="d">4</span></td></tr></table>
  </div>
  <section><span id="outside">5</span></section>
</body></html>`);
const byId = (id: string) => document.getElementById(id)!;

/** A block watcher over a stand-in observer: what it observes, and a way to report a target. */
function setup() {
  const observed: Element[] = [];
  const reports: [string, boolean][] = [];
  let callback: (entries: readonly IntersectionObserverEntry[]) => void = () => undefined;
  const watcher = blockWatcher(
    (element, intersecting) => reports.push([element.id, intersecting]),
    (cb) => {
      callback = cb;
      return {
        observe: (target) => observed.push(target),
        unobserve: (target) => observed.splice(observed.indexOf(target), 1),
      };
    },
  );
  const report = (target: Element, isIntersecting: boolean) =>
    callback([{ target, isIntersecting } as unknown as IntersectionObserverEntry]);
  return { watcher, observed, reports, report };
}

describe('blockOf()', () => {
  it("is an element's block of the article, or the element itself outside the article", () => {
    expect(blockOf(byId('c'))).toBe(byId('p1'));
    expect(blockOf(byId('d'))).toBe(byId('t'));
    expect(blockOf(byId('p1'))).toBe(byId('p1'));
    expect(blockOf(byId('outside'))).toBe(byId('outside'));
  });
});

describe('blockWatcher()', () => {
  it('observes each block once for all the elements in it', () => {
    const { watcher, observed } = setup();
    for (const id of ['a', 'b', 'c', 'd', 'outside']) watcher.observe(byId(id));
    expect(observed.map((e) => e.id)).toEqual(['p1', 't', 'outside']);
  });

  it("reports every element of a block when the block's state is reported", () => {
    const { watcher, reports, report } = setup();
    for (const id of ['a', 'b', 'd']) watcher.observe(byId(id));
    report(byId('p1'), true);
    expect(reports).toEqual([
      ['a', true],
      ['b', true],
    ]);
    report(byId('p1'), false);
    report(byId('t'), true);
    expect(reports.slice(2)).toEqual([
      ['a', false],
      ['b', false],
      ['d', true],
    ]);
  });

  it('reports an element added to a block already reported on, after a microtask', async () => {
    const { watcher, reports, report } = setup();
    watcher.observe(byId('a'));
    report(byId('p1'), true);
    watcher.observe(byId('c'));
    expect(reports).toEqual([['a', true]]);
    await Promise.resolve();
    expect(reports).toEqual([
      ['a', true],
      ['c', true],
    ]);
  });

  it('reports nothing of an element added before its block was first reported: the report will', async () => {
    const { watcher, reports, report } = setup();
    watcher.observe(byId('a'));
    watcher.observe(byId('b'));
    await Promise.resolve();
    expect(reports).toEqual([]);
    report(byId('p1'), false);
    expect(reports).toEqual([
      ['a', false],
      ['b', false],
    ]);
  });

  it('stops observing a block when its last element is unobserved, even once off the page', async () => {
    const { watcher, observed, reports, report } = setup();
    const span = document.createElement('span');
    span.id = 'added';
    byId('p1').append(span);
    watcher.observe(byId('a'));
    watcher.observe(span);
    span.remove();
    watcher.unobserve(span);
    expect(observed.map((e) => e.id)).toEqual(['p1']);
    report(byId('p1'), true);
    expect(reports).toEqual([['a', true]]);
    watcher.unobserve(byId('a'));
    expect(observed).toEqual([]);
    // A report already on its way for the block is dropped, and a second unobserve is harmless.
    report(byId('p1'), false);
    watcher.unobserve(byId('a'));
    await Promise.resolve();
    expect(reports).toEqual([['a', true]]);
  });

  it('drops the microtask report of an element unobserved before it', async () => {
    const { watcher, reports, report } = setup();
    watcher.observe(byId('a'));
    report(byId('p1'), true);
    watcher.observe(byId('b'));
    watcher.unobserve(byId('b'));
    await Promise.resolve();
    expect(reports).toEqual([['a', true]]);
  });
});
