import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js';
import { generateCorpus } from '../../../bench/generate.js';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { buildSearchIndex, compileQuery, entryPart, FoldedScorer, searchQuotes, SEARCH_OPTIONS } from '../../../src/core/search/search.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('scoring from folded fields (what the index on disk ranks with)', () => {
  it('makes the entry parts fuse’s own indexer makes', () => {
    const values: (string | string[])[] = ['colour revolution', '', '   ', ' padded ', 'one', 'a  b\tc\nd', ['x', '', ' ', 'two words', 'y'], [], ['  ']];
    SEARCH_OPTIONS.keys.forEach(({ name }, key) => {
      for (const value of values) {
        const made = Fuse.createIndex(SEARCH_OPTIONS.keys, [{ [name]: value }], { fieldNormWeight: SEARCH_OPTIONS.fieldNormWeight }).toJSON().records[0]!;
        const fuses = (made.$ as Record<string, unknown>)[String(key)];
        expect(entryPart(value), `${name} ${JSON.stringify(value)}`).toEqual(fuses ?? null);
      }
    });
  });

  it('gives every record the score the one quote search gives it, and -1 to those it does not find', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nl-folded-'));
    try {
      for (const [i, f] of generateCorpus({ quotes: 2000 }).entries()) await writeFile(path.join(dir, `p${i}.json`), JSON.stringify(f));
      const index = buildSearchIndex(await loadCorpus([dir]));
      for (const query of ['colour revolution', 'zakarova', 'kremlin | moscow', 'relief', "'sanctions ^the", 'e']) {
        const want = new Map(searchQuotes(index, query).hits.map((h) => [h.order, h.score]));
        const compiled = compileQuery(query);
        if (!compiled.ok) throw new Error(compiled.error);
        const scorer = new FoldedScorer(compiled.query);
        index.docs.forEach((doc, pos) => expect(scorer.score(doc), `${query} #${pos}`).toBe(want.get(pos) ?? -1));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
