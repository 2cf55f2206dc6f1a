import { describe, expect, it } from 'vitest';
import { fixStarlightHtml } from './starlight-html.ts';

describe('fixStarlightHtml', () => {
  it('moves the aria-hidden off both sidebar scripts into a hidden wrapper, keeping the code', () => {
    const page = [
      '<sl-sidebar-state-persist data-hash="x">',
      '<script aria-hidden="true">(() => { if (a < b) restore(); })();</script>',
      '<ul><li>Chapter</li></ul>',
      '<script aria-hidden="true">\n  scroller.scrollTop = 3;\n</script>',
      '</sl-sidebar-state-persist>',
    ].join('');
    const fixed = fixStarlightHtml(page);
    expect(fixed).not.toContain('aria-hidden');
    expect(fixed).toContain(
      '<div hidden><script>(() => { if (a < b) restore(); })();</script></div><ul>',
    );
    expect(fixed).toContain('<div hidden><script>\n  scroller.scrollTop = 3;\n</script></div>');
  });

  it('leaves every other script and element alone', () => {
    const page =
      '<script type="module" src="/a.js"></script><span aria-hidden="true">x</span><script>go()</script>';
    expect(fixStarlightHtml(page)).toBe(page);
  });

  it('names a Chinese page’s heading links in Chinese, and leaves an English page’s', () => {
    const heading = (lang: string) =>
      `<html lang="${lang}"><div class="sl-heading-wrapper level-h2"><h2 id="x">网络</h2><a class="sl-anchor-link" href="#x"><span aria-hidden="true" class="sl-anchor-icon"><svg></svg></span><span class="sr-only" data-pagefind-ignore>Section titled “网络”</span></a></div>`;
    expect(fixStarlightHtml(heading('zh-CN'))).toContain(
      '<span class="sr-only" data-pagefind-ignore>“网络”一节</span>',
    );
    expect(fixStarlightHtml(heading('en'))).toBe(heading('en'));
  });
});
