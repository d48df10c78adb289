/**
 * JSON keeps the data exactly; inertJson (core/sanitize) escapes what JSON.stringify leaves raw
 * and a terminal would act on (DEL, C1 controls, bidi and invisible format characters).
 */
import { inertJson } from '../../core/sanitize.js';

export function json(value: unknown): string {
  return inertJson(JSON.stringify(value, null, 2)) + '\n';
}

export function ndjson(values: readonly unknown[]): string {
  return values.map((v) => inertJson(JSON.stringify(v)) + '\n').join('');
}
