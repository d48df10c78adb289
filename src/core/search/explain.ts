/**
 * When a query finds nothing: which of its terms matches nothing on its own, and the nearest
 * correction that would find something (a transposed short word such as `teh`, a word one typo
 * past what the search forgives, a speaker's or narrative's name). One function for the
 * dashboard and the command line's stderr. Run only after a search came back empty, so its cost
 * (a few more searches, one pass over the words of the corpus) is paid only then.
 */
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

/** The words of the corpus's searchable text, with how often each occurs. */
function vocabulary(index: SearchIndex): Map<string, number> {
  const words = new Map<string, number>();
  const add = (text: string) => {
    for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w) words.set(w, (words.get(w) ?? 0) + 1);
  };
  // each record's folded text, and the folded names, labels and topics its parts share
  for (const r of index.records) {
    add(r.text.text);
    for (const part of r.shared) add(part.hay);
  }
  return words;
}

const total = (index: SearchIndex, query: string) => searchQuotes(index, query, { limit: 0 }).total;

/** Candidate corrections of one plain word: corpus words within one edit past the typo budget. */
function wordCorrections(index: SearchIndex, word: string): string[] {
  const budget = typoBudget(word.length) + 1;
  const scored: { w: string; d: number; n: number }[] = [];
  for (const [w, n] of vocabulary(index)) {
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
function nameCorrections(index: SearchIndex, field: string, value: string): string[] {
  const { corpus } = index;
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
  const parsed = parseQuery(query);
  if (!parsed.ok || total(index, query) > 0) return {};
  const tokens = tokenize(query).filter((t) => !t.pipe).map((t) => t.text);
  const alone = tokens.find((t) => parseQuery(t).ok && total(index, t) === 0);
  // the term that finds nothing on its own first; else each term in turn (a short typo such as
  // "teh" may match a word it is part of, "Tehran", and still spoil the query)
  for (const term of alone !== undefined ? [alone] : tokens) {
    const suggestion = correct(index, query, term);
    if (suggestion) return { term, alone: term === alone, suggestion };
  }
  return alone !== undefined ? { term: alone, alone: true } : {};
}

function correct(index: SearchIndex, query: string, term: string): NoMatchHelp['suggestion'] {
  const qualifier = /^(!?)(speaker|narrative):(.+)$/i.exec(term);
  let candidates: string[] = [];
  if (qualifier && !qualifier[1]) candidates = nameCorrections(index, qualifier[2]!.toLowerCase(), qualifier[3]!.replace(/^"|"$/g, ''));
  else if (/^[\p{L}\p{N}]+$/u.test(term)) candidates = wordCorrections(index, fold(term));
  const at = new RegExp(`(^|\\s)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
  for (const c of candidates) {
    const corrected = query.replace(at, (_, lead: string) => lead + c);
    const n = total(index, corrected);
    if (n > 0) return { term: c, query: corrected, total: n };
  }
  return undefined;
}
