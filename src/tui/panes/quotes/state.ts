import { SORT_KEYS, type SortKey } from '../../../core/search/sort.js';

/** The Quotes pane's slice of the dashboard state. */
export interface QuotesState {
  query: string;
  selected: number;
  /** a quote to select once the results are known (after following a link to it) */
  pin: string | null;
  /** the order of the results */
  sort: QuoteSort;
  /** Tab going through the completions of the query `base` ended with: the one taken now */
  completion: { base: string; index: number } | null;
}

/** The orders are the core's (one decision for the dashboard and `search --sort`). */
export type QuoteSort = SortKey;

/** The sort after `sort`, round and round. */
export function nextSort(sort: QuoteSort): QuoteSort {
  return SORT_KEYS[(SORT_KEYS.indexOf(sort) + 1) % SORT_KEYS.length]!;
}

export function initialQuotes(search = '', sort: QuoteSort = 'relevance'): QuotesState {
  return { query: search, selected: 0, pin: null, sort, completion: null };
}
