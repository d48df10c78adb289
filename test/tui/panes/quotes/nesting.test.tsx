/** Nested quotes grouped under the quote they sit in, not repeated as look-alike rows (issue 14.4). */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { lines, mount, selectedRow } from '../../helpers.js';
import { nestHits } from '../../../../src/tui/panes/quotes/nesting.js';
import { buildSearchIndex, searchQuotes } from '../../../../src/core/search/search.js';
import { loadCorpus } from '../../../../src/core/corpus/load.js';
import type { Corpus } from '../../../../src/core/corpus/corpus.js';

// the bundled article: its reported statements hold direct quotes and terms (the fixture's do not)
let bundled: Promise<Corpus> | undefined;
const seed = () => (bundled ??= loadCorpus([]));

afterEach(() => cleanup());

const rows = (s: string) => lines(s).filter((l) => /^[> ] +(↳ )?[A-Z(]/.test(l));

describe('nested quotes', () => {
  it('a quote inside another is listed right under it, marked ↳; the outer one says how many it holds', async () => {
    const ui = await mount(await seed(), { initial: { search: 'speaker:trump' } });
    const s = ui.screen();
    const list = rows(s);
    const outer = list.findIndex((l) => l.includes('take over the institutions') && l.includes('+1 nested'));
    expect(outer).toBeGreaterThanOrEqual(0);
    // the reported statement first, its direct quote indented under it
    expect(list[outer]).not.toContain('↳');
    expect(list[outer + 1]).toMatch(/^ {2} {2}↳ Donald Trump\s+(via [^:]+: )?“take over the institutions”/);
  });

  it('every quote is still listed once, and the count is unchanged', async () => {
    const corpus = await seed();
    const hits = searchQuotes(buildSearchIndex(corpus), '').hits;
    const nested = nestHits(hits);
    expect(nested.hits).toHaveLength(hits.length);
    expect(new Set(nested.hits.map((h) => h.ref.quote.id)).size).toBe(hits.length);
    // each nested row sits inside the span of the first row of its group, in the same article
    nested.hits.forEach((h, i) => {
      if (!nested.inner[i]) return;
      let g = i;
      while (nested.inner[g]) g--;
      const outer = nested.hits[g]!.ref;
      expect(h.ref.article.id).toBe(outer.article.id);
      expect(h.ref.quote.span.start).toBeGreaterThanOrEqual(outer.quote.span.start);
      expect(h.ref.quote.span.end).toBeLessThanOrEqual(outer.quote.span.end);
    });
    expect(nested.holds.reduce((a, b) => a + b, 0)).toBe(nested.inner.filter(Boolean).length);
    expect(nested.inner.filter(Boolean).length).toBeGreaterThan(3);
    const ui = await mount(corpus);
    expect(ui.screen()).toContain('63 quotes  1/63');
  });

  it('a nested quote found on its own (its holder not among the results) is an ordinary row', async () => {
    const ui = await mount(await seed(), { initial: { search: "kind:direct 'help is on the way" } });
    const s = ui.screen();
    expect(s).not.toContain('↳');
    expect(s).not.toContain('nested');
    expect(selectedRow(s)).toContain('help is on the way');
  });

  it('moving down goes into the group: the nested quote is selected and shown in its paragraph', async () => {
    const ui = await mount(await seed(), { initial: { search: 'speaker:trump' } });
    let s = ui.screen();
    while (!selectedRow(s)!.includes('+1 nested')) s = await ui.press('j');
    s = await ui.press('j');
    expect(selectedRow(s)).toContain('↳');
    expect(s).toMatch(/Donald Trump · .*direct/);
  });
});

describe('nested quotes in a profile', () => {
  it("an actor's quote inside another of theirs is indented under it", async () => {
    const ui = await mount(await seed(), { initial: { actor: 'actor-zakharova' } });
    const s = ui.screen();
    const at = lines(s).findIndex((l) => l.includes('The notorious method'));
    expect(at).toBeGreaterThan(0);
    expect(lines(s)[at + 1]).toMatch(/^ {2} {2}↳ ¶6 .*‘color revolution’/);
  });
});
