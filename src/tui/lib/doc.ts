/**
 * A scrolling view of lines in which some entries are links the cursor moves over (a profile's
 * quotes, a comparison cell's evidence and speakers, an event's actors). Enter follows the
 * selected link; `r` reads it in its article. Pure.
 */
import { fit, ui, type Line } from './text.js';

/** Where an entry leads. A span (a mention, a silence) opens in the reader. */
export type Link =
  | { kind: 'quote'; id: string }
  | { kind: 'actor'; id: string }
  | { kind: 'narrative'; id: string }
  | { kind: 'event'; id: string }
  | { kind: 'span'; article: string; start: number; end: number };

export interface DocItem {
  link: Link;
  /** index of its first line in `lines` */
  line: number;
}

export interface DocView {
  lines: Line[];
  items: DocItem[];
}

/** Builds a DocView at a width, the item at `cursor` marked with ">" (and highlighted). */
export class DocBuilder {
  readonly lines: Line[] = [];
  readonly items: DocItem[] = [];
  constructor(
    readonly cols: number,
    private readonly cursor: number,
  ) {}

  push(...lines: Line[]): this {
    this.lines.push(...lines);
    return this;
  }

  /** An entry: `first` on the marker's line, `more` indented below it. */
  item(link: Link, first: Line, more: Line[] = []): this {
    const selected = this.items.length === this.cursor;
    this.items.push({ link, line: this.lines.length });
    this.lines.push(
      selected ? [ui('> ', 'selected'), ...first.map((s) => (s.style ? s : { ...s, style: 'selected' as const }))] : [ui('  '), ...first],
    );
    for (const l of more) this.lines.push([ui('  '), ...l]);
    return this;
  }

  done(): DocView {
    return { lines: this.lines.map((l) => fit(l, this.cols)), items: this.items };
  }
}

/** Which line to show first so that the selected item (and what follows it) is in view. */
export function docStart(view: DocView, cursor: number, height: number): number {
  const total = view.lines.length;
  if (total <= height) return 0;
  const target = view.items[cursor]?.line ?? 0;
  if (target < height - 1) return 0;
  return Math.min(Math.max(0, target - Math.floor(height / 2)), total - height);
}
