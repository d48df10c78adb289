/**
 * The one place that makes text from data safe to show in a terminal, in any output path
 * (dashboard, text/CSV/Markdown printers, error messages that quote data). JSON output does not
 * use it: JSON keeps the exact data and escapes it itself.
 *
 * Anything that could drive the terminal or hide/reorder text is shown visibly escaped:
 * - C0 controls (incl. ESC, so no CSI/OSC sequence survives) as Unicode control pictures: ␛ ␇ ␀
 * - DEL and C1 controls (U+0080–U+009F, e.g. the 8-bit CSI U+009B) as <U+009B>
 * - bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E/F, U+061C),
 *   zero-width and other invisible format characters, line/paragraph separators, as <U+XXXX>
 * Ordinary text in every script (Persian, Russian, CJK, emoji incl. ZWJ sequences) is unchanged.
 */

// ZWJ (U+200D) and variation selectors are kept: they are part of emoji and Indic/Arabic text.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u0600-\u0605\u06DD\u070F\u08E2\u115F\u1160\u3164\uFFA0]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_WITH_NEWLINES = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u0600-\u0605\u06DD\u070F\u08E2\u115F\u1160\u3164\uFFA0]/g;

/**
 * Outside the BMP, and halves of pairs: invisible format characters (musical symbol formatting
 * U+1D173–U+1D17A, the tag characters U+E0001–U+E007F) are escaped like the others — except a
 * complete emoji tag sequence (a subdivision flag: U+1F3F4, tags, U+E007F), which is a picture;
 * a lone surrogate is shown as U+FFFD, which is what terminals draw for it, so that its width is
 * measured as drawn (string-width counted it as nothing and the line ran one cell long).
 */
const ASTRAL_UNSAFE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|[\u{1D173}-\u{1D17A}\u{E0001}-\u{E007F}]|[\uD800-\uDFFF]/gu;
const ASTRAL_TEST = /[\u{1D173}-\u{1D17A}\u{E0001}-\u{E007F}]|[\uD800-\uDFFF]/u;

function escapeAstral(text: string): string {
  if (!ASTRAL_TEST.test(text)) return text;
  return text.replace(ASTRAL_UNSAFE, (m) => (m.length > 2 ? m : m.length === 1 ? '\uFFFD' : escapeChar(m)));
}

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀..␟ control pictures
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

export interface InertOptions {
  /** keep \n and \t (for multi-line text blocks); otherwise they are escaped too */
  keepNewlines?: boolean;
}

/** Text from data, made inert for a terminal. */
export function inert(text: string, options: InertOptions = {}): string {
  if (options.keepNewlines) return escapeAstral(text.replace(UNSAFE, escapeChar));
  return escapeAstral(text.replace(UNSAFE_WITH_NEWLINES, (ch) => (ch === '\n' || ch === '\t' ? ' ' : escapeChar(ch))));
}

/** True when `text` holds nothing that `inert` would change (for tests and fast paths). */
export function isInert(text: string): boolean {
  UNSAFE_WITH_NEWLINES.lastIndex = 0;
  return !UNSAFE_WITH_NEWLINES.test(text) && escapeAstral(text) === text;
}

// eslint-disable-next-line no-control-regex
const OUTPUT_UNSAFE = /\u001b\[[0-9;]*m|\r\n|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u0600-\u0605\u06DD\u070F\u08E2\u115F\u1160\u3164\uFFA0]/g;

/**
 * The last guard on a printer's way out (text, CSV, Markdown), behind the inert() each printer
 * applies to each field: should any path forget it, nothing from data can still drive the
 * terminal. Kept: line ends (\n, and the \r\n that CSV needs), tabs, and with `styles` the colour
 * and attribute sequences the printers add themselves (SGR: ESC [ digits m, which can only set
 * colours); everything else is escaped as inert() escapes it. Idempotent on inert text.
 */
export function inertOutput(text: string, options: { styles?: boolean } = {}): string {
  OUTPUT_UNSAFE.lastIndex = 0;
  if (!OUTPUT_UNSAFE.test(text)) return escapeAstral(text);
  return escapeAstral(text).replace(OUTPUT_UNSAFE, (m) => {
    if (m.length === 1) return escapeChar(m); // \n and \t never match
    // eslint-disable-next-line no-control-regex
    return m === '\r\n' || options.styles ? m : m.replace(/\u001b/g, escapeChar);
  });
}

/**
 * Whether output may carry colours and attributes: never under NO_COLOR (any non-empty value),
 * FORCE_COLOR=0/false or TERM=dumb unless FORCE_COLOR=1..3 asks for it; else when the output can
 * show them (`canColor`: a terminal for the printers, one with colours for the dashboard). The one
 * decision both shells make.
 */
export function colorEnabled(env: NodeJS.ProcessEnv, canColor: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  if (env.TERM === 'dumb') return false;
  return canColor;
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u0600-\u0605\u06DD\u070F\u08E2\u115F\u1160\u3164\uFFA0]/g;

/**
 * JSON text that keeps the data exactly and is inert if printed raw. JSON.stringify escapes C0
 * controls (so ESC never reaches a terminal); this also escapes DEL, C1 controls (the 8-bit CSI
 * U+009B), bidi and invisible format characters as \uXXXX: the same data for jq or any parser.
 */
export function inertJson(jsonText: string): string {
  return jsonText.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
