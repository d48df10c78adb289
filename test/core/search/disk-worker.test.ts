import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import type { Corpus } from '../../../src/core/corpus/corpus.js';
import { buildSearchIndex, searchQuotes, type SearchIndex } from '../../../src/core/search/search.js';
import { diskIndexFile, searchFiles } from '../../../src/core/search/disk-index.js';
import { DiskShard } from '../../../src/core/search/disk-shard.js';
import { compileQuery } from '../../../src/core/search/search.js';
import { SearchPool } from '../../../src/core/search/pool.js';
import { generateCorpus } from '../../../bench/generate.js';
import { QUERIES } from '../../../bench/queries.js';
import { tempDir } from '../../temp.js';

/**
 * The search workers that read their shards from the search index on disk (disk-shard.ts) keep
 * only the folded text and the index's columns, and rank from them: their results must be the
 * in-process search's, keystroke by keystroke (the narrowing to earlier queries' matches
 * included), and they must not hold the shard as objects.
 */

/** Every prefix of each query, as typed. */
const typed = (queries: readonly string[]) => queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

const SESSION = [
  ...QUERIES,
  // filters, negations, alternatives, fuzzy terms, and queries that grow past a length that allows one more error
  'speaker:zakharova colour',
  '!speaker:smagin kremlin',
  'kind:indirect | kind:term sanctions',
  'narrative:colour revolution',
  'article:kremlin moscow',
  'outlet:reuters protests',
  'protests !iran !russia',
  'western countr',
  'western countries',
  "'sanctions | 'reform",
  '^the | ^a protest',
  'shutdown$',
  'destabilze',
  'zakharova | bondarev relief',
  "=help is on the way",
];

describe('search workers reading from the index on disk', () => {
  let corpus: Corpus;
  let index: SearchIndex;
  let cacheDir: string;
  beforeAll(async () => {
    const root = tempDir('nl-disk-worker-');
    const data = path.join(root, 'data');
    await mkdir(data, { recursive: true });
    for (const [i, f] of generateCorpus({ quotes: 3000 }).entries()) await writeFile(path.join(data, `part-${i}.json`), JSON.stringify(f));
    cacheDir = path.join(root, 'cache');
    // small blocks of folded text: a worker's shard starts and ends inside blocks, and spans several
    await searchFiles([data], 'x', { cacheDir, hayBlock: 128 });
    corpus = await loadCorpus([data]);
    index = buildSearchIndex(corpus);
  }, 120_000);

  let pools: SearchPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });
  const poolOf = (opts: ConstructorParameters<typeof SearchPool>[1]) => {
    const pool = new SearchPool(corpus, { cacheDir, limit: 50, compactFrom: 0, ...opts });
    pools.push(pool);
    return pool;
  };

  it.each([2, 3])('give exactly the in-process search\'s hits, scores, order, highlights and totals, keystroke by keystroke (%i workers)', async (workers) => {
    const pool = poolOf({ workers });
    expect(await pool.readsFromDisk()).toBe(true);
    for (const q of typed(SESSION)) {
      const got = await pool.searchFinal(q);
      const ref = searchQuotes(index, q, { limit: 50 });
      expect(got.error, q).toBe(ref.error);
      expect(got.total, q).toBe(ref.total);
      expect(got.hits.map((h) => [h.order, h.score, h.ref.quote.id, h.ref.quote.text, h.matches]), q).toEqual(ref.hits.map((h) => [h.order, h.score, h.ref.quote.id, h.ref.quote.text, h.matches]));
    }
  }, 240_000);

  it('index a small shard in memory all the same (below COMPACT_FROM quotes a shard, where the objects cost little and answer faster)', async () => {
    const pool = new SearchPool(corpus, { cacheDir, limit: 50, workers: 2 });
    pools.push(pool);
    expect(await pool.readsFromDisk()).toBe(true);
    const held = await pool.heldForTest();
    expect(held.map((h) => [h.source, h.records])).toEqual([
      ['memory', 1500],
      ['memory', 1500],
    ]);
    const got = await pool.searchFinal('colour revolution');
    expect(got.hits.map((h) => [h.order, h.score])).toEqual(searchQuotes(index, 'colour revolution', { limit: 50 }).hits.map((h) => [h.order, h.score]));
  });

  it('give every update of a search in the best order, each a subset of the final matches', async () => {
    const pool = poolOf({ workers: 2 });
    for (const q of ['e', 'colour revolution', 'speaker:smagin relief']) {
      const updates: { order: number; score: number }[][] = [];
      const final = await new Promise<{ order: number; score: number }[]>((resolve) =>
        pool.search(q, (u) => {
          updates.push(u.hits.map((h) => ({ order: h.order, score: h.score })));
          if (u.done) resolve(u.hits.map((h) => ({ order: h.order, score: h.score })));
        }),
      );
      const ref = searchQuotes(index, q, { limit: 50 }).hits.map((h) => ({ order: h.order, score: h.score }));
      expect(final, q).toEqual(ref);
      const all = searchQuotes(index, q).hits;
      const scoreOf = new Map(all.map((h) => [h.order, h.score]));
      for (const u of updates) for (const h of u) expect(scoreOf.get(h.order), q).toBe(h.score);
    }
  });

  it('answer the reference search part by part as one plain fuse.js search of the shard', async () => {
    const shard = DiskShard.open(await diskIndexFile([path.dirname(corpus.files[0]!)], cacheDir), 700, 2900);
    try {
      for (const q of ['colour revolution', 'zakarova', '!russia iran', 'speaker:smagin relief']) {
        const compiled = compileQuery(q, { exhaustive: true });
        if (!compiled.ok) throw new Error(compiled.error);
        const got = shard.reference(compiled.query, 50, 333);
        const within = Int32Array.from({ length: 2200 }, (_, k) => 700 + k);
        const ref = searchQuotes(index, q, { limit: 50, exhaustive: true, within });
        expect(got.total, q).toBe(ref.total);
        expect(got.hits.map((h) => [h.order + 700, h.score, h.matches.map((m) => m.indices)]), q).toEqual(ref.hits.map((h) => [h.order, h.score, h.matches.map((m) => m.indices)]));
      }
    } finally {
      shard.close();
    }
  });

  it('answer the reference search (every quote to plain fuse.js) exactly too', async () => {
    const pool = poolOf({ workers: 2 });
    for (const q of ['colour revolution', 'zakarova', '!russia iran']) {
      const got = await pool.searchFinal(q, { exhaustive: true });
      const ref = searchQuotes(index, q, { limit: 50, exhaustive: true });
      expect(got.total, q).toBe(ref.total);
      expect(got.hits.map((h) => [h.order, h.score]), q).toEqual(ref.hits.map((h) => [h.order, h.score]));
    }
  });
});

describe('a search worker reading from the index on disk', () => {
  it('holds no quote as an object, only the folded text and the columns: a smaller heap than a worker that indexes its shard', async () => {
    const root = tempDir('nl-disk-worker-heap-');
    const data = path.join(root, 'data');
    await mkdir(data, { recursive: true });
    for (const [i, f] of generateCorpus({ quotes: 12_000 }).entries()) await writeFile(path.join(data, `part-${i}.json`), JSON.stringify(f));
    const cacheDir = path.join(root, 'cache');
    await searchFiles([data], 'x', { cacheDir });
    const corpus = await loadCorpus([data]);
    const fromDisk = new SearchPool(corpus, { cacheDir, workers: 1, compactFrom: 0 });
    const inMemory = new SearchPool(corpus, { cacheDir, workers: 1, diskIndex: false });
    try {
      for (const pool of [fromDisk, inMemory]) for (const q of typed(['colour revolution', 'speaker:smagin relief'])) await pool.searchFinal(q);
      const [disk] = await fromDisk.heldForTest();
      const [memory] = await inMemory.heldForTest();
      expect(disk!.source).toBe('disk');
      expect(disk!.records).toBe(0);
      expect(memory!.source).toBe('memory');
      expect(memory!.records).toBe(corpus.quotes.length);
      // an in-memory index is about a kilobyte of objects a quote; the compact shard keeps its
      // folded text outside V8's heap and a few numbers a quote in it
      expect(disk!.heapUsed).toBeLessThan(memory!.heapUsed - 500 * corpus.quotes.length);
    } finally {
      await Promise.all([fromDisk.close(), inMemory.close()]);
    }
  }, 120_000);
});
