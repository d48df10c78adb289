/**
 * Whether two study items are the same, as the undo, redo and merge checks ask ("is this item
 * still as the edit left it?"). Items come from JSON, so they are compared as JSON values are:
 * by content, whatever the order of their keys (a file written by another tool, a schema that
 * lists its fields in another order than the edit that built the item, `jq -S`), and a key whose
 * value is undefined counts as absent (JSON.stringify drops it).
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
  for (const k of keys) if (!Object.prototype.hasOwnProperty.call(y, k) || !same(x[k], y[k])) return false;
  return true;
}
