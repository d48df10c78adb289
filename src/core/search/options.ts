/**
 * The fuse.js options of the quote search: the one place they live. search.ts builds the index
 * and runs queries with them; prefilter.ts derives from the threshold which records provably
 * cannot match.
 */
import type { IFuseOptions } from 'fuse.js';

/**
 * With ignoreLocation a fuzzy term's score is errors / length; a term matches while that is at
 * most this. 0.3 lets 4–6 letter words carry one typo ("colour" finds "color", "zakarova" finds
 * "zakharova") and 7+ letters two, while 3-letter words must match exactly. The default 0.6 (and
 * even 0.4, which allows two errors in five letters) matches nearly every quote of a real corpus:
 * noise, not results. The trade-off: a word misspelt twice in six letters is not found; type
 * 'exact or fewer letters instead.
 */
export const SEARCH_THRESHOLD = 0.3;

export interface Doc {
  text: string;
  speaker?: string;
  aliases: string[];
  role?: string;
  narratives: string[];
  topics: string[];
}

/**
 * fuse.js options: the one place they live.
 *
 * Documents hold pre-folded text (lower case, no diacritics, plain quotes; see query.ts `fold`),
 * so fuse compares case-sensitively and leaves diacritics alone: folding once at index time is
 * cheaper than fuse lower-casing every field on every keystroke, and lets us map highlight
 * ranges back to the original text exactly.
 */
export const SEARCH_OPTIONS = {
  keys: [
    // The quote itself matters most; a match on who said it nearly as much (an analyst types a
    // name to see what that person said). Aliases are often roles ("Foreign Ministry
    // spokeswoman"), so they and the role weigh less; narrative labels and topics are
    // analysts' tags, useful but coarser than the words of the quote.
    { name: 'text', weight: 1 },
    { name: 'speaker', weight: 0.8 },
    { name: 'aliases', weight: 0.5 },
    { name: 'role', weight: 0.4 },
    { name: 'narratives', weight: 0.5 },
    { name: 'topics', weight: 0.5 },
  ],
  // Quotes are long: with fuse's default location/distance only about the first 60 characters
  // of a field could match. Position in the quote says nothing about relevance.
  ignoreLocation: true,
  // With ignoreLocation a term's score is errors / length. 0.3 lets 4–6 letter words carry one
  // typo ("colour" finds "color", "zakarova" finds "zakharova") and 7+ letters two, while
  // 3-letter words must match exactly. The default 0.6 (and even 0.4, which allows two errors
  // in five letters) matches nearly every quote on a real corpus: noise, not results.
  threshold: SEARCH_THRESHOLD,
  // fzf syntax inside each term ('exact ^prefix suffix$ =whole), built by search.ts from the
  // parsed query; the user's string is never handed to fuse unparsed.
  useExtendedSearch: true,
  // Documents are folded already (see above).
  isCaseSensitive: true,
  ignoreDiacritics: false,
  // Ranges to highlight; nearly free.
  includeMatches: true,
  includeScore: true,
  // Short fields (a name, a role) with a good match rank above a weak match in a long quote.
  ignoreFieldNorm: false,
  // ...but only half as strongly as fuse's default: at full weight every short scare-quoted
  // term ("color revolution") outranks the long statement it comes from, which is the quote
  // an analyst is looking for.
  fieldNormWeight: 0.5,
  // Highlight every occurrence, not just the first good one.
  findAllMatches: true,
  minMatchCharLength: 1,
  shouldSort: true,
} satisfies IFuseOptions<Doc>;



/**
 * The same options without match ranges, for finding and ranking the hits: scores do not depend
 * on includeMatches, and computing ranges for every match of a large corpus is wasted when a
 * screen shows a few dozen. search.ts asks fuse for ranges (SEARCH_OPTIONS) for the shown hits.
 */
export const RANKING_OPTIONS = { ...SEARCH_OPTIONS, includeMatches: false } satisfies IFuseOptions<Doc>;
