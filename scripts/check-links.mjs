// Checks that every internal link and asset reference in a built site resolves to a file of
// that build, and that every #fragment names an element on its target page
// (src/build/links.ts). The build runs the same check on itself (src/build/finish-pages.ts);
// this runs it on any build, e.g. one made elsewhere.
//
//   node scripts/check-links.mjs <distDir> <base>      e.g.  dist-sub /ml101/
import { brokenLinks } from '../src/build/links.ts';

const [dist, base] = process.argv.slice(2);
if (!dist || !base || !base.startsWith('/') || !base.endsWith('/')) {
  console.error('usage: node scripts/check-links.mjs <distDir> <base starting and ending with />');
  process.exit(2);
}
const { broken, checked } = brokenLinks(dist, base);
if (broken.length > 0) {
  console.error(`${broken.length} broken internal reference(s) in ${dist} (base ${base}):`);
  for (const line of broken.slice(0, 50)) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`${dist}: ${checked} internal references checked under ${base}, none broken.`);
