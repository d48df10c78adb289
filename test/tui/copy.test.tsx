import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEYS, fixture, mount, waitFor } from './helpers.js';
import { osc52 } from '../../src/tui/lib/clipboard.js';

afterEach(() => cleanup());
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nlens-copy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('copy out', () => {
  it('y copies the selected quote with its citation; a appends it to the clips file, after what is there', async () => {
    const copied: string[] = [];
    const clipFile = path.join(tmp, 'clips.md');
    writeFileSync(clipFile, 'my notes\n\n');
    const ui = await mount(await fixture('corpus'), { initial: { search: 'notorious method' }, clipboard: (t) => copied.push(t), clipFile });
    const s = await ui.press('y');
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^“The notorious method of ‘color revolution’ is being used .*including children\.” — Mariya Zakharova, Foreign Ministry spokeswoman \(said, On Tuesday \(2026-01-13, inferred\)\)\. Al Jazeera, “Kremlin confident Iran protests have peaked” \(title inferred\), .*¶6\.$/);
    expect(s).toContain("copied Mariya Zakharova's quote with its citation · a: also append it to the clips file");
    await ui.pressUntil('a', (x) => x.includes(`appended to ${clipFile}`), 'the append');
    expect(readFileSync(clipFile, 'utf8')).toBe(`my notes\n\n${copied[0]}\n\n`);
    // a again does nothing more: the offer was taken
    await ui.press('j');
    await ui.pressUntil('a', () => true, 'a');
    expect(readFileSync(clipFile, 'utf8')).toBe(`my notes\n\n${copied[0]}\n\n`);
  });

  it('never puts reported speech in quotation marks', async () => {
    const copied: string[] = [];
    const ui = await mount(await fixture('corpus'), { initial: { search: 'kind:indirect security personnel' }, clipboard: (t) => copied.push(t) });
    await ui.press('y');
    expect(copied[0]).toMatch(/^Reported: more than 100 security personnel were killed in the two weeks of unrest — Iranian state media/);
    expect(copied[0]).not.toMatch(/[“”]more than 100/);
  });

  it('y works on a quote in a profile, a cell and the reader; says so when the selection is not a quote', async () => {
    const copied: string[] = [];
    const ui = await mount(await fixture('corpus'), { initial: { actor: 'trump' }, clipboard: (t) => copied.push(t) });
    await ui.press('y');
    expect(copied.at(-1)).toMatch(/^“take over the institutions” — Donald Trump/);
    await ui.press('r');
    await ui.press('j');
    await ui.press('y');
    expect(copied.at(-1)).toMatch(/^“help is on the way\.” — Donald Trump/);
    const ev = await mount(await fixture('corpus'), { initial: { pane: 'timeline' }, clipboard: (t) => copied.push(t) });
    for (const k of ['j', 'j', 'j']) await ev.press(k); // Trump: “locked, loaded”
    await ev.press(KEYS.enter); // the event: its actor is selected
    const n = copied.length;
    expect(await ev.press('y')).toContain('y copies a quote: select one');
    expect(copied).toHaveLength(n);
  });

  it('Y copies the comparison shown as a Markdown table (differences only when so toggled)', async () => {
    const copied: string[] = [];
    const ui = await mount(await fixture('corpus'), { initial: { compare: ['n-colour-rev', 'n-peaked', 'n-us-help'] }, size: { columns: 120, rows: 40 }, clipboard: (t) => copied.push(t) });
    const s = await ui.press('Y');
    expect(s).toContain('copied the comparison as Markdown (3 of 3 questions)');
    const md = copied[0]!.split('\n');
    expect(md[0]).toBe('| question | 1 Western-orchestrated colour revolution | 2 Protests have peaked | 3 America will step in |');
    expect(md[1]).toBe('| --- | --- | --- | --- |');
    expect(md).toHaveLength(3 + 3);
    expect(copied[0]).toContain('| Is the Iranian leadership secure? | *agrees with 2; conflicts with 3*<br>Stability will return.');
    expect(copied[0]).toContain('**contested** by Mariya Zakharova');
    expect(copied[0]).toContain('reported: more than 100 security personnel');
    await ui.press('d');
    await ui.press('Y');
    expect(copied[1]).toContain('Differences only: 1 of 3 questions.');
    expect(copied[1]).not.toContain('How many have died?');
  });

  it('OSC 52 carries the text, base64, to the clipboard', () => {
    const seq = osc52('“sigh” — é');
    expect(seq.startsWith('\u001b]52;c;')).toBe(true);
    expect(seq.endsWith('\u0007')).toBe(true);
    expect(Buffer.from(seq.slice(7, -1), 'base64').toString('utf8')).toBe('“sigh” — é');
  });
});
