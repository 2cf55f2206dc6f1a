/**
 * `node src/build/check-translation.ts content/docs/zh-cn/chapters/neuron.mdx …`: compares each
 * translated page with its English original (src/build/translation-structure.ts) and prints what
 * differs. Exits with 1 if anything does. The build runs the same check on every translation.
 */
import { readFileSync } from 'node:fs';
import { translationProblems } from './translation-structure.ts';

let failed = false;
for (const file of process.argv.slice(2)) {
  const match = /^(.*)\/(zh-cn)\/(.*)$/.exec(file);
  if (!match) {
    console.error(`${file}: not a translation (expected …/zh-cn/…)`);
    failed = true;
    continue;
  }
  const original = `${match[1]}/${match[3]}`;
  const problems = translationProblems(
    readFileSync(original, 'utf8'),
    readFileSync(file, 'utf8'),
    match[2],
  );
  for (const problem of problems) console.error(`${file}: ${problem}`);
  if (problems.length === 0) process.stdout.write(`${file}: same structure as ${original}\n`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
