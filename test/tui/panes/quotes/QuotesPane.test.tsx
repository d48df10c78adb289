import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lineWith, mount, selectedRow } from '../../helpers.js';
import { quoteDetailLines, quoteRow } from '../../../../src/tui/panes/quotes/view-model.js';
import { buildSearchIndex, searchQuotes } from '../../../../src/core/search/search.js';

afterEach(() => cleanup());

describe('Quotes pane', () => {
  it('opens on every quote, with a count, the first selected and shown in its paragraph', async () => {
    const corpus = await fixture('corpus');
    const ui = await mount(corpus);
    const s = ui.screen();
    expect(s).toContain('[1 Quotes]');
    expect(s).toContain('19 quotes');
    expect(s).toContain('DRAFT');
    expect(selectedRow(s)).toContain('Officials in Tehran');
    // the detail: the paragraph with the span between » « (no colour), its number, the article
    expect(s).toContain('said “»order has been restored«” on Monday.');
    expect(s).toContain('¶1');
  });

  it('searches as you type, counts the matches, and narrows the list', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.press('/');
    expect(ui.screen()).toContain('/ ▌');
    for (const ch of 'zakh') await ui.press(ch);
    const s = ui.screen();
    expect(s).toContain('/ zakh▌');
    expect(s).toContain('2 of 19 quotes');
    expect(selectedRow(s)).toContain('Mariya Zakharova');
    expect(s).not.toContain('Nikita Smagin');
    // Backspace deletes, Ctrl-U clears
    expect(await ui.press(KEYS.backspace)).toContain('/ zak▌');
    expect(await ui.press(KEYS.ctrlU)).toContain('19 quotes');
  });

  it('types pasted text (one input string) and letters that are keys elsewhere (q, j, 1)', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.press('/');
    const s = await ui.press('qj1 sigh');
    expect(s).toContain('/ qj1 sigh▌');
    expect(ui.exitCode()).toBeUndefined();
  });

  it('shows the paragraph of the selected quote with speaker, role, channel and the date as written and resolved', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'notorious method' } });
    const s = ui.screen();
    expect(selectedRow(s)).toContain('Mariya Zakharova');
    expect(lineWith(s, 'Mariya Zakharova ·')).toContain('Foreign Ministry spokeswoman · direct · said · On Tuesday (2026-01-13, inferred)');
    expect(s).toContain('Zakharova said: “»The notorious method');
    expect(s).toContain('¶6');
    expect(s).toContain('narratives: Western-orchestrated colour revolution');
  });

  it('moves with arrows, j/k, Ctrl-N/P, PgDn/PgUp, g/G and Home/End', async () => {
    const ui = await mount(await fixture('corpus'));
    expect(selectedRow(await ui.press(KEYS.down))).toContain('a shopkeeper');
    expect(selectedRow(await ui.press('j'))).toContain('Nikita Smagin');
    expect(selectedRow(await ui.press('k'))).toContain('a shopkeeper');
    expect(selectedRow(await ui.press(KEYS.ctrlN))).toContain('Nikita Smagin');
    expect(selectedRow(await ui.press(KEYS.ctrlP))).toContain('a shopkeeper');
    expect(selectedRow(await ui.press('G'))).toContain('Sergei Markov');
    expect(selectedRow(await ui.press('g'))).toContain('Officials in Tehran');
    expect(selectedRow(await ui.press(KEYS.end))).toContain('Sergei Markov');
    expect(selectedRow(await ui.press(KEYS.home))).toContain('Officials in Tehran');
    const paged = await ui.press(KEYS.pageDown);
    expect(selectedRow(paged)).not.toContain('Officials in Tehran');
    expect(selectedRow(await ui.press(KEYS.pageUp))).toContain('Officials in Tehran');
  });

  it('scrolls the result window to keep the selection in view', async () => {
    const ui = await mount(await fixture('corpus'), { size: { columns: 100, rows: 16 } });
    expect(ui.screen()).not.toContain('Sergei Markov');
    const s = await ui.press('G');
    expect(selectedRow(s)).toContain('Sergei Markov');
    expect(s).not.toContain('Officials in Tehran  ');
  });

  it('shows an empty state for a query that matches nothing, and Esc clears it', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.press('/');
    const s = await ui.press('xqzxqzv');
    expect(s).toContain('0 of 19 quotes');
    expect(s).toContain('no quote matches xqzxqzv');
    await ui.press(KEYS.esc); // leave the box, keep the query
    expect(ui.screen()).toContain('/ xqzxqzv ');
    const cleared = await ui.press(KEYS.esc); // clear it
    expect(cleared).toContain('19 quotes');
    expect(selectedRow(cleared)).toContain('Officials in Tehran');
  });

  it('search → select → Enter opens the speaker profile → Esc comes back to the same search', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.press('/');
    await ui.press('smagin');
    expect(ui.screen()).toContain('of 19 quotes');
    await ui.press(KEYS.down);
    const selected = selectedRow(ui.screen())!;
    expect(selected).toContain('Nikita Smagin');
    const profile = await ui.press(KEYS.enter);
    expect(profile).toContain('[2 Actors]');
    expect(profile).toContain('Nikita Smagin · person');
    expect(profile).toContain('alignment: Kremlin critic (inferred) — fled Russia after the invasion');
    expect(profile).toContain('── Quotes (3)');
    const back = await ui.press(KEYS.esc);
    expect(back).toContain('[1 Quotes]');
    expect(back).toContain('/ smagin ');
    expect(selectedRow(back)).toBe(selected);
  });

  it('says why Enter does nothing on a term nobody said', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'kind:term' } });
    const s = await ui.press(KEYS.enter);
    expect(s).toContain('nobody is quoted as saying it');
    expect(s).toContain('[1 Quotes]');
  });

  it('n opens the narrative the selected quote supports', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'sigh of relief' } });
    const s = await ui.press('n');
    expect(s).toContain('[3 Narratives]');
    expect(selectedRow(s)).toContain('Protests have peaked');
    expect(await ui.press(KEYS.esc)).toContain('[1 Quotes]');
  });

  it('searches in worker threads on large corpora, with the same results', async () => {
    const corpus = await fixture('corpus');
    const ui = await mount(corpus, { poolAbove: 0 });
    expect(ui.screen()).toContain('19 quotes');
    await ui.press('/');
    const s = await ui.pressUntil('zakh', (x) => x.includes('2 of 19 quotes') && !x.includes('searching'), 'results from the workers', 50_000);
    expect(selectedRow(s)).toContain('Mariya Zakharova');
    const none = await ui.pressUntil('xqzv', (x) => x.includes('0 of 19 quotes') && !x.includes('searching'), 'no results', 50_000);
    expect(none).toContain('no quote matches zakhxqzv');
    await ui.press(KEYS.ctrlU);
    expect(ui.screen()).toContain('19 quotes');
    ui.unmount();
  }, 120_000);

  it('marks the characters the search matched', async () => {
    const corpus = await fixture('corpus');
    const { hits } = searchQuotes(buildSearchIndex(corpus), 'relief');
    const row = quoteRow(hits[0]!, 80);
    expect(row.filter((s) => s.style === 'match').map((s) => s.text)).toContain('relief');
  });

  it('marks an extractor attribution below the confidence threshold as unsure, and a sure one not', async () => {
    const corpus = await fixture('corpus');
    const hit = searchQuotes(buildSearchIndex(corpus), '').hits.find((h) => h.ref.quote.attribution)!;
    const text = (confidence: number) =>
      quoteDetailLines(corpus, { ...hit, ref: { ...hit.ref, quote: { ...hit.ref.quote, attribution: { rule: 'follows-speaker', confidence } } } }, 100, 20, true)
        .map((l) => l.map((s) => s.text).join(''))
        .join('\n');
    expect(text(0.45)).toContain('extractor: follows-speaker, 45% sure · unsure: check the speaker');
    expect(text(0.9)).toContain('extractor: follows-speaker, 90% sure');
    expect(text(0.9)).not.toContain('unsure');
  });
});
