import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lines, mount, widest } from '../../helpers.js';
import { readerSpans } from '../../../../src/tui/panes/reader/view-model.js';

afterEach(() => cleanup());

describe('the reader', () => {
  it('r on a quote opens its article whole: metadata with what is inferred and why, every span marked by kind, the quote in focus', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'notorious method' } });
    const s = await ui.press('r');
    expect(s).toContain('esc ← Quotes /notorious method › Reader: Kremlin confident Iran prot…');
    expect(s).toContain('Kremlin confident Iran protests have peaked (title inferred from the text)');
    expect(s).toContain('outlet: Al Jazeera · date: 2026-01-14 (inferred: the day after "Tuesday")');
    expect(s).toContain('url: not given');
    expect(s).toContain('‹q› direct quote ‹r› reported speech ‹t› term ‹m› mention ‹s› silence ‹e› event');
    expect(s).toMatch(/span \d+ of \d+ · direct quote · Mariya Zakharova · ¶6/);
    expect(s).toContain('Zakharova said: “‹q›»The notorious method');
    // other spans are marked too: a term and an event in view
    expect(s).toContain('“‹t›color revolutions”');
    expect(s).toContain('‹e›On Tuesday');
  });

  it('moves from span to span with j/k, and Enter follows the one in focus', async () => {
    const corpus = await fixture('corpus');
    const ui = await mount(corpus, { initial: { search: 'notorious method' } });
    const first = await ui.press('r');
    const at = Number(/span (\d+) of/.exec(first)![1]);
    const next = await ui.press('j');
    expect(next).toContain(`span ${at + 1} of`);
    expect(next).toMatch(/term · nobody \(a term\)|direct quote|mention|event/);
    const back = await ui.press('k');
    expect(back).toContain(`span ${at} of`);
    // Enter on the quote in focus: it opens in Quotes; Esc returns to the reader at the same span
    const opened = await ui.press(KEYS.enter);
    expect(opened).toContain('[1 Quotes]');
    expect(lines(opened).find((l) => l.startsWith('> '))).toContain('Mariya Zakharova');
    expect(await ui.press(KEYS.esc)).toContain(`span ${at} of`);
    // and once more: back to the search it started from
    expect(await ui.press(KEYS.esc)).toContain('/ notorious method');
    expect(corpus.articles.length).toBeGreaterThan(0);
  });

  it('fits 60x20 and 160x45', async () => {
    for (const [columns, rows] of [[60, 20], [160, 45]] as const) {
      const ui = await mount(await fixture('corpus'), { initial: { search: 'sigh of relief' }, size: { columns, rows } });
      const s = await ui.press('r');
      expect(s).toContain('span ');
      expect(widest(s)).toBeLessThanOrEqual(columns);
      expect(lines(s).length).toBeLessThanOrEqual(rows - 1);
      expect(s).toContain('»breathe a sigh');
    }
  });

  it('lists every quote, mention, silence and event of an article in text order', async () => {
    const corpus = await fixture('corpus');
    const article = corpus.articles.find((a) => a.quotes.length > 5)!;
    const spans = readerSpans(corpus, article);
    expect(spans).toHaveLength(article.quotes.length + article.mentions.length + article.silences.length + article.events.length);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.start);
  });
});

describe('the reader shows what is cut elsewhere', () => {
  it("a quote's note, whole, under the focus line", async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'kind:term' } });
    const s = await ui.press('r');
    expect(s).toMatch(/span \d+ of \d+ · term · nobody \(a term\)/);
    expect(s).toContain('note: the Kremlin mantra Zakharova drew on');
  });
});
