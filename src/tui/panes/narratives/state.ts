/** The Narratives pane's slice of the dashboard state: the list, the chosen, the comparison. */
export interface NarrativesState {
  selected: number;
  /** narrative ids chosen for comparison, in the order chosen */
  chosen: string[];
  comparing: boolean;
  /** first line shown of the comparison */
  scroll: number;
}

export function initialNarratives(compare: readonly string[] = []): NarrativesState {
  return { selected: 0, chosen: [...new Set(compare)], comparing: compare.length >= 2, scroll: 0 };
}

/** Chosen narratives with `id` added (at the end) or taken out. */
export function toggleChosen(chosen: readonly string[], id: string): string[] {
  return chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id];
}
