import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedErrors, boundedEdits, narrows, pigeonholePieces, termAnswer, withinEdits } from '../../../src/core/search/prefilter.js';
import { parseQuery, type ParsedQuery } from '../../../src/core/search/query.js';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { buildSearchIndex, searchQuotes } from '../../../src/core/search/search.js';

/** Smallest edit distance between `p` and any substring of `t` (plain dynamic programming). */
function bestSubstringDistance(p: string, t: string): number {
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  let best = prev[p.length]!;
  for (let j = 1; j <= t.length; j++) {
    const cur = [0];
    for (let i = 1; i <= p.length; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    best = Math.min(best, cur[p.length]!);
    prev = cur;
  }
  return best;
}

const q = (s: string): ParsedQuery => {
  const r = parseQuery(s);
  if (!r.ok) throw new Error(r.error);
  return r.query;
};

describe('prefilter', () => {
  it('allows the edits fuse allows at threshold 0.3', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 13, 14].map((m) => allowedErrors(m))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
  });

  it('splits a term into k+1 pieces that cover it', () => {
    expect(pigeonholePieces('revolution', 3)).toEqual(['re', 'vo', 'lut', 'ion']);
    expect(pigeonholePieces('colour', 1).join('')).toBe('colour');
  });

  it('Myers scan agrees with the textbook edit distance on random strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'd'), maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        (p, t, k) => {
          expect(withinEdits(p, k)(t)).toBe(bestSubstringDistance(p, t) <= k);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds the exact distance of a planted typo (up to k edits) in random text', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    // an edit: at some position, replace, insert or delete one character
    const edit = fc.tuple(fc.nat(40), fc.constantFrom('sub', 'ins', 'del'), letters);
    fc.assert(
      fc.property(
        fc.string({ unit: letters, minLength: 1, maxLength: 20 }),
        fc.array(edit, { maxLength: 4 }),
        fc.string({ unit: letters, maxLength: 30 }),
        fc.string({ unit: letters, maxLength: 30 }),
        fc.integer({ min: 0, max: 4 }),
        (p, edits, before, after, k) => {
          let typo = p;
          for (const [at, op, ch] of edits) {
            const i = at % (typo.length + 1);
            typo = op === 'ins' ? typo.slice(0, i) + ch + typo.slice(i) : typo.slice(0, i) + (op === 'sub' ? ch : '') + typo.slice(i + 1);
          }
          const t = before + typo + after;
          expect(boundedEdits(p, k)(t, -1), `${p} in ${t}`).toBe(Math.min(k + 1, bestSubstringDistance(p, t)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("answers a term as fuse does, field after field, though it remembers the last field it was asked", () => {
    // the prefilter and the scoring share one answer per term, which remembers its last field:
    // asked about fields in any order, repeats and alternations included, it answers each one
    const unit = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 10 }),
        fc.array(fc.string({ unit, maxLength: 24 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(3), { minLength: 1, maxLength: 12 }),
        (term, fields, order) => {
          const answer = termAnswer(term, 0.3);
          const k = allowedErrors(term.length);
          for (const at of order) {
            const field = fields[at % fields.length]!;
            const d = bestSubstringDistance(term, field);
            const want = field === term ? 0 : d === 0 ? 0.001 : d <= k ? Math.max(0.001, d / term.length) : 1;
            const got = answer(field);
            expect(got.isMatch, `${term} in ${field}`).toBe(d <= k);
            expect(got.score, `${term} in ${field}`).toBe(want);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('handles a 32-character pattern (all bits used)', () => {
    const p = 'abcdefghijklmnopqrstuvwxyzabcdef';
    expect(withinEdits(p, 3)(`xx${p.slice(0, 10)}Z${p.slice(11)}yy`)).toBe(true);
    expect(withinEdits(p, 3)('abcdefghij')).toBe(false);
  });

  it('narrows only when every match of the new query matches the old one', () => {
    expect(narrows(q('prote'), q('protes'))).toBe(true); // 1 edit allowed for both
    expect(narrows(q('prot'), q('protest'))).toBe(false); // 1 → 2 edits: more can match
    expect(narrows(q('colour'), q('colour rev'))).toBe(true); // one more AND term
    expect(narrows(q("'sig"), q("'sigh"))).toBe(true);
    expect(narrows(q('!rus'), q('!russ'))).toBe(false); // a longer negation excludes less
    expect(narrows(q('speaker:zak'), q('speaker:zakh'))).toBe(true);
    expect(narrows(q('smagin | markov'), q('smagin | markov zak'))).toBe(true);
    expect(narrows(q('relief$'), q('relief.$'))).toBe(false);
  });
});

describe('pruned search equals a full fuse.js search', () => {
  it('on every keystroke of analyst queries over the seed data', async () => {
    const index = buildSearchIndex(await loadCorpus());
    const queries = ['colour revolution', 'zakarova', 'sigh of relif', 'kremlin | moscow', 'foreign agents', "'help", 'speaker:trump target', 'death toll !state', 'xqzvw'];
    let compared = 0;
    for (const full of queries) {
      for (let i = 1; i <= full.length; i++) {
        const s = full.slice(0, i);
        const fast = searchQuotes(index, s, { limit: 50 });
        const ref = searchQuotes(index, s, { limit: 50, exhaustive: true });
        expect(fast.hits.map((h) => [h.order, h.score]), s).toEqual(ref.hits.map((h) => [h.order, h.score]));
        expect(fast.total, s).toBe(ref.total);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
