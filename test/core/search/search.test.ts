import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { makeCorpus, type Corpus } from '../../../src/core/corpus/corpus.js';
import { buildSearchIndex, searchQuotes, type SearchIndex } from '../../../src/core/search/search.js';
import { fold, foldWithMap, parseQuery, unfoldRange } from '../../../src/core/search/query.js';
import { CorpusFile } from '../../../src/core/corpus/schema.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MINI = path.join(here, '../../fixtures/cli/mini');

let corpus: Corpus;
let index: SearchIndex;
beforeAll(async () => {
  corpus = await loadCorpus([MINI]);
  index = buildSearchIndex(corpus);
});

const ids = (q: string, limit?: number) => searchQuotes(index, q, { limit }).hits.map((h) => h.ref.quote.id);
const top3 = (q: string) => ids(q, 3);
const highlighted = (q: string, id: string, field = 'text') => {
  const hit = searchQuotes(index, q).hits.find((h) => h.ref.quote.id === id)!;
  return hit.matches.filter((m) => m.field === field).flatMap((m) => m.indices.map(([s, e]) => m.value.slice(s, e + 1)));
};

describe('analyst queries (fixture from the seed article)', () => {
  it('finds Zakharova’s colour-revolution quote despite the British spelling', () => {
    expect(top3('colour revolution')).toContain('q-zakharova-colour');
  });
  it('finds Smagin by his words', () => {
    expect(top3('sigh of relief')[0]).toBe('q-smagin-relief');
  });
  it('finds Trump’s “help is on the way” first', () => {
    expect(top3('help is on the way')[0]).toBe('q-trump-help');
  });
  it('matches terms across fields: a name and a word of the quote', () => {
    // "zakharova" is only in the speaker field, "colour" in the quote
    expect(top3('zakharova colour')[0]).toBe('q-zakharova-colour');
    expect(top3('trump loaded')[0]).toBe('q-trump-locked');
  });
  it('tolerates a typo in a name', () => {
    expect(top3('zakarova')).toContain('q-zakharova-colour');
    expect(top3('likachev')).toContain('q-likhachev-all');
  });
  it('finds by role, narrative label and topic', () => {
    expect(ids('spokeswoman').every((id) => id.startsWith('q-zakharova'))).toBe(true);
    expect(ids('peaked')).toEqual(expect.arrayContaining(['q-smagin-relief', 'q-markov-quelled']));
    expect(top3('death toll')).toContain('q-state-media-100');
  });
  it('returns nothing for nonsense', () => {
    for (const q of ['xqzvw', 'blorptangle', 'zzzz qqqq', "'xqzvw"]) expect(ids(q), q).toEqual([]);
  });
  it('ignores case, diacritics and typographic apostrophes', () => {
    expect(top3("doesn't think")[0]).toBe('q-smagin-within');
    expect(top3('RELIEF')[0]).toBe('q-smagin-relief');
    expect(top3('Zákharová')).toContain('q-zakharova-colour');
  });
});

describe('qualifiers', () => {
  it('speaker: keeps only that speaker’s quotes', () => {
    const hits = searchQuotes(index, 'speaker:trump').hits;
    expect(hits.map((h) => h.speaker?.id)).toEqual(['trump', 'trump', 'trump', 'trump']);
    expect(hits.every((h) => h.score === 0)).toBe(true);
  });
  it('speaker: takes quoted values and combines with free terms', () => {
    expect(ids('speaker:"donald trump" help')[0]).toBe('q-trump-help');
    expect(ids('speaker:"donald trump" help').length).toBeGreaterThan(0);
    expect(ids('speaker:trump relief')).toEqual([]);
  });
  it('kind: is exact (and accepts a prefix)', () => {
    expect(ids('kind:term')).toEqual(['t-color-revolutions']);
    expect(ids('kind:indirect')).toEqual(['q-state-media-100']);
    expect(ids('kind:ind')).toEqual(['q-state-media-100']);
    expect(ids('kind:direct').length).toBe(17);
  });
  it('narrative: matches the label or id', () => {
    const byLabel = ids('narrative:colour');
    expect(byLabel).toContain('q-zakharova-colour');
    expect(byLabel).not.toContain('q-trump-help');
    expect(ids('narrative:n-us-help')).toEqual(['q-trump-institutions', 'q-trump-help', 'q-trump-locked']);
  });
  it('article: matches the title or id', () => {
    expect(ids('article:kremlin').length).toBe(19);
    expect(ids('article:aj-kremlin-iran').length).toBe(19);
    expect(ids('article:nonexistent')).toEqual([]);
  });
  it('negated qualifiers', () => {
    const notTrump = searchQuotes(index, '!speaker:trump').hits;
    expect(notTrump.length).toBe(15);
    expect(notTrump.some((h) => h.speaker?.id === 'trump')).toBe(false);
    expect(ids('speaker:!trump')).toEqual(ids('!speaker:trump'));
    expect(ids('!kind:direct')).toEqual(['t-color-revolutions', 'q-state-media-100']);
  });
  it('ORs qualifiers joined by |', () => {
    const hits = searchQuotes(index, 'speaker:smagin | speaker:markov').hits;
    expect(new Set(hits.map((h) => h.speaker?.id))).toEqual(new Set(['smagin', 'markov']));
  });
  it('bad kind is an error, not an exception', () => {
    const r = searchQuotes(index, 'kind:quote');
    expect(r.hits).toEqual([]);
    expect(r.error).toMatch(/kind/);
  });
});

describe('fzf syntax', () => {
  it("'exact needs the exact substring", () => {
    // "colour" is only in tags; the quote text says "color": exact 'color finds the quote text
    expect(ids("'color revolution")).toContain('q-zakharova-colour');
    expect(ids("'relif")).toEqual([]); // no typo allowed
    expect(ids('relif')).toContain('q-smagin-relief'); // fuzzy allows it
  });
  it('^prefix and suffix$ anchor to a field', () => {
    expect(ids('^breathe')).toEqual(['q-smagin-relief']);
    expect(ids("^'breathe")).toEqual([]); // the ' is part of the term after ^
    expect(ids('unacceptable,$')).toEqual(['q-zakharova-unacceptable']);
    expect(ids('^easy target.$')).toEqual(['q-trump-target']); // two terms: ^easy AND target.$
    expect(ids('=easy target.')).toEqual([]); // =easy is the whole field "easy": no
    expect(ids('="easy target."')).toEqual(['q-trump-target']);
  });
  it('!not excludes quotes where any searchable field contains the term', () => {
    const hits = searchQuotes(index, '!russia').hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const fields = [h.ref.quote.text, h.speaker?.name ?? '', ...(h.speaker?.aliases ?? []), h.speaker?.role ?? '', ...h.ref.quote.topics];
      expect(fields.join(' ').toLowerCase()).not.toContain('russia');
    }
    expect(ids('!russia')).not.toContain('q-markov-quelled');
    expect(ids('protests !quelled')).not.toContain('q-markov-quelled');
  });
  it('a | b is OR, binding tighter than the space (as in fzf)', () => {
    const either = ids('relief | sabers');
    expect(either).toEqual(expect.arrayContaining(['q-smagin-relief', 'q-bondarev-sabers']));
    // sabers AND (relief OR reputation): only Bondarev
    expect(ids('sabers relief | reputation')).toEqual(['q-bondarev-sabers']);
  });
  it('"a phrase" is an exact substring', () => {
    expect(ids('"sigh of relief"')).toEqual(['q-smagin-relief']);
    expect(ids('“sigh of relief”')).toEqual(['q-smagin-relief']);
    expect(ids('"relief of sigh"')).toEqual([]);
  });
  it('a mixed OR of words and filters is reported', () => {
    expect(searchQuotes(index, 'relief | !sabers').error).toMatch(/\|/);
    expect(searchQuotes(index, 'relief | speaker:trump').error).toMatch(/qualifier/);
  });
  it('is lenient while typing', () => {
    for (const q of ['!', "'", '^', '|', 'relief |', '| relief', 'speaker:', 'speaker:"smag', '"sigh of']) {
      expect(searchQuotes(index, q).error, q).toBeUndefined();
    }
    expect(ids('speaker:"smag')).toEqual(['q-smagin-relief', 'q-smagin-within', 'q-smagin-little']);
    expect(ids('"sigh of')).toEqual(['q-smagin-relief']);
  });
  it('never throws on hostile input', () => {
    for (const q of ['"', '""', "''", '$', '^$', '=', '!!', '\\', '|||', 'a"b c"d', 'x\u0000y', '\u202Eevil', 'a'.repeat(500), '( ) [ ] { } * + ?']) {
      expect(() => searchQuotes(index, q), q).not.toThrow();
    }
  });
});

describe('results', () => {
  it('empty query: every quote in corpus order, score 0', () => {
    const r = searchQuotes(index, '   ');
    expect(r.total).toBe(corpus.quotes.length);
    expect(r.hits.map((h) => h.ref)).toEqual(corpus.quotes);
    expect(r.hits.every((h) => h.score === 0 && h.matches.length === 0)).toBe(true);
  });
  it('limit trims hits; total counts all matches', () => {
    const all = searchQuotes(index, 'protests');
    const two = searchQuotes(index, 'protests', { limit: 2 });
    expect(all.total).toBeGreaterThan(2);
    expect(two.total).toBe(all.total);
    expect(two.hits).toEqual(all.hits.slice(0, 2));
  });
  it('sorted by score, ties in corpus order', () => {
    const hits = searchQuotes(index, 'protests').hits;
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1]!, hits[i]!];
      expect(a.score < b.score || (a.score === b.score && a.order < b.order)).toBe(true);
    }
  });
  it('is deterministic', () => {
    expect(searchQuotes(index, 'colour revolution')).toEqual(searchQuotes(buildSearchIndex(corpus), 'colour revolution'));
  });
  it('highlights the matched words in the quote and the speaker', () => {
    expect(highlighted('sigh of relief', 'q-smagin-relief')).toEqual(['sigh', 'of', 'relief']);
    expect(highlighted('zakharova colour', 'q-zakharova-colour', 'speaker')).toEqual(['Zakharova']);
    expect(highlighted('speaker:trump', 'q-trump-help', 'speaker')).toEqual(['Trump']);
    expect(highlighted('"sigh of relief"', 'q-smagin-relief')).toEqual(['sigh of relief']);
  });
  it('highlights point into the original text when folding changes lengths', () => {
    const f = foldWithMap('Straße Nicolás “x”');
    expect(f.text).toBe('strasse nicolas "x"');
    // "nicolas" in the folded text maps back to "Nicolás"
    const start = f.text.indexOf('nicolas');
    const [s, e] = unfoldRange(f, [start, start + 6]);
    expect('Straße Nicolás “x”'.slice(s, e + 1)).toBe('Nicolás');
  });
  it('is pure: a hit and its score do not depend on the other records (shardable)', () => {
    const query = 'protests russia';
    const full = searchQuotes(index, query).hits;
    const half = Math.floor(corpus.quotes.length / 2);
    const shard = (qs: typeof corpus.quotes) =>
      makeCorpus({ ...corpus, articles: corpus.articles, files: corpus.files }) && { ...corpus, quotes: qs };
    const a = searchQuotes(buildSearchIndex(shard(corpus.quotes.slice(0, half))), query).hits;
    const b = searchQuotes(buildSearchIndex(shard(corpus.quotes.slice(half))), query).hits;
    const merged = [...a.map((h) => ({ ...h, order: h.order })), ...b.map((h) => ({ ...h, order: h.order + half }))].sort(
      (x, y) => x.score - y.score || x.order - y.order,
    );
    expect(merged.map((h) => [h.ref.quote.id, h.score])).toEqual(full.map((h) => [h.ref.quote.id, h.score]));
  });
});

describe('query parsing', () => {
  it('builds clauses of atoms', () => {
    const p = parseQuery("speaker:\"donald trump\" 'help | way !russia kind:d");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.query.clauses.map((c) => c.atoms.map((a) => ({ ...a })))).toEqual([
      [{ type: 'field', field: 'speaker', op: 'include', negate: false, value: 'donald trump' }],
      [
        { type: 'text', op: 'include', negate: false, value: 'help' },
        { type: 'text', op: 'fuzzy', negate: false, value: 'way' },
      ],
      [{ type: 'text', op: 'include', negate: true, value: 'russia' }],
      [{ type: 'field', field: 'kind', op: 'exact', negate: false, value: 'direct' }],
    ]);
  });
  it('refuses an unknown filter, naming the filters there are (issue 14); a URL is text', () => {
    expect(parseQuery('note:hello')).toEqual({ ok: false, error: 'unknown filter "note:"; the filters are speaker: narrative: article: outlet: date: kind:' });
    const url = parseQuery('http://example.org');
    expect(url.ok && url.query.clauses[0]!.atoms[0]).toMatchObject({ type: 'text', value: 'http://example.org' });
  });
  it('date: and outlet: filters; a date that is not one is refused', () => {
    expect(parseQuery('date:2026-01').ok && (parseQuery('date:2026-01') as { query: { clauses: { atoms: unknown[] }[] } }).query.clauses[0]!.atoms[0]).toMatchObject({ type: 'field', field: 'date', value: '2026-01..2026-01' });
    expect(parseQuery('!date:..2025-12-31')).toMatchObject({ ok: true, query: { clauses: [{ atoms: [{ field: 'date', negate: true, value: '..2025-12-31' }] }] } });
    expect(parseQuery('outlet:"al jazeera"')).toMatchObject({ ok: true, query: { clauses: [{ atoms: [{ field: 'outlet', value: 'al jazeera' }] }] } });
    expect(parseQuery('date:2026-13')).toMatchObject({ ok: false, error: expect.stringMatching(/^date: must be YYYY/) });
    expect(parseQuery('date:..')).toMatchObject({ ok: false });
  });
  it('fold is idempotent', () => {
    for (const s of ['Straße', 'Nicolás', '“Quote”', 'ÅÄÖ', 'ΣΊΣΥΦΟΣ']) expect(fold(fold(s))).toBe(fold(s));
  });
});

describe('corpus built in the test', () => {
  it('handles a quote with no speaker, no narratives and astral characters', () => {
    const text = 'He said “🙂 ok done” and left.';
    const start = [...text].indexOf('🙂');
    const quoteText = '🙂 ok done';
    const file = CorpusFile.parse({
      articles: [{ id: 'a', title: 'T', text, quotes: [{ id: 'q', kind: 'term', text: quoteText, span: { start, end: start + [...quoteText].length }, speaker: null }] }],
    });
    const c = makeCorpus({ ...file, files: ['x'] });
    const idx = buildSearchIndex(c);
    const hit = searchQuotes(idx, 'done').hits[0]!;
    const m = hit.matches.find((x) => x.field === 'text')!;
    expect(m.indices.map(([s, e]) => quoteText.slice(s, e + 1))).toEqual(['done']);
    expect(searchQuotes(idx, 'speaker:x').hits).toEqual([]);
    expect(searchQuotes(idx, '!speaker:x').hits.length).toBe(1);
  });
});

describe('keeping the best hits chunk by chunk (the search workers)', () => {
  it('keeps exactly the first hits of one sort by (score, position), whatever the chunks', async () => {
    const { default: fc } = await import('fast-check');
    const { byScore, keepBest } = await import('../../../src/core/search/search.js');
    // scores from a few values, so that ties (broken by position) are common
    const hit = fc.record({ pos: fc.nat(500), score: fc.constantFrom(0, 0.001, 0.25, 0.5, 0.75) });
    fc.assert(
      fc.property(fc.array(fc.array(hit, { maxLength: 30 }), { maxLength: 6 }), fc.integer({ min: 1, max: 12 }), (chunks, limit) => {
        let best: { pos: number; score: number }[] = [];
        for (const chunk of chunks) best = keepBest(best, chunk, limit);
        expect(best).toEqual(chunks.flat().sort(byScore).slice(0, limit));
      }),
      { numRuns: 1000 },
    );
  });
});
