/**
 * Narratives side by side: a column per chosen narrative, a row per axis, each cell that
 * narrative's position with its strongest quote. And the name lookups the shells use to turn
 * what a user typed ("colour revolution", "zakharova") into a narrative or actor.
 */
import Fuse from 'fuse.js';
import type { Corpus, QuoteRef } from './corpus/corpus.js';
import type { Actor, Axis, Narrative, Position } from './corpus/schema.js';
import { fold } from './search/query.js';

/**
 * - agree: another chosen narrative takes the same stance on this axis
 * - conflict: another chosen narrative takes a different stance
 * - contested / unverified: the position's own status (see position.statusBy / statusNote)
 * - silent: the narrative has no position on this axis
 */
export type Mark = 'agree' | 'conflict' | 'unverified' | 'contested' | 'silent';

export interface CompareCell {
  narrative: Narrative;
  position: Position | null;
  /** in the order agree, conflict, contested, unverified; or just ['silent'] */
  marks: Mark[];
  /** the position's first evidence quote */
  strongest: QuoteRef | null;
  speaker: Actor | null;
  /** the position's status givers (actors), resolved */
  statusBy: Actor[];
  /** the other columns (0-based, in the order chosen) whose position takes the same stance */
  agreeWith: number[];
  /** the other columns whose position takes a different stance (silent columns are in neither) */
  conflictWith: number[];
}

export interface CompareRow {
  axis: Axis;
  /** one per chosen narrative, in the order chosen */
  cells: CompareCell[];
}

export interface Comparison {
  narratives: Narrative[];
  /** axes (in corpus order) on which at least one chosen narrative takes a position */
  rows: CompareRow[];
}

const stanceKey = (s: string) => fold(s).trim().replace(/\s+/g, ' ');

/**
 * Compares narratives (by id; unknown and repeated ids are skipped). Axes where every chosen
 * narrative is silent are left out: they say nothing about these narratives.
 */
export function compareNarratives(corpus: Corpus, narrativeIds: string[]): Comparison {
  const narratives: Narrative[] = [];
  for (const id of narrativeIds) {
    const n = corpus.narrativeById.get(id);
    if (n && !narratives.includes(n)) narratives.push(n);
  }
  const positionOf = new Map<string, Position>();
  for (const p of corpus.positions) positionOf.set(`${p.narrative}\u0000${p.axis}`, p);

  const rows: CompareRow[] = [];
  for (const axis of corpus.axes) {
    const positions = narratives.map((n) => positionOf.get(`${n.id}\u0000${axis.id}`) ?? null);
    if (positions.every((p) => p === null)) continue;
    const cells = narratives.map((narrative, i): CompareCell => {
      const position = positions[i]!;
      if (!position) return { narrative, position: null, marks: ['silent'], strongest: null, speaker: null, statusBy: [], agreeWith: [], conflictWith: [] };
      const mine = stanceKey(position.stance);
      const agreeWith: number[] = [];
      const conflictWith: number[] = [];
      positions.forEach((p, j) => {
        if (j === i || p === null) return;
        (stanceKey(p.stance) === mine ? agreeWith : conflictWith).push(j);
      });
      const marks: Mark[] = [];
      if (agreeWith.length) marks.push('agree');
      if (conflictWith.length) marks.push('conflict');
      if (position.status === 'contested') marks.push('contested');
      if (position.status === 'unverified') marks.push('unverified');
      const strongest = position.evidence.length ? (corpus.quoteById.get(position.evidence[0]!) ?? null) : null;
      const speakerId = strongest?.quote.speaker;
      const speaker = speakerId ? (corpus.actorById.get(speakerId) ?? null) : null;
      const statusBy = position.statusBy.map((id) => corpus.actorById.get(id)).filter((a): a is Actor => !!a);
      return { narrative, position, marks, strongest, speaker, statusBy, agreeWith, conflictWith };
    });
    rows.push({ axis, cells });
  }
  return { narratives, rows };
}

// ---------------------------------------------------------------------------------------------
// Name lookup

/** The item found, or the closest ones to offer instead (`ambiguous` when several fit equally). */
export type Lookup<T> = T | { closest: T[]; ambiguous?: boolean };

export function isFound<T extends object>(r: Lookup<T>): r is T {
  return !('closest' in r);
}

/**
 * Resolves what a user typed to one item: an exact id; else a name/label/alias equal to it
 * (ignoring case and diacritics); else the one item whose names contain every word typed. When
 * that is none or several, returns the closest items (best first, at most 5) to offer instead.
 */
function lookup<T extends { id: string }>(items: readonly T[], input: string, names: (t: T) => string[]): Lookup<T> {
  const raw = input.trim();
  const byId = items.find((t) => t.id === raw);
  if (byId) return byId;
  const q = fold(raw).replace(/\s+/g, ' ');
  if (!q) return { closest: [] };
  const folded = items.map((t) => ({ t, names: names(t).map(fold) }));
  const equal = folded.filter((x) => x.names.includes(q) || x.t.id === q);
  if (equal.length === 1) return equal[0]!.t;
  if (equal.length > 1) return { closest: equal.slice(0, 5).map((x) => x.t), ambiguous: true };
  // Every word typed starts a word of one of the names ("us" → "n-us-intervention", not "Russia")
  const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const wordsOf = (n: string) => n.split(/[^\p{L}\p{N}]+/u);
  const byWords = folded.filter((x) => words.length > 0 && words.every((w) => x.names.some((n) => wordsOf(n).some((nw) => nw.startsWith(w)))));
  if (byWords.length === 1) return byWords[0]!.t;
  // ...else every word typed appears somewhere in the names
  const containing = byWords.length ? byWords : folded.filter((x) => q.split(' ').every((w) => x.names.some((n) => n.includes(w))));
  if (containing.length === 1) return containing[0]!.t;
  if (containing.length > 1) return { closest: containing.slice(0, 5).map((x) => x.t), ambiguous: true };
  const fuse = new Fuse(
    folded.map((x) => x.names.join(' \u00B7 ')),
    { threshold: 0.5, ignoreLocation: true, includeScore: true, isCaseSensitive: true },
  );
  const hits = fuse.search(q).slice(0, 5);
  return { closest: hits.map((h) => folded[h.refIndex]!.t) };
}

/** Finds a narrative by id, label (or part of it), or a key term. */
export function findNarrative(corpus: Corpus, nameOrId: string): Lookup<Narrative> {
  return lookup(corpus.narratives, nameOrId, (n) => [n.label, n.id, ...n.keyTerms]);
}

/** Finds an actor by id, name, alias (or part of one). */
export function findActor(corpus: Corpus, nameOrId: string): Lookup<Actor> {
  return lookup(corpus.actors, nameOrId, (a) => [a.name, a.id, ...a.aliases]);
}
