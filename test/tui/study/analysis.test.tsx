/**
 * The analyst's own structure, from the dashboard: actors (alignment with its reason, merging
 * two), questions and positions from the comparison grid, memos on a quote, an actor, a
 * narrative and a position, and suggestions of quotes to code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS } from '../helpers.js';
import { mountStudy, newStudy, saved } from './helpers.js';

afterEach(() => cleanup());

describe('actors', () => {
  it("edits an actor's alignment with the reason for it", async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session, author: 'ana' });
    await ui.keys('2', '/', 'bondarev', KEYS.esc);
    let s = await ui.press('e');
    expect(s).toContain('Alignment (empty clears it)');
    await ui.keys(KEYS.ctrlU, 'Kremlin critic', KEYS.enter);
    s = ui.screen();
    expect(s).toContain('Why? The reason, from the text');
    await ui.keys('resigned from the Russian mission in protest', KEYS.enter);
    s = await ui.until('saved: alignment of Boris Bondarev: Kremlin critic');
    expect(saved(file).actorEdits).toMatchObject([{ actor: 'bondarev', alignment: { label: 'Kremlin critic', inferred: false, reason: 'resigned from the Russian mission in protest' }, by: 'ana' }]);
  });

  it('merges one actor into another after a confirmation: its quotes move', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('2', '/', 'irina', KEYS.esc);
    let s = await ui.press('M');
    expect(s).toContain('Merge Irina into whom?');
    await ui.keys('activists', KEYS.enter);
    s = ui.screen();
    expect(s).toContain('Merge these actors?');
    expect(s).toContain('merge Irina into opposition activists (1 quote');
    await ui.press('y');
    await ui.until('saved: merge Irina into opposition activists');
    expect(saved(file).actorMerges).toMatchObject([{ from: 'irina', into: 'activists' }]);
    await ui.keys('1', '/', 'busy trying', KEYS.esc);
    s = await ui.until('opposition activists');
    expect(s).not.toMatch(/^> Irina/m);
  });
});

describe('questions and positions', () => {
  it('adds a question in the comparison, then sets a narrative’s position on it: stance, summary, status with who says so, evidence from its coded quotes', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    // compare the first two narratives
    await ui.keys('3', ' ', 'j', ' ', 'c');
    let s = await ui.press('a');
    expect(s).toContain('A new question the narratives answer differently');
    await ui.keys('Who pays for the unrest?', KEYS.enter);
    await ui.until('saved: add question “Who pays for the unrest?”');
    s = await ui.press('e');
    expect(s).toContain('Position of “Western-orchestrated colour revolution” on which question?');
    await ui.keys('pays', KEYS.enter);
    s = ui.screen();
    expect(s).toContain('Stance');
    await ui.keys('Western money', KEYS.enter, 'Foreign services fund the provocateurs', KEYS.enter);
    await ui.keys('unverified', KEYS.enter);
    s = ui.screen();
    expect(s).toContain('Who says it is unverified?');
    await ui.keys('jazeera', KEYS.tab, KEYS.enter);
    s = ui.screen();
    expect(s).toContain('Evidence: its coded quotes');
    // only the narrative's coded quotes are offered
    expect(s).toContain('illegal pressure from Western countries');
    expect(s).not.toContain('breathe a sigh of relief');
    await ui.keys('illegal pressure', KEYS.tab, KEYS.enter);
    s = await ui.until('saved: position of “Western-orchestrated colour r…” on “Who pays for the unrest?”');
    const study = saved(file);
    expect(study.questions).toMatchObject([{ id: 'x-who-pays-for-the-unrest', question: 'Who pays for the unrest?' }]);
    expect(study.positions).toMatchObject([
      { narrative: 'n-colour-rev', axis: 'x-who-pays-for-the-unrest', stance: 'Western money', summary: 'Foreign services fund the provocateurs', status: 'unverified', statusBy: ['al-jazeera'], evidence: [{ quote: 'q-mfa-pressure' }] },
    ]);
    // the grid now has the question as a row (at the end: scroll to it)
    s = await ui.press('G');
    expect(s).toMatch(/^Who pays for the unrest\?/m);
    expect(s).toContain('Foreign services fund the provocateurs');
  });
});

describe('memos', () => {
  it('writes a memo on a quote, an actor, a narrative and a position; the study overlay lists them', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('/', 'sabers', KEYS.esc, 'm');
    expect(ui.screen()).toContain('Memo');
    await ui.keys('check the date of this', KEYS.enter);
    await ui.until('saved: memo on quote “Why rattle the sabers');
    await ui.keys('2', '/', 'markov', KEYS.esc, 'm', 'ask about his Kremlin ties', KEYS.enter);
    await ui.until('saved: memo on Sergei Markov');
    await ui.keys('3', 'm', 'too broad?', KEYS.enter);
    await ui.until('saved: memo on narrative “Western-orchestrated colour revolution”');
    await ui.keys(' ', 'j', ' ', 'c', 'm', 'source is state media', KEYS.enter);
    await ui.until(/saved: memo on position/);
    expect(saved(file).memos.map((m) => m.on.kind)).toEqual(['quote', 'actor', 'narrative', 'position']);
    const s = await ui.press('O');
    expect(s).toContain('Memos (4)');
    expect(s).toContain('on quote “Why rattle the sabers');
    expect(s).toContain('on Sergei Markov: ask about his Kremlin ties');
  });

  it("shows a quote's memos in its detail, not only in the study overlay", async () => {
    const { session } = await newStudy();
    const ui = await mountStudy({ session, author: 'ana' });
    await ui.keys('/', 'sabers', KEYS.esc);
    expect(ui.screen()).not.toContain('memo:');
    await ui.keys('m', 'check the date of this', KEYS.enter);
    const s = await ui.until('memo: check the date of this — ana, ');
    // in the detail under the list (below the rule), beside the quote it is on
    const detail = s.split('\n').slice(s.split('\n').findIndex((l) => l.startsWith('───'))).join('\n');
    expect(detail).toContain('Why rattle the sabers');
    expect(detail).toMatch(/memo: check the date of this — ana, \d{4}-\d\d-\d\d/);
    // another quote has none
    const other = await ui.keys('/', KEYS.ctrlU, 'sigh of relief', KEYS.esc);
    expect(other).toContain('breathe a sigh of relief');
    expect(other).not.toContain('memo:');
  });
});

describe('suggestions', () => {
  it('ranks uncoded quotes like the narrative’s; enter codes one and the list stays open for the next', async () => {
    const { file, session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('3', 'j');
    let s = await ui.press('s');
    expect(s).toContain('Suggested for “Genuine grievance”');
    const before = /(\d+) of (\d+)/.exec(s)!;
    const top = s.split('\n').find((l) => l.startsWith('> '))!;
    await ui.press(KEYS.enter);
    s = await ui.until(/saved: code “/);
    // still open, one fewer, the taken one gone
    expect(s).toContain('Suggested for “Genuine grievance”');
    expect(s).toContain(`${Number(before[1]) - 1} of ${Number(before[2]) - 1}`);
    expect(s).not.toContain(top.slice(2, 40));
    // esc closes the list and says what was saved, not that nothing changed
    s = await ui.press(KEYS.esc);
    expect(s).toContain('done: 1 quote coded to “Genuine grievance” (saved; u undoes it)');
    expect(s).not.toContain('nothing changed');
    expect(saved(file).codings).toHaveLength(1);
    expect(saved(file).codings[0]!.narrative).toBe('n-grievance');
  });

  it('esc on suggestions before coding any says that nothing changed', async () => {
    const { session } = await newStudy();
    const ui = await mountStudy({ session });
    await ui.keys('3', 'j', 's');
    expect(await ui.press(KEYS.esc)).toContain('cancelled: nothing changed');
  });
});
