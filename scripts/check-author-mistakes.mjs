// Proves that each kind of author mistake fails the build with a message naming the file and the
// problem. Each case is a deliberately broken chapter (or translation) in a small copy of the
// course (the three "start here" pages and the broken chapter), built for real with
// CONTENT_DIR (src/build/content-dir.ts) pointing at it. A case passes when the build fails and
// its output says both the file and what is wrong.
//
//   node scripts/check-author-mistakes.mjs [case …]
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
// Inside the project, so that Vite compiles the copies as it does the real chapters.
const WORK = join(ROOT, '.author-mistakes');

/** A chapter at the neuron's address, whose body is `body`, with `frontmatter` added. */
const chapter = (body, frontmatter = '') => `---
title: A broken chapter
description: One deliberate author mistake, which must fail the build.
${frontmatter}---

import { Editable, Exercise, Value } from '~/components.ts';

The neuron's output is <Value of="neuron.a" />.

${body}
`;

const FILE = 'chapters/neuron.mdx';

const CASES = [
  {
    name: 'bad math',
    files: { [FILE]: chapter('The sum $\\frac{1}{2$ never closes.') },
    expect: [/neuron\.mdx/, /cannot typeset/, /\\frac\{1\}\{2/],
  },
  {
    name: 'an unknown model',
    files: { [FILE]: chapter('A value of a model that does not exist: <Value of="nouron.a" />.') },
    expect: [/neuron\.mdx/, /nouron/],
  },
  {
    name: 'an unknown parameter',
    files: {
      [FILE]: chapter('A weight the neuron does not have: <Editable param="neuron.w9" />.'),
    },
    expect: [/neuron\.mdx/, /w9/],
  },
  {
    name: 'an out-of-range page-level default',
    files: { [FILE]: chapter('Nothing else is wrong.', 'models:\n  neuron: { w1: 1000 }\n') },
    expect: [/neuron\.mdx/, /w1/, /1000/],
  },
  {
    name: 'a choice option that does not exist',
    files: { [FILE]: chapter('Nothing else is wrong.', 'models:\n  neuron: { act: softplus }\n') },
    expect: [/neuron\.mdx/, /softplus/, /sigmoid/],
  },
  {
    name: 'an exercise whose answer is not a derived value',
    files: {
      [FILE]: chapter(
        `<Exercise id="w1" answer="neuron.w1" label="the weight">
  <Fragment slot="question">What is the first weight?</Fragment>
  <Fragment slot="hint">It is printed above.</Fragment>
  <Fragment slot="solution">It is the first weight.</Fragment>
</Exercise>`,
      ),
    },
    expect: [/neuron\.mdx/, /neuron\.w1/],
  },
  {
    name: 'a broken internal link',
    files: { [FILE]: chapter('See [the missing chapter](/chapters/no-such-chapter/).') },
    expect: [
      /docs\/chapters\/neuron\.mdx: chapters\/neuron\/index\.html/,
      /no-such-chapter/,
      /no such file/,
    ],
  },
  {
    name: 'a missing translation key',
    files: { [FILE]: chapter('Nothing else is wrong.') },
    i18n: (zh) => {
      const { ['sharedLink.slow']: _dropped, ...rest } = zh;
      return rest;
    },
    expect: [/zh-CN\.json/, /sharedLink\.slow/],
  },
];

function build(dir, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', join(dir, 'dist')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const only = process.argv.slice(2);
const cases = only.length > 0 ? CASES.filter((c) => only.includes(c.name)) : CASES;
const failures = [];
const started = performance.now();
rmSync(WORK, { recursive: true, force: true });

async function run(testCase, i) {
  const dir = join(WORK, String(i));
  const docs = join(dir, 'docs');
  mkdirSync(join(docs, 'chapters'), { recursive: true });
  for (const page of ['index.mdx']) {
    cpSync(join(ROOT, 'content', 'docs', page), join(docs, page));
  }
  for (const [file, text] of Object.entries(testCase.files)) writeFileSync(join(docs, file), text);
  const env = {
    CONTENT_DIR: docs,
    // Its own cache, so that a broken copy never leaves anything for the real build to reuse.
    ASTRO_CACHE_DIR: join(dir, 'cache'),
  };
  if (testCase.i18n) {
    const i18n = join(dir, 'i18n');
    cpSync(join(ROOT, 'src', 'content', 'i18n'), i18n, { recursive: true });
    const zh = JSON.parse(readFileSync(join(i18n, 'zh-CN.json'), 'utf8'));
    writeFileSync(join(i18n, 'zh-CN.json'), JSON.stringify(testCase.i18n(zh), null, 2));
    env.I18N_DIR = i18n;
  }
  const t0 = performance.now();
  const { code, output } = await build(dir, env);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const missing = testCase.expect.filter((pattern) => !pattern.test(output));
  if (code === 0) failures.push(`${testCase.name}: the build succeeded (${seconds} s)`);
  else if (missing.length > 0) {
    failures.push(
      `${testCase.name}: the build failed, but its output does not match ${missing.join(', ')}:\n${output.slice(-3000)}`,
    );
  } else {
    const line = output.split('\n').find((l) => testCase.expect[1].test(l)) ?? '';
    console.log(`✓ ${testCase.name} fails the build (${seconds} s): ${line.trim().slice(0, 160)}`);
  }
}

// One build at a time: every build writes the project's .astro/ (its content's types), so two
// at once compile each other's pages.
for (const [i, testCase] of cases.entries()) await run(testCase, i);
rmSync(WORK, { recursive: true, force: true });
const total = ((performance.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.error(failures.join('\n\n'));
  console.error(
    `\n${failures.length} of ${cases.length} author mistakes did not fail the build as they must.`,
  );
  process.exit(1);
}
console.log(
  `Author mistakes: all ${cases.length} fail the build with the file and the problem (${total} s).`,
);
