/**
 * Fields many quotes share (one speaker's aliases; narrative and topic lists) are matched once a
 * query, not once a quote (issue 18): whole searches over such corpora must still give exactly
 * plain fuse.js's hits, scores, order and highlights.
 */
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../../src/core/corpus/corpus.js';
import { CorpusFile } from '../../../src/core/corpus/schema.js';
import { MAX_ELEMENT_HIGHLIGHTS, buildSearchIndex, searchQuotes } from '../../../src/core/search/search.js';
import { aliasesTimesQuotes } from '../../fixtures/product.js';

function corpusOf(input: unknown) {
  const f = CorpusFile.parse(input);
  return makeCorpus({ ...f, files: ['product.json'] });
}

describe('shared fields matched once per query', () => {
  // two speakers with many aliases, narratives and topics shared by many quotes
  const input = aliasesTimesQuotes(120, 300);
  const f = input as { actors: { id: string; name: string; kind: string; aliases: string[]; role?: string }[]; articles: { quotes: Record<string, unknown>[] }[]; narratives?: unknown[] };
  f.actors.push({ id: 'aide', name: 'Ministry aide', kind: 'person', aliases: Array.from({ length: 50 }, (_, k) => `aide reform ${k}`), role: 'press aide' });
  f.narratives = [
    { id: 'n1', label: 'Reform is coming', summary: 's' },
    { id: 'n2', label: 'The minister resists', summary: 's' },
  ];
  f.articles[0]!.quotes.forEach((q, k) => {
    if (k % 3 === 0) q.speaker = 'aide';
    q.narratives = k % 2 ? ['n1'] : k % 5 ? ['n1', 'n2'] : [];
    q.topics = k % 4 ? ['reform', `topic ${k % 7}`] : [];
  });
  const index = buildSearchIndex(corpusOf(input));
  const queries = ['minister', 'reform', "'alias 1", 'aide refrom', 'statement 12', 'minster | aide', 'resists reform', "'alias", 'topic 3 reform', 'zzz', 'alais 7'];

  for (const q of queries) {
    it(`"${q}": the hits, scores, order and highlights of plain fuse.js`, () => {
      const fast = searchQuotes(index, q);
      const plain = searchQuotes(index, q, { exhaustive: true });
      expect(fast.error).toBeUndefined();
      expect(fast.total).toBe(plain.total);
      expect(fast.hits.map((h) => [h.order, h.score, h.matches])).toEqual(plain.hits.map((h) => [h.order, h.score, h.matches]));
    });
  }

  it(`highlights at most ${MAX_ELEMENT_HIGHLIGHTS} aliases of a hit, the first that match`, () => {
    const r = searchQuotes(index, "'alias", { limit: 1 });
    const aliases = r.hits[0]!.matches.filter((m) => m.field === 'aliases');
    expect(aliases.map((m) => m.refIndex)).toEqual(Array.from({ length: MAX_ELEMENT_HIGHLIGHTS }, (_, i) => i));
    expect(aliases[3]!.value).toBe('minister alias 3');
  });
});
