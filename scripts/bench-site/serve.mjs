// What the browser benchmarks share: a check that the site is built, `astro preview` on a port of
// our own, and Chromium launched the way the tests launch it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
export const ASTRO = fileURLToPath(
  new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url),
);

/** Exits with a message unless `dist/` holds a build. */
export function requireBuild(tool) {
  if (!existsSync(`${DIST}/index.html`)) {
    console.error(`${tool} needs a built site in dist/: run \`npm run build\` first.`);
    process.exit(1);
  }
}

/** The Chromium the tests use; exits with the finder's install hint when there is none. */
export function chromiumPath() {
  const found = findChromium();
  if ('error' in found) {
    console.error(found.error);
    process.exit(1);
  }
  return found.path;
}

const answers = (url) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Serves dist/ with `astro preview` on 127.0.0.1:port. `--ignore-lock` lets it run beside
 * another preview of the same checkout (the browser tests', a developer's).
 * @returns {Promise<{ origin: string, stop: () => void }>}
 */
export async function startPreview(port) {
  const origin = `http://127.0.0.1:${port}`;
  if (await answers(`${origin}/`))
    throw new Error(`Port ${port} is already in use: pass another with --port.`);
  const server = spawn(
    process.execPath,
    [ASTRO, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: ROOT, stdio: 'ignore' },
  );
  let exited = false;
  server.on('exit', () => (exited = true));
  for (let i = 0; i < 300 && !exited; i++) {
    if (await answers(`${origin}/`)) return { origin, stop: () => server.kill() };
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`astro preview did not answer on ${origin} within 30 s.`);
}

/** Headless Chromium through Playwright, with the flags the tests use. */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
