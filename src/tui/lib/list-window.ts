/**
 * A window over a list: only the rows that fit are built. The selected row is marked with ">"
 * (and, with colour, highlighted), so the selection never depends on colour. Pure.
 */
import { fit, ui, type Line } from './text.js';

/** The first index of a window of `height` rows over `count` items that shows `selected`. */
export function windowStart(selected: number, count: number, height: number): number {
  if (count <= height) return 0;
  const start = selected - Math.floor(height / 2);
  return Math.min(Math.max(0, start), count - height);
}

/** Where the selection is in a list, as people count: "37/131". */
export function position(selected: number, count: number): string {
  return count ? `${Math.min(selected, count - 1) + 1}/${count}` : '0/0';
}

export interface ListWindow {
  count: number;
  selected: number;
  height: number;
  width: number;
  /** builds the row for item `index` to fit `cols` cells (the marker column is added here) */
  row: (index: number, cols: number, selected: boolean) => Line;
  /** shown when count is 0 */
  empty?: Line[];
}

export function listWindowLines({ count, selected, height, width, row, empty }: ListWindow): Line[] {
  if (count === 0) return (empty ?? []).slice(0, height).map((l) => fit(l, width));
  const start = windowStart(selected, count, height);
  const end = Math.min(count, start + height);
  const lines: Line[] = [];
  for (let i = start; i < end; i++) {
    const isSel = i === selected;
    const body = row(i, width - 2, isSel);
    const line: Line = isSel
      ? [ui('> ', 'selected'), ...body.map((s) => (s.style ? s : { ...s, style: 'selected' as const }))]
      : [ui('  '), ...body];
    lines.push(fit(line, width));
  }
  return lines;
}
