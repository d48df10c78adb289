import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Key } from 'ink';
import { KEYS, fixture, mount } from './helpers.js';
import { BINDINGS, footerHints, helpSections, keyLabel, resolveKey, type Context } from '../../src/tui/keymap.js';
import { helpLines } from '../../src/tui/components/HelpOverlay.js';
import { contexts, initialState } from '../../src/tui/state.js';

afterEach(() => cleanup());

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (k: Partial<Key>): Key => ({ ...NO_KEY, ...k });
const LIST: Context[] = ['always', 'quotes', 'list', 'global'];
const INPUT: Context[] = ['always', 'input'];

describe('keymap', () => {
  it('gives each key one meaning per context', () => {
    expect(resolveKey('q', NO_KEY, LIST)).toEqual({ command: 'quit' });
    expect(resolveKey('q', NO_KEY, INPUT)).toEqual({ command: 'insert', text: 'q' });
    expect(resolveKey('j', NO_KEY, LIST)).toEqual({ command: 'down' });
    expect(resolveKey('n', key({ ctrl: true }), INPUT)).toEqual({ command: 'down' });
    expect(resolveKey('', key({ downArrow: true }), INPUT)).toEqual({ command: 'down' });
    expect(resolveKey('c', key({ ctrl: true }), INPUT)).toEqual({ command: 'interrupt' });
    expect(resolveKey('c', key({ ctrl: true }), ['always', 'help', 'list', 'global'])).toEqual({ command: 'interrupt' });
    // Backspace arrives as `delete`
    expect(resolveKey('', key({ delete: true }), INPUT)).toEqual({ command: 'delete-char' });
    expect(resolveKey('', key({ tab: true, shift: true }), LIST)).toEqual({ command: 'prev-pane' });
    expect(resolveKey('', key({ tab: true }), LIST)).toEqual({ command: 'next-pane' });
  });

  it('lets Esc mean the most specific thing: close help, leave the box, clear, go back', () => {
    const esc = key({ escape: true, meta: true });
    expect(resolveKey('', esc, ['always', 'help', 'list', 'global'])).toEqual({ command: 'close-help' });
    expect(resolveKey('', esc, INPUT)).toEqual({ command: 'input-done' });
    expect(resolveKey('', esc, ['always', 'quotes', 'filtered', 'history', 'list', 'global'])).toEqual({ command: 'clear-filter' });
    expect(resolveKey('', esc, ['always', 'quotes', 'history', 'list', 'global'])).toEqual({ command: 'back' });
    expect(resolveKey('', esc, ['always', 'profile', 'list', 'global'])).toEqual({ command: 'close-profile' });
    expect(resolveKey('', esc, LIST)).toBeNull();
  });

  it('never types control characters or bidi marks from a paste', () => {
    expect(resolveKey('a\u001b[31mb\u202ec', NO_KEY, INPUT)).toEqual({ command: 'insert', text: 'a[31mbc' });
  });

  it('builds the footer from the table, for the keys that work now', () => {
    const quotes = footerHints(contexts(initialState()));
    expect(quotes.map((h) => `${h.keys} ${h.text}`)).toEqual(['↑↓ move', 'enter speaker', 'n narrative', 'r read', '/ search', 'y copy', 's sort', 'tab pane', '? help', 'q quit']);
    const typing = footerHints(contexts({ ...initialState(), focus: 'input' }));
    expect(typing.map((h) => h.keys)).toEqual(['↑↓', 'enter', 'esc', '^U']);
  });

  it('lists every binding in the help', () => {
    const rows = helpSections().flatMap((s) => s.rows);
    for (const b of BINDINGS) {
      expect(rows).toContainEqual({ keys: b.keys.map(keyLabel).join(' '), description: b.description });
    }
  });
});

describe('help overlay', () => {
  it('opens with ?, lists the keys from the keymap, scrolls, and closes with Esc', async () => {
    const ui = await mount(await fixture('corpus'));
    const s = await ui.press('?');
    expect(s).toContain('Keys');
    expect(s).toContain('── Anywhere');
    expect(s).toMatch(/Ctrl-C\s+quit at once \(exit code 130\)/);
    expect(s).toMatch(/↑ k Ctrl-P\s+move up/);
    const all = helpLines(100).map((l) => l.map((x) => x.text).join(''));
    expect(all.some((l) => l.includes("'exact"))).toBe(true);
    expect(all.some((l) => /^\/\s+search quotes \/ filter the list/.test(l))).toBe(true);
    expect(s).not.toContain("'exact");
    const end = await ui.press('G');
    expect(end).toContain("'exact");
    const closed = await ui.press(KEYS.esc);
    expect(closed).toContain('19 quotes');
    expect(closed).not.toContain('── Anywhere');
  });
});

describe('leaving', () => {
  it('q quits with 0', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.pressUntil('q', () => ui.exitCode() !== undefined, 'exit');
    expect(ui.exitCode()).toBe(0);
  });

  it('Ctrl-C quits with 130, even while typing', async () => {
    const ui = await mount(await fixture('corpus'));
    await ui.press('/');
    await ui.pressUntil(KEYS.ctrlC, () => ui.exitCode() !== undefined, 'exit');
    expect(ui.exitCode()).toBe(130);
  });
});

describe('panes', () => {
  it('Tab, Shift-Tab and 1-4 switch panes', async () => {
    const ui = await mount(await fixture('corpus'));
    expect(await ui.press(KEYS.tab)).toContain('[2 Actors]');
    expect(await ui.press(KEYS.tab)).toContain('[3 Narratives]');
    expect(await ui.press(KEYS.shiftTab)).toContain('[2 Actors]');
    expect(await ui.press(KEYS.shiftTab)).toContain('[1 Quotes]');
    expect(await ui.press(KEYS.shiftTab)).toContain('[4 Timeline]');
    expect(await ui.press('1')).toContain('[1 Quotes]');
    expect(await ui.press('3')).toContain('[3 Narratives]');
  });
});
