/**
 * Quote search for the dashboard, kept out of the keystroke's frame:
 *
 * - small corpora: one index, built just after the first frame is drawn (or by the first query,
 *   should it come sooner), searched synchronously and memoised per query (well under a frame);
 * - large corpora: the core's SearchPool (worker threads, one shard each): the keystroke's frame
 *   shows the new query at once, results follow as the workers report (best so far, then final),
 *   and a newer query cancels an older one mid-scan. Each report drawn costs the UI thread a
 *   frame, so the best-so-far reports are drawn PARTIAL_MS after the keystroke, then at most
 *   every PARTIAL_EVERY_MS (and not at all when the final one comes first); the final one at
 *   once. Should the workers fail to start, searching falls back to the main thread, after the
 *   keystroke's frame.
 *
 * The empty query lists every quote in corpus order, without searching.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Corpus } from '../../core/corpus/corpus.js';
import { buildSearchIndex, searchQuotes, type QuoteHit, type SearchIndex, type SearchResult } from '../../core/search/search.js';
import { SearchPool, type PoolUpdate } from '../../core/search/pool.js';

/**
 * Above this many quotes, search runs in worker threads. Searched on the UI thread, inside the
 * keystroke's frame, a query took (2-core machine, the benchmark's 20 queries typed out, 2,000
 * hits kept) 0.7 ms median / 4.5 ms p95 at 63 quotes, 3 / 15 ms at 250, 9 / 36 ms at 500 and
 * 15 / 71 ms at 1,000: past a couple of hundred quotes typing would wait for it.
 */
export const POOL_ABOVE = 200;
/** Hits kept for the list on small corpora (the count still says how many match). */
export const RESULT_LIMIT = 2000;
/** Hits the workers return for the list on large corpora. */
export const POOL_LIMIT = 500;
/**
 * When best-so-far results are first drawn (ms after the query), and then how often. The
 * workers report per shard and per chunk; at 100,000 quotes drawing every report took most of
 * the UI thread (a frame each), and the next keystroke's frame waited behind them.
 */
export const PARTIAL_MS = 40;
export const PARTIAL_EVERY_MS = 150;

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
  // the empty query: every quote in corpus order (what searching for '' returns), no index needed
  const all = useMemo(() => everyQuote(corpus), [corpus]);
  const allShown = useMemo(() => (big || all.length <= RESULT_LIMIT ? all : all.slice(0, RESULT_LIMIT)), [all, big]);

  // ---- small corpora: synchronous ----
  useEffect(() => {
    if (big) return;
    const t = setTimeout(() => indexFor(corpus), 0); // after the first frame, before the first key
    return () => clearTimeout(t);
  }, [corpus, big]);
  const sync = useMemo(() => (big || empty ? null : searchQuotes(indexFor(corpus), query, { limit: RESULT_LIMIT })), [corpus, big, empty, query]);

  // ---- large corpora: workers ----
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
      let latest: PoolUpdate | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let drawn = 0;
      pool.pool.search(query, (u) => {
        if (u.done) {
          clearTimeout(timer);
          latest = null;
          setUpdate(u);
          return;
        }
        latest = u;
        timer ??= setTimeout(
          () => {
            timer = undefined;
            if (latest) setUpdate(latest);
            latest = null;
            drawn++;
          },
          drawn ? PARTIAL_EVERY_MS : PARTIAL_MS,
        );
      });
      return () => clearTimeout(timer);
    }
    // no workers: search here, after the keystroke's frame; a newer keystroke cancels it
    const t = setTimeout(() => {
      const r = searchQuotes(indexFor(corpus), query, { limit: POOL_LIMIT });
      setUpdate({ seq: 0, query, hits: r.hits, total: r.total, done: true, ...(r.error ? { error: r.error } : {}) });
    }, 0);
    return () => clearTimeout(t);
  }, [big, empty, pool, corpus, query]);

  if (sync) return { ...sync, pending: false };
  if (empty) return { hits: allShown, total: all.length, pending: false };
  if (!update) return { hits: [], total: 0, pending: true };
  // while a newer query runs, the last results stay on screen, marked pending
  const current = update.query === query;
  const result: QuoteSearch = { hits: update.hits, total: update.total, pending: !current || !update.done };
  if (current && update.error) result.error = update.error;
  return result;
}

/** The in-process index of a corpus, built on first use (small corpora; large ones without workers). */
const indexes = new WeakMap<Corpus, SearchIndex>();
export function indexFor(corpus: Corpus): SearchIndex {
  let index = indexes.get(corpus);
  if (!index) indexes.set(corpus, (index = buildSearchIndex(corpus)));
  return index;
}
