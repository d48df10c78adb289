import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { fastTermOptions } from '../../../src/core/search/fuzzy-term.js';
import { RANKING_OPTIONS, SEARCH_OPTIONS } from '../../../src/core/search/options.js';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { buildSearchIndex, searchQuotes } from '../../../src/core/search/search.js';

type Searcher = { searchIn(text: string): { isMatch: boolean; score: number }; answersItself?: boolean };

/** The searcher fuse makes for one extended-search token under `options`. */
function searcherFor(token: string, options: object): Searcher {
  const node = Fuse.parseQuery({ $and: [token] } as never, { ...Fuse.config, ...options }) as unknown as { children: { searcher: Searcher }[] };
  return node.children[0]!.searcher;
}

const fast = (token: string) => searcherFor(token, fastTermOptions(RANKING_OPTIONS));
const plain = (token: string) => searcherFor(token, RANKING_OPTIONS);
const fastRanges = (token: string) => searcherFor(token, fastTermOptions(SEARCH_OPTIONS));
const plainRanges = (token: string) => searcherFor(token, SEARCH_OPTIONS);

function answer(s: Searcher, text: string) {
  const r = s.searchIn(text) as { isMatch: boolean; score: number; indices?: unknown };
  return r.indices === undefined ? { isMatch: r.isMatch, score: r.score } : { isMatch: r.isMatch, score: r.score, indices: r.indices };
}

describe("fuzzy terms answered without fuse's bitap scan", () => {
  it('answers a fuzzy term itself, and leaves everything else to fuse', () => {
    expect(fast('"colour"').answersItself).toBe(true);
    expect(fast('"a"').answersItself).toBe(true);
    for (const token of ["'\"colour\"", '^"colour"', '"colour"$', '="colour"', `"${'x'.repeat(33)}"`]) {
      expect(fast(token).answersItself, token).toBe(false);
    }
    // with match ranges (highlighting) too
    expect(searcherFor('"colour"', fastTermOptions(SEARCH_OPTIONS)).answersItself).toBe(true);
  });

  it('gives the same match and score as fuse on examples an analyst types', () => {
    const cases: [string, string][] = [
      ['colour', 'a colour revolution'], // contained
      ['colour', 'colour'], // the whole field
      ['colour', 'a color revolution'], // one edit
      ['zakarova', 'maria zakharova'], // one edit in 8 letters
      ['revolushun', 'colour revolution'], // too many edits
      ['iran', 'tehran'], // 'iran' vs 'ran': one deletion
      ['the', 'then'],
      ['the', 'tha'], // three letters: no edits allowed
      ['sanctions', ''],
    ];
    for (const [term, text] of cases) {
      expect(answer(fast(`"${term}"`), text), `${term} in ${text}`).toEqual(answer(plain(`"${term}"`), text));
      expect(answer(fastRanges(`"${term}"`), text), `ranges: ${term} in ${text}`).toEqual(answer(plainRanges(`"${term}"`), text));
    }
  });

  it('gives the same match and score as fuse on random terms and fields', () => {
    // a small alphabet makes near matches (one, two, three edits) common
    const unit = fc.constantFrom('a', 'b', 'c', 'd', ' ', 'é', 'я');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 32 }), fc.string({ unit, maxLength: 60 }), fc.nat(60), (term, text, cut) => {
        const t = term.trim();
        fc.pre(t.length > 0 && !t.includes('"'));
        // also try the term planted in the text, and the field equal to the term
        for (const field of [text, text.slice(0, cut) + t + text.slice(cut), t, t + t + text + t]) {
          expect(answer(fast(`"${t}"`), field), `${t} | ${field}`).toEqual(answer(plain(`"${t}"`), field));
          expect(answer(fastRanges(`"${t}"`), field), `ranges: ${t} | ${field}`).toEqual(answer(plainRanges(`"${t}"`), field));
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('gives a whole search the hits, scores, order and highlights of plain fuse.js on random queries', async () => {
    const index = buildSearchIndex(await loadCorpus());
    const words = [...new Set(index.corpus.quotes.flatMap((r) => r.quote.text.toLowerCase().match(/[a-z]{3,}/g) ?? []))];
    const word = fc.constantFrom(...words);
    // a word with up to two random edits, as a typo
    const typo = fc.tuple(word, fc.nat(20), fc.constantFrom('', 'x', 'e', 'o'), fc.nat(2)).map(([w, at, ch, del]) => w.slice(0, at % w.length) + ch + w.slice((at % w.length) + del));
    fc.assert(
      fc.property(fc.array(fc.oneof(word, typo), { minLength: 1, maxLength: 3 }), (terms) => {
        const s = terms.join(' ');
        const got = searchQuotes(index, s, { limit: 50 });
        const ref = searchQuotes(index, s, { limit: 50, exhaustive: true });
        expect(got.hits.map((h) => [h.order, h.score, h.matches]), s).toEqual(ref.hits.map((h) => [h.order, h.score, h.matches]));
        expect(got.total, s).toBe(ref.total);
      }),
      { numRuns: 150 },
    );
  });
});
