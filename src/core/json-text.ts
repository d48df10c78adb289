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
    if (s.length >= pieceChars) {
      // a long run of elements, or a long article's text: a piece of its own, not copied into a batch
      flush();
      out.push(inertJson(s));
      return;
    }
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
    if (depth + 1 >= SPLIT_DEPTH) writeElementsInRuns(a, depth, emit);
    else for (let i = 0; i < a.length; i++) writeElement(a, i, depth, emit);
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

function writeElement(a: unknown[], i: number, depth: number, emit: (s: string) => void): void {
  emit('  '.repeat(depth + 1));
  const x = a[i];
  if (skipped(x)) emit('null');
  else write(x, depth + 1, emit);
  emit(i < a.length - 1 ? ',\n' : '\n');
}

/** Elements stringified together: at first this many, then as many as make about a piece. */
const RUN = 256;
const hasToJSON = (x: unknown) => x !== null && typeof x === 'object' && typeof (x as { toJSON?: unknown }).toJSON === 'function';

/**
 * The elements of an array whose elements are stringified whole (a long article's quotes and
 * mentions), a run of them per JSON.stringify call: the same text as one call per element, at a
 * fraction of the cost (one string per run, not three per element). The run is wrapped in as many
 * arrays as the depth, so JSON.stringify itself indents it as it stands here, and the wrapping is
 * cut off. An element with toJSON (which would see its index as key) and a run too long for one
 * string go one element at a time.
 */
function writeElementsInRuns(a: unknown[], depth: number, emit: (s: string) => void): void {
  let open = '';
  let close = '';
  for (let k = 0; k <= depth; k++) {
    open += `${'  '.repeat(k)}[\n`;
    close = `\n${'  '.repeat(k)}]${close}`;
  }
  let run = RUN;
  for (let i = 0; i < a.length; ) {
    const part = a.slice(i, i + run);
    let s: string | null = null;
    if (!part.some(hasToJSON)) {
      let wrapped: unknown = part;
      for (let k = 0; k < depth; k++) wrapped = [wrapped];
      try {
        s = JSON.stringify(wrapped, null, 2);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
      }
    }
    if (s === null) {
      for (let k = i; k < i + part.length; k++) writeElement(a, k, depth, emit);
    } else {
      // "[\n  [\n    x,\n    y\n  ]\n]" at depth 1: the elements between the wrapping
      emit(s.slice(open.length, s.length - close.length));
      emit(i + part.length < a.length ? ',\n' : '\n');
      // a run that fills a piece or more is a piece of its own, never copied into a batch
      run = Math.max(1, Math.min(1 << 16, Math.floor((run * 2 * PIECE_CHARS) / Math.max(1, s.length))));
    }
    i += part.length;
  }
}
