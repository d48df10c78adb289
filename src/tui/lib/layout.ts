/** How the list panes share their height. Pure. */

/** How a list pane's height is split: a search or status line, the list, a rule, the detail. */
export function listLayout(height: number): { list: number; detail: number } {
  const room = Math.max(0, height - 2); // search line + rule
  if (room <= 2) return { list: Math.max(0, room), detail: 0 };
  const detail = Math.min(12, Math.max(2, Math.floor(room * 0.45)));
  return { list: room - detail, detail };
}

/** The same split for a list of fixed length: a short list leaves its spare rows to the detail. */
export function fixedListLayout(height: number, count: number): { list: number; detail: number } {
  const base = listLayout(height);
  if (base.detail === 0 || count >= base.list) return base;
  const list = Math.max(1, count);
  return { list, detail: base.detail + base.list - list };
}
