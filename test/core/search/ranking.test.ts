import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { buildSearchIndex, searchQuotes, type SearchIndex } from '../../../src/core/search/search.js';

// Analyst queries on the bundled article, each with the quote an analyst expects to see among
// the first three results (the bar the dashboard is held to).
const EXPECTED: [query: string, quoteId: string][] = [
  ['colour revolution', 'q-zakharova-notorious-method'],
  ['sigh of relief', 'q-smagin-sigh-of-relief'],
  ['help is on the way', 'q-trump-help-on-the-way'],
  ['locked and loaded', 'q-trump-locked-loaded'],
  ['death toll', 'q-opposition-death-toll'],
  ['foreign agents', 'q-israeli-tv-foreign-agents'],
  ['roblox', 'q-irina-what-iran'],
  ['rattle sabers', 'q-bondarev-rattle-sabers'],
  ['easy target', 'q-trump-easy-target'],
  ['western pressure', 'q-mfa-illegal-pressure'],
  ['zakharova unacceptable', 'q-zakharova-categorically-unacceptable'],
  ['markov reforms', 'q-markov-telegram'],
  ['israel role', 'q-analysts-israel-role'],
  ['100 security personnel', 'q-state-media-security-deaths'],
  ['speaker:likhachev dictatorship', 'q-likhachev-all-protests'],
];

describe('search relevance on the bundled article', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = buildSearchIndex(await loadCorpus());
  });

  for (const [query, id] of EXPECTED) {
    it(`"${query}" shows ${id} among the first three`, () => {
      const top = searchQuotes(index, query, { limit: 3 }).hits.map((h) => h.ref.quote.id);
      expect(top).toContain(id);
    });
  }

  it('nonsense finds nothing', () => {
    for (const q of ['xqzvw', 'qwertyuiop', 'zzzz', 'blorptangle']) expect(searchQuotes(index, q).total, q).toBe(0);
  });
});
