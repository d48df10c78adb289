/**
 * fuse.js's fuzzy term matcher, answered without its bitap scan when the answer is certain.
 *
 * fuse still runs the search: it walks the records, evaluates the logical query, weighs each
 * field's match by key weight and field norm, multiplies, sorts. Only the innermost question,
 * "does this one term match this one field, and with what score", goes through this searcher
 * (registered with `Fuse.use`, engaged only by the option below). For a fuzzy term of m <= 32
 * code units, with the quote search's options (case-sensitive, no diacritics stripping,
 * ignoreLocation, findAllMatches), fuse's answer depends on the fewest edits e that turn the
 * term into a substring of the field (fuse 7.5, src/search/bitap/search.ts):
 *
 * - the field equals the term: a match, score 0 (BitapSearch's whole-string shortcut);
 * - e = 0 (fuse's own indexOf finds it): a match, score 0.001 (fuse's floor);
 * - 1 <= e <= allowedErrors(m): a match, score e / m (bitap stops at the first error count
 *   that matches; with ignoreLocation the score is errors / length);
 * - otherwise: no match, score 1.
 *
 * The bitap scan fuse runs for this allocates an array per error level and looks each character
 * up in an object; this computes e with native indexOf and Myers' bit-vector scan around the
 * pigeonhole pieces instead (prefilter.ts boundedEdits): 10-40x less time per field. Anything
 * else (longer terms, the other extended-search operators) goes to fuse's own searcher
 * unchanged. Match ranges for highlighting follow the same rules (termAnswerWithRanges). The test
 * fuzzy-term.test.ts compares the two on random fields and terms; the benchmark compares whole
 * searches with plain fuse.js on every keystroke.
 */
import Fuse from 'fuse.js';
import { allowedErrors, boundedEdits, FUSE_MAX_BITS, FUSE_MIN_SCORE, leftmostStart, NO_MATCH, termAnswer, type TermResult } from './prefilter.js';

/**
 * The fuse option that engages this searcher: extended search with fast fuzzy terms. fuse passes
 * options it does not know through to searchers; it picks the first registered searcher whose
 * condition holds, and its own extended search comes first, so options with this flag set
 * `useExtendedSearch: false` (fastTermOptions) and this searcher uses the extended one inside.
 */
export const FAST_TERMS = 'narrativeLensFastTerms';

/** `options` (which use extended search) with fuzzy terms answered by this module. */
export function fastTermOptions<O extends object>(options: O): O {
  return { ...options, useExtendedSearch: false, [FAST_TERMS]: true };
}

interface Searcher {
  searchIn(text: string): TermResult;
}
type Options = Record<string, unknown>;

/** The options under which fuse's answer is the one described above. */
function answerable(o: Options): boolean {
  return (
    o.useExtendedSearch === true &&
    o.isCaseSensitive === true &&
    o.ignoreDiacritics !== true &&
    o.ignoreLocation === true &&
    o.findAllMatches === true &&
    typeof o.minMatchCharLength === 'number' &&
    o.minMatchCharLength <= 1 &&
    typeof o.threshold === 'number'
  );
}

/**
 * The term inside an extended-search token that fuse reads as one fuzzy term: `"value"` as
 * search.ts writes it (no quote, pipe, backslash or NUL inside, no space at either end).
 */
function fuzzyValue(token: string): string | null {
  const m = /^"([^"|\\\u0000]+)"$/.exec(token);
  if (!m) return null;
  const v = m[1]!;
  return v === v.trim() && v.length <= FUSE_MAX_BITS ? v : null;
}

class FastTermSearcher implements Searcher {
  static condition(_pattern: string, options: Options): boolean {
    return options[FAST_TERMS] === true;
  }

  private readonly fuse: Searcher;
  readonly searchIn: (text: string) => TermResult;
  /** false when every answer comes from fuse's own searcher (tests check both ways) */
  readonly answersItself: boolean;

  constructor(pattern: string, options: Options) {
    // fuse's own (extended) searcher for this token: the fallback, and the check that fuse reads
    // the token as we do
    const extended: Options = { ...options, useExtendedSearch: true, [FAST_TERMS]: false };
    this.fuse = fuseSearcher(pattern, extended);
    const term = answerable(extended) ? fuzzyValue(pattern) : null;
    this.answersItself = term !== null && parsedAsOneFuzzyTerm(this.fuse);
    if (!this.answersItself) this.searchIn = (t) => this.fuse.searchIn(t);
    else if (extended.includeMatches === true) this.searchIn = termAnswerWithRanges(term!, extended.threshold as number);
    else this.searchIn = termAnswer(term!, extended.threshold as number); // shared with the prefilter
  }
}

function fuseSearcher(pattern: string, options: Options): Searcher {
  const parsed = Fuse.parseQuery({ $and: [pattern] } as never, options) as unknown as { children?: { searcher?: Searcher }[] };
  const searcher = parsed.children?.[0]?.searcher;
  if (!searcher) throw new Error(`fuse did not make a searcher for ${JSON.stringify(pattern)}`);
  return searcher;
}

/** fuse's ExtendedSearch keeps the parsed token as `query`: one alternative of one fuzzy term. */
function parsedAsOneFuzzyTerm(s: Searcher): boolean {
  const q = (s as { query?: { type?: string }[][] }).query;
  return Array.isArray(q) && q.length === 1 && q[0]!.length === 1 && q[0]![0]!.type === 'fuzzy';
}

/**
 * The same answers with match ranges (highlighting). fuse marks (bitap/search.ts):
 * - every occurrence of the term its indexOf loop finds, each search starting after the last;
 * - then, from bitap's best location, m + e characters (clipped to the text), those that occur
 *   in the term at all. With e = 0 that is the first occurrence again. With e > 0 (no
 *   occurrence), bitap scans from the text's end and keeps the last position where a match
 *   within e edits starts: the leftmost start (leftmostStart).
 * and reports runs of marked characters; a match with nothing marked is no match.
 */
function termAnswerWithRanges(term: string, threshold: number): (text: string) => TermResult {
  const m = term.length;
  const k = allowedErrors(m, threshold);
  const edits = k > 0 ? boundedEdits(term, k) : null;
  const starts: ((text: string) => number)[] = [];
  for (let e = 1; e <= k; e++) starts[e] = leftmostStart(term, e);
  const inTerm = new Set(term.split(''));
  return (text) => {
    if (text === term) return { isMatch: true, score: 0, indices: [[0, m - 1]] };
    let at = text.indexOf(term);
    if (at >= 0) {
      const indices: [number, number][] = [];
      let run: [number, number] = [at, at + m - 1];
      for (at = text.indexOf(term, at + m); at >= 0; at = text.indexOf(term, at + m)) {
        if (at === run[1] + 1) run[1] = at + m - 1; // touching the previous one: one run of marks
        else {
          indices.push(run);
          run = [at, at + m - 1];
        }
      }
      indices.push(run);
      return { isMatch: true, score: FUSE_MIN_SCORE, indices };
    }
    if (edits === null) return NO_MATCH;
    const e = edits(text, 1);
    if (e > k) return NO_MATCH;
    const from = starts[e]!(text);
    const to = Math.min(text.length - 1, from + m - 1 + e);
    const indices: [number, number][] = [];
    for (let i = from; i <= to; i++) {
      if (!inTerm.has(text[i]!)) continue;
      const lastRun = indices[indices.length - 1];
      if (lastRun && lastRun[1] === i - 1) lastRun[1] = i;
      else indices.push([i, i]);
    }
    return indices.length ? { isMatch: true, score: Math.max(FUSE_MIN_SCORE, e / m), indices } : NO_MATCH;
  };
}

Fuse.use(FastTermSearcher);
