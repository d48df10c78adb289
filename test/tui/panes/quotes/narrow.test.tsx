import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lineWith, lines, mount, selectedRow } from '../../helpers.js';
import { helpSections } from '../../../../src/tui/keymap.js';

afterEach(() => cleanup());

describe('find and narrow', () => {
  it('typing in the list starts the search, as in fzf; command letters stay commands', async () => {
    const ui = await mount(await fixture('corpus'));
    expect(ui.screen()).toContain('19 quotes  1/19');
    expect(await ui.press('j')).toContain('19 quotes  2/19'); // j is a command: it moves
    const s = await ui.pressUntil('z', (x) => x.includes('/ z▌'), 'the search box with z');
    expect(s).toContain('/ z▌');
    for (const ch of 'akh') await ui.press(ch); // and now j, q... would type
    const found = ui.screen();
    expect(found).toContain('/ zakh▌');
    expect(found).toContain('2 of 19 quotes  1/2');
    expect(selectedRow(found)).toContain('Mariya Zakharova');
  });

  it('a burst of typed letters in the list goes into the search whole', async () => {
    const ui = await mount(await fixture('corpus'));
    const s = await ui.pressUntil('zakh', (x) => x.includes('2 of 19 quotes'), 'results');
    expect(s).toContain('/ zakh▌');
    expect(ui.exitCode()).toBeUndefined();
  });

  it('typing in the Actors list filters it', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'actors' } });
    expect(ui.screen()).toContain('14 actors  1/14');
    const s = await ui.pressUntil('smag', (x) => x.includes('1 of 14 actors'), 'the filter');
    expect(s).toContain('/ smag▌');
    expect(s).toContain('1 of 14 actors  1/1');
  });

  it('says which field a row matched through when it was not the quote itself', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'peaked' } });
    const row = lineWith(ui.screen(), 'breathe a sigh of relief');
    expect(row).toContain('via narrative: “breathe a sigh of relief.”');
  });

  it('s sorts by relevance, date, speaker and article, keeping the selected quote selected', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.press('j');
    const before = selectedRow(ui.screen())!;
    const byDate = await ui.press('s');
    expect(byDate).toContain('· by date');
    expect(selectedRow(byDate)).toBe(before);
    const bySpeaker = await ui.press('s');
    expect(bySpeaker).toContain('· by speaker');
    const names = lines(bySpeaker).filter((l) => /^[> ] \S/.test(l)).map((l) => l.slice(2, 20).trim()).filter((n) => n && n !== '(term)');
    expect(names.slice(0, 3)).toEqual([...names.slice(0, 3)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(await ui.press('s')).toContain('· by article');
    const back = await ui.press('s');
    expect(back).not.toContain('· by');
  });

  it('--sort opens the list in that order (the same orders as search --sort)', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { sort: 'date' } });
    const s = ui.screen();
    expect(s).toContain('19 quotes  1/19 · by date');
    expect(await ui.press('s')).toContain('· by speaker');
  });

  it('the help names the command letters that do not start a search', () => {
    const quotes = helpSections().find((s) => s.title === 'Quotes')!;
    const row = quotes.rows.find((r) => r.keys === 'other keys')!;
    const letters = /as in fzf \((.*) are commands here\)/.exec(row.description)![1]!.split(' ');
    for (const k of ['j', 'k', 'g', 'G', 'n', 'r', 's', 'y', 'q', '/', '?', '1']) expect(letters).toContain(k);
    expect(letters).not.toContain('z');
  });
});

describe('one behaviour for names and search', () => {
  it('a speaker: name that names nobody is read as the closest name, and the dashboard says so', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'speaker:smagn' } });
    const s = ui.screen();
    expect(s).toContain('speaker:smagn taken as speaker:"Nikita Smagin" (no such name)');
    expect(s).toContain('3 of 19 quotes');
    expect(selectedRow(s)).toContain('Nikita Smagin');
  });

  it('a query that finds nothing says which term matched nothing and offers the nearest correction', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'sigh of releif' } });
    const s = ui.screen();
    expect(s).toContain('no quote matches sigh of releif');
    expect(s).toMatch(/releif matches nothing; did you mean relief\? \(1 quote: sigh of relief\)/);
  });

  it('an unknown filter or value is shown whole with the valid choices, also at 60 columns', async () => {
    for (const [q, msg] of [
      ['foo:bar', 'unknown filter "foo:"; the filters are speaker: narrative: article: outlet: date: kind:'],
      ['kind:quote', 'kind: must be direct, indirect or term (not "quote")'],
    ] as const) {
      const ui = await mount(await fixture('corpus'), { initial: { search: q }, size: { columns: 60, rows: 20 } });
      const s = ui.screen();
      expect(s).toContain('query not understood (below)');
      // wrapped, never cut: the message read back from the lines below the box
      const body = lines(s).slice(2, 8).map((l) => l.trim()).join(' ');
      expect(body, q).toContain(msg);
      ui.unmount();
    }
  });

  it('a name read as the closest one is said whole at 60 columns; a filter-only query has no "via" on its rows', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'speaker:smagn' }, size: { columns: 60, rows: 20 } });
    const s = ui.screen();
    expect(lines(s).slice(2, 6).map((l) => l.trim()).join(' ')).toContain('speaker:smagn taken as speaker:"Nikita Smagin" (no such name)');
    expect(s).not.toContain('via speaker');
    expect(selectedRow(s)).toContain('Nikita Smagin');
  });

  it('the actor filter forgives typos, closest names first, and says so', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'actors' } });
    const s = await ui.pressUntil('smagn', (x) => x.includes('(closest names)'), 'the closest names');
    expect(selectedRow(s)).toContain('Nikita Smagin');
    expect(s).toMatch(/\d+ of 14 actors \(closest names\)/);
  });
});
