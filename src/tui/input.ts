/**
 * Raw input decoding: what Ink hands `useInput` (one chunk of input and its key flags) becomes
 * the keypresses it stands for, each resolved through the key table (keymap.ts).
 *
 * A chunk is not always one key:
 * - several characters typed fast, pasted, or sent by tmux arrive as one string: outside a text
 *   box each is a key of its own; once one of them opens a box, the rest is typed into it;
 * - "ESC x" is how terminals send Alt-x, and also what Esc then x looks like when they come
 *   quickly; there are no Alt bindings, so it is Esc followed by x.
 *
 * Because a key can change where the next one lands (`/` opens the search box), the keys are
 * yielded one at a time and the contexts are asked for again before each: the caller handles a
 * key before it asks for the next. Pure: no React, no terminal.
 */
import type { Key } from 'ink';
import { resolveKey, type Context, type Resolved } from './keymap.js';

export type Keypress = NonNullable<Resolved>;

/** Keys whose chunk is one key whatever its length (modifiers, named keys). */
function isSpecial(key: Key): boolean {
  return key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete || key.upArrow || key.downArrow || key.pageUp || key.pageDown;
}

function isArrow(key: Key): boolean {
  return key.upArrow || key.downArrow || key.leftArrow || key.rightArrow;
}

/**
 * The keypresses in one chunk of input, resolved in the contexts that `contexts()` returns at
 * the moment each is reached. Keys that mean nothing where they land are skipped.
 */
export function* decodeInput(input: string, key: Key, contexts: () => readonly Context[]): Generator<Keypress> {
  if (key.meta && !key.escape && input && !isArrow(key)) {
    const esc = resolveKey('', { ...key, escape: true }, contexts());
    if (esc) yield esc;
    key = { ...key, meta: false };
  }
  const chars = Array.from(input);
  if (chars.length > 1 && !isSpecial(key)) {
    // an Enter inside the chunk (tmux send-keys "text" Enter, a paste) is a key of its own:
    // what comes before it is typed, then Enter answers or opens
    const enter = { ...key, return: true };
    const isEnter = (c: string) => c === '\r' || c === '\n';
    while (chars.length) {
      const ctx = contexts();
      if (isEnter(chars[0]!)) {
        chars.shift();
        const r = resolveKey('', enter, ctx);
        if (r) yield r;
        continue;
      }
      const upTo = chars.findIndex(isEnter);
      const r = resolveKey(ctx.includes('input') ? chars.splice(0, upTo < 0 ? chars.length : upTo).join('') : chars.shift()!, key, ctx);
      if (r) yield r;
    }
    return;
  }
  const r = resolveKey(input, key, contexts());
  if (r) yield r;
}
