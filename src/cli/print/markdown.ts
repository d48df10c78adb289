/**
 * Markdown for reports: pipe tables (GitHub-flavoured). Cell text from data is made inert, and
 * the characters that would break a table or turn into markup are escaped.
 */
import { markdownText } from '../../core/export/markdown-text.js';

/** Escapes data text for a table cell (or a line of prose); `!` is left as it always was here. */
export const md = (s: string | null | undefined): string => markdownText(s);

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |\n`;
  return line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}
