// Runs the Astro CLI with the Node that npm put first on PATH (the pinned Node 24 from
// node_modules/.bin), whatever Node the machine has. Astro 7 refuses Node < 22.12, and its own
// `#!/usr/bin/env node` shebang would find the system's Node outside npm scripts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const result = spawnSync(process.execPath, [astro, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
