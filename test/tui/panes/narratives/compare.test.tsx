import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lines, mount, selectedRow, widest } from '../../helpers.js';

afterEach(() => cleanup());

const THREE = ['n-colour-rev', 'n-peaked', 'n-us-help'];

describe('the comparison you can work in', () => {
  it('keeps the question above every row shown while moving down, at 60x20 stacked', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { compare: ['n-colour-rev', 'n-grievance'] }, size: { columns: 60, rows: 20 } });
    for (const key of ['j', 'j']) {
      const s = await ui.press(key);
      // the first line after the header is a question (never a cell cut from its question)
      const body = lines(s).slice(3);
      expect(body[0]).toMatch(/\?$/);
      expect(widest(s)).toBeLessThanOrEqual(60);
    }
    // the third question's first cell is selected, under its question
    expect(selectedRow(ui.screen())).toContain('1 Western-orchestrated');
    expect(ui.screen()).toContain('Is the Iranian leadership secure?');
  });

  it('moves between cells with ←→ and opens one whole with Enter: status, note, every evidence quote in its paragraph, its people', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { compare: THREE }, size: { columns: 120, rows: 40 } });
    await ui.press('j');
    await ui.press('j'); // Is the Iranian leadership secure?
    await ui.press(KEYS.right);
    const moved = await ui.press(KEYS.right); // column 3: America will step in
    expect(selectedRow(moved)).toBeUndefined(); // the marker is on column 3, not at the line start
    expect(moved).toMatch(/│ > ≠ conflicts with 1, 2/);
    const cell = await ui.press(KEYS.enter);
    expect(cell).toMatch(/esc ← Comparison › Cell: Is the Iranian leadership/);
    expect(cell).toContain('Is the Iranian leadership secure?');
    expect(cell).toContain('column 3 of 3: America will step in');
    expect(cell).toContain('≠ conflicts with 1 Western-orchestrated colour revolution, 2 Protests have peaked');
    expect(cell).toContain('status: ! contested — by Mariya Zakharova');
    expect(cell).toContain('position: Help is on the way.');
    expect(cell).toContain('── Evidence (');
    expect(cell).toContain('claimed that U.S. “»help is on'); // the quote in its paragraph, whole
    expect(cell).toContain('── People (');
    expect(cell).toMatch(/Mariya Zakharova · Foreign Ministry spokeswoman\s+says it is contested/);
    // a key to each person's profile: move to Zakharova, Enter
    expect(cell).toMatch(/Donald Trump · U\.S\. President\s+quoted/);
    await ui.press('G');
    const profile = await ui.press(KEYS.enter);
    expect(profile).toContain('Mariya Zakharova · person');
    // Esc: back to the cell, then to the comparison on the same cell
    expect(await ui.press(KEYS.esc)).toContain('column 3 of 3: America will step in');
    const back = await ui.press(KEYS.esc);
    expect(back).toMatch(/│ > ≠ conflicts with 1, 2/);
  });

  it('d shows only the questions where the narratives differ, and says so', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { compare: THREE }, size: { columns: 120, rows: 40 } });
    const all = ui.screen();
    expect(all).toContain('How many have died?'); // colour revolution only: no difference
    const diff = await ui.press('d');
    expect(diff).toContain('differences only: 1 of 3 questions (d shows all)');
    expect(diff).not.toContain('How many have died?');
    expect(diff).not.toContain('What drives the protests?');
    expect(diff).toContain('Is the Iranian leadership secure?');
    expect(await ui.press('d')).toContain('How many have died?');
  });

  it('keeps each mark whole on one line at 60 columns: the legend and every "≠ conflicts with n"', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { compare: THREE }, size: { columns: 60, rows: 20 } });
    const first = ui.screen();
    // the legend's five marks all shown, none cut, within the width
    expect(lines(first)[1]).toBe('= agrees  ≠ conflicts  ? unverified  ! contested  — silent');
    expect(lines(first)[2]).toBe('d: differences only  stacked: side by side from 100 columns');
    const seen: string[] = [];
    let s = first;
    for (const key of ['j', 'j', '']) {
      expect(widest(s)).toBeLessThanOrEqual(60);
      for (const l of lines(s).slice(3)) {
        // a mark is never split from its words or its columns
        expect(l).not.toMatch(/[=≠]\s*$/);
        expect(l).not.toMatch(/^[\s>▏]*(agrees|conflicts|with)\b/);
        for (const m of l.matchAll(/[=≠] (agrees|conflicts) with [\d, ]*\d/g)) seen.push(m[0]);
      }
      if (key) s = await ui.press(key);
    }
    // the fixture's three narratives conflict somewhere: the check above saw marks to check
    expect(seen.some((m) => m.startsWith('≠ conflicts with'))).toBe(true);
    expect(seen.some((m) => m.startsWith('= agrees with'))).toBe(true);
  });

  it('gives width advice that is right for the number of narratives', async () => {
    const two = await mount(await fixture('corpus'), { initial: { compare: ['n-colour-rev', 'n-peaked'] }, size: { columns: 80, rows: 24 } });
    expect(two.screen()).toContain('stacked: side by side from 100 columns');
    const three = await mount(await fixture('corpus'), { initial: { compare: THREE }, size: { columns: 80, rows: 24 } });
    expect(three.screen()).toContain('stacked: side by side from 100 columns');
    const four = await mount(await fixture('corpus'), { initial: { compare: [...THREE, 'n-grievance'] }, size: { columns: 100, rows: 30 } });
    // four columns of 24 cells, the markers and three separators do not fit 100: stacked, and the advice says what does
    expect(four.screen()).toContain('stacked: side by side from 113 columns');
    const wide = await four.resize({ columns: 113, rows: 30 });
    expect(wide).toContain('│');
    expect(wide).not.toContain('stacked');
  });

  // Seen once in tmux at 60x20 (not reproduced): the first c after choosing seemed to do nothing.
  // Each key is handled against the state the key before left (App's ref), so one c must do it,
  // after a refused c, and with every key in one chunk (keys typed fast, or tmux send-keys).
  it('opens the comparison with the first c after choosing two, at 60x20', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'narratives' }, size: { columns: 60, rows: 20 } });
    expect(await ui.press('c')).toContain('choose two or more narratives with space (0 chosen), then c');
    await ui.press(KEYS.space);
    await ui.press('j');
    expect(await ui.press(KEYS.space)).toContain('2 chosen');
    const opened = await ui.press('c');
    expect(opened).toContain('stacked: side by side');
    expect(opened).toContain('conflicts with 1');
    expect(opened).toContain('What drives the protests?');

    const fast = await mount(await fixture('corpus'), { initial: { pane: 'narratives' }, size: { columns: 60, rows: 20 } });
    const once = await fast.pressUntil(' j c', (s) => s.includes('stacked: side by side'), 'the comparison after one chunk " j c"');
    expect(once).toContain('What drives the protests?');
  });
});
