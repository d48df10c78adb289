/**
 * Measures one corpus in a fresh process (so memory figures are its own): load and validation,
 * warm-cache load, index build, the search workers' start, the in-process search of every
 * keystroke, and an exactness check of the final results a typing session (bench/session.mjs)
 * showed for every keystroke against a full fuse.js search.
 *
 *   tsx bench/measure.ts <corpus path> <label> <session JSON>   → prints one JSON object on stdout
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { loadCorpus } from '../src/core/corpus/load.js';
import { buildSearchIndex, searchQuotes, type SearchIndex } from '../src/core/search/search.js';
import { SearchPool } from '../src/core/search/pool.js';
import { DiskIndex, diskIndexFile, openDiskIndex } from '../src/core/search/disk-index.js';
import { summarizeTimes, type Timing } from './stats.js';
import { QUERIES } from './queries.js';

const [dataPath, label, sessionPath, quotesArg] = process.argv.slice(2);
/** the corpus's size as the caller knows it (chooses how much to repeat before loading it) */
const n0 = Number(quotesArg ?? 0);
if (!dataPath || !label || !sessionPath) throw new Error('usage: measure.ts <corpus path> <label> <session results JSON>');

async function timeIt<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

const same = (a: { order: number; score: number }[], b: { order: number; score: number }[]) =>
  a.length === b.length && a.every((h, i) => h.order === b[i]!.order && h.score === b[i]!.score);

async function main() {
  // 1. load and validate (cold: no cache), then with a warm cache (the default cache folder,
  //    which the typing session filled), then the search index on disk built from that cache
  const huge = n0 >= 500_000; // a million quotes: one load of each kind, and a sharded reference only
  const loadRuns = huge ? 1 : n0 >= 50_000 ? 2 : 5;
  const loads: number[] = [];
  let corpus!: Awaited<ReturnType<typeof loadCorpus>>;
  // (a million quotes: validating them takes minutes and gigabytes; the warm load gives the corpus)
  for (let i = 0; i < (huge ? 0 : loadRuns); i++) {
    const [c, t] = await timeIt(() => loadCorpus([dataPath!]));
    loads.push(t);
    corpus = c;
  }
  const warm: number[] = [];
  for (let i = 0; i < loadRuns; i++) {
    const [c, t] = await timeIt(() => loadCorpus([dataPath!], { cache: true }));
    warm.push(t);
    if (huge) corpus = c;
  }
  const n = corpus.quotes.length;
  const idxFile = await diskIndexFile([dataPath!]);
  await rm(idxFile, { force: true });
  const [disk, diskIndexBuild] = await timeIt(() => openDiskIndex([dataPath!]));
  if (!(disk instanceof DiskIndex)) throw new Error('the search index on disk could not be written');
  disk.close();
  const diskIndexMB = (await stat(idxFile)).size / 2 ** 20;

  // 2. index: in-process (what small corpora use) and the worker pool (large ones)
  // (not at a million: every check there is the sharded one, and this index alone is gigabytes)
  const [index, buildMs] = huge ? [null, NaN] : await timeIt(() => buildSearchIndex(corpus));
  const [pool, poolMs] = await timeIt(async () => {
    const p = new SearchPool(corpus);
    await p.ready;
    return p;
  });

  // 3. the typing session's final results (bench/session.mjs, run by bench/run.ts in its own
  //    process on the built code), each keystroke checked here against a full fuse.js search
  const session = JSON.parse(await readFile(sessionPath!, 'utf8')) as {
    typed: { prefix: string; last: boolean; total: number; hits: [number, number][] }[];
  };
  const sync: number[] = [];
  const diffs: string[] = [];
  const keystrokes = session.typed.length;
  let singleChecks = 0;
  const big = n > 20_000;
  // Every keystroke is checked against a full fuse.js search. On a large corpus (seconds per
  // reference search) the reference runs sharded over the workers — plain fuse.js over each
  // shard, merged by (score, position) — and each query's last keystroke also against one
  // fuse.js instance over the whole corpus (at a million quotes that one instance alone takes
  // minutes and gigabytes: there every check is the sharded one). NL_BENCH_CHECK_STRIDE=N checks
  // every Nth keystroke (and each query's last) for a quicker run.
  const STRIDE = Number(process.env.NL_BENCH_CHECK_STRIDE ?? 1);
  let checked = 0;
  const progress = (msg: string) => process.stderr.write(`  ${label}: ${msg}\n`);
  progress(`checking ${session.typed.length} keystrokes, ${STRIDE > 1 ? `every ${STRIDE}th and each query's last` : 'every one'}`);
  for (const [k, done] of session.typed.entries()) {
    const prefix = done.prefix;
    const last = done.last; // a query's last keystroke
    // the same keystroke searched in-process (what the dashboard does on small corpora)
    if (!big) sync.push((await timeIt(() => searchQuotes(index!, prefix, { limit: 50 })))[1]);
    if ((k + 1) % STRIDE !== 0 && !last) continue;
    checked++;
    const got = done.hits.map(([order, score]) => ({ order, score }));
    let ref: { order: number; score: number }[];
    let refTotal: number;
    if (!big || (last && !huge)) {
      const r = searchQuotes(index!, prefix, { limit: 50, exhaustive: true }); // one fuse instance, whole corpus
      ref = r.hits.map((h) => ({ order: h.order, score: h.score }));
      refTotal = r.total;
      singleChecks++;
    } else {
      const r = await pool.searchFinal(prefix, { exhaustive: true }); // same, sharded over the workers
      ref = r.hits.map((h) => ({ order: h.order, score: h.score }));
      refTotal = r.total;
    }
    if (!same(got, ref) || done.total !== refTotal) diffs.push(`${JSON.stringify(prefix)}: ${done.total} vs ${refTotal} matches`);
  }
  await pool.close();

  const out = {
    label,
    quotes: n,
    articles: corpus.articles.length,
    actors: corpus.actors.length,
    load: summarizeTimes(loads),
    loadWarmCache: summarizeTimes(warm),
    indexBuildInProcess: buildMs,
    diskIndexBuild,
    diskIndexMB,
    poolReady: poolMs,
    keystrokes,
    inProcessSearch: sync.length ? summarizeTimes(sync) : null,
    exactness: { keystrokes, checked, checkedAgainstSingleFuse: singleChecks, differences: diffs },
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

await main();
