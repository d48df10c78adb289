/**
 * JSON keeps the data exactly; inertJson (core/sanitize) escapes what JSON.stringify leaves raw
 * and a terminal would act on (DEL, C1 controls, bidi and invisible format characters).
 */
import { jsonText } from '../../core/json-text.js';
import { inertJson } from '../../core/sanitize.js';

/** The one JSON text (core/json-text.ts, which also gives it in pieces for very large documents). */
export function json(value: unknown): string {
  return jsonText(value);
}

export function ndjson(values: readonly unknown[]): string {
  return values.map((v) => inertJson(JSON.stringify(v)) + '\n').join('');
}

/** Elements per piece of a large array's JSON. */
const BATCH = 1024;

/**
 * json(items) for an array, written in pieces of BATCH elements instead of one string: `search
 * --format json` at a million quotes printed 111,195 hits as one 129 MB string, and the stream
 * made a second copy of it to write. JSON.stringify of a slice is "[\n" + its elements, each
 * indented as they are in the whole array, + "\n]": the pieces are those elements, joined by
 * ",\n" as the whole array joins them. An element with toJSON (which would see its place in
 * the slice as its key) sends the array back to json() whole. Joined, the pieces are json(items)
 * exactly (tested).
 */
export function* jsonArrayPieces(items: readonly unknown[]): Generator<string> {
  const hasToJSON = items.some((x) => x !== null && typeof x === 'object' && typeof (x as { toJSON?: unknown }).toJSON === 'function');
  if (items.length <= BATCH || hasToJSON) {
    yield json(items);
    return;
  }
  yield '[\n';
  for (let i = 0; i < items.length; i += BATCH) {
    const s = JSON.stringify(items.slice(i, i + BATCH), null, 2);
    const body = inertJson(s.slice(2, s.length - 2));
    yield i + BATCH < items.length ? `${body},\n` : `${body}\n]\n`;
  }
}
