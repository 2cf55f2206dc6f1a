// Reports the JavaScript each built page loads eagerly (gzip bytes): its module scripts, their
// static imports, and inline scripts; and, as lazy, what it can still load later through dynamic
// imports and workers. Read from the build alone; `npm run bench:site` measures it in a browser.
//
//   node scripts/js-bytes.mjs [distDir]
import { resolve } from 'node:path';
import { builtPages, filesBytes, pageGraph } from './bench-site/js-graph.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const kb = (bytes) => +(bytes / 1024).toFixed(1);
const rows = builtPages(dist).map((page) => {
  const { eager, lazy, inlineBytes } = pageGraph(dist, page);
  return {
    page,
    eager_kb: kb(filesBytes(eager)),
    inline_kb: kb(inlineBytes),
    lazy_kb: kb(filesBytes(lazy)),
  };
});
console.table(rows);
console.log(JSON.stringify(rows));
