/**
 * Where and how a command prints: the chosen format, whether colour is on, the width to lay text
 * out to. Width is the terminal's when stdout is one; else $COLUMNS when set; else unlimited
 * (a pipe gets one line per record, for grep and cut).
 *
 * `emit` is the one switch over the formats: a printer says what its JSON document, its CSV
 * table, its Markdown and its text are, and emit writes the one asked for.
 */
import { colorEnabled, inertOutput } from '../../core/sanitize.js';
import type { Format } from '../spec.js';
import { csv, type Cell } from './csv.js';
import { json, jsonArrayPieces, ndjson } from './json.js';
import { makeStyle, type Style } from './style.js';

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
  const style = makeStyle(format === 'text' && colorEnabled(process.env, process.stdout.isTTY === true));
  // JSON escapes its own strings (print/json.ts); everything else passes the last guard.
  const isJson = format === 'json' || format === 'ndjson';
  return {
    format,
    style,
    width: terminalWidth(process.stdout),
    write: (s) => {
      process.stdout.write(isJson ? s : inertOutput(s, { styles: style.on }));
    },
  };
}

/** A table for CSV: the header, then the rows. */
export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** What a printer prints, one function per format (only the one asked for runs). */
export interface Printed {
  /** the JSON document */
  json(): unknown;
  /** one JSON line per value [default: the document's items when it is an array, else the document] */
  ndjson?(): readonly unknown[];
  csv(): CsvTable | Promise<CsvTable>;
  markdown(): string | Promise<string>;
  /** aligned text; the text helpers (print/text.ts) are imported here, only to print text */
  text(): string | Promise<string>;
}

/** Prints `p` in the output's format. */
export async function emit(out: Output, p: Printed): Promise<void> {
  switch (out.format) {
    case 'json': {
      const doc = p.json();
      if (!Array.isArray(doc)) return out.write(json(doc));
      // a large array in pieces (a search's every hit): the same text, no one huge string
      for (const piece of jsonArrayPieces(doc)) out.write(piece);
      return;
    }
    case 'ndjson': {
      if (p.ndjson) return out.write(ndjson(p.ndjson()));
      const doc = p.json();
      return out.write(ndjson(Array.isArray(doc) ? doc : [doc]));
    }
    case 'csv': {
      const t = await p.csv();
      return out.write(csv(t.header, t.rows));
    }
    case 'markdown':
      return out.write(await p.markdown());
    case 'text':
      return out.write(await p.text());
  }
}
