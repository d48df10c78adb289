/**
 * Narratives side by side: a column per chosen narrative, a row per axis, each cell that
 * narrative's position with its strongest quote.
 */
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

// The name lookups (findActor, findNarrative) live with the other name matching in
// search/names.ts; re-exported here, where the shells first found them.
export { findActor, findNarrative, isFound, type Lookup } from './search/names.js';
