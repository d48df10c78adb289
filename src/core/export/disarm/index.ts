/**
 * DISARM techniques: lookup by id and the fuzzy search a picker needs (the dashboard's technique
 * picker and `narrative-lens techniques QUERY` call the same function).
 */
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { TechniqueTag } from '../../corpus/schema.js';
import { CATALOGUE } from './catalogue.js';
import type { DisarmTactic, DisarmTechnique } from './types.js';

export type { DisarmTactic, DisarmTechnique } from './types.js';
export { CATALOGUE } from './catalogue.js';

const byId = new Map(CATALOGUE.techniques.map((t) => [t.id, t]));
const tacticById = new Map(CATALOGUE.tactics.map((t) => [t.id, t]));

export function techniqueById(id: string): DisarmTechnique | undefined {
  return byId.get(id.trim().toUpperCase());
}

export function tacticOf(t: DisarmTechnique): DisarmTactic {
  return tacticById.get(t.tactic)!;
}

export interface TechniqueHit {
  technique: DisarmTechnique;
  tactic: DisarmTactic;
  /** 0 is a perfect match (as fuse.js scores) */
  score: number;
  /** character ranges [start, end] (inclusive, as fuse.js gives them) that matched in the name, for highlighting */
  nameMatches: [number, number][];
}

let fuse: Fuse<DisarmTechnique> | null = null;
const NOISE = 0.7;

/**
 * Techniques for what a user typed, best first: an id ("T0022", "t22.1" too) or its prefix
 * first, then words of the name, tactic or description, fuzzily (a typo is forgiven). An empty
 * query lists every technique in id order.
 */
export function searchTechniques(query: string, limit = 20): TechniqueHit[] {
  const q = query.trim();
  const hit = (technique: DisarmTechnique, score: number, nameMatches: [number, number][] = []): TechniqueHit => ({
    technique,
    tactic: tacticOf(technique),
    score,
    nameMatches,
  });
  if (!q) return CATALOGUE.techniques.slice(0, limit).map((t) => hit(t, 0));
  const id = normaliseId(q);
  if (id) {
    const exact = byId.get(id);
    const prefixed = CATALOGUE.techniques.filter((t) => t !== exact && t.id.startsWith(id));
    if (exact || prefixed.length) return [...(exact ? [hit(exact, 0)] : []), ...prefixed.map((t) => hit(t, 0.001))].slice(0, limit);
  }
  if (q.length < 3) {
    // too short to be fuzzy: a whole word of a name ("TV")
    const w = q.replace(/[^\p{L}\p{N}]/gu, '');
    if (!w) return [];
    const word = new RegExp(`\\b${w}\\b`, 'iu');
    return CATALOGUE.techniques.filter((t) => word.test(t.name)).slice(0, limit).map((t) => hit(t, 0));
  }
  fuse ??= new Fuse(CATALOGUE.techniques, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'tacticName', weight: 1, getFn: (t) => tacticOf(t).name },
      { name: 'description', weight: 1 },
    ],
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.25,
    minMatchCharLength: 3,
    useExtendedSearch: false,
  });
  // Past this score a hit shares no real part of the query (a few letters scattered in a long
  // description): noise, not a result.
  return fuse
    .search(q, { limit })
    .filter((r) => (r.score ?? 1) <= NOISE)
    .map((r) =>
    hit(
      r.item,
      r.score ?? 1,
      (r.matches ?? []).filter((m: FuseResultMatch) => m.key === 'name').flatMap((m) => m.indices.map(([a, b]) => [a, b] as [number, number])),
    ),
  );
}

/** "t22" → "T0022", "T0022.1" → "T0022.001"; null when the text is no id. */
function normaliseId(q: string): string | null {
  const m = /^t\s*(\d{1,4})(?:\.(\d{1,3}))?$/i.exec(q);
  if (!m) return null;
  return `T${m[1]!.padStart(4, '0')}${m[2] ? `.${m[2].padStart(3, '0')}` : ''}`;
}

/** Tags whose ids the framework does not know (a typo, or a technique from a newer DISARM). */
export function unknownTechniques(tags: readonly TechniqueTag[]): string[] {
  return tags.filter((t) => !byId.has(t.id)).map((t) => t.id);
}

/** A tag's technique with its tactic, for exporters; unknown ids are left out (see unknownTechniques). */
export function resolveTags(tags: readonly TechniqueTag[]): { tag: TechniqueTag; technique: DisarmTechnique; tactic: DisarmTactic }[] {
  return tags.flatMap((tag) => {
    const technique = byId.get(tag.id);
    return technique ? [{ tag, technique, tactic: tacticOf(technique) }] : [];
  });
}
