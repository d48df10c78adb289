/**
 * Quote search for the dashboard, kept out of the keystroke's frame:
 *
 * - small corpora: one index built once, searched synchronously and memoised per query (well
 *   under a frame);
 * - large corpora: the core's SearchPool (worker threads, one shard each): the keystroke's frame
 *   shows the new query at once, results follow as the workers report (best so far, then final),
 *   and a newer query cancels an older one mid-scan. Should the workers fail to start, searching
 *   falls back to the main thread, after the keystroke's frame.
 *
 * The empty query lists every quote in corpus order, without searching.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Corpus } from '../../core/corpus.js';
import { buildSearchIndex, searchQuotes, type QuoteHit, type SearchResult } from '../../core/search.js';
import { SearchPool, type PoolUpdate } from '../../core/search-pool.js';

/** Above this many quotes, search runs in worker threads. */
export const POOL_ABOVE = 2000;
/** Hits kept for the list on small corpora (the count still says how many match). */
export const RESULT_LIMIT = 2000;
/** Hits the workers return for the list on large corpora. */
export const POOL_LIMIT = 500;

export interface QuoteSearch extends SearchResult {
  /** true while the results shown are not yet final for the current query */
  pending: boolean;
}

function everyQuote(corpus: Corpus): QuoteHit[] {
  return corpus.quotes.map((ref, order) => ({
    ref,
    speaker: ref.quote.speaker ? (corpus.actorById.get(ref.quote.speaker) ?? null) : null,
    score: 0,
    order,
    matches: [],
  }));
}

export function useQuoteSearch(corpus: Corpus, query: string, poolAbove = POOL_ABOVE): QuoteSearch {
  const big = corpus.quotes.length > poolAbove;
  const empty = query.trim() === '';

  // ---- small corpora: synchronous ----
  const index = useMemo(() => (big ? null : buildSearchIndex(corpus)), [corpus, big]);
  const sync = useMemo(() => (index ? searchQuotes(index, query, { limit: RESULT_LIMIT }) : null), [index, query]);

  // ---- large corpora: workers ----
  const all = useMemo(() => (big ? everyQuote(corpus) : []), [corpus, big]);
  const [pool, setPool] = useState<{ corpus: Corpus; pool: SearchPool | null } | null>(null);
  useEffect(() => {
    if (!big) return;
    let p: SearchPool | null = null;
    let closed = false;
    try {
      p = new SearchPool(corpus, { limit: POOL_LIMIT });
      p.ready.catch(() => !closed && setPool({ corpus, pool: null }));
    } catch {
      p = null;
    }
    setPool({ corpus, pool: p });
    return () => {
      closed = true;
      void p?.close().catch(() => undefined);
    };
  }, [corpus, big]);
  const [update, setUpdate] = useState<PoolUpdate | null>(null);
  useEffect(() => {
    if (!big || empty || !pool || pool.corpus !== corpus) return;
    if (pool.pool) {
      pool.pool.search(query, setUpdate);
      return;
    }
    // no workers: search here, after the keystroke's frame; a newer keystroke cancels it
    const fallback = buildFallback(corpus);
    const t = setTimeout(() => {
      const r = searchQuotes(fallback(), query, { limit: POOL_LIMIT });
      setUpdate({ seq: 0, query, hits: r.hits, total: r.total, done: true, ...(r.error ? { error: r.error } : {}) });
    }, 0);
    return () => clearTimeout(t);
  }, [big, empty, pool, corpus, query]);

  if (sync) return { ...sync, pending: false };
  if (empty) return { hits: all, total: all.length, pending: false };
  if (!update) return { hits: [], total: 0, pending: true };
  // while a newer query runs, the last results stay on screen, marked pending
  const current = update.query === query;
  const result: QuoteSearch = { hits: update.hits, total: update.total, pending: !current || !update.done };
  if (current && update.error) result.error = update.error;
  return result;
}

const fallbackIndex = new WeakMap<Corpus, ReturnType<typeof buildSearchIndex>>();
function buildFallback(corpus: Corpus) {
  return () => {
    let index = fallbackIndex.get(corpus);
    if (!index) fallbackIndex.set(corpus, (index = buildSearchIndex(corpus)));
    return index;
  };
}
