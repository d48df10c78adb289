/**
 * Deterministic identifiers for exports: the same study exported twice gives the same ids, so
 * that a second export merges with the first in OpenCTI, MISP or a QDA tool instead of
 * duplicating everything. UUIDv5 (name-based, SHA-1) over our own stable ids.
 */
import { v5 as uuidv5 } from 'uuid';

/** narrative-lens's own UUIDv5 namespace (itself the v5 UUID of the project's name in the URL namespace). */
export const NL_NAMESPACE = uuidv5('https://narrative-lens.invalid/', uuidv5.URL);

/** STIX's namespace for deterministic ids (used by STIX for SCOs, and by OpenCTI's pycti for its SDOs). */
export const STIX_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** A stable UUID for one of our things: `kind` keeps a narrative and a quote with the same id apart. */
export function stableUuid(kind: string, id: string): string {
  return uuidv5(`${kind}\u0000${id}`, NL_NAMESPACE);
}

/** A STIX id `<type>--<uuid>` for one of our things. */
export function stixId(type: string, kind: string, id: string): string {
  return `${type}--${stableUuid(`stix:${kind}`, id)}`;
}

/**
 * pycti's id for an OpenCTI object keyed by its name (narrative, channel, event): uuid5 of the
 * canonical JSON {"name": lower-cased, trimmed name}. Using it means OpenCTI recognises an
 * imported narrative as the one it already holds under the same name.
 */
export function openctiNameId(type: string, name: string): string {
  // JSON.stringify of a one-key object is its RFC 8785 canonical form (pycti calls
  // canonicalize(..., utf8=False), which leaves non-ASCII characters unescaped, as JSON.stringify does).
  return `${type}--${uuidv5(JSON.stringify({ name: name.toLowerCase().trim() }), STIX_NAMESPACE)}`;
}
