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
