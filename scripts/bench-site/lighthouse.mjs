// Lighthouse's default (mobile) configuration on one URL, through its CLI: each run launches a
// fresh Chromium with an empty profile, as Lighthouse expects. Performance category only, which
// leaves the score unchanged and saves the other audits' time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../find-chromium.mjs';
import { median } from './report.mjs';

const CLI = fileURLToPath(new URL('../../node_modules/lighthouse/cli/index.js', import.meta.url));

export const lighthouseVersion = () =>
  JSON.parse(
    readFileSync(new URL('../../node_modules/lighthouse/package.json', import.meta.url), 'utf8'),
  ).version;

/** The figures of one Lighthouse JSON report (lhr). */
export function lighthouseFigures(lhr) {
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round((lhr.categories.performance.score ?? NaN) * 100),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
  };
}

function runOnce(url, chromium, debugPort, outFile) {
  const args = [
    CLI,
    url,
    '--quiet',
    '--only-categories=performance',
    '--output=json',
    `--output-path=${outFile}`,
    `--port=${debugPort}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromium },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(readFileSync(outFile, 'utf8')))
        : reject(new Error(`Lighthouse exited with ${code} on ${url}:\n${stderr.slice(-2000)}`)),
    );
  });
}

/**
 * Runs Lighthouse `runs` times on `url` and reports each figure's median over the runs.
 * @param {string} url
 * @param {{ runs: number, chromium: string, debugPort: number }} options
 */
export async function lighthouse(url, { runs, chromium, debugPort }) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-site-lh-'));
  try {
    const all = [];
    for (let i = 0; i < runs; i++) {
      const lhr = await runOnce(url, chromium, debugPort, join(dir, `run-${i}.json`));
      all.push(lighthouseFigures(lhr));
    }
    const pick = (key) => median(all.map((run) => run[key]));
    return {
      performance: pick('performance'),
      fcpMs: pick('fcpMs'),
      lcpMs: pick('lcpMs'),
      tbtMs: pick('tbtMs'),
      cls: pick('cls'),
      runs: all,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
