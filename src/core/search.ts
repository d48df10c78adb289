/**
 * The one quote search, used by the dashboard's search box and by `narrative-lens search`.
 *
 * A query (syntax in query.ts) is a conjunction of clauses. Clauses of positive free terms are
 * matched and scored by fuse.js as one logical query: every term must match in *some* searchable
 * field (text, speaker name, aliases, role, narrative labels, topics), so `zakharova colour`
 * finds Zakharova's quote about colour revolutions although the name is not in the quote.
 * Qualifiers (speaker:, narrative:, kind:, article:) and negations (!term) are exact filters.
 *
 * Purity: a hit and its score depend only on that quote's record and the query (fuse.js scores a
 * record from its own fields; the filters look at nothing else), so a search over shards of the
 * records, merged by (score, corpus order), gives exactly the same result as one full search.
 */
import Fuse, { type Expression, type IFuseOptions, type RangeTuple } from 'fuse.js';
import type { Corpus, QuoteRef } from './corpus.js';
import type { Actor } from './schema.js';
import {
  fold,
  foldWithMap,
  isTextClause,
  parseQuery,
  unfoldRange,
  type Atom,
  type FieldAtom,
  type Folded,
  type ParsedQuery,
  type TextAtom,
  type TextOp,
} from './query.js';

export type MatchField = 'text' | 'speaker' | 'aliases' | 'role' | 'narratives' | 'topics' | 'article' | 'kind';

export interface FieldMatch {
  field: MatchField;
  /**
   * Ranges to highlight, as fuse.js gives them: [start, end] with end INCLUSIVE, UTF-16 offsets
   * into the field's original string (for 'text': into quote.text; 'speaker': actor.name;
   * 'role': actor.role; 'article': article.title; 'kind': quote.kind). Sorted, merged.
   */
  indices: [number, number][];
  /** for array fields (aliases, narratives, topics): which element the indices point into */
  refIndex?: number;
  /** the string the indices point into (the original, unfolded text) */
  value: string;
}

export interface QuoteHit {
  ref: QuoteRef;
  speaker: Actor | null;
  /** fuse.js score: 0 is a perfect match, 1 none; 0 for every hit of an empty or filter-only query */
  score: number;
  /** position of the quote in corpus.quotes (the tie-breaker after score) */
  order: number;
  matches: FieldMatch[];
}

export interface SearchResult {
  hits: QuoteHit[];
  /** matches before `limit` */
  total: number;
  /** set when the query cannot be understood; hits is then empty */
  error?: string;
}

/** The fields fuse.js searches for free terms, as they appear in its documents. */
const FUSE_FIELDS = ['text', 'speaker', 'aliases', 'role', 'narratives', 'topics'] as const;
type FuseField = (typeof FUSE_FIELDS)[number];

interface Doc {
  text: string;
  speaker?: string;
  aliases: string[];
  role?: string;
  narratives: string[];
  topics: string[];
}

/**
 * fuse.js options: the one place they live.
 *
 * Documents hold pre-folded text (lower case, no diacritics, plain quotes; see query.ts `fold`),
 * so fuse compares case-sensitively and leaves diacritics alone: folding once at index time is
 * cheaper than fuse lower-casing every field on every keystroke, and lets us map highlight
 * ranges back to the original text exactly.
 */
export const SEARCH_OPTIONS = {
  keys: [
    // The quote itself matters most; a match on who said it nearly as much (an analyst types a
    // name to see what that person said). Aliases are often roles ("Foreign Ministry
    // spokeswoman"), so they and the role weigh less; narrative labels and topics are
    // analysts' tags, useful but coarser than the words of the quote.
    { name: 'text', weight: 1 },
    { name: 'speaker', weight: 0.8 },
    { name: 'aliases', weight: 0.5 },
    { name: 'role', weight: 0.4 },
    { name: 'narratives', weight: 0.5 },
    { name: 'topics', weight: 0.5 },
  ],
  // Quotes are long: with fuse's default location/distance only about the first 60 characters
  // of a field could match. Position in the quote says nothing about relevance.
  ignoreLocation: true,
  // With ignoreLocation a term's score is errors / length. 0.3 lets 4–6 letter words carry one
  // typo ("colour" finds "color", "zakarova" finds "zakharova") and 7+ letters two, while
  // 3-letter words must match exactly. The default 0.6 (and even 0.4, which allows two errors
  // in five letters) matches nearly every quote on a real corpus: noise, not results.
  threshold: 0.3,
  // fzf syntax inside each term ('exact ^prefix suffix$ =whole), built by search.ts from the
  // parsed query; the user's string is never handed to fuse unparsed.
  useExtendedSearch: true,
  // Documents are folded already (see above).
  isCaseSensitive: true,
  ignoreDiacritics: false,
  // Ranges to highlight; nearly free.
  includeMatches: true,
  includeScore: true,
  // Short fields (a name, a role) with a good match rank above a weak match in a long quote.
  ignoreFieldNorm: false,
  // Highlight every occurrence, not just the first good one.
  findAllMatches: true,
  minMatchCharLength: 1,
  shouldSort: true,
} satisfies IFuseOptions<Doc>;

interface Prepared {
  ref: QuoteRef;
  speaker: Actor | null;
  /** folded text per field, and the maps back to the original */
  text: Folded;
  name: Folded | null;
  aliases: Folded[];
  role: Folded | null;
  narrativeLabels: Folded[];
  /** narrative labels as written (the id when a narrative is unknown) */
  narrativeOriginals: string[];
  topics: Folded[];
  /** folded values the speaker: narrative: article: qualifiers look at */
  speakerKeys: string[];
  narrativeKeys: string[][];
  articleKeys: string[];
  articleTitle: Folded;
}

export interface SearchIndex {
  readonly corpus: Corpus;
  /** @internal prepared records, in corpus.quotes order */
  readonly records: readonly Prepared[];
  /** @internal */
  readonly fuse: Fuse<Doc>;
}

function prepare(corpus: Corpus, ref: QuoteRef): Prepared {
  const { quote, article } = ref;
  const speaker = quote.speaker ? (corpus.actorById.get(quote.speaker) ?? null) : null;
  const narratives = quote.narratives.map((id) => corpus.narrativeById.get(id));
  return {
    ref,
    speaker,
    text: foldWithMap(quote.text),
    name: speaker ? foldWithMap(speaker.name) : null,
    aliases: speaker ? speaker.aliases.map(foldWithMap) : [],
    role: speaker?.role ? foldWithMap(speaker.role) : null,
    narrativeLabels: narratives.map((n, i) => foldWithMap(n?.label ?? quote.narratives[i]!)),
    narrativeOriginals: narratives.map((n, i) => n?.label ?? quote.narratives[i]!),
    topics: quote.topics.map(foldWithMap),
    speakerKeys: speaker ? [speaker.name, ...speaker.aliases, speaker.id].map(fold) : [],
    narrativeKeys: quote.narratives.map((id, i) => [fold(narratives[i]?.label ?? id), id]),
    articleKeys: [fold(article.title), article.id],
    articleTitle: foldWithMap(article.title),
  };
}

function toDoc(r: Prepared): Doc {
  const doc: Doc = {
    text: r.text.text,
    aliases: r.aliases.map((a) => a.text),
    narratives: r.narrativeLabels.map((n) => n.text),
    topics: r.topics.map((t) => t.text),
  };
  if (r.name) doc.speaker = r.name.text;
  if (r.role) doc.role = r.role.text;
  return doc;
}

export function buildSearchIndex(corpus: Corpus): SearchIndex {
  const records = corpus.quotes.map((ref) => prepare(corpus, ref));
  const docs = records.map(toDoc);
  const fuse = new Fuse(docs, SEARCH_OPTIONS);
  return { corpus, records, fuse };
}

// ---------------------------------------------------------------------------------------------

/** A free term as a fuse extended-search token. Always quoted, so any value is taken literally. */
function fuseToken(a: TextAtom): string {
  // fuse splits a pattern on | unless escaped; " cannot appear inside a quoted token
  const v = a.value.replace(/"/g, '').replace(/\|/g, '\\|');
  const q = `"${v}"`;
  const prefix: Record<TextOp, string> = { fuzzy: '', include: "'", prefix: '^', suffix: '', exact: '=' };
  return a.op === 'suffix' ? `${q}$` : `${prefix[a.op]}${q}`;
}

function fuseExpression(q: ParsedQuery): Expression | null {
  const and: Expression[] = [];
  for (const c of q.clauses) {
    if (!isTextClause(c)) continue;
    // A bare string in a logical query is searched in every key: the term may match any field.
    const terms = c.atoms.map((a) => fuseToken(a as TextAtom)).filter((t) => t.replace(/[\^'="$]/g, '').length > 0);
    if (!terms.length) continue;
    and.push(terms.length === 1 ? (terms[0] as unknown as Expression) : { $or: terms as unknown as Expression[] });
  }
  return and.length ? { $and: and } : null;
}

function matchOp(op: TextOp, hay: string, needle: string): boolean {
  switch (op) {
    case 'prefix':
      return hay.startsWith(needle);
    case 'suffix':
      return hay.endsWith(needle);
    case 'exact':
      return hay === needle;
    default:
      return hay.includes(needle);
  }
}

/** Every folded searchable string of a record (what a !negation looks at). */
function searchable(r: Prepared): string[] {
  const out = [r.text.text];
  if (r.name) out.push(r.name.text);
  for (const a of r.aliases) out.push(a.text);
  if (r.role) out.push(r.role.text);
  for (const n of r.narrativeLabels) out.push(n.text);
  for (const t of r.topics) out.push(t.text);
  return out;
}

function fieldAtomHolds(r: Prepared, a: FieldAtom): boolean {
  let hit: boolean;
  switch (a.field) {
    case 'kind':
      hit = r.ref.quote.kind === a.value;
      break;
    case 'speaker':
      hit = r.speakerKeys.some((k) => matchOp(a.op, k, a.value));
      break;
    case 'narrative':
      hit = r.narrativeKeys.some((keys) => keys.some((k) => matchOp(a.op, k, a.value)));
      break;
    case 'article':
      hit = r.articleKeys.some((k) => matchOp(a.op, k, a.value));
      break;
  }
  return a.negate ? !hit : hit;
}

function atomHolds(r: Prepared, a: Atom): boolean {
  if (a.type === 'field') return fieldAtomHolds(r, a);
  const found = searchable(r).some((s) => matchOp(a.op, s, a.value));
  return a.negate ? !found : found;
}

function filtersHold(r: Prepared, filters: readonly Atom[][]): boolean {
  for (const clause of filters) if (!clause.some((a) => atomHolds(r, a))) return false;
  return true;
}

/** Highlight ranges of a substring in a folded field, mapped back to the original. */
function occurrences(f: Folded, op: TextOp, needle: string): [number, number][] {
  const out: [number, number][] = [];
  const hay = f.text;
  if (!needle) return out;
  if (op === 'prefix') {
    if (hay.startsWith(needle)) out.push([0, needle.length - 1]);
  } else if (op === 'suffix') {
    if (hay.endsWith(needle)) out.push([hay.length - needle.length, hay.length - 1]);
  } else if (op === 'exact') {
    if (hay === needle) out.push([0, hay.length - 1]);
  } else {
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push([i, i + needle.length - 1]);
  }
  return out.map((r) => unfoldRange(f, r));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

class MatchSet {
  private readonly byKey = new Map<string, FieldMatch>();
  add(field: MatchField, value: string, ranges: [number, number][], refIndex?: number): void {
    if (!ranges.length) return;
    const key = `${field}\u0000${refIndex ?? ''}`;
    const m = this.byKey.get(key);
    if (m) m.indices.push(...ranges);
    else this.byKey.set(key, refIndex === undefined ? { field, indices: [...ranges], value } : { field, indices: [...ranges], refIndex, value });
  }
  list(): FieldMatch[] {
    const order: MatchField[] = ['text', 'speaker', 'aliases', 'role', 'narratives', 'topics', 'article', 'kind'];
    return [...this.byKey.values()]
      .map((m) => ({ ...m, indices: mergeRanges(m.indices) }))
      .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || (a.refIndex ?? 0) - (b.refIndex ?? 0));
  }
}

/** Highlights for the qualifiers (positive ones only: a negation has nothing to point at). */
function qualifierMatches(r: Prepared, filters: readonly Atom[][], set: MatchSet): void {
  for (const clause of filters) {
    for (const a of clause) {
      if (a.type !== 'field' || a.negate) continue;
      if (a.field === 'kind') {
        if (r.ref.quote.kind === a.value) set.add('kind', r.ref.quote.kind, [[0, a.value.length - 1]]);
      } else if (a.field === 'speaker' && r.speaker) {
        if (r.name) set.add('speaker', r.speaker.name, occurrences(r.name, a.op, a.value));
        r.aliases.forEach((f, i) => set.add('aliases', r.speaker!.aliases[i]!, occurrences(f, a.op, a.value), i));
      } else if (a.field === 'narrative') {
        r.narrativeLabels.forEach((f, i) =>
          set.add('narratives', r.narrativeOriginals[i]!, occurrences(f, a.op, a.value), i),
        );
      } else if (a.field === 'article') {
        set.add('article', r.ref.article.title, occurrences(r.articleTitle, a.op, a.value));
      }
    }
  }
}

type FuseMatch = { indices: readonly RangeTuple[]; key?: string; refIndex?: number };

function fuseMatches(r: Prepared, matches: readonly FuseMatch[], dropSingles: boolean, set: MatchSet): void {
  for (const m of matches) {
    const field = m.key as FuseField | undefined;
    let folded: Folded | null | undefined;
    let original: string | undefined;
    switch (field) {
      case 'text':
        folded = r.text;
        original = r.ref.quote.text;
        break;
      case 'speaker':
        folded = r.name;
        original = r.speaker?.name;
        break;
      case 'role':
        folded = r.role;
        original = r.speaker?.role ?? undefined;
        break;
      case 'aliases':
        folded = r.aliases[m.refIndex ?? -1];
        original = r.speaker?.aliases[m.refIndex ?? -1];
        break;
      case 'narratives':
        folded = r.narrativeLabels[m.refIndex ?? -1];
        original = r.narrativeOriginals[m.refIndex ?? -1];
        break;
      case 'topics':
        folded = r.topics[m.refIndex ?? -1];
        original = r.ref.quote.topics[m.refIndex ?? -1];
        break;
      default:
        continue;
    }
    if (!folded || original === undefined) continue;
    const ranges = m.indices
      .filter(([s, e]) => !(dropSingles && e === s))
      .map((rg) => unfoldRange(folded, rg));
    const isArray = field === 'aliases' || field === 'narratives' || field === 'topics';
    set.add(field, original, ranges, isArray ? m.refIndex : undefined);
  }
}

function byScoreThenOrder(a: QuoteHit, b: QuoteHit): number {
  return a.score - b.score || a.order - b.order;
}

/**
 * Searches the quotes. An empty query returns every quote in corpus order (score 0). Never
 * throws: a query that cannot be understood returns `error` and no hits.
 */
export function searchQuotes(index: SearchIndex, query: string, opts: { limit?: number } = {}): SearchResult {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { hits: [], total: 0, error: parsed.error };
  const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : Infinity;
  const { records } = index;
  const filters = parsed.query.clauses.filter((c) => !isTextClause(c)).map((c) => c.atoms);
  const expr = fuseExpression(parsed.query);
  // 1-character highlight ranges inside a fuzzy match are noise, unless a term is one character
  const textAtoms = parsed.query.clauses.filter(isTextClause).flatMap((c) => c.atoms);
  const dropSingles = !textAtoms.some((a) => a.value.length <= 1);

  const hits: QuoteHit[] = [];
  if (!expr) {
    records.forEach((r, order) => {
      if (!filtersHold(r, filters)) return;
      const set = new MatchSet();
      qualifierMatches(r, filters, set);
      hits.push({ ref: r.ref, speaker: r.speaker, score: 0, order, matches: set.list() });
    });
  } else {
    let found;
    try {
      found = index.fuse.search(expr);
    } catch (err) {
      return { hits: [], total: 0, error: `cannot search for that: ${(err as Error).message}` };
    }
    for (const res of found) {
      const r = records[res.refIndex]!;
      if (!filtersHold(r, filters)) continue;
      const set = new MatchSet();
      fuseMatches(r, res.matches ?? [], dropSingles, set);
      qualifierMatches(r, filters, set);
      hits.push({ ref: r.ref, speaker: r.speaker, score: res.score ?? 0, order: res.refIndex, matches: set.list() });
    }
    hits.sort(byScoreThenOrder);
  }
  return { hits: limit === Infinity ? hits : hits.slice(0, limit), total: hits.length };
}

