// The dashboard's ansi-tokenize drop-in (src/tui/lib/ansi-tokenize.ts) is handed to Ink by the
// bundle in place of @alcalzone/ansi-tokenize: every line Ink builds must come out the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as real from '@alcalzone/ansi-tokenize';
import * as dropIn from '../../../src/tui/lib/ansi-tokenize.js';

// colour and attribute sequences as chalk writes them: starts, ends, resets, 256 and true colour
const SGR = ['\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[3m', '\u001b[23m', '\u001b[4m', '\u001b[24m', '\u001b[7m', '\u001b[27m', '\u001b[31m', '\u001b[32m', '\u001b[39m', '\u001b[90m', '\u001b[41m', '\u001b[49m', '\u001b[0m', '\u001b[38;5;208m', '\u001b[48;2;10;20;30m'];
const piece = fc.oneof(fc.constantFrom(...SGR), fc.constantFrom('a', 'b', ' ', '·', '…', '─', '“', '”', 'é', '漢'), fc.string({ maxLength: 6 }));

describe('the ansi-tokenize drop-in', () => {
  it('turns styled cells back into the same text as the package, line after line', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(3), { maxLength: 6 }), (parts, blanks) => {
        const cells = real.styledCharsFromTokens(real.tokenize(parts.join('')));
        // Ink's screen: unwritten cells are blank with no style, between written ones
        for (const at of blanks) cells.splice(at % (cells.length + 1), 0, { type: 'char', value: ' ', fullWidth: false, styles: [] });
        expect(dropIn.styledCharsToString(cells)).toBe(real.styledCharsToString(cells));
      }),
      { numRuns: 3000 },
    );
  });

  it('passes the rest of the package through', () => {
    expect(dropIn.tokenize).toBe(real.tokenize);
    expect(dropIn.styledCharsFromTokens).toBe(real.styledCharsFromTokens);
  });
});
