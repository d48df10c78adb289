/**
 * The search query language, shared by the dashboard's search box and `narrative-lens search`.
 *
 * It follows fzf (which Fuse's extended search mostly speaks), plus field qualifiers:
 *
 *   colour revolution      space = AND; each term may match a different field (text, speaker...)
 *   sigh | relief          `|` = OR between the terms on either side (fzf precedence: it binds
 *                          tighter than the space, so `a b | c` means a AND (b OR c))
 *   'exact                 the term as a substring, no typos allowed
 *   ^prefix   suffix$      a field starts / ends with the term;  ^whole$ or =whole: the whole field
 *   !not  !^not  !not$     no searchable field contains / starts with / ends with the term
 *   "sigh of relief"       a phrase, matched as an exact substring (curly or straight quotes)
 *   speaker:zakharova      the speaker's name, an alias or id contains the value
 *   narrative:colour       a narrative the quote supports: label or id contains the value
 *   article:kremlin        the quote's article: title or id contains the value
 *   kind:direct            the quote's kind (direct, indirect, term; a prefix such as kind:d works)
 *   outlet:jazeera         the quote's article's outlet contains the value
 *   date:2026-01           the quote's date (as resolved; else its article's) starts with the
 *                          value; date:2026-01-10..2026-01-14 a range (either end may be left out)
 *   !speaker:trump         any qualifier negated; values may be quoted: speaker:"donald trump"
 *                          and take the same ^ $ = prefixes: speaker:^don
 *
 * Matching ignores case and diacritics, and folds typographic quotes and dashes, so "doesn't"
 * finds "doesn’t" and "Nicolas" finds "Nicolás". Parsing is lenient while the user is still
 * typing (a lone `!`, `'`, `|`, an empty `speaker:`, an unclosed quote are ignored or closed);
 * only a query that cannot mean anything gets an error.
 */

export type TextOp = 'fuzzy' | 'include' | 'prefix' | 'suffix' | 'exact';
export type QualifierField = 'speaker' | 'narrative' | 'kind' | 'article' | 'outlet' | 'date';
export const QUALIFIERS: readonly QualifierField[] = ['speaker', 'narrative', 'article', 'outlet', 'date', 'kind'];
export const KINDS = ['direct', 'indirect', 'term'] as const;

/** A free term, matched by fuse.js against the searchable fields (or, negated, by a filter). */
export interface TextAtom {
  type: 'text';
  op: TextOp;
  negate: boolean;
  /** normalised with `fold` */
  value: string;
}

/** A field qualifier: a filter on the quote's speaker, narratives, kind or article. */
export interface FieldAtom {
  type: 'field';
  field: QualifierField;
  op: Exclude<TextOp, 'fuzzy'>;
  negate: boolean;
  /** normalised with `fold`; for kind, the full kind name; for date, FROM..TO (either may be empty) */
  value: string;
}

const DATE_PART = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A date: value as FROM..TO (`2026-01` is 2026-01..2026-01), or undefined when it is not one. */
function dateRange(value: string): string | undefined {
  const [from, to, ...rest] = value.includes('..') ? value.split('..') : [value, value];
  if (rest.length || from === undefined || to === undefined || (!from && !to)) return undefined;
  if ((from && !DATE_PART.test(from)) || (to && !DATE_PART.test(to))) return undefined;
  return `${from}..${to}`;
}

/** Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) falls in a FROM..TO range, compared to each end's precision. */
export function dateInRange(date: string | null, range: string): boolean {
  if (!date) return false;
  const [from, to] = range.split('..') as [string, string];
  if (from && date.slice(0, from.length) < from) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

export type Atom = TextAtom | FieldAtom;

/** Atoms joined by `|`; a query is the AND of its clauses (conjunctive normal form). */
export interface Clause {
  atoms: Atom[];
}

export interface ParsedQuery {
  clauses: Clause[];
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Characters folded to a plain equivalent (one code point each, or a short expansion). */
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00A0': ' ', '\u202F': ' ',
  '\u00DF': 'ss', '\u00F8': 'o', '\u0111': 'd', '\u0142': 'l', '\u0127': 'h', '\u0131': 'i',
  '\u0167': 't', '\u00E6': 'ae', '\u0153': 'oe', '\u00FE': 'th', '\u03C2': '\u03C3',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007F]*$/;

function foldSlow(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(MARKS, '').replace(FOLD_RE, (ch) => FOLD[ch]!).normalize('NFC');
}

/** Lower-cases, strips diacritics, folds typographic quotes and dashes. The one normaliser. */
export function fold(s: string): string {
  return ASCII.test(s) ? s.toLowerCase() : foldSlow(s);
}

/**
 * `fold`, with a map back to the original's UTF-16 offsets when lengths differ. `starts[i]` and
 * `ends[i]` give, for unit i of the folded text, the first and last unit of the original code point
 * it came from. Null when folding kept every offset (the common case).
 */
export interface Folded {
  text: string;
  starts: Int32Array | null;
  ends: Int32Array | null;
}

export function foldWithMap(s: string): Folded {
  if (ASCII.test(s)) return { text: s.toLowerCase(), starts: null, ends: null };
  const whole = foldSlow(s);
  if (whole.length === s.length) return { text: whole, starts: null, ends: null };
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let unit = 0;
  for (const cp of s) {
    const piece = foldSlow(cp);
    for (let k = 0; k < piece.length; k++) {
      starts.push(unit);
      ends.push(unit + cp.length - 1);
    }
    text += piece;
    unit += cp.length;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Maps an inclusive [start, end] range of folded text back to the original text. */
export function unfoldRange(f: Folded, range: readonly [number, number]): [number, number] {
  if (!f.starts || !f.ends) return [range[0], range[1]];
  const last = f.starts.length - 1;
  const s = Math.min(Math.max(range[0], 0), last);
  const e = Math.min(Math.max(range[1], 0), last);
  return [f.starts[s]!, f.ends[e]!];
}

// ---------------------------------------------------------------------------------------------
// Parsing

export interface Token {
  text: string;
  /** the token was `|` on its own */
  pipe: boolean;
}

const OPEN_QUOTES = new Set(['"', '\u201C', '\u201E']);
const CLOSE_QUOTES = new Set(['"', '\u201D', '\u201C']);
const SPACE = /\s/;

/** Splits on whitespace; a double-quoted run (straight or curly) stays in one token. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && SPACE.test(query[i]!)) i++;
    if (i >= n) break;
    let tok = '';
    let inQuote = false;
    while (i < n) {
      const ch = query[i]!;
      if (inQuote) {
        if (CLOSE_QUOTES.has(ch)) inQuote = false;
        tok += ch;
        i++;
        continue;
      }
      if (SPACE.test(ch)) break;
      if (OPEN_QUOTES.has(ch)) inQuote = true;
      tok += ch;
      i++;
    }
    tokens.push({ text: tok, pipe: tok === '|' });
  }
  return tokens;
}

/** Removes one pair of surrounding double quotes (an unclosed quote is closed). */
function unquote(s: string): { value: string; quoted: boolean } {
  if (s.length && OPEN_QUOTES.has(s[0]!)) {
    let body = s.slice(1);
    if (body.length && CLOSE_QUOTES.has(body[body.length - 1]!)) body = body.slice(0, -1);
    return { value: body, quoted: true };
  }
  return { value: s, quoted: false };
}

/** Reads the fzf operators around a term: ' ^ = at the start, $ at the end. */
function readOp(raw: string): { op: TextOp; value: string; quoted: boolean } {
  let s = raw;
  let op: TextOp = 'fuzzy';
  if (s.startsWith("'")) {
    op = 'include';
    s = s.slice(1);
  } else if (s.startsWith('=')) {
    op = 'exact';
    s = s.slice(1);
  } else if (s.startsWith('^')) {
    op = 'prefix';
    s = s.slice(1);
  }
  // a trailing $ (outside any quotes) anchors at the end; ^x$ is the whole field
  if (s.length > 1 && s.endsWith('$') && !s.endsWith('\\$')) {
    s = s.slice(0, -1);
    op = op === 'prefix' || op === 'exact' ? 'exact' : op === 'include' ? 'suffix' : 'suffix';
  }
  const { value, quoted } = unquote(s);
  // a quoted phrase without an operator is an exact phrase (what analysts expect from quotes)
  if (quoted && op === 'fuzzy') op = 'include';
  return { op, value, quoted };
}

const QUALIFIER_RE = /^([a-z]+):(.*)$/is;

/** The longest word matched with typos (two of fuse's 32-character pieces). */
export const MAX_FUZZY_WORD = 64;

function parseAtom(token: string): Atom | { error: string } | null {
  let s = token;
  let negate = false;
  if (s.startsWith('!')) {
    negate = true;
    s = s.slice(1);
  }
  const q = QUALIFIER_RE.exec(s);
  const field = q ? (q[1]!.toLowerCase() as QualifierField) : undefined;
  if (q && field && !QUALIFIERS.includes(field) && /^[^/\\]/.test(q[2]!)) {
    // foo:bar is a filter nobody has: say which there are (a URL's http:// is text)
    return { error: `unknown filter "${q[1]}:"; the filters are ${QUALIFIERS.map((f) => `${f}:`).join(' ')}` };
  }
  if (q && field && QUALIFIERS.includes(field)) {
    let rest = q[2]!;
    if (rest.startsWith('!')) {
      negate = !negate;
      rest = rest.slice(1);
    }
    const { op, value } = readOp(rest);
    const folded = fold(value).trim();
    if (!folded) return null; // still being typed
    if (field === 'kind') {
      const kind = KINDS.find((k) => k.startsWith(folded));
      if (!kind) return { error: `kind: must be direct, indirect or term (not "${value}")` };
      return { type: 'field', field, op: 'exact', negate, value: kind };
    }
    if (field === 'date') {
      const range = dateRange(folded);
      if (!range) return { error: `date: must be YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO (not "${value}")` };
      return { type: 'field', field, op: 'exact', negate, value: range };
    }
    return { type: 'field', field, op: op === 'fuzzy' ? 'include' : op, negate, value: folded };
  }
  const { op, value } = readOp(s);
  // Backslash escapes a leading operator character: \!bang, \'quote, \^caret
  const unescaped = value.replace(/^\\(?=[!'^=])/, '').replace(/\\\$$/, '$');
  const folded = fold(unescaped);
  if (!folded.trim()) return null; // a lone ! ' ^ or "" while typing
  // fzf: a negated term is an exact (substring) term
  const textOp = negate && op === 'fuzzy' ? 'include' : op;
  // fuse matches a word longer than 32 characters with typos 32 at a time, each piece scanned
  // over every field: a pasted 2,000-character word took 46 s on 4,000 quotes, 100,000 ran for
  // many minutes. No real word is that long; a passage is found exactly, and at once, in quotes.
  if (textOp === 'fuzzy' && [...folded].length > MAX_FUZZY_WORD) {
    return { error: `a word matched with typos is at most ${MAX_FUZZY_WORD} characters (this one has ${[...folded].length.toLocaleString('en')}); put a longer passage in quotes ("…") or start it with ' to find it exactly` };
  }
  return { type: 'text', op: textOp, negate, value: folded };
}

function describe(a: Atom): string {
  const neg = a.negate ? '!' : '';
  return a.type === 'field' ? `${neg}${a.field}:${a.value}` : `${neg}${a.value}`;
}

/** Parses a query. Never throws; returns an error message for a query that cannot mean anything. */
export function parseQuery(query: string): ParseResult {
  const clauses: Clause[] = [];
  let pendingOr = false;
  for (const tok of tokenize(query)) {
    if (tok.pipe) {
      if (clauses.length) pendingOr = true; // a leading | is ignored
      continue;
    }
    const atom = parseAtom(tok.text);
    if (atom === null) continue;
    if ('error' in atom) return { ok: false, error: atom.error };
    if (pendingOr && clauses.length) clauses[clauses.length - 1]!.atoms.push(atom);
    else clauses.push({ atoms: [atom] });
    pendingOr = false;
  }
  // A clause is either all positive free terms (matched and scored by fuse.js) or all filters
  // (qualifiers and negations). An OR that mixes the two has no score to give, so say so.
  for (const c of clauses) {
    if (c.atoms.length < 2) continue;
    const fuzzy = c.atoms.filter((a) => a.type === 'text' && !a.negate);
    if (fuzzy.length && fuzzy.length < c.atoms.length) {
      const other = c.atoms.find((a) => !(a.type === 'text' && !a.negate))!;
      return {
        ok: false,
        error: `"${describe(fuzzy[0]!)} | ${describe(other)}": | can join words, or qualifiers and !negations, but not one with the other`,
      };
    }
  }
  return { ok: true, query: { clauses } };
}

/** True when the clause is matched by fuse.js (positive free terms only). */
export function isTextClause(c: Clause): boolean {
  return c.atoms.every((a) => a.type === 'text' && !a.negate);
}
