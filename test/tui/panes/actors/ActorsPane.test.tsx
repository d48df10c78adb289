import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lineWith, lines, mount, selectedRow } from '../../helpers.js';
import { filterActors } from '../../../../src/tui/panes/actors/view-model.js';
import { actorsInOrder } from '../../../../src/core/corpus/corpus.js';
import { actorNames, resolveName } from '../../../../src/core/search/names.js';

afterEach(() => cleanup());

describe('Actors pane', () => {
  it('lists the actors with their quote counts, kind and role, and a brief of the selected one', async () => {
    const ui = await mount(await fixture('corpus'));
    const s = await ui.press('2');
    expect(s).toContain('[2 Actors]');
    expect(s).toContain('14 actors');
    expect(lineWith(s, 'Nikita Smagin')).toMatch(/Nikita Smagin\s+3q\s+person\s+Iran expert · Kremlin critic/);
    // most quoted first (as `actors` lists them): Donald Trump, whose brief is shown
    expect(selectedRow(s)).toContain('Donald Trump');
    expect(s).toContain('3 quotes · 0 mentions · 1 narrative');
  });

  it('filters with /, and Enter opens the profile of the selected actor', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'actors' } });
    await ui.press('/');
    const s = await ui.press('kremlin');
    expect(s).toContain('of 14 actors');
    expect(s).toContain('Nikita Smagin');
    expect(s).toContain('Sergei Markov');
    expect(s).not.toContain('Donald Trump');
    const second = (await ui.press(KEYS.down)).split('\n').find((l) => l.startsWith('> '))!.slice(2).split(/\s{2,}/)[0]!;
    expect(second).toBe('Mariya Zakharova'); // the most quoted after Smagin
    const profile = await ui.press(KEYS.enter);
    expect(profile).toMatch(/Mariya Zakharova · person/);
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

  it('at 60 columns the profile wraps its aliases and role instead of cutting them', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { actor: 'zakharova' }, size: { columns: 60, rows: 20 } });
    const s = ui.screen();
    const joined = lines(s).slice(2, 8).join(' ').replace(/\s+/g, ' ');
    expect(joined).toContain('Foreign Ministry spokeswoman · Russian Foreign Ministry · Russia');
    expect(s).not.toMatch(/Russian Foreign Ministry · R…/);
  });

  it('filters on name, alias, role and alignment, every word', async () => {
    const corpus = await fixture('corpus');
    const ids = (f: string) => filterActors(corpus.actors, f).actors.map((a) => a.id);
    expect(ids('spokeswoman')).toEqual(['zakharova']);
    expect(ids('kremlin critic')).toEqual(['smagin', 'bondarev']);
    expect(ids('')).toHaveLength(corpus.actors.length);
  });

  it('lists the actors in the command line\'s order: most quoted first, then by name', async () => {
    const corpus = await fixture('corpus');
    const ui = await mount(corpus, { initial: { pane: 'actors' } });
    const rows = lines(ui.screen()).filter((l) => /^[> ] \S/.test(l)).map((l) => l.slice(2).split(/\s{2,}/)[0]!.trim());
    const expected = actorsInOrder(corpus).actors.map((a) => a.name);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows).toEqual(expected.slice(0, rows.length));
  });

  it('the filter ranks names as --actor does: a name that starts with it first, then roles; typos forgiven', async () => {
    const corpus = await fixture('corpus');
    const ui = await mount(corpus, { initial: { pane: 'actors' } });
    let s = await ui.pressUntil('foreign', (x) => x.includes('/ foreign▌'), 'the filter');
    // the word begins the name of one and the alias of the other: both fit as well, most quoted first
    const rows = lines(s).filter((l) => /^[> ] \S/.test(l)).map((l) => l.slice(2).split(/\s{2,}/)[0]);
    expect(rows.slice(0, 2)).toEqual(['Mariya Zakharova', 'Russian Foreign Ministry']);
    expect(s).not.toContain('(closest names)');
    s = await ui.pressUntil(`${KEYS.ctrlU}zakharva`, (x) => x.includes('/ zakharva▌'), 'a typo');
    // the one --actor zakharva opens
    expect(selectedRow(s)).toContain(resolveName(corpus.actors, 'zakharva', actorNames).found!.name);
    expect(s).toContain('(closest names)');
    s = await ui.pressUntil(`${KEYS.ctrlU}xqzvw`, (x) => x.includes('/ xqzvw▌'), 'nothing');
    expect(s).toContain('no actor matches xqzvw');
  });
});
