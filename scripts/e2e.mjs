// Runs the Playwright suite against the built site, with a Chromium found on this machine.
// It never skips: without a browser it stops with one line saying how to get one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const found = findChromium({ headless: true });
if ('error' in found) {
  console.error(found.error);
  process.exit(1);
}
const cli = fileURLToPath(new URL('../node_modules/@playwright/test/cli.js', import.meta.url));
const result = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: found.path },
});
process.exit(result.status ?? 1);
