/**
 * The study as stored in its file, and back. In memory every history entry holds each item it
 * touched before and after, so undo, redo and merge work on whole items. In the file, the side
 * of a change that equals the item as it stands now in its collection is written as
 * `"current": "after"` (or "before") instead of a second copy: a coding is stored once, in
 * `codings`, while it is in force, and once, in the history, after it was undone (the history is
 * then the only place that still has it). Reading puts the omitted side back from the collection.
 *
 * narrative-lens/study-1 files wrote every side in full; they read unchanged (no `current`), and
 * the next save writes them in the new shape (atomically, as every save).
 */
import { DataError } from '../corpus/load.js';
import { same } from './same.js';
import { COLLECTIONS, keyOf, type Change, type CollectionName, type HistoryEntry, type Study } from './schema.js';

const isCollection = (coll: string): coll is CollectionName => (COLLECTIONS as readonly string[]).includes(coll);

/** Each collection's items by key, built once per study. */
function currentItems(study: Study): (coll: CollectionName) => Map<string, unknown> {
  const made = new Map<CollectionName, Map<string, unknown>>();
  return (coll) => {
    let m = made.get(coll);
    if (!m) made.set(coll, (m = new Map((study[coll] as unknown[]).map((item) => [keyOf(coll, item), item]))));
    return m;
  };
}

/** The study as its file holds it: each change's side that is the current item written as `current`. */
export function toStored(study: Study): Study {
  const items = currentItems(study);
  const history = study.history.map((entry): HistoryEntry => {
    if (entry.action !== 'edit') return entry;
    const changes = entry.changes.map((c): Change => {
      if (!isCollection(c.coll)) return c;
      const now = items(c.coll).get(c.key);
      if (now === undefined) return c;
      if (c.after !== null && same(c.after, now)) return { coll: c.coll, key: c.key, before: c.before, current: 'after' } as Change;
      if (c.before !== null && same(c.before, now)) return { coll: c.coll, key: c.key, current: 'before', after: c.after } as Change;
      return c;
    });
    return { ...entry, changes };
  });
  return { ...study, history };
}

/**
 * The study as read from its file, each omitted side put back. A `current` whose item is not in
 * its collection (a hand edit) is a problem named by its place in the file.
 */
export function fromStored(study: Study, file: string): Study {
  const items = currentItems(study);
  const problems: { file: string; where: string; message: string }[] = [];
  const history = study.history.map((entry, i): HistoryEntry => {
    if (entry.action !== 'edit' || entry.changes.every((c) => !c.current && c.before !== undefined && c.after !== undefined)) return entry;
    const changes = entry.changes.map((c, j): Change => {
      // a side left out without `current` is absent (null), as the edit recorded it
      if (!c.current) return { coll: c.coll, key: c.key, before: c.before ?? null, after: c.after ?? null };
      const now = isCollection(c.coll) ? items(c.coll).get(c.key) : undefined;
      if (now === undefined) {
        problems.push({ file, where: `study.history[${i}].changes[${j}]`, message: `"current": "${c.current}" but ${c.coll} has no item "${c.key}" now (the history cannot be read without it)` });
        return c;
      }
      return c.current === 'after' ? { coll: c.coll, key: c.key, before: c.before ?? null, after: now } : { coll: c.coll, key: c.key, before: now, after: c.after ?? null };
    });
    return { ...entry, changes };
  });
  if (problems.length) throw new DataError(problems);
  return { ...study, history };
}
