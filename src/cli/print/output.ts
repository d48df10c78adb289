/**
 * Where and how a command prints: the chosen format, whether colour is on, the width to lay text
 * out to. Width is the terminal's when stdout is one; else $COLUMNS when set; else unlimited
 * (a pipe gets one line per record, for grep and cut).
 */
import { inertOutput } from '../../core/sanitize.js';
import { colorEnabled, makeStyle, type Style } from './style.js';

export const FORMATS = ['text', 'json', 'ndjson', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface Output {
  format: Format;
  style: Style;
  width: number;
  write(s: string): void;
}

export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout, env = process.env): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const cols = Number.parseInt(env.COLUMNS ?? '', 10);
  return Number.isFinite(cols) && cols > 0 ? cols : Infinity;
}

export function stdoutOutput(format: Format): Output {
  const style = makeStyle(format === 'text' && colorEnabled(process.stdout));
  // JSON escapes its own strings (print/json.ts); everything else passes the last guard.
  const json = format === 'json' || format === 'ndjson';
  return {
    format,
    style,
    width: terminalWidth(process.stdout),
    write: (s) => {
      process.stdout.write(json ? s : inertOutput(s, { styles: style.on }));
    },
  };
}
