/**
 * Text whose width terminals and string-width disagreed on (issue 18, item 7): after inert() the
 * width measured is the width drawn, and invisible format characters are shown, not hidden.
 */
import { describe, expect, it } from 'vitest';
import { inert, inertOutput, isInert } from '../../src/core/sanitize.js';
import stringWidth from '../../src/tui/lib/string-width.js';

describe('widths as terminals draw them', () => {
  it('a lone surrogate is drawn as U+FFFD, one cell (string-width counted none)', () => {
    for (const lone of ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']) {
      const shown = inert(`a${lone}b`);
      expect(shown).toBe('a\uFFFDb');
      expect(stringWidth(shown)).toBe(3);
      expect(inertOutput(`a${lone}b`)).toBe('a\uFFFDb');
    }
    // halves of a pair stay a pair
    expect(inert('a😀b')).toBe('a😀b');
  });

  it('Hangul fillers (drawn blank but wide by terminals, zero by string-width) are shown as code points', () => {
    for (const filler of ['\u3164', '\u115F', '\u1160', '\uFFA0']) {
      const shown = inert(`x${filler}y`);
      expect(shown).toBe(`x<U+${filler.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>y`);
      expect(stringWidth(shown)).toBe(shown.length);
    }
    // composed Hangul is ordinary text
    expect(inert('한국어')).toBe('한국어');
  });

  it('emoji ZWJ sequences, flags, skin tones and keycaps are kept whole, two cells each', () => {
    for (const emoji of ['👩‍👩‍👧‍👦', '🇺🇦', '👍🏽', '1️⃣', '❤️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) {
      expect(inert(emoji)).toBe(emoji);
      expect(isInert(emoji)).toBe(true);
      expect(stringWidth(inert(emoji))).toBe(2);
    }
  });

  it('invisible format characters (U+0600–0605, U+06DD, U+1D173–1D17A, U+E0001–E007F) are shown inert', () => {
    const cps = [0x0600, 0x0601, 0x0605, 0x06dd, 0x1d173, 0x1d17a, 0xe0001, 0xe0020, 0xe007f];
    for (const cp of cps) {
      const ch = String.fromCodePoint(cp);
      const shown = inert(`a${ch}b`);
      expect(shown).toBe(`a<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>b`);
      expect(isInert(`a${ch}b`)).toBe(false);
      expect(inertOutput(`a${ch}b`)).toBe(shown);
    }
    // tags that do not make a subdivision flag are not a picture: shown
    expect(inert('🏴\u{E0067}\u{E0062}')).toBe('🏴<U+E0067><U+E0062>');
  });
});
