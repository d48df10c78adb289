/** The Quotes pane's slice of the dashboard state. */
export interface QuotesState {
  query: string;
  selected: number;
  /** a quote to select once the results are known (after following a link to it) */
  pin: string | null;
  /** the order of the results */
  sort: QuoteSort;
}

export const QUOTE_SORTS = ['relevance', 'date', 'speaker', 'article'] as const;
export type QuoteSort = (typeof QUOTE_SORTS)[number];

/** The sort after `sort`, round and round. */
export function nextSort(sort: QuoteSort): QuoteSort {
  return QUOTE_SORTS[(QUOTE_SORTS.indexOf(sort) + 1) % QUOTE_SORTS.length]!;
}

export function initialQuotes(search = ''): QuotesState {
  return { query: search, selected: 0, pin: null, sort: 'relevance' };
}
