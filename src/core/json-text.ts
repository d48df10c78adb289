/**
 * The JSON every command prints: `JSON.stringify(value, null, 2)`, made inert (core/sanitize:
 * DEL, C1, bidi and invisible characters as \uXXXX), and a final newline.
 *
 * `jsonPieces` gives the same text in pieces, for documents too large to hold as one string: a
 * draft of a long article is several times the article's size, and a V8 string holds at most
 * about 512 million characters ("Invalid string length"). The pieces end between values, never
 * inside a string, and joined they are exactly `jsonText(value)` (tested).
 */
import { inertJson } from './sanitize.js';

export function jsonText(value: unknown): string {
  return inertJson(JSON.stringify(value, null, 2)) + '\n';
}

/** Nesting levels taken apart; below them a value is stringified whole (a quote, a mention, an actor). */
const SPLIT_DEPTH = 4;
/** Pieces are joined up to about this many characters (fewer, larger writes and messages). */
const PIECE_CHARS = 1 << 22;

export function jsonPieces(value: unknown, pieceChars = PIECE_CHARS): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const emit = (s: string) => {
    batch.push(s);
    size += s.length;
    if (size >= pieceChars) flush();
  };
  const flush = () => {
    if (batch.length) out.push(inertJson(batch.join('')));
    batch = [];
    size = 0;
  };
  write(value, 0, emit);
  emit('\n');
  flush();
  return out;
}

/** What JSON.stringify does with a value inside an array (undefined, functions, symbols: null). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function write(v: unknown, depth: number, emit: (s: string) => void): void {
  const plainArray = Array.isArray(v);
  const plainObject = !plainArray && v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
  if (depth >= SPLIT_DEPTH || !(plainArray || plainObject)) {
    // JSON.stringify's own text for the value, indented to where it stands (the only line
    // breaks in it are its own: a string's are escaped as \n)
    const s = JSON.stringify(v, null, 2) ?? 'null';
    emit(depth === 0 ? s : s.replace(/\n/g, `\n${'  '.repeat(depth)}`));
    return;
  }
  const inner = '  '.repeat(depth + 1);
  const outer = '  '.repeat(depth);
  if (plainArray) {
    const a = v as unknown[];
    if (a.length === 0) return emit('[]');
    emit('[\n');
    for (let i = 0; i < a.length; i++) {
      emit(inner);
      const x = a[i];
      if (skipped(x)) emit('null');
      else write(x, depth + 1, emit);
      emit(i < a.length - 1 ? ',\n' : '\n');
    }
    return emit(`${outer}]`);
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => !skipped(o[k]));
  if (keys.length === 0) return emit('{}');
  emit('{\n');
  keys.forEach((k, i) => {
    emit(`${inner}${JSON.stringify(k)}: `);
    write(o[k], depth + 1, emit);
    emit(i < keys.length - 1 ? ',\n' : '\n');
  });
  emit(`${outer}}`);
}
