/**
 * Every edit is recorded in the study itself, so undo and redo survive a restart and the
 * history is an audit trail (who, when, what, in words): an entry keeps, for each item it
 * touched, the item before and after. Undo puts the "before" back, redo the "after"; both are
 * entries of their own (who undid what, when). Changes are per item, not per array position,
 * so they stay meaningful when a colleague's edits are merged in between (merge.ts).
 *
 * Undo takes back the latest edit still in force; redo brings back the undone edits that come
 * after it, oldest first. A new edit after an undo leaves the undone ones in the log (they were
 * done, and undone) but they can no longer be redone.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { COLLECTIONS, FIELDS, keyOf, type Change, type CollectionName, type FieldName, type HistoryEntry, type Study } from './schema.js';
import { same } from './same.js';

export interface Stamp {
  /** who: `--author`, default the login name */
  by: string;
  /** when: ISO 8601 UTC */
  at: string;
}

/** The login name, as the default author of edits. */
export function defaultAuthor(): string {
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // no user entry (some containers)
  }
  return process.env.USER || process.env.LOGNAME || 'unknown';
}

export function stampNow(author?: string, now: Date = new Date()): Stamp {
  return { by: author?.trim() || defaultAuthor(), at: now.toISOString() };
}

/** A refused edit: the message says what is wrong in the user's terms. The shells exit 2 with it. */
export class StudyEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StudyEditError';
  }
}

/** One edit, ready to run: a pure function of the study, with a name and a description. */
export interface Edit {
  op: string;
  summary: string;
  apply(study: Study, stamp: Stamp): Study;
}

/** Short stable hashes for ids derived from content. */
export function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 10);
}

/** What an edit would change, without recording it (for --dry-run). */
export function preview(study: Study, edit: Edit, stamp: Stamp): Change[] {
  return diff(study, edit.apply(study, stamp));
}

/** Runs an edit and records it. An edit that changes nothing is refused (so undo never undoes nothing). */
export function perform(study: Study, edit: Edit, stamp: Stamp): Study {
  const next = edit.apply(study, stamp);
  const changes = diff(study, next);
  if (changes.length === 0) throw new StudyEditError(`nothing to change: ${edit.summary}`);
  const entry: HistoryEntry = {
    id: `h-${shortHash(stamp.by, stamp.at, edit.op, String(study.history.length))}`,
    action: 'edit',
    op: edit.op,
    summary: edit.summary,
    changes,
    by: stamp.by,
    at: stamp.at,
  };
  return { ...next, history: [...study.history, entry] };
}

type EditEntry = Extract<HistoryEntry, { action: 'edit' }>;

/** For each edit entry, whether it is in force (not undone, or redone since). */
function inForce(history: readonly HistoryEntry[]): Map<string, boolean> {
  const live = new Map<string, boolean>();
  for (const e of history) {
    if (e.action === 'edit') live.set(e.id, true);
    else live.set(e.target, e.action === 'redo');
  }
  return live;
}

/** The edit undo would take back, if any. */
export function undoable(study: Study): EditEntry | undefined {
  const live = inForce(study.history);
  for (let i = study.history.length - 1; i >= 0; i--) {
    const e = study.history[i]!;
    if (e.action === 'edit' && live.get(e.id)) return e;
  }
  return undefined;
}

/** The edit redo would bring back, if any. */
export function redoable(study: Study): EditEntry | undefined {
  const live = inForce(study.history);
  const last = undoable(study);
  const from = last ? study.history.indexOf(last) + 1 : 0;
  for (let i = from; i < study.history.length; i++) {
    const e = study.history[i]!;
    if (e.action === 'edit' && !live.get(e.id)) return e;
  }
  return undefined;
}

export function undo(study: Study, stamp: Stamp): Study {
  const target = undoable(study);
  if (!target) throw new StudyEditError('nothing to undo');
  return replay(study, target, 'undo', stamp);
}

export function redo(study: Study, stamp: Stamp): Study {
  const target = redoable(study);
  if (!target) throw new StudyEditError('nothing to redo');
  return replay(study, target, 'redo', stamp);
}

function replay(study: Study, target: EditEntry, action: 'undo' | 'redo', stamp: Stamp): Study {
  const next = applyChanges(study, target.changes, action === 'undo' ? 'backward' : 'forward');
  const entry: HistoryEntry = {
    id: `h-${shortHash(stamp.by, stamp.at, action, target.id, String(study.history.length))}`,
    action,
    target: target.id,
    summary: `${action}: ${target.summary}`,
    by: stamp.by,
    at: stamp.at,
  };
  return { ...next, history: [...study.history, entry] };
}

/** The item-level changes from `a` to `b` (history excluded). */
export function diff(a: Study, b: Study): Change[] {
  const out: Change[] = [];
  for (const coll of COLLECTIONS) {
    if (a[coll] === b[coll]) continue;
    const before = index(coll, a[coll]);
    const after = index(coll, b[coll]);
    for (const [key, item] of before) {
      const now = after.get(key);
      if (now === undefined) out.push({ coll, key, before: item, after: null });
      else if (!same(item, now)) out.push({ coll, key, before: item, after: now });
    }
    for (const [key, item] of after) if (!before.has(key)) out.push({ coll, key, before: null, after: item });
  }
  for (const f of FIELDS) if (!same(a[f], b[f])) out.push({ coll: f, key: f, before: a[f], after: b[f] });
  return out;
}

export function index(coll: CollectionName, items: readonly unknown[]): Map<string, unknown> {
  return new Map(items.map((item) => [keyOf(coll, item), item]));
}

/**
 * Applies changes forward (before → after) or backward. Each item must still be as the change
 * left it; if someone changed it since, the undo or redo is refused rather than overwrite theirs.
 */
export function applyChanges(study: Study, changes: readonly Change[], direction: 'forward' | 'backward'): Study {
  const next: Study = { ...study };
  for (const c of changes) {
    const [expect, put] = direction === 'forward' ? [c.before, c.after] : [c.after, c.before];
    if ((FIELDS as readonly string[]).includes(c.coll)) {
      const f = c.coll as FieldName;
      if (!same(next[f], expect)) throw new StudyEditError(`the study's ${f} changed since; cannot take this back`);
      (next as Record<FieldName, unknown>)[f] = put;
      continue;
    }
    const coll = c.coll as CollectionName;
    if (!(COLLECTIONS as readonly string[]).includes(coll)) throw new StudyEditError(`unknown part of the study "${c.coll}" in the history`);
    const items = [...(next[coll] as unknown[])];
    const at = items.findIndex((item) => keyOf(coll, item) === c.key);
    const current = at >= 0 ? items[at] : null;
    if (!same(current, expect)) {
      throw new StudyEditError(`${describeKey(c)} was changed since (by a later or merged edit); undo or change that first`);
    }
    if (put === null) items.splice(at, 1);
    else if (at >= 0) items[at] = put;
    else items.push(put);
    (next as Record<CollectionName, unknown[]>)[coll] = items;
  }
  return next;
}

function describeKey(c: Change): string {
  const singular: Record<string, string> = { narratives: 'narrative', questions: 'question', positions: 'position', codings: 'coding', memos: 'memo', corrections: 'correction', actors: 'actor', actorMerges: 'actor merge', actorEdits: 'alignment', sources: 'source' };
  return `${singular[c.coll] ?? c.coll} "${c.key}"`;
}
