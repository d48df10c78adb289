/** Completion of a filter's name or value in the search box (issue 14.4): candidates from the corpus. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import type { Corpus } from '../../../src/core/corpus/corpus.js';
import { applyCompletion, completeQuery, completionTarget } from '../../../src/core/search/complete.js';
import { searchQuotes, buildSearchIndex } from '../../../src/core/search/search.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus([]);
});

const candidates = (q: string) => completeQuery(corpus, q)?.candidates;

describe('completeQuery', () => {
  it("a filter's name: ki → kind:, a → article:, ! kept", () => {
    expect(candidates('colour ki')).toEqual(['kind:']);
    expect(candidates('a')).toEqual(['article:']);
    expect(candidates('!sp')).toEqual(['!speaker:']);
  });

  it('kind: its three values, narrowed by what was typed', () => {
    expect(candidates('kind:')).toEqual(['kind:direct', 'kind:indirect', 'kind:term']);
    expect(candidates('relief kind:d')).toEqual(['kind:direct']);
    expect(candidates('kind:quote')).toEqual([]);
  });

  it('date: the dates quotes fall on, in order, narrowed by their start', () => {
    const dates = candidates('date:2026-01')!;
    expect(dates.length).toBeGreaterThan(1);
    expect(dates.every((d) => d.startsWith('date:2026-01'))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(candidates('date:2025')).toEqual(['date:2025-06', 'date:2025-10']);
  });

  it('outlet: and article: from the articles, quoted when they hold spaces', () => {
    expect(candidates('outlet:jaz')).toEqual(['outlet:"Al Jazeera"']);
    expect(candidates('outlet:"al')).toEqual(['outlet:"Al Jazeera"']);
    expect(candidates('article:kremlin')).toEqual(['article:"The Kremlin is confident that mass protests in Iran have peaked"']);
  });

  it('speaker: and narrative: ranked as --actor ranks names (typos forgiven)', () => {
    expect(candidates('speaker:smagn')![0]).toBe('speaker:"Nikita Smagin"');
    expect(candidates('!speaker:zakh')![0]).toBe('!speaker:"Mariya Zakharova"');
    expect(candidates('narrative:colour')![0]).toMatch(/^narrative:".*[Cc]olou?r revolution/);
  });

  it('every candidate, put in the query, finds quotes', () => {
    const index = buildSearchIndex(corpus);
    for (const q of ['kind:', 'date:2026', 'outlet:', 'article:', 'speaker:smag', 'narrative:']) {
      const c = completeQuery(corpus, q)!;
      for (const cand of c.candidates.slice(0, 5)) expect(searchQuotes(index, applyCompletion(q, c, cand), { limit: 0 }).total, cand).toBeGreaterThan(0);
    }
  });

  it('a plain word, a finished word, an unknown filter: nothing to complete', () => {
    expect(completionTarget('colour')).toBeUndefined();
    expect(completionTarget('kind:direct ')).toBeUndefined();
    expect(completionTarget('foo:bar')).toBeUndefined();
    expect(completionTarget('http://x')).toBeUndefined();
    expect(applyCompletion('sigh ki', completeQuery(corpus, 'sigh ki')!, 'kind:')).toBe('sigh kind:');
  });
});
