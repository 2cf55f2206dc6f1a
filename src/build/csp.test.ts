import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, withContentSecurityPolicy } from './csp.ts';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('inlineScriptHashes()', () => {
  it('hashes the exact text of classic and module inline scripts, and nothing else', () => {
    const page = [
      '<script>go(1 < 2)</script>',
      '<script type="module">import "/a.js";\n</script>',
      '<script type="module" src="/_astro/page.js"></script>',
      '<script type="application/ld+json">{"a":1}</script>',
      '<script is:inline data-x="1">\n  x();\n</script>',
    ].join('');
    expect(inlineScriptHashes(page)).toEqual([
      sha('go(1 < 2)'),
      sha('import "/a.js";\n'),
      sha('\n  x();\n'),
    ]);
  });
});

describe('contentSecurityPolicy()', () => {
  it('allows scripts by origin and hash only: no unsafe-inline, no unsafe-eval', () => {
    const policy = contentSecurityPolicy(['b', 'a', 'b']);
    const script = policy.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    // Nothing from another origin: every source is 'self', a hash, data: images or 'none'.
    for (const source of policy.split(/[; ]+/).filter((s) => !s.endsWith('-src') && s !== '')) {
      expect(source).toMatch(
        /^('self'|'none'|'sha256-.+'|'wasm-unsafe-eval'|'unsafe-inline'|data:|base-uri|form-action)$/,
      );
    }
  });
});

describe('withContentSecurityPolicy()', () => {
  it('puts the policy right after the charset, before every script, with the page’s hashes', () => {
    const page =
      '<!DOCTYPE html><html><head><meta charset="utf-8"/><script>a()</script></head><body><script>b()</script></body></html>';
    const out = withContentSecurityPolicy(page);
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(out);
    expect(meta?.index).toBe(
      out.indexOf('<meta charset="utf-8"/>') + '<meta charset="utf-8"/>'.length,
    );
    expect(meta![1]).toContain(`'sha256-${sha('a()')}'`);
    expect(meta![1]).toContain(`'sha256-${sha('b()')}'`);
    expect(out.replace(meta![0], '')).toBe(page);
  });

  it('refuses a page that already has a policy, or has no head', () => {
    expect(() =>
      withContentSecurityPolicy(
        '<head><meta http-equiv="Content-Security-Policy" content="x"></head>',
      ),
    ).toThrow(/already has/);
    expect(() => withContentSecurityPolicy('<p>no head</p>')).toThrow(/no <head>/);
  });
});
