/**
 * Quote search for the dashboard. The index is built once per corpus; searching happens outside
 * render's hot path: synchronously (memoised per query) on small corpora, where it takes well
 * under a frame, and in a task after the keystroke's frame on large ones, so typing stays
 * responsive (a newer keystroke cancels a search that has not started).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Corpus } from '../../core/corpus.js';
import { buildSearchIndex, searchQuotes, type SearchIndex, type SearchResult } from '../../core/search.js';

/** Above this many quotes, searching is deferred to after the frame. */
export const DEFER_ABOVE = 5000;
/** Results kept for the list (the count still says how many match). */
export const RESULT_LIMIT = 5000;

export interface QuoteSearch extends SearchResult {
  /** true while the results shown are for an older query (or the index is being built) */
  pending: boolean;
}

const EMPTY: SearchResult = { hits: [], total: 0 };

export function useQuoteSearch(corpus: Corpus, query: string): QuoteSearch {
  const big = corpus.quotes.length > DEFER_ABOVE;
  // small corpora: build now; large ones: after the first frame
  const eager = useMemo(() => (big ? null : buildSearchIndex(corpus)), [corpus, big]);
  const [lazy, setLazy] = useState<{ corpus: Corpus; index: SearchIndex } | null>(null);
  useEffect(() => {
    if (!big) return;
    const t = setTimeout(() => setLazy({ corpus, index: buildSearchIndex(corpus) }), 0);
    return () => clearTimeout(t);
  }, [corpus, big]);
  const index = eager ?? (lazy?.corpus === corpus ? lazy.index : null);

  const sync = useMemo(() => (eager ? searchQuotes(eager, query, { limit: RESULT_LIMIT }) : null), [eager, query]);
  const [deferred, setDeferred] = useState<{ index: SearchIndex; query: string; result: SearchResult } | null>(null);
  useEffect(() => {
    if (!big || !index) return;
    const t = setTimeout(() => setDeferred({ index, query, result: searchQuotes(index, query, { limit: RESULT_LIMIT }) }), 0);
    return () => clearTimeout(t);
  }, [big, index, query]);

  if (sync) return { ...sync, pending: false };
  if (!deferred || deferred.index !== index) return { ...EMPTY, pending: true };
  return { ...deferred.result, pending: deferred.query !== query };
}
