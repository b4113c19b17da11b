/**
 * `npm run size` (test/check.sh runs it right after the build): the gate on the first load. Measures what the built
 * site's two pages load before they show anything (initial-js.ts: the entry script and its modulepreload links,
 * gzip level 9), prints it, and exits 1 when a page is over its budget. `--dist=DIR` measures another build
 * (default dist/).
 *
 * Over budget? Find what pulls the extra code into the first load — the sourcemaps name every module of every chunk
 * (`dist/assets/*.js.map`, `sources`) — and load it on demand, or split the small part the page needs from the heavy
 * module it sits in (docs/performance.md, "First load").
 */
import { fileURLToPath } from 'node:url';
import { initialJs } from './initial-js';

/**
 * Gzip bytes each page's first JavaScript may weigh: about 10 % above what it weighed when this gate was set
 * (2026-12-01: index.html 130,530 B, embed.html 127,249 B), so that a feature has room, and a regression like the
 * engine's task code returning to the page (+40 kB) fails the build.
 */
const BUDGETS: Readonly<Record<string, number>> = { 'index.html': 144_000, 'embed.html': 140_000 };

const flag = process.argv.find((a) => a.startsWith('--dist='));
const dist = flag ? `${flag.slice('--dist='.length).replace(/\/?$/, '/')}` : fileURLToPath(new URL('../../dist/', import.meta.url));
const n = (v: number) => v.toLocaleString('en-US');

let over = 0;
for (const [page, budget] of Object.entries(BUDGETS)) {
  const { files, bytes, gzip } = initialJs(dist, page);
  const ok = gzip <= budget;
  if (!ok) over++;
  console.log(`${page}: first JavaScript ${n(gzip)} B gzip (${n(bytes)} B raw, ${files.length} files), budget ${n(budget)} B: ${ok ? 'ok' : `OVER by ${n(gzip - budget)} B`}`);
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${n(f.gzip).padStart(9)}  ${f.file}`);
}
if (over > 0) {
  console.error(`${over} page${over === 1 ? '' : 's'} over the first-load budget (test/bench/bundle-size.ts)`);
  process.exit(1);
}
