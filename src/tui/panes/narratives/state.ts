/** The Narratives pane's slice of the dashboard state: the list, the chosen, the comparison. */
export interface NarrativesState {
  selected: number;
  /** narrative ids chosen for comparison, in the order chosen */
  chosen: string[];
  comparing: boolean;
  /** the selected cell of the comparison: a row (of the rows shown) and a column */
  row: number;
  col: number;
  /** show only the questions on which the chosen narratives differ */
  diffOnly: boolean;
}

export function initialNarratives(compare: readonly string[] = []): NarrativesState {
  return { selected: 0, chosen: [...new Set(compare)], comparing: compare.length >= 2, row: 0, col: 0, diffOnly: false };
}

/** Chosen narratives with `id` added (at the end) or taken out. */
export function toggleChosen(chosen: readonly string[], id: string): string[] {
  return chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id];
}
