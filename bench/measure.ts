/**
 * Measures one corpus in a fresh process (so memory figures are its own): load and validation,
 * warm-cache load, index build, and a scripted user typing 20 queries one character at a time
 * through the search pool — time to first and to final results per keystroke, the longest stall
 * of this (UI) thread, and an exactness check of every keystroke against a full fuse.js search.
 *
 *   tsx bench/measure.ts <corpus path> <label>   → prints one JSON object on stdout
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/core/load.js';
import { buildSearchIndex, searchQuotes, type SearchIndex } from '../src/core/search.js';
import { SearchPool, type PoolUpdate } from '../src/core/search-pool.js';
import { summarizeTimes, type Timing } from './stats.js';
import { QUERIES } from './queries.js';

const [dataPath, label = dataPath] = process.argv.slice(2);
if (!dataPath) throw new Error('usage: measure.ts <corpus path> [label]');

async function timeIt<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

const same = (a: { order: number; score: number }[], b: { order: number; score: number }[]) =>
  a.length === b.length && a.every((h, i) => h.order === b[i]!.order && h.score === b[i]!.score);

async function main() {
  // 1. load and validate (cold: no cache), then with a warm cache
  const loads: number[] = [];
  let corpus = await loadCorpus([dataPath!]);
  const n = corpus.quotes.length;
  const loadRuns = n >= 50_000 ? 2 : 5;
  for (let i = 0; i < loadRuns; i++) loads.push((await timeIt(() => loadCorpus([dataPath!])))[1]);
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'nl-bench-cache-'));
  await loadCorpus([dataPath!], { cache: true, cacheDir }); // fills the cache
  const warm: number[] = [];
  for (let i = 0; i < loadRuns; i++) warm.push((await timeIt(() => loadCorpus([dataPath!], { cache: true, cacheDir })))[1]);
  await rm(cacheDir, { recursive: true, force: true });
  corpus = await loadCorpus([dataPath!]);

  // 2. index: in-process (what small corpora use) and the worker pool (large ones)
  const [index, buildMs] = await timeIt(() => buildSearchIndex(corpus));
  const [pool, poolMs] = await timeIt(async () => {
    const p = new SearchPool(corpus);
    await p.ready;
    return p;
  });

  // 3. typing, one character at a time; the next key is pressed when the final results are in
  const first: number[] = [];
  const final: number[] = [];
  const sync: number[] = [];
  const diffs: string[] = [];
  let keystrokes = 0;
  let singleChecks = 0;
  const big = n > 20_000;
  // Every keystroke is checked against a full fuse.js search. On a large corpus (seconds per
  // reference search) the reference runs sharded over the workers — plain fuse.js over each
  // shard, merged by (score, position) — and each query's last keystroke also against one
  // fuse.js instance over the whole corpus. NL_BENCH_CHECK_STRIDE=N checks every Nth keystroke
  // (and each query's last) for a quicker run.
  const STRIDE = Number(process.env.NL_BENCH_CHECK_STRIDE ?? 1);
  let checked = 0;
  // The UI thread's longest stall while a keystroke's search runs: a 1 ms timer ticks on this
  // thread, and any gap between two ticks beyond the timer's own millisecond is time the thread
  // could not have drawn a frame. Only inside each keystroke's wait: the exactness check between
  // keystrokes runs a whole-corpus search on this thread on purpose and must not count.
  // (monitorEventLoopDelay, used before, carried that check's time into the next keystroke.)
  const stall = { gen: 0, probing: false, last: 0, max: 0 };
  const gap = () => {
    const now = performance.now();
    stall.max = Math.max(stall.max, now - stall.last - 1);
    stall.last = now;
  };
  const tick = (gen: number) => {
    if (gen !== stall.gen || !stall.probing) return; // a chain of an earlier keystroke: stop
    gap();
    setTimeout(tick, 1, gen);
  };
  const progress = (msg: string) => process.stderr.write(`  ${label}: ${msg}\n`);
  progress(`loaded; typing ${QUERIES.length} queries, checking ${STRIDE > 1 ? `every ${STRIDE}th keystroke and each query's last` : 'every keystroke'}`);
  for (const [qi, q] of QUERIES.entries()) {
    progress(`query ${qi + 1}/${QUERIES.length}: ${JSON.stringify(q)}`);
    for (let i = 1; i <= q.length; i++) {
      const prefix = q.slice(0, i);
      keystrokes++;
      const t0 = performance.now();
      stall.probing = true;
      stall.last = t0;
      setTimeout(tick, 1, ++stall.gen);
      let firstMs = NaN;
      const done = await new Promise<PoolUpdate>((resolve) =>
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

      // exactness: the reference is fuse.js over every record, no pruning, no narrowing
      if (keystrokes % STRIDE !== 0 && i !== q.length) {
        if (!big) sync.push((await timeIt(() => searchQuotes(index as SearchIndex, prefix, { limit: 50 })))[1]);
        continue;
      }
      checked++;
      const got = done.hits.map((h) => ({ order: h.order, score: h.score }));
      let ref: { order: number; score: number }[];
      let refTotal: number;
      if (!big || i === q.length) {
        const r = searchQuotes(index, prefix, { limit: 50, exhaustive: true }); // one fuse instance, whole corpus
        ref = r.hits.map((h) => ({ order: h.order, score: h.score }));
        refTotal = r.total;
        singleChecks++;
      } else {
        const r = await pool.searchFinal(prefix, { exhaustive: true }); // same, sharded over the workers
        ref = r.hits.map((h) => ({ order: h.order, score: h.score }));
        refTotal = r.total;
      }
      if (!same(got, ref) || done.total !== refTotal) diffs.push(`${JSON.stringify(prefix)}: ${done.total} vs ${refTotal} matches`);

      // the same keystroke searched in-process (what the dashboard does on small corpora)
      if (!big) sync.push((await timeIt(() => searchQuotes(index as SearchIndex, prefix, { limit: 50 })))[1]);
    }
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
    poolReady: poolMs,
    keystrokes,
    firstResults: summarizeTimes(first) as Timing,
    finalResults: summarizeTimes(final) as Timing,
    inProcessSearch: sync.length ? summarizeTimes(sync) : null,
    uiStallMaxMs: Math.max(0, stall.max),
    exactness: { keystrokes, checked, checkedAgainstSingleFuse: singleChecks, differences: diffs },
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

await main();
