// Finds a Chromium for the browser tests, in this order:
//   1. an explicit CHROMIUM_PATH environment variable (an error if it names no file);
//   2. Playwright's own browser cache (PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright);
//   3. /usr/bin/chromium, then chromium, chromium-browser and google-chrome on PATH.
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
 * @param {{ env?: Record<string, string | undefined>, exists?: (path: string) => boolean,
 *   list?: (dir: string) => string[], home?: string }} [options] injectable for tests
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
  const builds = list(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  for (const build of builds) {
    for (const sub of ['chrome-linux64/chrome', 'chrome-linux/chrome']) {
      const candidate = join(cache, build, sub);
      if (exists(candidate)) return { path: candidate, source: 'Playwright cache' };
    }
  }

  if (exists('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: 'system' };
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (exists(candidate)) return { path: candidate, source: 'PATH' };
    }
  }
  return { error: INSTALL_HINT };
}
