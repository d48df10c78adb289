/**
 * Aligned text for the terminal: fixed columns sized to their content (capped), one flexible
 * column that takes the rest of the width and wraps, continuation lines indented under it. With
 * an unlimited width (a pipe) nothing wraps: one line per record. Cells may hold ANSI styling;
 * widths are measured with string-width (wide and combining characters count right).
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import cliTruncate from 'cli-truncate';
import { inert } from '../../core/sanitize.js';
import type { FieldMatch } from '../../core/search/search.js';
import type { Style } from './style.js';

export { stringWidth };

export interface ColumnSpec {
  /** the widest this column may get (cells are truncated with …) */
  max?: number;
  align?: 'left' | 'right';
}

const GAP = '  ';
/** the narrowest the flexible column is allowed to become before we stop aligning */
const MIN_FLEX = 24;

export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const w = stringWidth(s);
  if (w >= width) return s;
  const fill = ' '.repeat(width - w);
  return align === 'right' ? fill + s : s + fill;
}

export function truncate(s: string, width: number): string {
  if (width === Infinity || stringWidth(s) <= width) return s;
  return cliTruncate(s, Math.max(1, width));
}

/** Wraps to `width` (hard: long words break), keeping ANSI styles intact across lines. */
export function wrap(s: string, width: number): string[] {
  if (width === Infinity) return s.split('\n');
  return wrapAnsi(s, Math.max(1, width), { hard: true, trim: true }).split('\n');
}

/**
 * Lays out rows: every column but the last is fixed (as wide as its widest cell, up to max);
 * the last takes the remaining width and wraps. When the terminal is too narrow for that,
 * each row becomes a block: the fixed cells on one line, the last cell wrapped beneath.
 */
export function table(rows: readonly (readonly string[])[], specs: readonly ColumnSpec[], width: number): string {
  if (!rows.length) return '';
  const n = specs.length;
  // a column's cap applies on a terminal; a pipe (unlimited width) gets every cell whole
  const widths = specs.slice(0, n - 1).map((spec, i) => {
    const widest = Math.max(...rows.map((r) => stringWidth(r[i] ?? '')));
    return width === Infinity ? widest : Math.min(widest, spec.max ?? Infinity);
  });
  const fixed = widths.reduce((a, b) => a + b + GAP.length, 0);
  const flex = width - fixed;
  const out: string[] = [];
  if (flex < MIN_FLEX) {
    // Stacked: fixed cells on a line, the flexible cell wrapped and indented under it.
    for (const r of rows) {
      out.push(truncate(r.slice(0, n - 1).filter(Boolean).join(GAP), width));
      for (const line of wrap(r[n - 1] ?? '', width - 2)) out.push(`  ${line}`);
    }
    return out.join('\n') + '\n';
  }
  const indent = ' '.repeat(fixed);
  for (const r of rows) {
    const head = widths.map((w, i) => pad(truncate(r[i] ?? '', w), w, specs[i]!.align) + GAP).join('');
    const lines = wrap(r[n - 1] ?? '', flex);
    out.push((head + (lines[0] ?? '')).trimEnd());
    for (const line of lines.slice(1)) out.push((indent + line).trimEnd());
  }
  return out.join('\n') + '\n';
}

/** Text from data with its matched ranges styled; every piece made inert. */
export function highlight(text: string, match: FieldMatch | undefined, style: Style): string {
  if (!match || !style.on || !match.indices.length) return inert(text);
  let out = '';
  let at = 0;
  for (const [s, e] of match.indices) {
    if (s < at || s >= text.length) continue;
    out += inert(text.slice(at, s)) + style.match(inert(text.slice(s, e + 1)));
    at = e + 1;
  }
  return out + inert(text.slice(at));
}

/** A paragraph of prose wrapped to width with an indent. */
export function paragraph(text: string, width: number, indent = '  '): string {
  return wrap(text, width - indent.length).map((l) => indent + l).join('\n') + '\n';
}
