/**
 * The orders search results can be shown in, one decision for the dashboard and `search --sort`.
 * Every order is stable and falls back to relevance (score, then corpus order), so ties read the
 * same everywhere.
 */
import type { Corpus, QuoteRef } from '../corpus/corpus.js';
import type { QuoteHit } from './search.js';

export const SORT_KEYS = ['relevance', 'date', 'speaker', 'article'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A quote's date: as resolved for the quote, else its article's publication date; null if neither. */
export function quoteDate(ref: QuoteRef): string | null {
  return ref.quote.when?.date ?? ref.article.published?.date ?? null;
}

const byRelevance = (a: QuoteHit, b: QuoteHit) => a.score - b.score || a.order - b.order;

/**
 * Hits in the order asked for: relevance (best first); date (oldest first, undated last);
 * speaker (by name, quotes nobody said last); article (by title, then where in it).
 */
export function sortHits(hits: readonly QuoteHit[], by: SortKey): QuoteHit[] {
  const out = [...hits];
  switch (by) {
    case 'relevance':
      return out.sort(byRelevance);
    case 'date':
      return out.sort((a, b) => {
        const [x, y] = [quoteDate(a.ref), quoteDate(b.ref)];
        if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
        return byRelevance(a, b);
      });
    case 'speaker':
      return out.sort((a, b) => {
        const [x, y] = [a.speaker?.name, b.speaker?.name];
        if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : x.localeCompare(y);
        return byRelevance(a, b);
      });
    case 'article':
      return out.sort(
        (a, b) => a.ref.article.title.localeCompare(b.ref.article.title) || (a.ref.article.id < b.ref.article.id ? -1 : a.ref.article.id > b.ref.article.id ? 1 : 0) || a.ref.quote.span.start - b.ref.quote.span.start || byRelevance(a, b),
      );
  }
}

/**
 * Quotes that are not search results (an actor's quotes, suggestions) in the order asked for,
 * by the same rules: "relevance" is the order they come in (an article's text order, or a
 * ranking such as suggestions' likeness), which also breaks every other order's ties.
 */
export function sortQuotes(corpus: Corpus, refs: readonly QuoteRef[], by: SortKey): QuoteRef[] {
  if (by === 'relevance') return [...refs];
  const hits = refs.map((ref, order) => ({ ref, speaker: ref.quote.speaker ? (corpus.actorById.get(ref.quote.speaker) ?? null) : null, score: 0, order, matches: [] }));
  return sortHits(hits, by).map((h) => h.ref);
}
