/**
 * string-width with the same answers, fast on the text the dashboard draws.
 *
 * string-width segments every string that is not pure printable ASCII into graphemes and runs
 * Unicode-property regexes on each; its emoji regex alone takes ~25 ms to compile on first use.
 * The dashboard's lines are nearly never pure ASCII (curly quotes, "·", "─", "…", arrows), and Ink
 * measures every line of every frame, so most of a keystroke's frame went there. Here:
 *
 * - text made only of characters that are one cell each and never join a neighbour into one
 *   grapheme (printable ASCII, Latin-1 but the soft hyphen, Latin Extended, IPA and modifier
 *   letters, general punctuation, arrows, box drawing, block elements), optionally with colour
 *   and attribute sequences (SGR, as chalk writes them), is as wide as it is long — the same
 *   answer string-width gives, checked over every one of those code points;
 * - anything else goes to string-width itself, and the answer is remembered per string (data is
 *   immutable and the same lines are drawn frame after frame).
 *
 * lib/text.ts measures with it; the bundle (scripts/bundle.mjs) may also hand it to Ink and its
 * helpers in place of string-width, which changes nothing but the time taken.
 */
import realStringWidth from 'string-width';

export type StringWidthOptions = Parameters<typeof realStringWidth>[1];

/**
 * One cell per UTF-16 unit, no grapheme joins: see above. U+00AD (soft hyphen) is zero-width;
 * U+0300 and up are combining marks; U+2028..U+202F and U+205F.. are separators, bidi controls
 * and invisible operators.
 */
// eslint-disable-next-line no-control-regex
export const ONE_CELL = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u259f]*$/;

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

const MEMO_MAX = 20_000;
const memo = new Map<string, number>();

export default function stringWidth(text: string, options?: StringWidthOptions): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  if (options && (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes)) return realStringWidth(text, options);
  const visible = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (ONE_CELL.test(visible)) return visible.length;
  let w = memo.get(text);
  if (w === undefined) {
    w = realStringWidth(text);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, w);
  }
  return w;
}
