import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lines, mount, selectedRow } from '../../helpers.js';

afterEach(() => cleanup());

describe('Timeline pane', () => {
  it('lists events in date order, undated last, with the date as written and as resolved', async () => {
    const ui = await mount(await fixture('corpus'));
    const s = await ui.press('4');
    expect(s).toContain('[4 Timeline]');
    expect(s).toContain('6 events in date order · 1 undated, last · ~ inferred date');
    const rows = lines(s).filter((l) => /^[> ] (\d{4}|undated)/.test(l));
    expect(rows.map((r) => r.slice(2, 12).trim())).toEqual(['2022', '2024-12', '2025-12-28', '2026-01-02', '2026-01-13', 'undated']);
    expect(rows[2]).toMatch(/2025-12-28~\s+on December 28\s+Protests erupt/);
    expect(rows[4]).toContain('Russian Foreign Ministry');
  });

  it('shows the selected event: when (inferred, why), actors, and its source sentence in the paragraph', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'timeline' } });
    await ui.press('j');
    await ui.press('j');
    await ui.press('j');
    const s = await ui.press(KEYS.down);
    expect(selectedRow(s)).toContain('Foreign Ministry condemns pressure');
    expect(s).toContain('when: On Tuesday → 2026-01-13 inferred: the Tuesday after the protests began on December 28');
    expect(s).toContain('actors: Russian Foreign Ministry');
    expect(s).toContain('»On Tuesday, Russia’s Foreign Ministry condemned “illegal pressure from Western countries”«');
    expect(s).toContain('¶5');
  });

  it("Enter opens the event; Enter on its actor opens the profile; Esc comes back along the way", async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'timeline' } });
    await ui.press('j');
    await ui.press('j');
    await ui.press('j'); // Trump: “locked, loaded”
    const event = await ui.press(KEYS.enter);
    expect(event).toContain('esc ← Timeline › Event: Trump: “locked, loaded”');
    expect(event).toContain('── Actors (1)');
    expect(selectedRow(event)).toContain('Donald Trump');
    expect(event).toContain('── Quotes (');
    const s = await ui.press(KEYS.enter);
    expect(s).toContain('Donald Trump · person');
    expect(s).toContain('Timeline › Event: Trump: “locked, loaded” › Donald Trump');
    expect(await ui.press(KEYS.esc)).toContain('── Actors (1)');
    expect(selectedRow(await ui.press(KEYS.esc))).toContain('Trump: “locked, loaded”');
  });
});
