/**
 * Names the chapter file a component is rendered from, for build error messages, e.g.
 * `content/docs/notation.mdx: <Editable param>`. Falls back to the page's URL outside Starlight.
 */
export function where(locals: App.Locals, url: URL, component: string, prop: string): string {
  let file: string;
  try {
    file = locals.starlightRoute.entry.filePath;
  } catch {
    file = url.pathname;
  }
  return `${file}: <${component} ${prop}>`;
}
