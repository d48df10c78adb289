import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lineWith, mount, selectedRow } from '../../helpers.js';
import { filterActors } from '../../../../src/tui/panes/actors/view-model.js';

afterEach(() => cleanup());

describe('Actors pane', () => {
  it('lists the actors with their quote counts, kind and role, and a brief of the selected one', async () => {
    const ui = await mount(await fixture('corpus'));
    const s = await ui.press('2');
    expect(s).toContain('[2 Actors]');
    expect(s).toContain('14 actors');
    expect(lineWith(s, 'Nikita Smagin')).toMatch(/Nikita Smagin\s+3q\s+person\s+Iran expert · Kremlin critic/);
    expect(s).toContain('1 quote · 0 mentions · 0 narratives');
  });

  it('filters with /, and Enter opens the profile of the selected actor', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'actors' } });
    await ui.press('/');
    const s = await ui.press('kremlin');
    expect(s).toContain('of 14 actors');
    expect(s).toContain('Nikita Smagin');
    expect(s).toContain('Sergei Markov');
    expect(s).not.toContain('Donald Trump');
    await ui.press(KEYS.down);
    const profile = await ui.press(KEYS.enter);
    expect(profile).toMatch(/Russian Foreign Ministry · organisation/);
  });

  it('shows a full profile: aliases, role, affiliation, alignment and reason, profile text, quotes, mentions, silences, narratives', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { actor: 'zakharova' } });
    const s = ui.screen();
    expect(s).toContain('Mariya Zakharova · person');
    expect(s).toContain('aka: Zakharova · Foreign Ministry spokeswoman');
    // the affiliation names another actor by id: shown by name
    expect(s).toContain('Foreign Ministry spokeswoman · Russian Foreign Ministry · Russia');
    expect(s).toContain('alignment: Kremlin (stated) — speaks for the Foreign Ministry');
    expect(s).toContain('Spokeswoman of the Russian Foreign Ministry.');
    expect(s).toContain('── Quotes (2)');
    expect(s).toContain('── Narratives (1)');
    expect(s).toContain('Western-orchestrated colour revolution  proponent');

    const putin = await mount(await fixture('corpus'), { initial: { actor: 'putin' } });
    expect(putin.screen()).toContain('── Mentions (1)');
    expect(putin.screen()).toContain('silent about the protests');
  });

  it('Enter on one of their quotes opens it in Quotes; Esc returns to the profile', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { actor: 'trump' } });
    await ui.press(KEYS.down); // second quote
    const sel = selectedRow(ui.screen())!;
    expect(sel).toContain('“help is on the way.”');
    const quotes = await ui.pressUntil(KEYS.enter, (s) => s.includes('[1 Quotes]') && selectedRow(s)?.includes('help is on the way') === true, 'the quote selected in Quotes');
    expect(quotes).toContain('19 quotes');
    expect(quotes).toContain('“»help is on the way.«”');
    // moving from there works from the quote opened
    expect(selectedRow(await ui.press(KEYS.down))).toContain('We are locked, loaded');
    const back = await ui.press(KEYS.esc);
    expect(back).toContain('Donald Trump · person');
    expect(selectedRow(back)).toBe(sel);
    // Esc again: the profile closes to the list (nothing to go back to)
    const list = await ui.press(KEYS.esc);
    expect(list).toContain('14 actors');
  });

  it('Enter on a narrative in a profile opens it in Narratives', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { actor: 'smagin' } });
    await ui.press('G');
    const s = await ui.press(KEYS.enter);
    expect(s).toContain('[3 Narratives]');
    expect(selectedRow(s)).toContain('Protests have peaked');
  });

  it('filters on name, alias, role and alignment, every word', async () => {
    const corpus = await fixture('corpus');
    expect(filterActors(corpus.actors, 'spokeswoman').map((a) => a.id)).toEqual(['zakharova']);
    expect(filterActors(corpus.actors, 'kremlin critic').map((a) => a.id)).toEqual(['smagin', 'bondarev']);
    expect(filterActors(corpus.actors, '')).toHaveLength(corpus.actors.length);
  });
});
