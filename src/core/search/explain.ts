/**
 * When a query finds nothing: which of its terms matches nothing on its own, and the nearest
 * correction that would find something (a transposed short word such as `teh`, a word one typo
 * past what the search forgives, a speaker's or narrative's name). One function for the
 * dashboard and the command line's stderr. Run only after a search came back empty, so its cost
 * (a few more searches, one pass over the words of the corpus) is paid only then.
 */
import type { Actor, Narrative } from '../corpus/schema.js';
import { fold, parseQuery, tokenize } from './query.js';
import { searchQuotes, type SearchIndex } from './search.js';
import { actorNames, narrativeNames, rankByName, resolveName, transposeDistance, typoBudget } from './names.js';

export interface NoMatchHelp {
  /** the term, as typed, that matches nothing: on its own (`alone`), or together with the rest */
  term?: string;
  alone?: boolean;
  /** a query that finds something: the term replaced by its nearest correction */
  suggestion?: {
    /** the corrected term, as it would be typed */
    term: string;
    query: string;
    /** how many quotes the corrected query finds */
    total: number;
  };
}

/** How many correction candidates are tried (each is one search). */
const MAX_TRIES = 12;

/**
 * What an explanation asks of a corpus: the in-memory search index (the dashboard), or the
 * search index on disk (`search`, disk-index.ts explainSource), which answers without the corpus
 * in memory (a million quotes: loading it for this took 44 s and 3 GB).
 */
export interface ExplainSource {
  /** how many quotes the query finds (0 when it cannot be understood) */
  total(query: string): number;
  /**
   * The words of the searchable folded text and how often each occurs, in the order first met:
   * quote by quote in corpus order, its own text, then the parts it shares (speaker, narratives,
   * topics). Asked once at most.
   */
  vocabulary(): Map<string, number>;
  actors: readonly Actor[];
  narratives: readonly Narrative[];
}

/** Splits folded text into words and counts them into `words`. */
export function countWords(words: Map<string, number>, text: string, times = 1): void {
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w) words.set(w, (words.get(w) ?? 0) + times);
}

function memorySource(index: SearchIndex): ExplainSource {
  return {
    total: (query) => searchQuotes(index, query, { limit: 0 }).total,
    vocabulary: () => {
      const words = new Map<string, number>();
      // each record's folded text, and the folded names, labels and topics its parts share
      for (const r of index.records) {
        countWords(words, r.text.text);
        for (const part of r.shared) countWords(words, part.hay);
      }
      return words;
    },
    actors: index.corpus.actors,
    narratives: index.corpus.narratives,
  };
}

/** Candidate corrections of one plain word: corpus words within one edit past the typo budget. */
function wordCorrections(vocabulary: Map<string, number>, word: string): string[] {
  const budget = typoBudget(word.length) + 1;
  const scored: { w: string; d: number; n: number }[] = [];
  for (const [w, n] of vocabulary) {
    if (Math.abs(w.length - word.length) > budget || w === word) continue;
    const d = transposeDistance(word, w);
    if (d <= budget) scored.push({ w, d, n });
  }
  return scored
    .sort((a, b) => a.d - b.d || b.n - a.n)
    .slice(0, MAX_TRIES)
    .map((x) => x.w);
}

/** Candidate corrections of a `speaker:` or `narrative:` value: the names closest to it. */
function nameCorrections(corpus: ExplainSource, field: string, value: string): string[] {
  const names =
    field === 'speaker'
      ? [...rankByName(corpus.actors, value, actorNames).map((m) => m.item), ...resolveName(corpus.actors, value, actorNames).closest].map((a) => a.name)
      : [...rankByName(corpus.narratives, value, narrativeNames).map((m) => m.item), ...resolveName(corpus.narratives, value, narrativeNames).closest].map((n) => n.label);
  return [...new Set(names)].filter((n) => !n.includes('"')).slice(0, MAX_TRIES).map((n) => `${field}:"${n}"`);
}

/**
 * Why `query` finds nothing in `index`, and a correction that finds something; empty when the
 * query cannot be understood or does find quotes.
 */
export function explainNoMatch(index: SearchIndex, query: string): NoMatchHelp {
  return explainWith(memorySource(index), query);
}

/** explainNoMatch over any source (the index on disk: disk-index.ts). */
export function explainWith(source: ExplainSource, query: string, opts: { knownEmpty?: boolean } = {}): NoMatchHelp {
  const parsed = parseQuery(query);
  // (a caller that has just searched for the query says so: at a million quotes a search is seconds)
  if (!parsed.ok || (!opts.knownEmpty && source.total(query) > 0)) return {};
  let words: Map<string, number> | undefined;
  const index = { ...source, vocabulary: () => (words ??= source.vocabulary()) };
  const tokens = tokenize(query).filter((t) => !t.pipe).map((t) => t.text);
  const alone = tokens.length === 1 ? tokens[0] : tokens.find((t) => parseQuery(t).ok && index.total(t) === 0);
  // the term that finds nothing on its own first; else each term in turn (a short typo such as
  // "teh" may match a word it is part of, "Tehran", and still spoil the query)
  for (const term of alone !== undefined ? [alone] : tokens) {
    const suggestion = correct(index, query, term);
    if (suggestion) return { term, alone: term === alone, suggestion };
  }
  return alone !== undefined ? { term: alone, alone: true } : {};
}

function correct(index: ExplainSource, query: string, term: string): NoMatchHelp['suggestion'] {
  const qualifier = /^(!?)(speaker|narrative):(.+)$/i.exec(term);
  let candidates: string[] = [];
  if (qualifier && !qualifier[1]) candidates = nameCorrections(index, qualifier[2]!.toLowerCase(), qualifier[3]!.replace(/^"|"$/g, ''));
  else if (/^[\p{L}\p{N}]+$/u.test(term)) candidates = wordCorrections(index.vocabulary(), fold(term));
  const at = new RegExp(`(^|\\s)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
  for (const c of candidates) {
    const corrected = query.replace(at, (_, lead: string) => lead + c);
    const n = index.total(corrected);
    if (n > 0) return { term: c, query: corrected, total: n };
  }
  return undefined;
}
