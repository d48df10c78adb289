/**
 * Markdown for reports: pipe tables (GitHub-flavoured). Cell text from data is made inert, and
 * the characters that would break a table or turn into markup are escaped.
 */
import { inert } from '../../core/sanitize.js';

/** Escapes data text for a table cell (or a line of prose). */
export function md(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return inert(s)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_`[\]#~])/g, '\\$1');
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |\n`;
  return line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}
