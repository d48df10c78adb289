/**
 * CSV as RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote,
 * a line break or edge spaces, quotes doubled. Text from data is made inert (no control or bidi
 * characters reach a spreadsheet), and a cell that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return: OWASP's list) gets a leading apostrophe,
 * the usual guard against formula injection.
 */
import { inert } from '../../core/sanitize.js';

export type Cell = string | number | boolean | null | undefined;

function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? inert(v) : String(v);
  // OWASP's list: = + - @ and a leading tab or carriage return start a formula in some spreadsheet
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(field).join(',') + '\r\n';
}

export function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
