/** The Actors pane's slice of the dashboard state: the list and an open profile. */
export interface ActorsState {
  filter: string;
  selected: number;
  /** the actor whose profile is open, or null for the list */
  profile: string | null;
  /** the selected item (quote or narrative) in the profile */
  cursor: number;
}

export function initialActors(profile: string | null = null): ActorsState {
  return { filter: '', selected: 0, profile, cursor: 0 };
}
