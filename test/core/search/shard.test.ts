// The columns the search workers receive (core/shard.ts) carry every field search reads, for any
// slice of the corpus, texts in every script included.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import type { Corpus } from '../../../src/core/corpus/corpus.js';
import { packShard, unpackShard } from '../../../src/core/search/shard.js';
import { buildSearchIndex, searchQuotes } from '../../../src/core/search/search.js';

const HOSTILE = 'test/fixtures/hostile/corpus.json';

describe('search shards', () => {
  let corpora: Corpus[];
  beforeAll(async () => {
    corpora = [await loadCorpus(), await loadCorpus([HOSTILE])];
  });

  it('unpacked, every quote has its text, speaker, narratives, topics, kind and article', () => {
    for (const corpus of corpora) {
      const ids = new Map(corpus.actors.map((a, i) => [a.id, i]));
      const n = corpus.quotes.length;
      for (const [from, to] of [[0, n], [0, Math.floor(n / 2)], [Math.floor(n / 3), n], [5, 5]] as const) {
        const shard = unpackShard(structuredClone(packShard(corpus, from, to, ids)), corpus.actors, corpus.narratives);
        expect(shard.quotes).toHaveLength(to - from);
        shard.quotes.forEach(({ quote, article }, k) => {
          const want = corpus.quotes[from + k]!;
          expect(quote.text).toBe(want.quote.text);
          expect(quote.speaker).toBe(want.quote.speaker);
          expect(quote.kind).toBe(want.quote.kind);
          expect(quote.narratives).toEqual(want.quote.narratives);
          expect(quote.topics).toEqual(want.quote.topics);
          expect([article.id, article.title]).toEqual([want.article.id, want.article.title]);
        });
      }
    }
  });

  it('searching a whole-corpus shard gives the hits of the corpus itself', () => {
    for (const corpus of corpora) {
      const ids = new Map(corpus.actors.map((a, i) => [a.id, i]));
      const shard = unpackShard(packShard(corpus, 0, corpus.quotes.length, ids), corpus.actors, corpus.narratives);
      const [whole, packed] = [buildSearchIndex(corpus), buildSearchIndex(shard)];
      for (const q of ['colour revolution', 'speaker:zakharova', 'kind:term', 'narrative:colour', 'article:kremlin', 'iran', '"sigh of relief"']) {
        const a = searchQuotes(whole, q, { limit: 50 });
        const b = searchQuotes(packed, q, { limit: 50 });
        expect(b.hits.map((h) => [h.order, h.score, h.matches]), q).toEqual(a.hits.map((h) => [h.order, h.score, h.matches]));
        expect(b.total, q).toBe(a.total);
      }
    }
  });
});
