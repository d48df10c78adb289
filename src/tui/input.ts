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

/** A control character inside a chunk, as the key Ink reports for it alone (undefined: not one). */
function controlKey(c: string, base: Key): { input: string; key: Key } | undefined {
  const code = c.charCodeAt(0);
  if (c.length !== 1 || (code >= 0x20 && code !== 0x7f) || code === 0x1b || code === 0) return undefined;
  if (c === '\r' || c === '\n') return { input: '', key: { ...base, return: true } };
  if (c === '\t') return { input: '', key: { ...base, tab: true } };
  if (code === 0x7f || code === 0x08) return { input: '', key: { ...base, delete: true } };
  return { input: String.fromCharCode(code + 96), key: { ...base, ctrl: true } };
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
    // a control key inside the chunk (tmux send-keys "text" Enter, a paste, keys typed fast) is a
    // key of its own: Enter, Tab, Backspace, Ctrl-letter; the text around it is typed or decoded
    while (chars.length) {
      const ctx = contexts();
      const control = controlKey(chars[0]!, key);
      if (control) {
        chars.shift();
        const r = resolveKey(control.input, control.key, ctx);
        if (r) yield r;
        continue;
      }
      // (a control character that means nothing here stays in the text, where typing drops it)
      const upTo = chars.findIndex((c) => {
        const k = controlKey(c, key);
        return k !== undefined && resolveKey(k.input, k.key, ctx) !== null;
      });
      const r = resolveKey(ctx.includes('input') ? chars.splice(0, upTo < 0 ? chars.length : upTo).join('') : chars.shift()!, key, ctx);
      if (r) yield r;
    }
    return;
  }
  const r = resolveKey(input, key, contexts());
  if (r) yield r;
}
