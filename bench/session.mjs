// A dashboard-like typing session, in a fresh process, on the BUILT code (dist/, as a user runs
// it; worker threads load plain JavaScript): load the corpus (warm cache, as the dashboard does),
// start the search workers, type the 20 queries one character at a time, the next key once the
// final results are in. This thread does only what the dashboard's UI thread does with search
// (sends the query, takes in and merges the workers' updates), so the timings and the stall are
// the dashboard's, and maxRSS is what an analyst's session costs. The final top hits of every
// keystroke are printed too; bench/measure.ts checks them against a full fuse.js search in
// another process, so that check's work never lands in these figures.
//
//   node bench/session.mjs <corpus path> <queries as JSON>
//       → prints {"peakRssMB", "fromDisk" (the workers read the index on disk), "keystrokes",
//                 "first": [ms…], "final": [ms…], "stallMaxMs",
//                 "typed": [{"prefix", "last", "total", "hits": [[order, score]…]}…]}
//   node bench/session.mjs <corpus path> --warm              → fills the cache and builds the
//                                                               search index on disk, prints nothing
//
// The cache is warmed by a separate run: loading twice in one process would count the first
// corpus too, should the collector not have freed it before the second load peaks. The warm-up
// also builds the search index on disk (as the first `search` over a corpus does), so that the
// session is the same on a clean machine as on a second run: the workers read their shards from
// the index when it exists (pool.ts), and "warm" means both caches are.
import { loadCorpus } from '../dist/core/corpus/load.js';
import { SearchPool } from '../dist/core/search/pool.js';
import { collectGarbage } from '../dist/core/collect.js';
import { DiskIndex, openDiskIndex } from '../dist/core/search/disk-index.js';

const [dataPath, queriesJson] = process.argv.slice(2);
if (!dataPath || !queriesJson) throw new Error('usage: session.mjs <corpus path> <queries as JSON>|--warm');
if (queriesJson === '--warm') {
  await loadCorpus([dataPath], { cache: true });
  const index = await openDiskIndex([dataPath]);
  if (!(index instanceof DiskIndex)) throw new Error('the search index on disk could not be written');
  index.close();
  process.exit(0);
}
const queries = JSON.parse(queriesJson);
// as the dashboard loads it: a large corpus's texts stay on disk until shown
const corpus = await loadCorpus([dataPath], { cache: true, textsOnDemand: true });
collectGarbage(); // as the dashboard does once its first frame is out (tui/run.ts)
const pool = new SearchPool(corpus);
await pool.ready;
const fromDisk = await pool.readsFromDisk();

// The longest stall of this thread while a keystroke's search runs: a 1 ms timer ticks here, and
// any gap between two ticks beyond the timer's own millisecond is time the thread could not have
// drawn a frame.
const stall = { gen: 0, probing: false, last: 0, max: 0 };
const gap = () => {
  const now = performance.now();
  stall.max = Math.max(stall.max, now - stall.last - 1);
  stall.last = now;
};
const tick = (gen) => {
  if (gen !== stall.gen || !stall.probing) return; // a chain of an earlier keystroke: stop
  gap();
  setTimeout(tick, 1, gen);
};

const first = [];
const final = [];
const typed = [];
for (const q of queries) {
  for (let i = 1; i <= q.length; i++) {
    const prefix = q.slice(0, i);
    const t0 = performance.now();
    stall.probing = true;
    stall.last = t0;
    setTimeout(tick, 1, ++stall.gen);
    let firstMs = NaN;
    const done = await new Promise((resolve) =>
      pool.search(prefix, (u) => {
        if (Number.isNaN(firstMs) && (u.hits.length > 0 || u.done)) firstMs = performance.now() - t0;
        if (u.done) {
          gap(); // up to the final results, their handling included
          resolve(u);
        }
      }),
    );
    final.push(performance.now() - t0);
    stall.probing = false;
    first.push(firstMs);
    typed.push({ prefix, last: i === q.length, total: done.total, hits: done.hits.map((h) => [h.order, h.score]) });
  }
}
await pool.close();
process.stdout.write(
  JSON.stringify({ peakRssMB: process.resourceUsage().maxRSS / 1024, fromDisk, keystrokes: typed.length, first, final, stallMaxMs: Math.max(0, stall.max), typed }) + '\n',
);
