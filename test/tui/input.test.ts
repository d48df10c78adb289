import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { decodeInput, type Keypress } from '../../src/tui/input.js';
import type { Context } from '../../src/tui/keymap.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (k: Partial<Key>): Key => ({ ...NO_KEY, ...k });
const LIST: Context[] = ['always', 'quotes', 'list', 'global'];
const INPUT: Context[] = ['always', 'input'];

/**
 * Decodes a chunk the way the dashboard does: each keypress is "handled" (here: `/` opens the
 * box, Esc leaves it) before the next is decoded, so the contexts follow the keys.
 */
function decode(input: string, k: Key, start: Context[] = LIST): Keypress[] {
  let ctx = start;
  const out: Keypress[] = [];
  for (const press of decodeInput(input, k, () => ctx)) {
    out.push(press);
    if (press.command === 'search') ctx = INPUT;
    if (press.command === 'input-done') ctx = LIST;
  }
  return out;
}

describe('raw input decoding', () => {
  it('one key is one keypress, resolved in the contexts of the moment', () => {
    expect(decode('j', NO_KEY)).toEqual([{ command: 'down' }]);
    expect(decode('j', NO_KEY, INPUT)).toEqual([{ command: 'insert', text: 'j' }]);
    expect(decode('\r', key({ return: true }))).toEqual([{ command: 'open-speaker' }]);
  });

  it('splits a burst of typed characters into keys outside a text box', () => {
    expect(decode('jjq', NO_KEY)).toEqual([{ command: 'down' }, { command: 'down' }, { command: 'quit' }]);
  });

  it('types the rest of a burst into the box that one of its keys opened', () => {
    expect(decode('j/qj1', NO_KEY)).toEqual([{ command: 'down' }, { command: 'search' }, { command: 'insert', text: 'qj1' }]);
  });

  it('types a paste into a box as one piece, without control characters', () => {
    expect(decode('sigh of relief', NO_KEY, INPUT)).toEqual([{ command: 'insert', text: 'sigh of relief' }]);
    expect(decode('a\u0007b\u202ec', NO_KEY, INPUT)).toEqual([{ command: 'insert', text: 'abc' }]);
  });

  it('reads ESC-prefixed keys (Alt-x, or Esc then x sent together) as Esc, then the key', () => {
    // in a text box: Esc leaves it, then j moves in the list
    expect(decode('j', key({ meta: true }), INPUT)).toEqual([{ command: 'input-done' }, { command: 'down' }]);
    // with a filter: Esc clears it, then q quits
    expect(decode('q', key({ meta: true }), ['always', 'quotes', 'filtered', 'list', 'global'])).toEqual([{ command: 'clear-filter' }, { command: 'quit' }]);
  });

  it('does not split Esc itself, arrows, or keys with modifiers', () => {
    expect(decode('', key({ escape: true, meta: true }), INPUT)).toEqual([{ command: 'input-done' }]);
    expect(decode('', key({ downArrow: true, meta: true }))).toEqual([{ command: 'down' }]);
    expect(decode('n', key({ ctrl: true }), INPUT)).toEqual([{ command: 'down' }]);
  });

  it('takes an Enter inside a chunk as a key of its own (tmux send-keys "text" Enter, a paste)', () => {
    expect(decode('/zakh\r', NO_KEY)).toEqual([{ command: 'search' }, { command: 'insert', text: 'zakh' }, { command: 'input-submit' }]);
    expect(decode('ab\rcd', NO_KEY, INPUT)).toEqual([{ command: 'insert', text: 'ab' }, { command: 'input-submit' }, { command: 'insert', text: 'cd' }]);
    // other control keys too: Ctrl-U clears, Backspace deletes, Tab leaves the box
    expect(decode('/x\u0015y\u007f\t', NO_KEY)).toEqual([{ command: 'search' }, { command: 'insert', text: 'x' }, { command: 'clear-input' }, { command: 'insert', text: 'y' }, { command: 'delete-char' }, { command: 'input-done' }]);
  });

  it('skips keys that mean nothing where they land', () => {
    expect(decode('z', NO_KEY)).toEqual([]);
    expect(decode('zjz', NO_KEY)).toEqual([{ command: 'down' }]);
  });
});
