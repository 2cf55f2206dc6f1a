/**
 * Starlight's sidebar carries two inline scripts marked `aria-hidden="true"` (SidebarPersister):
 * they sit in a `display: contents` element, and Safari's VoiceOver reads a script there aloud
 * (https://bugs.webkit.org/show_bug.cgi?id=283645). HTML allows no ARIA attribute on <script>,
 * and the W3C checker reports one on every page. Inside a `hidden` <div> the script runs as
 * before and is out of the accessibility tree without any attribute of its own.
 */
const ARIA_HIDDEN_SCRIPT = /<script aria-hidden="true">([\s\S]*?)<\/script>/g;

/** Returns the page with Starlight's invalid markup rewritten as valid markup that does the same. */
export function fixStarlightHtml(html: string): string {
  return html.replace(ARIA_HIDDEN_SCRIPT, '<div hidden><script>$1</script></div>');
}
