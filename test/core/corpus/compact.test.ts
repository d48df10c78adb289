/**
 * A corpus read from the cache shares its repeated strings and lists (compact.ts) and builds its
 * quotes anew (texts-on-demand.ts): what every reader sees must be the corpus read from the files,
 * and a study's edits must still work on it, on quotes whose lists are shared.
 */
import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import type { Corpus } from '../../../src/core/corpus/corpus.js';
import { readsOnDemand } from '../../../src/core/corpus/texts-on-demand.js';
import { applyStudy, codeQuotes, correctKind, createNarrative, newStudy, perform, type Edit, type StudyView } from '../../../src/core/study/index.js';
import { tempDir } from '../../temp.js';

const valid = fileURLToPath(new URL('../../fixtures/valid/', import.meta.url));
const tmp = tempDir('nl-compact-');

/** The fixtures, and a third file whose quotes repeat channels, topics and narratives, some with none. */
async function setup() {
  const root = await mkdtemp(path.join(tmp, 'case-'));
  const data = path.join(root, 'data');
  await cp(valid, data, { recursive: true });
  const text = 'The minister said "one" and "two" and "three" and then "four" again.';
  const quote = (n: number, word: string, extra: object) => {
    const start = [...text].indexOf('"', text.indexOf(word) - 1) + 1;
    return { id: `qc-${n}`, kind: 'direct', text: word, span: { start, end: start + word.length }, speaker: 'minister', channel: 'told reporters', ...extra };
  };
  const article = {
    id: 'art-c',
    title: 'Repeats',
    text,
    quotes: [
      quote(1, 'one', { topics: ['prices'], narratives: ['n-firm'] }),
      quote(2, 'two', { topics: ['prices'], narratives: [] }),
      quote(3, 'three', { topics: ['prices', 'wages'], note: 'a note', attribution: { rule: 'said-x', confidence: 0.5 } }),
      quote(4, 'four', { topics: ['prices', 'wages'], attribution: { rule: 'said-x', confidence: 0.9 } }),
    ],
  };
  await writeFile(path.join(data, 'article-c.json'), JSON.stringify({ articles: [article] }));
  return { data, cacheDir: path.join(root, 'cache') };
}

/** Everything a reader of the corpus sees, texts included, in order. */
const seen = (c: Corpus) => JSON.stringify({ articles: c.articles, quotes: c.quotes.map((r) => [r.quote, r.article.id]), actors: c.actors, narratives: c.narratives });

describe('a corpus read from the cache, made small', () => {
  it('is the corpus read from the files, with texts on demand or not', async () => {
    const { data, cacheDir } = await setup();
    const fresh = await loadCorpus([data], { cache: true, cacheDir });
    const eager = await loadCorpus([data], { cache: true, cacheDir });
    const lazy = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: 1 });
    // (read from the cache, a quote's text comes last: as before these changes)
    expect(JSON.parse(seen(eager))).toEqual(JSON.parse(seen(fresh)));
    expect(seen(lazy)).toBe(seen(eager));
    for (const r of lazy.quotes) {
      const was = eager.quoteById.get(r.quote.id)!.quote;
      expect(readsOnDemand(r.quote)).toBe(true);
      expect(Object.keys(r.quote)).toEqual(Object.keys(was));
      expect({ ...r.quote }).toEqual({ ...was });
      expect(Object.getPrototypeOf(r.quote)).toBe(Object.prototype);
      expect(inspect(r.quote)).toMatch(/^\{\n  id: /); // printed as a plain object, no constructor's name
    }
    lazy.articles.forEach((a, i) => {
      expect(readsOnDemand(a)).toBe(true);
      expect(Object.keys(a)).toEqual(Object.keys(eager.articles[i]!));
      expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    });
    expect(lazy.articleById.get('art-c')).toBe(lazy.articles[2]);
    // equal lists are one list (and an empty one is the same as any other empty one)
    const q = (id: string) => lazy.quoteById.get(id)!.quote;
    expect(q('qc-1').topics).toBe(q('qc-2').topics);
    expect(q('qc-3').topics).toBe(q('qc-4').topics);
    expect(q('qc-2').narratives).toBe(q('qb-1').narratives);
    expect(q('qc-2').narratives).toEqual([]);
  });

  it('looks quotes up by id (the map is built when first asked for) as one built at once would', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const lazy = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: 1 });
    expect(Object.keys(lazy)).toContain('quoteById');
    const copy = { ...lazy }; // a spread copies the map itself
    expect(copy.quoteById).toBeInstanceOf(Map);
    expect([...lazy.quoteById.keys()]).toEqual(lazy.quotes.map((r) => r.quote.id));
    expect(lazy.quoteById.get('qc-3')).toBe(lazy.quotes[6]);
    expect(lazy.quoteById).toBe(copy.quoteById);
    const other = new Map(lazy.quoteById);
    lazy.quoteById = other; // still assignable
    expect(lazy.quoteById).toBe(other);
  });

  it('a shared list cannot be changed in place: trying fails instead of changing other quotes', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const lazy = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: 1 });
    const one = lazy.quoteById.get('qc-2')!.quote;
    expect(() => one.narratives.push('n-firm')).toThrow(TypeError);
    expect(lazy.quoteById.get('qb-1')!.quote.narratives).toEqual([]);
  });

  it("a study's edits work on it: coding a quote that had no narrative, correcting a kind", async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const studyFile = path.join(path.dirname(data), 'study.json');
    let view: StudyView = (await newStudy(studyFile, [data], { by: 'analyst', at: '2026-01-14T09:00:00.000Z' }, undefined, { cache: true, cacheDir, textsOnDemand: 1 })).view;
    expect(readsOnDemand(view.sources.quoteById.get('qc-2')!.quote)).toBe(true);
    let second = 0;
    const run = (edit: Edit) => (view = applyStudy(perform(view.study, edit, { by: 'analyst', at: `2026-01-14T09:00:0${++second}.000Z` }), view.sources));
    run(createNarrative(view, { label: 'Prices' }));
    run(codeQuotes(view, 'n-prices', ['qc-2', 'qb-1']));
    run(correctKind(view, 'qc-4', 'indirect'));
    const q = (id: string) => view.corpus.quoteById.get(id)!.quote;
    expect(q('qc-2').narratives).toEqual(['n-prices']);
    expect(q('qb-1').narratives).toEqual(['n-prices']);
    expect(q('qc-2').text).toBe('two');
    // the sources, and the quotes the study did not touch, are as they were
    expect(view.sources.quoteById.get('qc-2')!.quote.narratives).toEqual([]);
    expect(q('qc-1').narratives).toEqual(['n-firm']);
    expect(q('qc-4')).toMatchObject({ text: 'four', kind: 'indirect', topics: ['prices', 'wages'] });
    expect(view.sources.quoteById.get('qc-4')!.quote.kind).toBe('direct');
  });
});
