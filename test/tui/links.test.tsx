import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, mount, selectedRow } from './helpers.js';

afterEach(() => cleanup());

describe('links everywhere, and back along the path', () => {
  it('a mention in a profile opens in the reader; back lands on it', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { actor: 'putin' } });
    // Putin: no quotes, one mention, a silence, narratives
    const profile = ui.screen();
    expect(profile).toContain('── Mentions (1)');
    expect(selectedRow(profile)).toBeDefined();
    const mention = selectedRow(profile)!;
    const reader = await ui.press(KEYS.enter);
    expect(reader).toContain('› Reader:');
    expect(reader).toMatch(/span \d+ of \d+ · mention · Vladimir Putin/);
    const back = await ui.press(KEYS.esc);
    expect(selectedRow(back)).toBe(mention);
    // the silence: r reads it whole
    const silence = await ui.press('j');
    expect(selectedRow(silence)).toContain('silent about');
    expect(await ui.press('r')).toMatch(/silence · Vladimir Putin, silent about/);
  });

  it('a narrative opens with its proponents and evidence; each proponent leads to a profile', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'narratives' } });
    const s = await ui.press(KEYS.enter);
    expect(s).toContain('esc ← Narratives › Narrative: Western-orchestrated col…');
    expect(s).toContain('The unrest is a colour revolution staged by the West.');
    expect(s).toContain('── Proponents (2)');
    expect(s).toContain('── Positions (');
    expect(selectedRow(s)).toContain('Russian Foreign Ministry');
    const p = await ui.press(KEYS.enter);
    expect(p).toContain('Russian Foreign Ministry · organisation');
    expect(p).toContain('Narratives › Narrative: Western-orchestrated col… › Russian Foreign Ministry');
    const back = await ui.press(KEYS.esc);
    expect(selectedRow(back)).toContain('Russian Foreign Ministry');
    expect(selectedRow(await ui.press(KEYS.esc))).toContain('Western-orchestrated colour revolution');
  });

  it('an event leads to its quotes (r reads one) and to the event itself in the reader', async () => {
    const ui = await mount(await fixture('corpus'), { initial: { pane: 'timeline' } });
    for (const k of ['j', 'j', 'j', 'j']) await ui.press(k); // Foreign Ministry condemns pressure
    const reader = await ui.press('r');
    expect(reader).toMatch(/span \d+ of \d+ · event · Foreign Ministry condemns pressure/);
    await ui.press(KEYS.esc);
    const event = await ui.press(KEYS.enter);
    expect(event).toContain('── Actors (1)');
    expect(event).toContain('── Quotes (1)');
    await ui.press('G');
    const read = await ui.press('r');
    expect(read).toMatch(/direct quote · Russian Foreign Ministry/);
    expect(read).toContain('“‹q›»illegal pressure');
  });
});
