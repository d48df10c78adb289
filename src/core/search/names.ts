/**
 * Names typed by a person, matched against the names a program knows: edit distance and "did you
 * mean". One home for the loader's unknown ids, the command line's unknown commands and flags,
 * and the name lookups built on them.
 */
import Fuse from 'fuse.js';
import type { Corpus } from '../corpus/corpus.js';
import type { Actor, Narrative } from '../corpus/schema.js';
import { allowedErrors } from './prefilter.js';
import { fold } from './query.js';

/** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export interface NearestOptions {
  /** how many to return, closest first (ties keep the pool's order) */
  max?: number;
  /** the fewest edits always allowed; a third of the word's length is allowed when more */
  minBudget?: number;
}

/**
 * The names within a small edit distance of `word`: at most max(minBudget, length / 3) edits,
 * closest first. Names whose length alone puts them past the budget are not measured.
 */
export function nearestNames(word: string, pool: Iterable<string>, opts: NearestOptions = {}): string[] {
  const budget = Math.max(opts.minBudget ?? 1, Math.floor(word.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const name of pool) {
    if (Math.abs(name.length - word.length) > budget) continue;
    const d = editDistance(word, name);
    if (d <= budget) scored.push({ name, d });
  }
  return scored
    .sort((x, y) => x.d - y.d)
    .slice(0, opts.max ?? 1)
    .map((x) => x.name);
}

// ---------------------------------------------------------------------------------------------
// Actors and narratives by name: one behaviour for `--actor`, `--compare`, `actors NAME`,
// `speaker:` and `narrative:` filters, and the dashboard's actor filter.

/** How well what was typed fits an item, best first. */
export type NameFit = 'id' | 'equal' | 'start' | 'words' | 'contains' | 'typo';
const FIT_ORDER: readonly NameFit[] = ['id', 'equal', 'start', 'words', 'contains', 'typo'];

export interface NameMatch<T> {
  item: T;
  fit: NameFit;
  /** within a fit: fewer is better (words that are only prefixes; edits for a typo) */
  cost: number;
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const wordsOf = (s: string) => s.split(WORD_SPLIT).filter(Boolean);

/** The typos the quote search forgives in a word of this length: none up to 3 letters, one in 4–6, two in 7–9… */
export function typoBudget(length: number): number {
  return allowedErrors(length);
}

/** Edits from `w` to `word`, or to the start of `word` (a name still being typed). */
function wordDistance(w: string, word: string): number {
  const whole = editDistance(w, word);
  return word.length > w.length ? Math.min(whole, editDistance(w, word.slice(0, w.length))) : whole;
}

/**
 * How `typed` fits one item whose names are `names` (the first is its own name or label; the
 * rest aliases, key terms; all folded): the id or a whole name; its own name starting with what
 * was typed; every typed word starting a word of one name (whole words cost less than
 * prefixes); every typed word inside the names; every typed word within the search's typo budget
 * of a word of one name. Undefined when none of these.
 */
function fitOf(id: string, names: readonly string[], raw: string, q: string): { fit: NameFit; cost: number } | undefined {
  if (id === raw || id === q) return { fit: 'id', cost: 0 };
  if (names.includes(q)) return { fit: 'equal', cost: names[0] === q ? 0 : 1 };
  if (names[0]?.startsWith(q)) return { fit: 'start', cost: 0 };
  const words = wordsOf(q);
  if (!words.length) return undefined;
  const all = [id, ...names];
  let best: number | undefined;
  for (const n of all) {
    const nw = wordsOf(n);
    let cost = 0;
    for (const w of words) {
      if (nw.includes(w)) continue;
      if (nw.some((x) => x.startsWith(w))) cost++;
      else {
        cost = -1;
        break;
      }
    }
    if (cost >= 0 && (best === undefined || cost < best)) best = cost;
  }
  if (best !== undefined) return { fit: 'words', cost: best };
  if (words.every((w) => all.some((n) => n.includes(w)))) return { fit: 'contains', cost: 0 };
  let typo: number | undefined;
  for (const n of all) {
    const nw = wordsOf(n);
    let cost = 0;
    for (const w of words) {
      const budget = typoBudget(w.length);
      // a word longer than a name's word by more than the budget cannot be within it: not measured
      const d = Math.min(Infinity, ...nw.filter((x) => w.length - x.length <= budget).map((x) => wordDistance(w, x)));
      if (d > budget) {
        cost = -1;
        break;
      }
      cost += d;
    }
    if (cost >= 0 && (typo === undefined || cost < typo)) typo = cost;
  }
  // written together or apart ("homegrown" for "home-grown", "mariyazakharova")
  const compact = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  const cq = compact(q);
  for (const n of all) {
    const cn = compact(n);
    if (cq.length - cn.length > typoBudget(cq.length)) continue;
    const d = wordDistance(cq, cn);
    if (d <= typoBudget(cq.length) && (typo === undefined || d < typo)) typo = d;
  }
  return typo === undefined ? undefined : { fit: 'typo', cost: typo };
}

/** The items that fit what was typed, best first (ties keep the items' order). */
export function rankByName<T extends { id: string }>(items: readonly T[], typed: string, namesOf: (t: T) => readonly string[]): NameMatch<T>[] {
  const raw = typed.trim();
  const q = fold(raw).replace(/\s+/g, ' ');
  if (!q) return [];
  const out: NameMatch<T>[] = [];
  for (const item of items) {
    const f = fitOf(item.id, namesOf(item).map(fold), raw, q);
    if (f) out.push({ item, ...f });
  }
  return out.sort((a, b) => FIT_ORDER.indexOf(a.fit) - FIT_ORDER.indexOf(b.fit) || a.cost - b.cost);
}

/** Longer than this, what was typed is not looked up loosely (no name is this long). */
const MAX_NAME_TYPED = 200;

/** The item found, or the closest ones to offer instead (`ambiguous` when several fit equally). */
export type Lookup<T> = T | { closest: T[]; ambiguous?: boolean };

export function isFound<T extends object>(r: Lookup<T>): r is T {
  return !('closest' in r);
}

export interface Resolved<T> {
  /** the one item meant, when there is one */
  found?: T;
  /** how it was found ('typo': a correction the user should be told about) */
  fit?: NameFit;
  /** when nothing or several fit: what to offer instead, best first (at most 5) */
  closest: T[];
  ambiguous?: boolean;
}

/**
 * Resolves what a user typed to one item: the best fit (see rankByName) when exactly one item
 * has it; several with the same best fit are ambiguous; nothing that fits gives the closest
 * names by a looser fuzzy match, to offer instead.
 */
export function resolveName<T extends { id: string }>(items: readonly T[], typed: string, namesOf: (t: T) => readonly string[]): Resolved<T> {
  const ranked = rankByName(items, typed, namesOf);
  if (ranked.length) {
    const top = ranked.filter((m) => m.fit === ranked[0]!.fit && m.cost === ranked[0]!.cost);
    if (top.length === 1) return { found: top[0]!.item, fit: top[0]!.fit, closest: [] };
    return { closest: top.slice(0, 5).map((m) => m.item), ambiguous: true };
  }
  const q = fold(typed.trim()).replace(/\s+/g, ' ');
  // nothing is close to what is longer than any name (and fuse's time grows with the pattern)
  if (!q || q.length > MAX_NAME_TYPED) return { closest: [] };
  const folded = items.map((t) => namesOf(t).map(fold).join(' \u00B7 '));
  const fuse = new Fuse(folded, { threshold: 0.5, ignoreLocation: true, includeScore: true, isCaseSensitive: true });
  return { closest: fuse.search(q).slice(0, 5).map((h) => items[h.refIndex]!) };
}

function asLookup<T>(r: Resolved<T>): Lookup<T & object> {
  return (r.found ?? { closest: r.closest, ...(r.ambiguous ? { ambiguous: true } : {}) }) as Lookup<T & object>;
}

/** An actor's names, own name first: name, aliases. */
export const actorNames = (a: Actor): string[] => [a.name, ...a.aliases];
/** A narrative's names, label first: label, key terms. */
export const narrativeNames = (n: Narrative): string[] => [n.label, ...n.keyTerms];

/** Finds a narrative by id, label (or part of it), or a key term, forgiving typos. */
export function findNarrative(corpus: Corpus, nameOrId: string): Lookup<Narrative> {
  return asLookup(resolveName(corpus.narratives, nameOrId, narrativeNames));
}

/** Finds an actor by id, name, alias (or part of one), forgiving typos. */
export function findActor(corpus: Corpus, nameOrId: string): Lookup<Actor> {
  return asLookup(resolveName(corpus.actors, nameOrId, actorNames));
}

/** A `speaker:` or `narrative:` value that matched no name and was read as the name it is closest to. */
export interface QueryCorrection {
  /** as typed: `speaker:smagn` */
  typed: string;
  /** as searched: `speaker:"Nikita Smagin"` */
  taken: string;
}

const NAME_QUALIFIER = /(^|\s)(!?)(speaker|narrative):(!?)("[^"]*"?|[^\s"]+)/gi;

/**
 * The query with each `speaker:` / `narrative:` value that no actor's or narrative's name, alias
 * or id contains replaced by the name resolveName finds for it (`speaker:smagn` →
 * `speaker:"nikita smagin"`), and the corrections made, to tell the user. Values written with an
 * operator (^ = ' $) are taken as written.
 */
export function resolveQueryNames(corpus: Corpus, query: string): { query: string; corrections: QueryCorrection[] } {
  const corrections: QueryCorrection[] = [];
  const rewritten = query.replace(NAME_QUALIFIER, (whole, lead: string, neg: string, field: string, neg2: string, raw: string) => {
    const value = raw.replace(/^"|"$/g, '');
    if (/^['^=]/.test(value) || (value.length > 1 && value.endsWith('$'))) return whole;
    const q = fold(value).trim();
    if (!q) return whole;
    const speaker = field.toLowerCase() === 'speaker';
    const keys = speaker
      ? corpus.actors.map((a) => [a.name, ...a.aliases, a.id].map(fold))
      : corpus.narratives.map((n) => [n.label, n.id].map(fold));
    if (keys.some((ks) => ks.some((k) => k.includes(q)))) return whole;
    const found = speaker ? resolveName(corpus.actors, value, actorNames).found : resolveName(corpus.narratives, value, narrativeNames).found;
    if (!found) return whole;
    const name = speaker ? (found as Actor).name : (found as Narrative).label;
    if (name.includes('"')) return whole;
    const taken = `${neg}${field}:${neg2}"${name}"`;
    corrections.push({ typed: whole.slice(lead.length), taken });
    return lead + taken;
  });
  return { query: rewritten, corrections };
}

/**
 * Edits from a to b where swapping two neighbours counts as one ("teh" → "the"): the optimal
 * string alignment distance, for suggestions, where a transposed short word is the usual slip.
 */
export function transposeDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Actors that are probably one person under two ids (typically from two files): the same name;
 * one's name is the other's alias; or, for people, the same surname (4 letters or more) with
 * first names that agree (the same initial) or one of them given only by surname. Pairs in the
 * actors' order, for an analyst to merge (never merged silently).
 */
export function probableSameActors(actors: readonly Actor[]): [Actor, Actor][] {
  const pairs: [Actor, Actor][] = [];
  const info = actors.map((a) => {
    const name = fold(a.name).trim();
    const words = wordsOf(name);
    return { a, name, aliases: new Set(a.aliases.map((x) => fold(x).trim())), words, last: words.at(-1) ?? '' };
  });
  // grouped by surname and by every name and alias, so that a large corpus is not compared pair by pair
  const byKey = new Map<string, number[]>();
  info.forEach((x, i) => {
    for (const k of new Set([x.name, ...x.aliases, x.a.kind === 'person' && x.last.length >= 4 ? `\u0000${x.last}` : ''])) {
      if (!k) continue;
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const seen = new Set<string>();
  for (const list of byKey.values()) {
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const [x, y] = [info[list[p]!]!, info[list[q]!]!];
        const key = `${list[p]}:${list[q]}`;
        if (seen.has(key) || x.a.id === y.a.id) continue;
        const same =
          x.name === y.name ||
          x.aliases.has(y.name) ||
          y.aliases.has(x.name) ||
          (x.a.kind === 'person' &&
            y.a.kind === 'person' &&
            x.last === y.last &&
            (x.words.length === 1 || y.words.length === 1 || x.words[0]![0] === y.words[0]![0]));
        if (same) {
          seen.add(key);
          pairs.push([x.a, y.a]);
        }
      }
    }
  }
  return pairs;
}
