/**
 * Styled text for the dashboard, measured in terminal cells: runs of text with a style
 * ("segments"), cut to fit a width, wrapped into lines. Everything that comes from data is made
 * inert here, on the way in, so a pane cannot forget it.
 *
 * Pure functions; no React.
 */
import stringWidth, { ONE_CELL } from './string-width.js';
import cliTruncate from 'cli-truncate';
import { inert } from '../../core/sanitize.js';

export type Style =
  | 'match' // characters the search matched
  | 'span' // the quote inside its paragraph
  | 'dim'
  | 'bold'
  | 'label'
  | 'title'
  | 'selected'
  | 'good'
  | 'bad'
  | 'warn'
  | 'accent';

export interface Seg {
  text: string;
  style?: Style | undefined;
}
export type Line = Seg[];

/** A segment of data text (made inert). */
export function data(text: string, style?: Style): Seg {
  return { text: inert(text), style };
}

/** A segment of the dashboard's own text (trusted). */
export function ui(text: string, style?: Style): Seg {
  return { text, style };
}

/**
 * Data text with some ranges styled. `ranges` are [start, end] pairs into `raw` in UTF-16
 * units, end inclusive (what Fuse's `indices` are); each piece is made inert after splitting, so
 * the ranges still line up.
 */
export function highlight(
  raw: string,
  ranges: readonly (readonly [number, number])[],
  style: Style = 'match',
  base?: Style,
): Seg[] {
  if (ranges.length === 0) return [data(raw, base)];
  const sorted = [...ranges].filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
  const out: Seg[] = [];
  let at = 0;
  for (const [a0, b0] of sorted) {
    const a = Math.max(a0, at);
    const b = Math.min(b0 + 1, raw.length);
    if (a >= b) continue;
    if (a > at) out.push(data(raw.slice(at, a), base));
    out.push(data(raw.slice(a, b), style));
    at = b;
  }
  if (at < raw.length) out.push(data(raw.slice(at), base));
  return merge(out);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Width of a string in cells (see string-width.ts: one-cell text is counted by its length). */
export function cells(text: string): number {
  return stringWidth(text);
}

function* graphemes(text: string): Generator<string> {
  // text in which every UTF-16 unit is a grapheme of one cell
  if (ONE_CELL.test(text)) {
    for (let i = 0; i < text.length; i++) yield text[i]!;
    return;
  }
  for (const { segment } of segmenter.segment(text)) yield segment;
}

export function width(line: readonly Seg[]): number {
  let w = 0;
  for (const s of line) w += cells(s.text);
  return w;
}

/** Join neighbouring segments of the same style; drop empty ones. */
export function merge(line: readonly Seg[]): Seg[] {
  const out: Seg[] = [];
  for (const s of line) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && last.style === s.style) last.text += s.text;
    else out.push({ text: s.text, style: s.style });
  }
  return out;
}

interface Atom {
  g: string;
  w: number;
  style: Style | undefined;
}

function atoms(line: readonly Seg[]): Atom[] {
  const out: Atom[] = [];
  for (const s of line) for (const g of graphemes(s.text)) out.push({ g, w: stringWidth(g), style: s.style });
  return out;
}

function fromAtoms(list: readonly Atom[]): Seg[] {
  return merge(list.map((a) => ({ text: a.g, style: a.style })));
}

export interface FitOptions {
  /** keep the first segment of this style in view, cutting from the left if need be (fzf-style) */
  focus?: Style;
}

/** Cut a line to at most `cols` cells, with an ellipsis where text was cut. */
export function fit(line: readonly Seg[], cols: number, opts: FitOptions = {}): Seg[] {
  if (cols <= 0) return [];
  if (width(line) <= cols) return merge(line);
  let list = atoms(line);
  if (opts.focus) {
    const first = list.findIndex((a) => a.style === opts.focus);
    if (first > 0) {
      let before = 0;
      for (let i = 0; i < first; i++) before += list[i]!.w;
      let after = 0;
      for (let i = first; i < list.length; i++) after += list[i]!.w;
      let matchW = 0;
      for (let i = first; i < list.length && list[i]!.style === opts.focus; i++) matchW += list[i]!.w;
      // when the match and all that follows fit, show the end of the line; otherwise a quarter
      // of the width of context before the match
      const keep = after + 1 <= cols ? cols - 1 - after : Math.floor(cols / 4);
      // only when the match would be cut off (as fzf scrolls a line)
      if (before + matchW > cols - 1) {
        // drop from the left until `keep` cells of context remain before the match
        let drop = 0;
        let dropped = 0;
        while (drop < first && before - dropped > keep) dropped += list[drop++]!.w;
        // start at a word if one begins soon
        for (let i = drop; i < Math.min(first, drop + 12); i++) {
          if (list[i]!.g === ' ') {
            drop = i + 1;
            break;
          }
        }
        list = [{ g: '…', w: 1, style: 'dim' }, ...list.slice(drop)];
      }
    }
  }
  let total = 0;
  for (const a of list) total += a.w;
  if (total <= cols) return fromAtoms(list);
  const out: Atom[] = [];
  let used = 0;
  for (const a of list) {
    if (used + a.w > cols - 1) break;
    out.push(a);
    used += a.w;
  }
  out.push({ g: '…', w: 1, style: out[out.length - 1]?.style });
  return fromAtoms(out);
}

/** Pad a line with spaces to exactly `cols` cells (cutting it first if longer). */
export function pad(line: readonly Seg[], cols: number, opts: FitOptions = {}): Seg[] {
  const cut = fit(line, cols, opts);
  const w = width(cut);
  return w < cols ? [...cut, { text: ' '.repeat(cols - w) }] : cut;
}

/** Word-wrap a line to `cols` cells; words longer than a line are split. */
export function wrap(line: readonly Seg[], cols: number): Line[] {
  if (cols <= 0) return [];
  const list = atoms(line);
  const lines: Atom[][] = [];
  let cur: Atom[] = [];
  let used = 0;
  let lastBreak = -1; // index in cur just after a space
  for (const a of list) {
    if (cur.length === 0 && a.g === ' ') continue; // no leading spaces on a wrapped line
    if (used + a.w > cols && cur.length > 0) {
      if (a.g === ' ') {
        lines.push(cur);
        cur = [];
        used = 0;
        lastBreak = -1;
        continue;
      }
      if (lastBreak > 0) {
        const rest = cur.slice(lastBreak);
        lines.push(trimEnd(cur.slice(0, lastBreak)));
        cur = rest;
      } else {
        lines.push(cur);
        cur = [];
      }
      used = cur.reduce((n, x) => n + x.w, 0);
      lastBreak = -1;
    }
    cur.push(a);
    used += a.w;
    if (a.g === ' ') lastBreak = cur.length;
  }
  if (cur.length) lines.push(trimEnd(cur));
  return lines.map(fromAtoms);
}

function trimEnd(list: Atom[]): Atom[] {
  let end = list.length;
  while (end > 0 && list[end - 1]!.g === ' ') end--;
  return list.slice(0, end);
}

/** Plain (trusted, already inert) text cut to `cols` cells. */
export function truncate(text: string, cols: number): string {
  if (cols <= 0) return '';
  return cells(text) <= cols ? text : cliTruncate(text, cols);
}

/** A horizontal rule. */
export function rule(cols: number, label?: string): Seg[] {
  if (!label) return [ui('─'.repeat(Math.max(0, cols)), 'dim')];
  const head = `── ${label} `;
  const cut = truncate(head, cols);
  return [ui(cut, 'dim'), ui('─'.repeat(Math.max(0, cols - cells(cut))), 'dim')];
}

/** Word-wrap to at most `max` lines, marking a cut with "…". */
export function wrapMax(line: readonly Seg[], cols: number, max: number): Line[] {
  const lines = wrap(line, cols);
  if (lines.length <= max) return lines;
  const shown = lines.slice(0, max);
  const last = shown[max - 1]!;
  shown[max - 1] = width(last) <= cols - 1 ? [...last, ui('…', 'dim')] : fit([...last, ui(' ')], cols);
  return shown;
}

/**
 * Units laid out along lines as wholes, `sep` between units on a line: a unit such as
 * "≠ conflicts with 1, 3" is never split across lines (wrap would break it at any space). A unit
 * wider than `cols` gets a line of its own, cut with an ellipsis. With `maxLines`, the units that
 * do not fit in that many lines are left out (put the ones that matter most first).
 */
export function packUnits(units: readonly (readonly Seg[])[], cols: number, sep: readonly Seg[], maxLines = Infinity): Line[] {
  if (cols <= 0) return [];
  const lines: Line[] = [];
  let cur: Seg[] | null = null;
  for (const unit of units) {
    if (unit.length === 0) continue;
    if (cur && width(cur) + width(sep) + width(unit) <= cols) {
      cur.push(...sep, ...unit);
      continue;
    }
    if (lines.length >= maxLines) continue; // no room for a new line: a smaller unit may still fit the last one
    cur = fit(unit, cols);
    lines.push(cur);
  }
  return lines.map(merge);
}
