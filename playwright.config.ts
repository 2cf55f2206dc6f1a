import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/find-chromium.mjs';

// The port differs from `npm start`'s 4321 so that tests can run while the site is being served.
// E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env['E2E_PORT'] ?? 4399);
const chromium = process.env['CHROMIUM_PATH'];
if (!chromium) {
  throw new Error('Run the browser tests with `npm run test:e2e`, which finds a Chromium first.');
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // Every wait is for a state, never for time; these limits only say how long a state may take
  // on a busy 2-core machine, where the chapter (about 12,000 nodes) alone takes seconds to load.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  retries: 0,
  reporter: process.env['CI'] ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // A plain static server over dist/ (scripts/serve-dist.mjs): astro preview gzipped and hashed
    // every file on every request, 0.16 of the 2.6 CPU-seconds that a load of the backprop chapter
    // cost. Through process.execPath (Node 24), like every script here.
    command: `"${process.execPath}" scripts/serve-dist.mjs --dir dist --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
