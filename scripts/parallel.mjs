// Runs npm scripts side by side and fails if any fails: `node scripts/parallel.mjs check lint`.
//
// `npm test` runs its static checks this way. Each is mostly one thread (ESLint's type-aware
// rules, astro check), so on a 2-core machine the four took 62 s together against 106 s in turn.
// At most one script runs per core, started in the order given, so list the longest first: with
// all four at once on 2 cores, ESLint (43 s alone) shared its core and ended after 88 s.
// Each script's output is printed whole when it ends, so that two never interleave. Scripts run
// side by side must not write what another reads: `npm test` generates Astro's types first
// (`astro sync`), which ESLint's type-aware rules read, and then checks with `--noSync`.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('Usage: node scripts/parallel.mjs <npm script> [<npm script>...]');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

/** @param {string} script */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], {
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
      process.stdout.write(`\n── npm run ${script}: ${verdict} after ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

/** @type {boolean[]} */
const results = [];
let next = 0;
async function lane() {
  while (next < scripts.length) {
    const i = next++;
    results[i] = await run(scripts[i]);
  }
}
await Promise.all(Array.from({ length: Math.min(availableParallelism(), scripts.length) }, lane));
const failed = scripts.filter((_, i) => !results[i]);
if (failed.length > 0) {
  console.error(`\n${failed.length} of ${scripts.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
