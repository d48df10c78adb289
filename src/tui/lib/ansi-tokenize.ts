/**
 * @alcalzone/ansi-tokenize, with which Ink builds every frame, with the same answers and one
 * function made fast: styledCharsToString, which turns each line of the screen, cell by cell,
 * back into text with colour sequences. For every cell it asked for the sequences that lead from
 * the previous cell's style to this one (diffAnsiCodes: three Sets and four arrays a cell), also
 * between two cells of the same style — nearly all of them. That was the largest part of drawing
 * the dashboard's first frame (a 100x30 screen is 3,000 cells). Here two cells of the same style
 * (the same codes in the same order; their difference is empty, see below) are joined without
 * asking; any other pair is diffed exactly as before.
 *
 * Why the difference of equal styles is empty: diffAnsiCodes(from, to) undoes the codes of `from`
 * whose end code (or, for bold and dim, whose code) is not in `to`, and adds the codes of `to`
 * that are not in `from`; with `from` and `to` equal, neither kind exists. The test
 * ansi-tokenize.test.ts compares this with the real function on random styled text.
 *
 * The bundle (scripts/bundle.mjs) hands this module to Ink in place of the package.
 */
import { ansiCodesToString, diffAnsiCodes, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

function sameStyles(a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  return true;
}

export function styledCharsToString(chars: StyledChar[]): string {
  let ret = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (i === 0) {
      if (char.styles.length) ret += ansiCodesToString(char.styles);
    } else {
      const before = chars[i - 1]!.styles;
      if (!sameStyles(before, char.styles)) ret += ansiCodesToString(diffAnsiCodes(before, char.styles));
    }
    ret += char.value;
    // reset the styles still on at the end of the line
    if (i === chars.length - 1 && char.styles.length) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return ret;
}
