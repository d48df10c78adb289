/**
 * Exact pruning for the quote search: which records can be skipped because they provably
 * cannot match, and when a growing query may search only the previous query's matches.
 *
 * Both rest on how fuse.js matches a fuzzy term (bitap with ignoreLocation): a term of length m
 * matches a field when some substring of it is within `allowedErrors(m)` edits (insertions,
 * deletions, substitutions) of the term. Neither lever changes a score or an order: fuse still
 * scores every record that reaches it, each from its own fields alone. The benchmark checks the
 * results against a full fuse.js search on every keystroke.
 */
import { SEARCH_THRESHOLD } from './options.js';
import { isTextClause, type Atom, type Clause, type ParsedQuery, type TextAtom } from './query.js';

/** fuse.js splits longer patterns into 32-character chunks, each matched on its own. */
export const FUSE_MAX_BITS = 32;

/** The most edits fuse allows for a pattern of length m: the largest e with e / m <= threshold. */
export function allowedErrors(m: number, threshold = SEARCH_THRESHOLD): number {
  let e = 0;
  // the same floating-point comparison fuse makes (score = errors / length; stop when > threshold)
  while (e + 1 <= m && (e + 1) / m <= threshold) e++;
  return e;
}

/**
 * Pigeonhole: split the term into k + 1 pieces; k edits can spoil at most k of them, so any match
 * contains one piece exactly. Pieces are as long as possible (equal split) to be selective.
 */
export function pigeonholePieces(term: string, k: number): string[] {
  const parts = k + 1;
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const len = Math.floor((term.length - start) / (parts - i));
    out.push(term.slice(start, start + len));
    start += len;
  }
  return out;
}

export type Test = (hay: string) => boolean;

function atomTest(a: TextAtom, sep: string): Test | null {
  const v = a.value;
  if (a.negate || v.length === 0 || v.includes(sep) || v.includes('|') || v.includes('"')) return null;
  if (a.op !== 'fuzzy') {
    // exact, include, prefix and suffix all need the value as a substring of one field
    return (hay) => hay.includes(v);
  }
  if (v.length > FUSE_MAX_BITS) return null;
  // fuse's own answer for the term (indexOf, then pigeonhole pieces and the exact edit distance
  // around each): the one the scoring asks next for the same record's text (see termAnswer)
  const answer = termAnswer(v, SEARCH_THRESHOLD);
  return (hay) => answer(hay).isMatch;
}

/** How fuse.js answers one fuzzy term against one field: match or not, and the score. */
export interface TermResult {
  isMatch: boolean;
  score: number;
  /** with includeMatches: the ranges fuse would highlight, [start, end] inclusive */
  indices?: [number, number][];
}

/** fuse's floor for a non-zero score (bitap/search.ts: Math.max(0.001, finalScore)) */
export const FUSE_MIN_SCORE = 0.001;
export const NO_MATCH: TermResult = Object.freeze({ isMatch: false, score: 1 });
const WHOLE: TermResult = Object.freeze({ isMatch: true, score: 0 });
const EXACT: TermResult = Object.freeze({ isMatch: true, score: FUSE_MIN_SCORE });

/**
 * fuse.js's answer for a fuzzy term of 1..32 code units against one field, without ranges
 * (fuzzy-term.ts says why it is fuse's): the field equals the term, score 0; contains it, 0.001;
 * else the fewest edits e that turn the term into a substring, a match with score e / m while
 * e <= allowedErrors(m).
 *
 * One function per term and threshold (a small registry), remembering its last field: the
 * prefilter asks it about a record's text, and the scoring asks the same function about the same
 * text right after (search.ts rankQuotes), so each record's text is scanned once per term, not
 * twice. Results are shared and frozen: read only isMatch and score.
 */
export function termAnswer(term: string, threshold: number): (text: string) => TermResult {
  const key = `${threshold}\u0000${term}`;
  let answer = answers.get(key);
  if (!answer) {
    if (answers.size >= MAX_ANSWERS) answers.clear(); // a long session's old terms
    answers.set(key, (answer = makeTermAnswer(term, threshold)));
  }
  return answer;
}
const answers = new Map<string, (text: string) => TermResult>();
const MAX_ANSWERS = 256;

function makeTermAnswer(term: string, threshold: number): (text: string) => TermResult {
  const m = term.length;
  const k = allowedErrors(m, threshold);
  const edits = k > 0 ? boundedEdits(term, k) : null;
  const byErrors: TermResult[] = [];
  for (let e = 1; e <= k; e++) byErrors[e] = Object.freeze({ isMatch: true, score: Math.max(FUSE_MIN_SCORE, e / m) });
  let lastText: string | undefined;
  let last: TermResult = NO_MATCH;
  return (text) => {
    if (text === lastText) return last;
    lastText = text;
    if (text === term) return (last = WHOLE);
    if (text.includes(term)) return (last = EXACT);
    if (edits === null) return (last = NO_MATCH);
    // not a substring, so at least one edit: the scan may stop as soon as it finds one
    const e = edits(text, 1);
    return (last = e <= k ? byErrors[e]! : NO_MATCH);
  };
}

/**
 * Myers' bit-vector algorithm (1999), search form, over text[from, to): after each character, the
 * fewest edits that turn `pattern` (1..32 code units) into a substring ending there. O(text
 * length), a handful of integer operations per character. Forwards, the substrings end at each
 * position; backwards (the pattern reversed), they start there. Returns the least distance seen,
 * stopping as soon as it is at most `stopAt`; `lastAt` is then the last position scanned whose
 * distance was at most `mark` (-1 if none).
 */
function myersScanner(pattern: string, backwards: boolean) {
  const m = pattern.length;
  const { ascii, other } = charMasks(backwards ? pattern.split('').reverse().join('') : pattern); // code units, as scanned
  const last = 1 << (m - 1);
  const full = m === 32 ? -1 : (1 << m) - 1;
  const scanner = {
    lastAt: -1,
    run(text: string, stopAt: number, mark: number, from = 0, to = text.length): number {
      let pv = full;
      let mv = 0;
      let score = m;
      let best = m;
      scanner.lastAt = -1;
      if (best <= stopAt) return best; // deleting the whole pattern is within stopAt edits
      const step = backwards ? -1 : 1;
      for (let j = backwards ? to - 1 : from, n = to - from; n > 0; n--, j += step) {
        const c = text.charCodeAt(j);
        const eq = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
        const xv = eq | mv;
        const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        if (ph & last) score++;
        else if (mh & last) score--;
        // search form: a match may start anywhere, so no carry into the first row
        ph <<= 1;
        mh <<= 1;
        pv = (mh | ~(xv | ph)) & full;
        mv = ph & xv & full;
        if (score <= mark) scanner.lastAt = j;
        if (score < best) {
          best = score;
          if (best <= stopAt) return best;
        }
      }
      return best;
    },
  };
  return scanner;
}

/**
 * The fewest edits that turn `pattern` into some substring of text[from, to); the scan stops as
 * soon as the distance is at most `stopAt` (and returns that distance).
 */
export function editScanner(pattern: string): (text: string, stopAt: number, from?: number, to?: number) => number {
  const s = myersScanner(pattern, false);
  return (text, stopAt, from, to) => s.run(text, stopAt, -1, from, to);
}

/** Myers' pattern masks: bit i of a character's mask is set where pattern[i] is that character. */
function charMasks(pattern: string): { ascii: Int32Array; other: Map<number, number> } {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c < 128) ascii[c]! |= 1 << i;
    else other.set(c, (other.get(c) ?? 0) | (1 << i));
  }
  return { ascii, other };
}

/**
 * The leftmost position where a substring within `k` edits of `pattern` starts, or -1: the scan
 * run from the text's end, so that the last position it marks is the leftmost start.
 */
export function leftmostStart(pattern: string, k: number): (text: string) => number {
  const s = myersScanner(pattern, true);
  return (text) => {
    s.run(text, -1, k);
    return s.lastAt;
  };
}

/**
 * The fewest edits that turn `pattern` into a substring of a text, when that is at most `k`;
 * otherwise k + 1. Pigeonhole first: k edits spoil at most k of the k + 1 pieces, so a match
 * contains one piece exactly, at most k places from where the piece sits in the pattern. Native
 * indexOf finds the pieces; Myers' scan runs only over the short window around each occurrence
 * (m + 2k characters), not over the whole text. Like editScanner, it may stop early once the
 * distance is at most `stopAt`.
 */
export function boundedEdits(pattern: string, k: number): (text: string, stopAt: number) => number {
  const m = pattern.length;
  const scan = editScanner(pattern);
  const pieces: { piece: string; at: number }[] = [];
  let at = 0;
  for (const piece of pigeonholePieces(pattern, k)) {
    pieces.push({ piece, at });
    at += piece.length;
  }
  if (pieces.some((p) => p.piece.length === 0)) {
    // k >= m: too many edits for the pigeonhole; scan the whole text
    return (text, stopAt) => Math.min(k + 1, scan(text, stopAt));
  }
  return (text, stopAt) => {
    let best = k + 1;
    for (const { piece, at } of pieces) {
      for (let p = text.indexOf(piece); p >= 0; p = text.indexOf(piece, p + 1)) {
        const d = scan(text, stopAt, Math.max(0, p - at - k), Math.min(text.length, p - at + m + k));
        if (d < best) {
          best = d;
          if (best <= stopAt) return best;
        }
      }
    }
    return best;
  };
}

/**
 * Is there a substring of the text within `k` edits of `pattern`? Fields in the text are joined
 * by a separator; a match across one only makes the test say "maybe", which is safe (fuse then
 * decides).
 */
export function withinEdits(pattern: string, k: number): Test {
  const edits = boundedEdits(pattern, k);
  return (text) => edits(text, k) <= k;
}

/**
 * What the prefilter reads of a record: its own folded text, and the folded fields it shares with
 * other records (the speaker's name, aliases and role; the narrative labels; the topics), each
 * part one object however many records point to it.
 */
export interface SharedHay {
  /** the part's fields, joined by the separator */
  readonly hay: string;
}

/** A record's test: its own text and its shared parts. */
export type RecordTest = (own: string, shared: readonly SharedHay[]) => boolean;

/**
 * A test that returns false only for a record that cannot match the query's free terms; null
 * when no term allows pruning. A term may match any field, so a clause holds when it holds in
 * the record's own text or in one of its shared parts. A shared part's answer is remembered for
 * the query: one speaker's 8,000 aliases are scanned once per query, not once per quote they
 * speak (issue 18: that scan was quotes x aliases).
 */
export function textPrefilter(q: ParsedQuery, sep: string): RecordTest | null {
  const tests = textClauseTests(q, sep);
  if (tests === null) return null;
  const clauseTests: RecordTest[] = tests.map((test) => {
    const known = new Map<SharedHay, boolean>();
    const inShared = (part: SharedHay): boolean => {
      let v = known.get(part);
      if (v === undefined) known.set(part, (v = test(part.hay)));
      return v;
    };
    return (own, shared) => test(own) || shared.some(inShared);
  });
  if (clauseTests.length === 1) return clauseTests[0]!;
  return (own, shared) => {
    for (const t of clauseTests) if (!t(own, shared)) return false;
    return true;
  };
}

/**
 * One test per clause of free terms that can prune (textPrefilter's, before it looks at shared
 * parts): false only when the clause provably cannot match in that text. A record can match only
 * if every clause holds in its own text or in one of the parts it shares. null when none prunes.
 * The index on disk (disk-index.ts) asks the shared parts once per table entry.
 */
export function textClauseTests(q: ParsedQuery, sep: string): Test[] | null {
  const out: Test[] = [];
  for (const c of q.clauses) {
    if (!isTextClause(c)) continue; // qualifiers and negations are exact filters elsewhere
    const tests = c.atoms.map((a) => atomTest(a as TextAtom, sep));
    if (tests.some((t) => t === null)) continue; // one unprunable alternative: the clause can't prune
    const ts = tests as Test[];
    out.push(ts.length === 1 ? ts[0]! : (hay) => ts.some((t) => t(hay)));
  }
  return out.length ? out : null;
}

function sameAtom(a: Atom, b: Atom): boolean {
  return a.type === b.type && a.op === b.op && a.negate === b.negate && a.value === b.value && (a.type === 'text' || (b.type === 'field' && a.field === b.field));
}

/** Every record matching `next` also matches `prev`, when `next` only extends this atom. */
function atomNarrows(prev: Atom, next: Atom): boolean {
  if (prev.type !== next.type || prev.op !== next.op || prev.negate || next.negate) return false;
  if (prev.type === 'field' && (next.type !== 'field' || prev.field !== next.field || prev.field === 'kind')) return false;
  if (!next.value.startsWith(prev.value)) return false;
  switch (next.op) {
    case 'include':
    case 'prefix':
      return true; // a longer substring / prefix is found only where the shorter one is
    case 'fuzzy':
      // a match of the longer term within e edits contains a match of its prefix within e edits;
      // exact only while the allowed edits did not grow (the lever the issue measured)
      return (
        next.value.length <= FUSE_MAX_BITS &&
        allowedErrors(next.value.length) <= allowedErrors(prev.value.length)
      );
    default:
      return false; // suffix and exact-whole-field are not monotone as the value grows
  }
}

function sameClause(a: Clause, b: Clause): boolean {
  return a.atoms.length === b.atoms.length && a.atoms.every((x, i) => sameAtom(x, b.atoms[i]!));
}

function clauseNarrows(prev: Clause, next: Clause): boolean {
  if (prev.atoms.length !== next.atoms.length) return false;
  return prev.atoms.every((a, i) => sameAtom(a, next.atoms[i]!) || atomNarrows(a, next.atoms[i]!));
}

/**
 * True when every record matching `next` provably matches `prev`, so `next` may search only
 * `prev`'s matches: the clauses of `prev` are kept or narrowed in place, and `next` may add
 * clauses (each one is one more condition).
 */
export function narrows(prev: ParsedQuery, next: ParsedQuery): boolean {
  if (next.clauses.length < prev.clauses.length) return false;
  return prev.clauses.every((c, i) => sameClause(c, next.clauses[i]!) || clauseNarrows(c, next.clauses[i]!));
}
