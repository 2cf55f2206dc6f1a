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
});
