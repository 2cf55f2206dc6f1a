// Checks that every built page is valid HTML, with two validators, and fails on any error.
//
//   node scripts/check-html.mjs <distDir>
//
// - The W3C's Nu HTML Checker (vnu.jar, from the vnu-jar package; needs Java 11 or later): the
//   validator behind validator.w3.org, so the pages pass the check a reader or an instructor
//   would run. It knows HTML's content models, ARIA's rules per element, MathML and inline CSS.
// - html-validate with its "standard" preset (.htmlvalidate.json): the HTML standard's rules
//   without stylistic ones, with messages that name the rule. Accessibility is checked in the
//   browser by axe (tests/e2e), against the rendered page, so html-validate's a11y preset is
//   not added here.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import vnuJar from 'vnu-jar';

const [dist] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node scripts/check-html.mjs <distDir>');
  process.exit(2);
}

const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();
if (pages.length === 0) {
  console.error(`No HTML pages in ${dist}: build the site first (npm run build).`);
  process.exit(2);
}

const problems = [];

// The W3C checker, on every page in one run of the JVM.
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) {
  console.error(
    'The HTML check runs the W3C Nu HTML Checker, which needs Java 11 or later on the PATH (Debian: apt-get install -y default-jre-headless).',
  );
  process.exit(2);
}
const vnu = spawnSync(
  'java',
  ['-jar', String(vnuJar), '--errors-only', '--format', 'json', ...pages],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
let w3c;
try {
  // vnu writes its JSON report to stderr, and exits 1 when it found errors.
  w3c = JSON.parse(vnu.stderr);
} catch {
  console.error(
    `The W3C checker did not report (exit ${vnu.status}):\n${vnu.stderr.slice(0, 2000)}`,
  );
  process.exit(2);
}
for (const message of w3c.messages) {
  const file = message.url ? relative(process.cwd(), new URL(message.url).pathname) : '(unknown)';
  const where = message.lastLine ? `${file}:${message.lastLine}` : file;
  problems.push(`${where}: W3C ${message.type}: ${message.message}`);
}

// html-validate, with the project's rule set.
// The project's rule set, wherever the pages are (a copy outside the project too).
const rules = JSON.parse(readFileSync(new URL('../.htmlvalidate.json', import.meta.url), 'utf8'));
const validator = new HtmlValidate(new StaticConfigLoader({ ...rules, root: true }));
let htmlValidateErrors = 0;
for (const page of pages) {
  const report = await validator.validateFile(page);
  for (const result of report.results) {
    for (const message of result.messages) {
      htmlValidateErrors++;
      problems.push(
        `${relative(process.cwd(), page)}:${message.line}:${message.column}: html-validate ${message.ruleId}: ${message.message}`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    `\n${problems.length} HTML error(s) in ${pages.length} pages of ${dist} (W3C checker: ${w3c.messages.length}, html-validate: ${htmlValidateErrors}).`,
  );
  process.exit(1);
}
console.log(
  `HTML: ${pages.length} pages of ${dist} valid (W3C Nu HTML Checker and html-validate "standard": 0 errors).`,
);
