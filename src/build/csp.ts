import { createHash } from 'node:crypto';

/**
 * The site's Content Security Policy, as a `<meta http-equiv>` in every built page.
 *
 * Scripts: only the site's own files, and the page's inline scripts (Starlight's and ours), each
 * allowed by the SHA-256 hash of its text, computed here from the built page. No 'unsafe-inline'
 * and no 'unsafe-eval': an injected <script> or event handler attribute does not run.
 * 'wasm-unsafe-eval' lets Pagefind's search compile its WebAssembly, and nothing else.
 *
 * Styles keep 'unsafe-inline': KaTeX and Observable Plot position every glyph and mark with
 * style attributes, which a hash cannot allow. Images and fonts may also be data: URIs (a font
 * inlined in the CSS). Nothing is loaded from another origin, ever.
 *
 * A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there); the README says
 * how a host that can set headers adds it.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const hashes = [...new Set(scriptHashes)].sort().map((hash) => `'sha256-${hash}'`);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** An inline script: no src, and a type the browser runs (classic, module, or none given). */
const SCRIPT = /<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g;
const RUNS = /^(?:|text\/javascript|module)$/i;

/** The SHA-256 (base64) of each inline script's text in the page, in page order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (!RUNS.test(type)) continue;
    hashes.push(createHash('sha256').update(text, 'utf8').digest('base64'));
  }
  return hashes;
}

/**
 * Returns the page with its policy as the first element of <head> after the charset, before any
 * script, so that it governs them all. A page that already has one is an error: two policies
 * would both apply, and the stricter would block what this one allows.
 */
export function withContentSecurityPolicy(html: string): string {
  if (/<meta\s+http-equiv=["']?content-security-policy/i.test(html)) {
    throw new Error('The page already has a Content-Security-Policy <meta>.');
  }
  const policy = contentSecurityPolicy(inlineScriptHashes(html));
  const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return html.slice(0, end) + meta + html.slice(end);
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('The page has no <head> to put its Content-Security-Policy in.');
  const end = head.index + head[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}
