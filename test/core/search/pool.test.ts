import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import type { Corpus } from '../../../src/core/corpus/corpus.js';
import { buildSearchIndex, searchQuotes, type SearchIndex } from '../../../src/core/search/search.js';
import { SearchPool, type PoolUpdate } from '../../../src/core/search/pool.js';
import { readsOnDemand } from '../../../src/core/corpus/texts-on-demand.js';
import { tempDir } from '../../temp.js';
import path from 'node:path';

/** The pool's final results for each query are the in-process search's (top 50): hits, order, scores, texts, highlights. */
async function expectSameAsInProcess(pool: SearchPool, index: SearchIndex, queries: readonly string[]): Promise<void> {
  for (const q of queries) {
    const got = await pool.searchFinal(q);
    const ref = searchQuotes(index, q, { limit: 50 });
    expect(ref.total, q).toBeGreaterThan(0);
    expect(got.total, q).toBe(ref.total);
    expect(got.hits.map((h) => [h.order, h.score, h.ref.quote.text, h.matches]), q).toEqual(ref.hits.map((h) => [h.order, h.score, h.ref.quote.text, h.matches]));
  }
}

describe('the search pool (worker threads)', () => {
  let corpus: Corpus;
  let index: SearchIndex;
  let pool: SearchPool;
  beforeAll(async () => {
    corpus = await loadCorpus();
    index = buildSearchIndex(corpus);
    pool = new SearchPool(corpus, { workers: 2, limit: 50 });
    await pool.ready;
  });
  afterAll(async () => {
    await pool.close();
  });

  it('gives exactly the hits, scores and order of one in-process search, keystroke by keystroke', async () => {
    for (const q of ['colour revolution', 'speaker:trump help', 'zakarova', "'relief | sabers", '!russia iran']) {
      for (let i = 1; i <= q.length; i++) {
        const s = q.slice(0, i);
        const got = await pool.searchFinal(s);
        const ref = searchQuotes(index, s, { limit: 50, exhaustive: true });
        expect(got.hits.map((h) => [h.ref.quote.id, h.score]), s).toEqual(ref.hits.map((h) => [h.ref.quote.id, h.score]));
        expect(got.total, s).toBe(ref.total);
      }
    }
  });

  it('a query typed while the workers are still starting gets exactly the in-process results', async () => {
    // the workers warm up before they say they are ready; a search sent meanwhile stops that and
    // is answered in full
    const early = new SearchPool(corpus, { workers: 2, limit: 50 });
    try {
      for (const s of ['colour', 'colour revolution', 'k']) {
        const got = await early.searchFinal(s);
        const ref = searchQuotes(index, s, { limit: 50, exhaustive: true });
        expect(got.hits.map((h) => [h.ref.quote.id, h.score]), s).toEqual(ref.hits.map((h) => [h.ref.quote.id, h.score]));
        expect(got.total, s).toBe(ref.total);
      }
    } finally {
      await early.close();
    }
  });

  it('highlights what matched', async () => {
    const u = await pool.searchFinal('sigh of relief');
    const top = u.hits[0]!;
    expect(top.ref.quote.id).toBe('q-smagin-sigh-of-relief');
    const text = top.matches.find((m) => m.field === 'text')!;
    const [s, e] = text.indices[0]!;
    expect(top.ref.quote.text.slice(s, e + 1).toLowerCase()).toContain('sigh');
  });

  it('a newer query supersedes an older one: only the newest gets a final update', async () => {
    const seen: PoolUpdate[] = [];
    pool.search('kremlin', (u) => seen.push(u));
    const last = await pool.searchFinal('trump');
    expect(last.query).toBe('trump');
    expect(seen.every((u) => u.query === 'kremlin')).toBe(true);
    expect(last.hits.every((h) => h.ref.quote.speaker === 'actor-trump' || /trump/i.test(JSON.stringify(h.matches)))).toBe(true);
  });

  it('reports a query error instead of throwing', async () => {
    const u = await pool.searchFinal('speaker:');
    expect(u.done).toBe(true);
  });

  it.runIf(process.platform === 'linux')('its worker threads run at a lower priority than the UI thread', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    // field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value
    const nice = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const threads = readdirSync('/proc/self/task');
    const main = nice(String(process.pid));
    const lowered = threads.filter((t) => nice(t) >= Math.min(19, main + 10));
    expect(lowered.length).toBeGreaterThanOrEqual(2); // the pool's two workers
    expect(main).toBeLessThan(10);
  });

  it('an empty query lists every quote in corpus order', async () => {
    const u = await pool.searchFinal('');
    expect(u.total).toBe(corpus.quotes.length);
    expect(u.hits.map((h) => h.ref.quote.id)).toEqual(corpus.quotes.slice(0, 50).map((r) => r.quote.id));
  });
});

describe('the search pool over texts of every kind of character', () => {
  it('highlights exactly as one in-process search, the text as written included', async () => {
    // texts whose folding moves characters (ß -> ss, a ligature, a combining accent), wide
    // characters (Cyrillic, curly quotes, an emoji) and plain capitals, spread over both shards:
    // the workers keep only folded texts, and the pool puts the quotes as written back
    const base = await loadCorpus();
    const texts = ['Die Straße der Revolution', 'ﬁnal colour revolution ﬁle', 'Cafe\u0301 revolución', 'Цветная революция colour', '“Colour” revolution 🙂 now', 'COLOUR REVOLUTION'];
    const quotes = base.quotes.map((ref, i) => (i % 7 === 3 ? { ...ref, quote: { ...ref.quote, text: texts[(i / 7) % texts.length | 0]! } } : ref));
    const corpus = { ...base, quotes };
    const index = buildSearchIndex(corpus);
    const pool = new SearchPool(corpus, { workers: 2, limit: 50, diskIndex: false });
    try {
      await expectSameAsInProcess(pool, index, ['strasse', 'ﬁnal', 'cafe', 'colour revolution', 'revolucion', 'цветная', "'revolution"]);
    } finally {
      await pool.close();
    }
  });
});

describe('the search pool when a worker dies', () => {
  it('starts the worker again and still answers exactly, the running search included', async () => {
    const corpus = await loadCorpus();
    const index = buildSearchIndex(corpus);
    const pool = new SearchPool(corpus, { workers: 2, limit: 50 });
    try {
      await pool.ready;
      const running = pool.searchFinal('colour revolution');
      await pool.crashWorkerForTest(0); // as an out-of-memory end would
      const got = await running;
      const ref = searchQuotes(index, 'colour revolution', { limit: 50, exhaustive: true });
      expect(got.error).toBeUndefined();
      expect(got.hits.map((h) => [h.order, h.score])).toEqual(ref.hits.map((h) => [h.order, h.score]));
      expect(got.total).toBe(ref.total);
      const next = await pool.searchFinal('zakarova');
      expect(next.total).toBe(searchQuotes(index, 'zakarova', { exhaustive: true }).total);
    } finally {
      await pool.close();
    }
  });

  it('reports an error, instead of waiting for ever, when a worker keeps dying', async () => {
    const pool = new SearchPool(await loadCorpus(), { workers: 2, limit: 50 });
    try {
      await pool.ready;
      let last: PoolUpdate | undefined;
      for (let i = 0; i < 6 && !last?.error; i++) {
        const running = pool.searchFinal('kremlin');
        // wait for the restarted worker, then end it again
        for (let t = 0; t < 200 && !(await pool.crashWorkerForTest(1)); t++) await new Promise((r) => setTimeout(r, 25));
        last = await running;
      }
      expect(last?.error).toMatch(/search worker failed/);
      expect((await pool.searchFinal('trump')).error).toMatch(/search worker failed/);
    } finally {
      await pool.close();
    }
    // up to three workers started again one after the other (each compiles its TypeScript
    // sources under tsx): 0.5 s alone, past the default 30 s once beside a full test run
  }, 120_000);
});

describe('the search pool over a corpus whose texts stay on disk (the dashboard\'s)', () => {
  const tmp = tempDir('nl-pool-ondemand-');
  it('gives the hits, scores, texts and highlights of one in-process search of the corpus read whole', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const whole = await loadCorpus([], { cache: true, cacheDir });
    const onDisk = await loadCorpus([], { cache: true, cacheDir, textsOnDemand: 1 });
    expect(readsOnDemand(onDisk.quotes[0]!.quote)).toBe(true);
    const index = buildSearchIndex(whole);
    const pool = new SearchPool(onDisk, { workers: 2, limit: 50, diskIndex: false });
    try {
      await expectSameAsInProcess(pool, index, ['colour revolution', 'zakarova', "'relief | sabers", 'speaker:trump help']);
    } finally {
      await pool.close();
    }
  });
});
