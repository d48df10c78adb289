// Peak memory of a dashboard-like session, in a fresh process, on the BUILT code (dist/, as a
// user runs it; worker threads load plain JavaScript): load the corpus (warm cache, as the
// dashboard does), start the search workers, type the 20 queries one character at a time.
// Nothing else is held (no reference index), so maxRSS is what an analyst's session costs.
//
//   node bench/session.mjs <corpus path> <queries as JSON>   → prints {"peakRssMB": …, "keystrokes": …}
//   node bench/session.mjs <corpus path> --warm              → fills the cache, prints nothing
//
// The cache is warmed by a separate run: loading twice in one process would count the first
// corpus too, should the collector not have freed it before the second load peaks.
import { loadCorpus } from '../dist/core/load.js';
import { SearchPool } from '../dist/core/search-pool.js';

const [dataPath, queriesJson] = process.argv.slice(2);
if (!dataPath || !queriesJson) throw new Error('usage: session.mjs <corpus path> <queries as JSON>|--warm');
if (queriesJson === '--warm') {
  await loadCorpus([dataPath], { cache: true });
  process.exit(0);
}
const queries = JSON.parse(queriesJson);
const corpus = await loadCorpus([dataPath], { cache: true });
const pool = new SearchPool(corpus);
await pool.ready;
let keystrokes = 0;
for (const q of queries) {
  for (let i = 1; i <= q.length; i++) {
    await pool.searchFinal(q.slice(0, i));
    keystrokes++;
  }
}
await pool.close();
process.stdout.write(JSON.stringify({ peakRssMB: process.resourceUsage().maxRSS / 1024, keystrokes }) + '\n');
