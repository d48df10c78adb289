/**
 * Three-way merge of studies: `base` as it was read, `mine` (base plus this window's edits),
 * `theirs` (what is on disk now: another window, a colleague, a git pull). Item by item: what
 * only one side changed is taken from that side; what both changed alike is taken once; what
 * both changed differently is a conflict, and then nothing is merged (the caller keeps both).
 * The history is the union of both sides' entries (by id), theirs first, then mine.
 */
import { COLLECTIONS, FIELDS, type CollectionName, type FieldName, type HistoryEntry, type Study } from './schema.js';
import { index } from './history.js';
import { same } from './same.js';

export interface Conflict {
  /** the part of the study: narratives, codings, … (or title) */
  coll: string;
  key: string;
  mine: unknown;
  theirs: unknown;
}

export type MergeResult = { ok: true; study: Study } | { ok: false; conflicts: Conflict[] };

export function merge3(base: Study, mine: Study, theirs: Study): MergeResult {
  const conflicts: Conflict[] = [];
  const out: Study = { ...theirs };
  for (const coll of COLLECTIONS) {
    const b = index(coll, base[coll]);
    const m = index(coll, mine[coll]);
    const t = index(coll, theirs[coll]);
    // theirs' order, then what only mine has, in mine's order
    const keys = [...t.keys(), ...[...m.keys()].filter((k) => !t.has(k))];
    const items: unknown[] = [];
    const pick = (k: string): unknown => {
      const bv = b.get(k) ?? null;
      const mv = m.get(k) ?? null;
      const tv = t.get(k) ?? null;
      if (same(mv, bv)) return tv;
      if (same(tv, bv) || same(mv, tv)) return mv;
      conflicts.push({ coll, key: k, mine: mv, theirs: tv });
      return tv;
    };
    for (const k of keys) {
      const v = pick(k);
      if (v !== null) items.push(v);
    }
    // (a key on neither side is deleted on both; one deleted by one side and changed by the other is a conflict)
    (out as Record<CollectionName, unknown[]>)[coll] = items;
  }
  for (const f of FIELDS) {
    if (same(mine[f], base[f])) continue;
    if (same(theirs[f], base[f]) || same(mine[f], theirs[f])) (out as Record<FieldName, unknown>)[f] = mine[f];
    else conflicts.push({ coll: f, key: f, mine: mine[f], theirs: theirs[f] });
  }
  if (conflicts.length) return { ok: false, conflicts };
  const seen = new Set(theirs.history.map((e) => e.id));
  const history: HistoryEntry[] = [...theirs.history, ...mine.history.filter((e) => !seen.has(e.id))];
  return { ok: true, study: { ...out, history } };
}
