/** The Timeline pane's slice of the dashboard state. */
export interface TimelineState {
  selected: number;
}

export function initialTimeline(): TimelineState {
  return { selected: 0 };
}
