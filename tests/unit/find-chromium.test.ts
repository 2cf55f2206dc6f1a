import { describe, expect, it } from 'vitest';
import { INSTALL_HINT, findChromium } from '../../scripts/find-chromium.mjs';

function machine(files: string[], dirs: Record<string, string[]> = {}) {
  const set = new Set(files);
  return {
    exists: (path: string) => set.has(path),
    list: (dir: string) => dirs[dir] ?? [],
    home: '/home/student',
  };
}

describe('findChromium()', () => {
  it('prefers CHROMIUM_PATH over every other place', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: '/opt/chrome', PATH: '/usr/bin' },
      ...machine(['/opt/chrome', '/usr/bin/chromium']),
    });
    expect(found).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
  });

  it('reports a CHROMIUM_PATH that names no file instead of falling back silently', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: '/nope' },
      ...machine(['/usr/bin/chromium']),
    });
    expect('error' in found && found.error).toMatch(/^CHROMIUM_PATH=\/nope does not exist\./);
  });

  it("takes the newest build from Playwright's cache before the system browser", () => {
    const cache = '/home/student/.cache/ms-playwright';
    const found = findChromium({
      env: {},
      ...machine(
        [
          `${cache}/chromium-1100/chrome-linux/chrome`,
          `${cache}/chromium-1200/chrome-linux64/chrome`,
          '/usr/bin/chromium',
        ],
        {
          [cache]: ['chromium-1100', 'chromium-1200', 'ffmpeg-1010'],
        },
      ),
    });
    expect(found).toEqual({
      path: `${cache}/chromium-1200/chrome-linux64/chrome`,
      source: 'Playwright cache',
    });
  });

  it('falls back to /usr/bin/chromium, then to chromium-browser or google-chrome on PATH', () => {
    expect(findChromium({ env: {}, ...machine(['/usr/bin/chromium']) })).toEqual({
      path: '/usr/bin/chromium',
      source: 'system',
    });
    expect(findChromium({ env: { PATH: '/a:/b' }, ...machine(['/b/google-chrome']) })).toEqual({
      path: '/b/google-chrome',
      source: 'PATH',
    });
  });

  it('with headless, prefers a headless shell: Playwright’s, then Debian’s, then one on PATH', () => {
    const cache = '/home/student/.cache/ms-playwright';
    const shell = `${cache}/chromium_headless_shell-1200/chrome-linux/headless_shell`;
    const files = [shell, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
    const dirs = { [cache]: ['chromium_headless_shell-1200', 'chromium-1200'] };
    expect(findChromium({ headless: true, env: {}, ...machine(files, dirs) })).toEqual({
      path: shell,
      source: 'Playwright cache',
    });
    expect(findChromium({ headless: true, env: {}, ...machine(files.slice(1)) })).toEqual({
      path: '/usr/bin/chromium-headless-shell',
      source: 'system',
    });
    expect(
      findChromium({
        headless: true,
        env: { PATH: '/a:/b' },
        ...machine(['/b/chromium-headless-shell', '/usr/bin/chromium']),
      }),
    ).toEqual({ path: '/b/chromium-headless-shell', source: 'PATH' });
    // Without headless, the browser itself; with headless but no shell, the browser too.
    expect(findChromium({ env: {}, ...machine(files.slice(1)) })).toEqual({
      path: '/usr/bin/chromium',
      source: 'system',
    });
    expect(findChromium({ headless: true, env: {}, ...machine(['/usr/bin/chromium']) })).toEqual({
      path: '/usr/bin/chromium',
      source: 'system',
    });
  });

  it('keeps CHROMIUM_PATH first even with headless', () => {
    const found = findChromium({
      headless: true,
      env: { CHROMIUM_PATH: '/opt/chrome' },
      ...machine(['/opt/chrome', '/usr/bin/chromium-headless-shell']),
    });
    expect(found).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
  });

  it('says how to install a browser when none is found', () => {
    expect(findChromium({ env: { PATH: '/a' }, ...machine([]) })).toEqual({ error: INSTALL_HINT });
  });
});
