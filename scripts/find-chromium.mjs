// Finds a Chromium for the browser tests, in this order:
//   1. an explicit CHROMIUM_PATH environment variable (an error if it names no file);
//   2. with `headless: true`, a headless shell: Playwright's (in its cache), then Debian's
//      chromium-headless-shell (/usr/bin, or on PATH);
//   3. Playwright's own browser cache (PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright);
//   4. /usr/bin/chromium, then chromium, chromium-browser and google-chrome on PATH.
//
// The headless shell is the same Blink without the browser's own interface. The browser tests use
// it when there is one, since they are bound by CPU and it loads a page with 40 to 60 % less of it
// (measured: a chapter 5.1 → 3.2 CPU-seconds, the guide 3.2 → 1.2); Lighthouse needs the browser.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Flags for headless Chromium as root on a machine whose only network is loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT =
  'No Chromium found for the browser tests. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH=/path/to/chrome.';

/**
 * @param {{ headless?: boolean, env?: Record<string, string | undefined>,
 *   exists?: (path: string) => boolean, list?: (dir: string) => string[], home?: string }}
 *   [options] `headless`: prefer a headless shell; the rest is injectable for tests
 * @returns {{ path: string, source: string } | { error: string }}
 */
export function findChromium(options = {}) {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const list = options.list ?? ((dir) => (existsSync(dir) ? readdirSync(dir) : []));
  const home = options.home ?? homedir();

  const explicit = env['CHROMIUM_PATH'];
  if (explicit) {
    return exists(explicit)
      ? { path: explicit, source: 'CHROMIUM_PATH' }
      : { error: `CHROMIUM_PATH=${explicit} does not exist. ${INSTALL_HINT}` };
  }

  const cache = env['PLAYWRIGHT_BROWSERS_PATH'] || join(home, '.cache', 'ms-playwright');
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  /** @param {RegExp} pattern @param {string[]} subs */
  const newest = (pattern, subs) => {
    const builds = list(cache)
      .filter((name) => pattern.test(name))
      .sort((a, b) => Number(b.replace(/\D/g, '')) - Number(a.replace(/\D/g, '')));
    for (const build of builds) {
      for (const sub of subs) {
        const candidate = join(cache, build, sub);
        if (exists(candidate)) return candidate;
      }
    }
    return undefined;
  };

  if (options.headless) {
    const shell = newest(/^chromium_headless_shell-\d+$/, [
      'chrome-headless-shell-linux64/chrome-headless-shell',
      'chrome-linux/headless_shell',
    ]);
    if (shell) return { path: shell, source: 'Playwright cache' };
    if (exists('/usr/bin/chromium-headless-shell')) {
      return { path: '/usr/bin/chromium-headless-shell', source: 'system' };
    }
    for (const dir of dirs) {
      const candidate = join(dir, 'chromium-headless-shell');
      if (exists(candidate)) return { path: candidate, source: 'PATH' };
    }
  }

  const build = newest(/^chromium-\d+$/, ['chrome-linux64/chrome', 'chrome-linux/chrome']);
  if (build) return { path: build, source: 'Playwright cache' };

  if (exists('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: 'system' };
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (exists(candidate)) return { path: candidate, source: 'PATH' };
    }
  }
  return { error: INSTALL_HINT };
}
