// The dashboard's string-width drop-in (src/tui/lib/string-width.ts) is handed to Ink and its
// helpers by the bundle in place of string-width: it must give the same answer for every string.
import { describe, expect, it } from 'vitest';
import realStringWidth from 'string-width';
import stringWidth, { ONE_CELL } from '../../../src/tui/lib/string-width.js';

describe('string-width drop-in', () => {
  it('agrees with string-width on every code point its fast path takes', () => {
    const disagree: string[] = [];
    let fast = 0;
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!ONE_CELL.test(ch)) continue;
      fast++;
      // alone, and between letters (where a joining character would change the count)
      for (const s of [ch, `a${ch}b`]) if (stringWidth(s) !== realStringWidth(s)) disagree.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    expect(fast).toBeGreaterThan(700);
    expect(disagree).toEqual([]);
  });

  it('agrees on text its fast path leaves to string-width, first time and remembered', () => {
    const samples = [
      'Захарова: «цветная революция»',
      'اعتراضات در ایران',
      '伊朗抗议 — 克里姆林宫',
      'family 👨‍👩‍👧‍👦 flag 🇮🇷 thumbs 👍🏽',
      'e\u0301 combining',
      'soft\u00adhyphen',
      'zero\u200bwidth',
      '\u001b[1mbold\u001b[22m · “curly” …',
      '\u001b[31mкрасный\u001b[39m',
      '',
    ];
    for (const s of samples) {
      expect(stringWidth(s), s).toBe(realStringWidth(s));
      expect(stringWidth(s), `${s} (remembered)`).toBe(realStringWidth(s));
    }
  });

  it('passes options string-width treats differently straight through', () => {
    const s = '\u001b[31m±½\u001b[39m';
    expect(stringWidth(s, { countAnsiEscapeCodes: true })).toBe(realStringWidth(s, { countAnsiEscapeCodes: true }));
    expect(stringWidth('±½', { ambiguousIsNarrow: false })).toBe(realStringWidth('±½', { ambiguousIsNarrow: false }));
  });
});
