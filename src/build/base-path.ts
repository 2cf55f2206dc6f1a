/**
 * Normalises the BASE_PATH environment variable into Astro's `base`.
 *
 * Instructors host the built site under a sub-path such as `https://uni.example/ml101/`, so
 * `BASE_PATH=/ml101/`, `ml101` and `/ml101` all mean the same thing. Anything that is not a plain
 * URL path fails the build with a message, rather than producing a site whose links all 404.
 *
 * @param raw The variable's value; unset or empty means the site lives at the domain root.
 * @returns A path that starts and ends with `/` (just `/` by default).
 */
export function basePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const segments = trimmed.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (!/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..') {
      throw new Error(
        `BASE_PATH=${JSON.stringify(raw)} is not a URL path: use letters, digits, '.', '_', '~' or '-' between slashes, e.g. BASE_PATH=/ml101/`,
      );
    }
  }
  return `/${segments.join('/')}/`;
}
