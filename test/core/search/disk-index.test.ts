import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, cp, truncate, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, loadCorpus } from '../../../src/core/corpus/load.js';
import { buildSearchIndex, compileQuery, searchQuotes, type QuoteHit, type SearchIndex } from '../../../src/core/search/search.js';
import { DiskIndex, explainSource, mergeRanked, openDiskIndex, rankDiskIndex, searchDiskIndex, searchFiles } from '../../../src/core/search/disk-index.js';
import { explainNoMatch, explainWith } from '../../../src/core/search/explain.js';
import { generateCorpus } from '../../../bench/generate.js';
import { packShard } from '../../../src/core/search/shard.js';
import { SearchPool } from '../../../src/core/search/pool.js';
import { QUERIES } from '../../../bench/queries.js';

const MINI = fileURLToPath(new URL('../../fixtures/cli/mini', import.meta.url));
const VALID = fileURLToPath(new URL('../../fixtures/valid', import.meta.url));

let root: string;
let generatedDir: Promise<string> | undefined;

/** The generator's 3,000-quote corpus, written once for every test that reads it (each with a cache folder of its own). */
function generated3000(): Promise<string> {
  generatedDir ??= (async () => {
    const dir = path.join(root, 'generated');
    await mkdir(dir, { recursive: true });
    for (const [i, f] of generateCorpus({ quotes: 3000 }).entries()) await writeFile(path.join(dir, `part-${i}.json`), JSON.stringify(f));
    return dir;
  })();
  return generatedDir;
}
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nl-disk-index-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let n = 0;
/** A fresh folder with a copy of `from` and its own cache folder. */
async function setup(from: string): Promise<{ data: string; cacheDir: string }> {
  const dir = path.join(root, `case-${n++}`);
  const data = path.join(dir, 'data');
  await cp(from, data, { recursive: true });
  return { data, cacheDir: path.join(dir, 'cache') };
}

/** What a user sees of a hit: the quote, its place in the corpus, its score and highlights. */
const seen = (h: QuoteHit) => ({ id: h.ref.quote.id, text: h.ref.quote.text, order: h.order, score: h.score, speaker: h.speaker?.id ?? null, matches: h.matches });

/** Every prefix of every benchmark query, and queries that use each part of the syntax. */
const QUERY_SET = [
  ...QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))),
  '',
  '!',
  'speaker:zakharova',
  '!speaker:trump kremlin',
  'kind:term',
  'kind:indirect | kind:term',
  'narrative:colour | narrative:n-2',
  'article:kremlin',
  '!kremlin',
  '!^the',
  'iran$',
  '=relief',
  '"sigh of relief"',
  'zákharová',
  "doesn't think",
  'kind:bogus',
  'xqzvw',
  'outlet:jazeera',
  '!outlet:tass kremlin',
  'outlet:reuters | outlet:meduza',
  'date:2026-01',
  'date:2026-01-10..2026-01-14 iran',
  'date:..2026-01-05',
  '!date:2026 relief',
];

async function compareAll(data: string, cacheDir: string, queries: readonly string[], limit?: number) {
  const corpus = await loadCorpus([data]);
  const memory: SearchIndex = buildSearchIndex(corpus);
  const opened = await openDiskIndex([data], { cacheDir });
  expect(opened).toBeInstanceOf(DiskIndex);
  const disk = opened as DiskIndex;
  try {
    for (const q of queries) {
      const want = searchQuotes(memory, q, { limit });
      const got = searchDiskIndex(disk, q, { limit }).result;
      expect(got.error, q).toBe(want.error);
      expect(got.total, q).toBe(want.total);
      expect(got.hits.map(seen), q).toEqual(want.hits.map(seen));
    }
  } finally {
    disk.close();
  }
}

describe('the search index on disk', () => {
  it('gives exactly the in-memory search’s results on the seed fixture: hits, order, scores, highlights', async () => {
    const { data, cacheDir } = await setup(MINI);
    await compareAll(data, cacheDir, QUERY_SET);
    // fewer shown than match: ranked from the index's columns, records read for the shown only
    await compareAll(data, cacheDir, QUERY_SET, 3);
  }, 60_000);

  it('does so on a generated corpus of 3,000 quotes, with and without a limit', async () => {
    const dir = await generated3000();
    const cacheDir = path.join(root, 'generated-cache');
    await compareAll(dir, cacheDir, QUERY_SET.filter((_, i) => i % 3 === 0), 50);
    await compareAll(dir, cacheDir, ['colour revolution', 'speaker:smagin relief', '!russia iran', 'kind:direct ukraine', 'outlet:tass iran', 'date:2026-01-03..2026-01-09', '!date:2026-01-01 relief']);
    // the best few of many equal scores: ties go by corpus position, as fuse orders them
    for (const limit of [0, 1, 7]) await compareAll(dir, cacheDir, ['colour revolution', 'kremlin', 'e', 'kind:term', 'outlet:tass | date:2026-01-02', 'zakarova | smagin'], limit);
  }, 120_000);

  it('ranks blocks taken in any order by two threads, merged, as one search does', async () => {
    const dir = await generated3000();
    const memory = buildSearchIndex(await loadCorpus([dir]));
    const disk = (await openDiskIndex([dir], { cacheDir: path.join(root, 'blocks-cache'), hayBlock: 256 })) as DiskIndex;
    try {
      const count = Math.ceil(disk.size / 256);
      // one thread takes the odd blocks from the end, the other the even ones from the start
      const odd = Array.from({ length: count }, (_, b) => b).filter((b) => b % 2).reverse();
      const even = Array.from({ length: count }, (_, b) => b).filter((b) => b % 2 === 0);
      const claims = (blocks: number[]) => () => (blocks.length ? blocks.shift()! : -1);
      for (const q of ['colour revolution', 'e', 'kind:term', 'zakarova | smagin']) {
        const compiled = compileQuery(q);
        if (!compiled.ok) throw new Error(compiled.error);
        for (const limit of [Infinity, 0, 1, 50]) {
          const merged = mergeRanked(rankDiskIndex(disk, compiled.query, limit, claims([...odd])), rankDiskIndex(disk, compiled.query, limit, claims([...even])), limit);
          const want = searchQuotes(memory, q, { limit: limit === Infinity ? undefined : limit });
          expect(merged.total, q).toBe(want.total);
          expect(merged.shown, `${q} ${limit}`).toEqual(want.hits.map((h) => ({ pos: h.order, score: h.score })));
        }
      }
    } finally {
      disk.close();
    }
  }, 120_000);

  it('searches a large index with a worker thread too, with the same results', async () => {
    const dir = await generated3000();
    const cacheDir = path.join(root, 'threads-cache');
    // blocks of 256 quotes (a million quotes' index has blocks of 16,384), two threads at any size and load
    const opts = { cacheDir, hayBlock: 256, threads: 2 as const };
    const memory = buildSearchIndex(await loadCorpus([dir]));
    for (const q of ['colour revolution', 'zakarova', 'speaker:smagin relief', '!russia iran', 'e', 'kind:term', 'outlet:tass | date:2026-01-02']) {
      for (const limit of [undefined, 0, 1, 50]) {
        const want = searchQuotes(memory, q, { limit });
        // the two threads as they share the blocks; then the worker alone (it ranks every block)
        for (const workerOnly of [false, true]) {
          const got = await searchFiles([dir], q, { ...opts, limit, workerOnly });
          if (workerOnly) expect(got.threads, q).toBe(2);
          expect(got.result.total, q).toBe(want.total);
          expect(got.result.hits.map(seen), `${q} ${limit}`).toEqual(want.hits.map(seen));
        }
      }
    }
    // a changed byte of the folded text in a block the worker ranks: its check fails, the index
    // is built again, and the results are the true ones
    const want = searchQuotes(memory, 'colour revolution', { limit: 20 });
    const file = path.join(cacheDir, (await readdir(cacheDir)).find((f) => f.startsWith('search-'))!);
    const bytes = await readFile(file);
    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString()) as { sections: { hay: [number, number] } };
    const at = bytes.indexOf(10) + 1 + header.sections.hay[0] + header.sections.hay[1] - 500;
    bytes[at] = bytes[at]! === 0x61 ? 0x62 : 0x61;
    await writeFile(file, bytes);
    const again = await searchFiles([dir], 'colour revolution', { ...opts, limit: 20, workerOnly: true });
    expect(again.result.hits.map(seen)).toEqual(want.hits.map(seen));
    expect((await readFile(file)).equals(bytes)).toBe(false);
  }, 180_000);

  it('explains a query that finds nothing as the corpus in memory does, without loading it', async () => {
    const { data, cacheDir } = await setup(MINI);
    const memory = buildSearchIndex(await loadCorpus([data]));
    const disk = (await openDiskIndex([data], { cacheDir })) as DiskIndex;
    const dir = await generated3000();
    const generated = buildSearchIndex(await loadCorpus([dir]));
    const big = (await openDiskIndex([dir], { cacheDir: path.join(root, 'explain-cache') })) as DiskIndex;
    try {
      const queries = ['teh colour', 'revlutoin', 'xqzvw', 'relief speaker:zakhrova', 'colour speaker:zakhrv', 'narrative:colur xqz', 'kremlin xqzvw', 'colour', 'kind:quote', 'zakarova smgin', 'sanctons kind:term'];
      for (const q of queries) {
        expect(explainWith(explainSource(disk), q), q).toEqual(explainNoMatch(memory, q));
        expect(explainWith(explainSource(big), q), q).toEqual(explainNoMatch(generated, q));
      }
      expect(explainWith(explainSource(disk), 'revlutoin').suggestion?.term).toBe('revolution');
    } finally {
      disk.close();
      big.close();
    }
  }, 120_000);

  it('handles text beyond Latin-1 and folding that changes lengths (emoji, ß, accents)', async () => {
    const { data, cacheDir } = await setup(VALID);
    const corpus = await loadCorpus([data]);
    const words = corpus.quotes.flatMap((r) => r.quote.text.split(/\s+/)).filter((w) => w.length > 2);
    await compareAll(data, cacheDir, ['', ...words, ...words.map((w) => `'${w}`), 'again', '!again']);
    await compareAll(data, cacheDir, ['', ...words, 'a', 'e'], 1);
  });

  it('prints the paragraph of each hit without the article text', async () => {
    const { data, cacheDir } = await setup(MINI);
    const corpus = await loadCorpus([data]);
    const { result } = await searchFiles([data], 'sigh of relief', { cacheDir });
    const hit = result.hits[0]!;
    const { articleParagraphs } = await import('../../../src/core/corpus/corpus.js');
    const { paragraphAt } = await import('../../../src/core/corpus/text.js');
    const ref = corpus.quoteById.get(hit.ref.quote.id)!;
    expect(hit.ref.paragraph).toBe(paragraphAt(articleParagraphs(ref.article), ref.quote.span.start)!.number);
    expect(hit.ref.article.title).toBe(ref.article.title);
  });

  it('is built once, then reused while the files are unchanged', async () => {
    const { data, cacheDir } = await setup(MINI);
    await searchFiles([data], 'relief', { cacheDir });
    const [file] = (await readdir(cacheDir)).filter((f) => f.startsWith('search-'));
    expect(file).toBeDefined();
    const before = await readFile(path.join(cacheDir, file!));
    await searchFiles([data], 'colour', { cacheDir });
    expect((await readFile(path.join(cacheDir, file!))).equals(before)).toBe(true);
  });

  it('sees a changed file, even one of the same size, and searches the new text', async () => {
    const { data, cacheDir } = await setup(MINI);
    expect((await searchFiles([data], "'breathe", { cacheDir })).result.total).toBe(1);
    const file = path.join(data, (await readdir(data)).find((f) => f.endsWith('.json'))!);
    const text = await readFile(file, 'utf8');
    // the same number of bytes, a different word, in the quote and in the article text alike
    await writeFile(file, text.replaceAll('breathe', 'brEAThe').replaceAll('brEAThe', 'inhales'));
    expect((await readFile(file)).length).toBe(Buffer.byteLength(text));
    expect((await searchFiles([data], "'breathe", { cacheDir })).result.total).toBe(0);
    expect((await searchFiles([data], "'inhales", { cacheDir })).result.total).toBe(1);
  });

  it('rebuilds a damaged index instead of trusting it', async () => {
    const { data, cacheDir } = await setup(MINI);
    const want = (await searchFiles([data], 'colour revolution', { cacheDir })).result.hits.map(seen);
    const file = path.join(cacheDir, (await readdir(cacheDir)).find((f) => f.startsWith('search-'))!);
    const size = (await readFile(file)).length;
    // bytes scribbled over the records (the file's end), then a truncated file, then garbage
    const h = await open(file, 'r+');
    await h.write(Buffer.from('}{'.repeat(40)), 0, 80, size - 100);
    await h.close();
    expect((await searchFiles([data], 'colour revolution', { cacheDir })).result.hits.map(seen)).toEqual(want);
    await truncate(file, Math.floor(size / 2));
    expect((await searchFiles([data], 'colour revolution', { cacheDir })).result.hits.map(seen)).toEqual(want);
    await writeFile(file, 'not an index\n');
    expect((await searchFiles([data], 'colour revolution', { cacheDir })).result.hits.map(seen)).toEqual(want);
  });

  it('reports bad data as loading does (no index is made of it)', async () => {
    const { data, cacheDir } = await setup(MINI);
    const file = path.join(data, (await readdir(data)).find((f) => f.endsWith('.json'))!);
    await writeFile(file, '{ "articles": [ }');
    const err = await searchFiles([data], 'colour', { cacheDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).problems[0]!.file).toContain(path.basename(file));
    expect((await readdir(cacheDir).catch(() => [])).filter((f) => f.startsWith('search-'))).toEqual([]);
  });
});

describe('search workers reading their shards from the index', () => {
  it('get exactly the shard the UI thread would have packed', async () => {
    const { data, cacheDir } = await setup(VALID);
    const corpus = await loadCorpus([data]);
    const disk = (await openDiskIndex([data], { cacheDir })) as DiskIndex;
    try {
      const actorIndex = new Map(corpus.actors.map((a, i) => [a.id, i]));
      const n = corpus.quotes.length;
      for (const [from, to] of [[0, n], [0, Math.floor(n / 2)], [Math.floor(n / 2), n], [1, 1]] as const) {
        const want = packShard(corpus, from, to, actorIndex);
        const got = disk.packedShard(from, to);
        expect(Buffer.from(got.texts).equals(Buffer.from(want.texts)), `${from}-${to}`).toBe(true);
        expect({ ...got, texts: null }).toEqual({ ...want, texts: null });
      }
    } finally {
      disk.close();
    }
  });

  it('are used only when the index was built from the very corpus the pool holds, and then search the same', async () => {
    const dir = path.join(root, 'pool');
    const { writeFile: w, mkdir } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    for (const [i, f] of generateCorpus({ quotes: 1200 }).entries()) await w(path.join(dir, `part-${i}.json`), JSON.stringify(f));
    const cacheDir = path.join(root, 'pool-cache');
    const corpus = await loadCorpus([dir]);
    const packed = new SearchPool(corpus, { diskIndex: false, workers: 2 });
    const before = new SearchPool(corpus, { diskIndex: 'auto', cacheDir, workers: 2 });
    expect(await before.readsFromDisk()).toBe(false); // no index yet
    await searchFiles([dir], 'x', { cacheDir }); // builds it
    const fromDisk = new SearchPool(corpus, { diskIndex: 'auto', cacheDir, workers: 2 });
    expect(await fromDisk.readsFromDisk()).toBe(true);
    // another corpus (one quote fewer) must not take this index's shards
    const other = { ...corpus, quotes: corpus.quotes.slice(1) };
    const wrong = new SearchPool(other, { diskIndex: 'auto', cacheDir, workers: 2 });
    expect(await wrong.readsFromDisk()).toBe(false);
    try {
      await Promise.all([packed.ready, fromDisk.ready]);
      for (const q of ['colour revolution', 'zakarova', 'speaker:smagin relief', '!russia iran', 'c', 'de']) {
        const a = await packed.searchFinal(q);
        const b = await fromDisk.searchFinal(q);
        expect(b.total, q).toBe(a.total);
        expect(b.hits.map((h) => [h.order, h.score, h.ref.quote.id, h.matches]), q).toEqual(a.hits.map((h) => [h.order, h.score, h.ref.quote.id, h.matches]));
      }
      // a query typed at once, while the pool is still looking for the index (no worker yet),
      // gets its results when the workers come up (it used to be sent to nobody, and never answered)
      const early = new SearchPool(corpus, { diskIndex: 'auto', cacheDir, workers: 2 });
      try {
        const [a, b] = await Promise.all([early.searchFinal('zakarova'), packed.searchFinal('zakarova')]);
        expect(await early.readsFromDisk()).toBe(true);
        expect(a.total).toBeGreaterThan(0);
        expect(a.hits.map((h) => [h.order, h.score])).toEqual(b.hits.map((h) => [h.order, h.score]));
      } finally {
        await early.close();
      }
    } finally {
      await Promise.all([packed.close(), before.close(), fromDisk.close(), wrong.close()]);
    }
  }, 120_000);
});
