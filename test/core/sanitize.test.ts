import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { inert, isInert } from '../../src/core/sanitize.js';

// Any byte that lets text drive a terminal: C0 (but \n and \t when kept), DEL, C1.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

describe('inert: text from data cannot drive the terminal', () => {
  it('escapes CSI, OSC 52 clipboard and OSC 8 link sequences visibly', () => {
    expect(inert('a\u001b[2Jb')).toBe('a␛[2Jb');
    expect(inert('\u001b]52;c;ZXZpbA==\u0007')).toBe('␛]52;c;ZXZpbA==␇');
    expect(inert('\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\')).toBe('␛]8;;http://x␛\\link␛]8;;␛\\');
    expect(inert('8-bit CSI \u009b31m')).toBe('8-bit CSI <U+009B>31m');
  });

  it('shows bidi overrides and invisible format characters as <U+XXXX>', () => {
    expect(inert('abc\u202Edcba\u202C')).toBe('abc<U+202E>dcba<U+202C>');
    expect(inert('x\u2066y\u2069z\u200Bw\uFEFF')).toBe('x<U+2066>y<U+2069>z<U+200B>w<U+FEFF>');
  });

  it('keeps real text in every script unchanged, and its width right', () => {
    const samples = ['Мария Захарова', 'اعتراضات در ایران', '抗议活动', '👩‍👩‍👧 🇮🇷', 'naïve café', 'हिन्दी'];
    for (const s of samples) {
      expect(inert(s)).toBe(s);
      expect(isInert(s)).toBe(true);
    }
    expect(stringWidth(inert('抗议活动'))).toBe(8);
  });

  it('turns newlines and tabs into spaces on one line, or keeps them for blocks', () => {
    expect(inert('a\nb\tc')).toBe('a b c');
    expect(inert('a\nb\tc\r', { keepNewlines: true })).toBe('a\nb\tc␍');
  });

  it('property: no control or bidi character survives, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = inert(s);
        expect(CONTROL.test(out)).toBe(false);
        expect(BIDI.test(out)).toBe(false);
        expect(out.includes('\n')).toBe(false);
        expect(isInert(out)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: text that needs no escaping comes back identical', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        if (isInert(s)) expect(inert(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});
