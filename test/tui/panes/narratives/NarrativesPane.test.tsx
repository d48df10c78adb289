import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lineWith, lines, mount, selectedRow, widest } from '../../helpers.js';

afterEach(() => cleanup());

describe('Narratives pane', () => {
  it('lists narratives with their summary; the detail has proponents, key terms and positions', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'narratives' } });
    const s = ui.screen();
    expect(s).toContain('[3 Narratives]');
    expect(selectedRow(s)).toContain('[ ] Western-orchestrated colour revolution');
    expect(s).toContain('proponents: Russian Foreign Ministry, Mariya Zakharova');
    expect(s).toContain('key terms: color revolution · external forces');
    expect(s).toContain('How many have died? → More than 100 security personnel killed. (unverified)');
  });

  it('asks for two when fewer are chosen', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'narratives' } });
    await ui.press(KEYS.space);
    const s = await ui.press('c');
    expect(s).toContain('choose two or more narratives with space (1 chosen)');
  });

  it('chooses two with Space and compares them side by side with written marks', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'narratives' } });
    await ui.press(KEYS.space);
    await ui.press('j');
    const chosen = await ui.press(KEYS.space);
    expect(chosen).toContain('[x] Western-orchestrated colour revolution');
    expect(chosen).toContain('[x] Genuine grievance');
    expect(chosen).toContain('2 chosen');
    const s = await ui.press('c');
    // a column per narrative, numbered
    expect(s).toMatch(/1 Western-orchestrated colour revolution\s+│ {3}2 Genuine grievance/);
    // a row per question, with marks that are words, not colours, saying with which column
    expect(s).toContain('What drives the protests?');
    expect(s).toMatch(/≠ conflicts with 2\s+│ {3}≠ conflicts with 1/);
    // the status and who says so, apart
    expect(s).toContain('? unverified — by Al Jazeera');
    expect(s).toMatch(/Stability will return\.\s+│ {3}— silent/);
    // each cell: stance summary, strongest quote, speaker
    expect(s).toContain('Western-trained provocateurs.');
    expect(s).toContain('— Mariya Zakharova');
    // Esc closes the comparison
    const back = await ui.press(KEYS.esc);
    expect(back).toContain('2 chosen');
  });

  it('shows agreement, and contested claims', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { compare: ['n-colour-rev', 'n-peaked', 'n-us-help'] }, size: { columns: 120, rows: 40 } });
    const s = ui.screen();
    // with three narratives each mark names the columns it is relative to
    expect(lines(s).find((l) => l.includes('= agrees with') && l.includes('│'))).toMatch(/= agrees with 2  ≠ conflicts with 3\s+│ {3}= agrees with 1  ≠ conflicts with 3\s+│ {3}≠ conflicts with 1, 2/);
    expect(s).toContain('! contested — by Mariya Zakharova');
  });

  it('stacks the columns when narrow, and scrolls what does not fit', async () => {
    const ui = await mount(await fixture('corpus'), {
      initial: { compare: ['n-colour-rev', 'n-grievance'] },
      size: { columns: 60, rows: 20 },
    });
    const s = ui.screen();
    expect(s).not.toContain('│');
    expect(s).toContain('stacked: side by side from 100 columns');
    // the mark did not fit beside the label: it goes whole to the next line
    expect(lines(s)).toContain('▏ ≠ conflicts with 2');
    expect(widest(s)).toBeLessThanOrEqual(60);
    expect(lines(s).length).toBeLessThanOrEqual(19);
    expect(s).not.toContain('Is the Iranian leadership secure?');
    const end = await ui.press('G');
    expect(end).toContain('Is the Iranian leadership secure?');
    expect(end).toContain('— silent');
    const top = await ui.press('g');
    expect(top).toContain('What drives the protests?');
  });
});
