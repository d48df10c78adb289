/**
 * JSON keeps the data exactly. JSON.stringify escapes C0 controls (so ESC never reaches a
 * terminal); we also escape DEL, C1 controls (the 8-bit CSI U+009B), bidi and invisible format
 * characters as \uXXXX: still the same data for jq or any parser, but inert if printed raw.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const escape = (s: string) => s.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function json(value: unknown): string {
  return escape(JSON.stringify(value, null, 2)) + '\n';
}

export function ndjson(values: readonly unknown[]): string {
  return values.map((v) => escape(JSON.stringify(v)) + '\n').join('');
}
