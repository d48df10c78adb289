/**
 * The quote search box: Tab completes a filter's name or value from the corpus, the candidates
 * shown; a query that finds nothing offers a correction, which Ctrl-T takes (issue 14.4).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lines, mount } from '../../helpers.js';

afterEach(() => cleanup());

const CTRL_T = '\u0014';
const footer = (s: string) => lines(s).filter(Boolean).at(-1) ?? '';

describe('completion in the search box', () => {
  it('kind: shows its values; Tab takes them in turn, Shift-Tab goes back; a space ends it', async () => {
    const ui = await mount(await fixture('corpus'));
    let s = await ui.pressUntil('/kind:', (x) => x.includes('/ kind:▌'), 'the box with kind:');
    expect(s).toContain('tab: kind: direct · indirect · term');
    expect(footer(s)).toContain('tab complete');
    s = await ui.press(KEYS.tab);
    expect(s).toContain('/ kind:direct▌');
    expect(s).toContain('tab: kind: [direct] · indirect · term');
    s = await ui.press(KEYS.tab);
    expect(s).toContain('/ kind:indirect▌');
    expect(s).toMatch(/\d+ of 19 quotes/);
    s = await ui.press(KEYS.shiftTab);
    expect(s).toContain('/ kind:direct▌');
    s = await ui.press(' ');
    expect(s).not.toContain('tab: kind:');
    expect(footer(s)).not.toContain('complete');
  });

  it("a filter's name: ki Tab → kind:, then its values", async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.pressUntil('/relief ki', (x) => x.includes('/ relief ki▌'), 'the box');
    const s = await ui.press(KEYS.tab);
    expect(s).toContain('/ relief kind:▌');
    expect(s).toContain('tab: kind: direct · indirect · term');
  });

  it('outlet: and date: values come from the corpus', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.pressUntil('/outlet:jaz', (x) => x.includes('tab: outlet: Al Jazeera'), 'the outlet offered');
    let s = await ui.press(KEYS.tab);
    expect(s).toContain('/ outlet:"Al Jazeera"▌');
    expect(s).toMatch(/\d+ of 19 quotes/);
    s = await ui.pressUntil(`${KEYS.ctrlU}date:2026-01-1`, (x) => x.includes('tab: date:'), 'the dates offered');
    expect(s).toContain('tab: date: 2026-01-11 · 2026-01-13');
  });

  it('Tab on a plain word leaves the box, as before', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.pressUntil('/relief', (x) => x.includes('/ relief▌'), 'the box');
    const s = await ui.press(KEYS.tab);
    expect(s).toContain('/ relief ');
    expect(s).not.toContain('relief▌');
  });
});

describe('a filter value still being typed', () => {
  it('date:20 says what date: expects, not an error; a value that cannot become a date gets the message, at 60x20', async () => {
    const ui = await mount(await fixture('corpus'), { size: { columns: 60, rows: 20 } });
    const hint = 'date: expects YYYY[-MM[-DD]] or a range FROM..TO';
    // each step either on its way (the hint) or a whole date (results)
    for (const [typed, whole] of [['/date:2', false], ['0', false], ['26-', false], ['0', false], ['1', true], ['..2026-0', false], ['2', true]] as const) {
      const s = await ui.press(typed);
      expect(s, typed).not.toContain('not understood');
      if (whole) {
        expect(s, typed).not.toContain(hint);
        expect(s, typed).toMatch(/\d+ of 19 quotes/);
      } else {
        expect(s, typed).toContain(hint);
        expect(s, typed).toContain('typing a filter (below)');
      }
    }
    // a month that no typing can mend: the clear message
    let s = await ui.pressUntil(`${KEYS.ctrlU}date:2026-13`, (x) => x.includes('not understood'), 'the error');
    expect(s).not.toContain(hint);
    expect(lines(s).slice(2, 8).map((l) => l.trim()).join(' ')).toContain('date: must be YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO (not "2026-13")');
    // a half value left behind (a space after it) is finished: the message too
    s = await ui.pressUntil(`${KEYS.ctrlU}date:20 relief`, (x) => x.includes('not understood'), 'the error');
    expect(s).not.toContain(hint);
  });
});

describe('taking the correction of a query that finds nothing', () => {
  it('teh colour: says teh spoils it, offers the, Ctrl-T searches for it', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'teh colour' } });
    let s = ui.screen();
    expect(s).toContain('no quote matches teh colour');
    expect(s.replace(/\n\s*/g, ' ')).toMatch(/nothing matches teh with the rest of the query; did you mean the\? \(\d+ quotes?: the colour\) · Ctrl-T takes it/);
    expect(lines(s).find((l) => l.includes('nothing matches teh'))).toMatch(/^ {2}nothing/);
    expect(footer(s)).toContain('^T take correction');
    s = await ui.pressUntil(CTRL_T, (x) => x.includes('/ the colour'), 'the corrected query');
    expect(s).toMatch(/[1-9]\d* of 19 quotes/);
    expect(s).not.toContain('no quote matches');
    expect(footer(s)).toContain('searching for the colour');
  });

  it('while typing too: Ctrl-T in the box takes the correction', async () => {
    const ui = await mount(await fixture('corpus'));
    const s = await ui.pressUntil('/sigh of releif', (x) => x.includes('did you mean relief'), 'the correction');
    expect(s).toContain('/ sigh of releif▌');
    const fixed = await ui.pressUntil(CTRL_T, (x) => x.includes('/ sigh of relief▌'), 'the corrected query in the box');
    expect(fixed).toContain('1 of 19 quotes');
  });

  it('without a correction on offer the footer does not show the key', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { search: 'xqzvw' } });
    expect(ui.screen()).toContain('xqzvw matches nothing');
    expect(footer(ui.screen())).not.toContain('^T');
  });
});
