/**
 * The error a chapter's mistake raises at build time (a wrong model, prop or frontmatter value).
 * Its own module, so that code the browser also loads (exercise.ts) can throw it without
 * pulling in the build's model registry, and with it every model's code.
 */
export class AuthoringError extends Error {
  override name = 'AuthoringError';
}
