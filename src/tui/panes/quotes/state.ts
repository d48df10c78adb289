/** The Quotes pane's slice of the dashboard state. */
export interface QuotesState {
  query: string;
  selected: number;
  /** a quote to select once the results are known (after following a link to it) */
  pin: string | null;
}

export function initialQuotes(search = ''): QuotesState {
  return { query: search, selected: 0, pin: null };
}
