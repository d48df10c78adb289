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
import Fuse, { type Expression, type FuseIndex, type IFuseOptions, type RangeTuple } from 'fuse.js';
import type { Corpus, QuoteRef } from '../corpus/corpus.js';
import type { Actor, Article } from '../corpus/schema.js';
import {
  dateInRange,
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
import { textPrefilter, type RecordTest, type SharedHay } from './prefilter.js';
import { fastTermOptions } from './fuzzy-term.js';
import { RANKING_OPTIONS, SEARCH_OPTIONS, type Doc } from './options.js';
import { LogicalSearch } from './logical.js';

export { SEARCH_OPTIONS } from './options.js';

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
  /** the folded outlet of the quote's article (outlet: looks at it) */
  outletKeys: string[];
  /** the quote's resolved date, else its article's (date: looks at it) */
  date: string | null;
  articleTitle: Folded;
  /**
   * the folded fields this record shares with others (speaker, narratives, topics), each joined
   * by FIELD_SEP: with the folded text, what the exact prefilter scans. Shared, never copied per
   * record: a speaker's aliases joined into every quote's own string grew as quotes x aliases.
   */
  shared: readonly SharedHay[];
}

export interface SearchIndex {
  readonly corpus: Corpus;
  /** @internal prepared records, in corpus.quotes order */
  readonly records: readonly Prepared[];
  /** @internal the documents fuse searches, one per record */
  readonly docs: readonly Doc[];
  /**
   * @internal fuse's index entry of each document, made on first use: a query hands fuse only
   * the records that can match, so most entries of a large corpus are never needed, and
   * building them all up front cost more than a search.
   */
  readonly entries: (FuseRecord | undefined)[];
  /**
   * @internal the parts of index entries that documents share, per key after the text (the
   * speaker's, the narratives', the topics' values are the same objects in every document of
   * that speaker or those tags), so that many entries hold one copy
   */
  readonly entryParts: EntryParts;
}

type FuseRecord = ReturnType<FuseIndex<Doc>['toJSON']>['records'][number];

/**
 * What quotes share — folded names, roles, labels, topics, and the arrays of them — is made once
 * per index build and shared by every record with the same speaker (narratives, topics,
 * article): on a large corpus most of prepare's work was refolding the same names, and the
 * per-record copies were about a third of a search worker's memory.
 */
/** The value for `key` in `map`, made by `make` the first time. */
function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

class SharedParts {
  private readonly withMap = new Map<string, Folded>();
  private readonly plain = new Map<string, string>();
  private readonly texts = new Map<readonly Folded[], string[]>();
  // keyed without building strings where a value is its own key: building a key per record was
  // garbage enough to show in the collector's time at 100,000 quotes
  readonly bySpeaker = new Map<string | null, { aliases: Folded[]; keys: string[] } & SharedHay>();
  readonly byNarratives = new ListMemo<{ labels: Folded[]; originals: string[]; keys: string[][] } & SharedHay>();
  readonly byTopics = new ListMemo<{ list: Folded[] } & SharedHay>();
  readonly byArticle = new Map<Article, { keys: string[]; title: Folded; outlet: string[] }>();
  folded(s: string): Folded {
    return memo(this.withMap, s, () => foldWithMap(s));
  }
  fold(s: string): string {
    return memo(this.plain, s, () => fold(s));
  }
  /** the folded texts of a shared list, as one shared array */
  textsOf(list: readonly Folded[]): string[] {
    return memo(this.texts, list, () => list.map((f) => f.text));
  }
}

/**
 * One value per distinct list of strings. Most quotes have no narratives or topics, or one: those
 * are keyed by the string itself, the rest by their JSON (any string may appear in data).
 */
class ListMemo<V> {
  private none: V | undefined;
  private readonly one = new Map<string, V>();
  private readonly many = new Map<string, V>();
  get(list: readonly string[], make: () => V): V {
    if (list.length === 0) return (this.none ??= make());
    if (list.length === 1) return memo(this.one, list[0]!, make);
    return memo(this.many, JSON.stringify(list), make);
  }
}

function prepare(corpus: Corpus, ref: QuoteRef, c: SharedParts): Prepared {
  const { quote, article } = ref;
  const speaker = quote.speaker ? (corpus.actorById.get(quote.speaker) ?? null) : null;
  const who = memo(c.bySpeaker, quote.speaker, () => {
    const aliases = speaker ? speaker.aliases.map((a) => c.folded(a)) : [];
    const name = speaker ? c.folded(speaker.name) : null;
    const role = speaker?.role ? c.folded(speaker.role) : null;
    return {
      aliases,
      keys: speaker ? [speaker.name, ...speaker.aliases, speaker.id].map((k) => c.fold(k)) : [],
      hay: joinHay([name, ...aliases, role]),
    };
  });
  const tags = c.byNarratives.get(quote.narratives, () => {
    const narratives = quote.narratives.map((id) => corpus.narrativeById.get(id));
    const labels = narratives.map((n, i) => c.folded(n?.label ?? quote.narratives[i]!));
    return {
      labels,
      originals: narratives.map((n, i) => n?.label ?? quote.narratives[i]!),
      keys: quote.narratives.map((id, i) => [c.fold(narratives[i]?.label ?? id), id]),
      hay: joinHay(labels),
    };
  });
  const topics = c.byTopics.get(quote.topics, () => {
    const list = quote.topics.map((t) => c.folded(t));
    return { list, hay: joinHay(list) };
  });
  const where = memo(c.byArticle, article, () => ({
    keys: [c.fold(article.title), article.id],
    title: c.folded(article.title),
    outlet: article.outlet ? [c.fold(article.outlet)] : [],
  }));
  return {
    ref,
    speaker,
    text: foldWithMap(quote.text),
    name: speaker ? c.folded(speaker.name) : null,
    aliases: who.aliases,
    role: speaker?.role ? c.folded(speaker.role) : null,
    narrativeLabels: tags.labels,
    narrativeOriginals: tags.originals,
    topics: topics.list,
    speakerKeys: who.keys,
    narrativeKeys: tags.keys,
    articleKeys: where.keys,
    outletKeys: where.outlet,
    date: quote.when?.date ?? article.published?.date ?? null,
    articleTitle: where.title,
    shared: [who, tags, topics].filter((part) => part.hay !== ''),
  };
}

/** Folded fields joined for the prefilter ('' when there are none). */
function joinHay(fields: readonly (Folded | null)[]): string {
  return fields.flatMap((f) => (f ? [f.text] : [])).join(FIELD_SEP);
}

function toDoc(r: Prepared, c: SharedParts): Doc {
  const doc: Doc = {
    text: r.text.text,
    aliases: c.textsOf(r.aliases),
    narratives: c.textsOf(r.narrativeLabels),
    topics: c.textsOf(r.topics),
  };
  if (r.name) doc.speaker = r.name.text;
  if (r.role) doc.role = r.role.text;
  return doc;
}

export function buildSearchIndex(corpus: Corpus): SearchIndex {
  const shared = new SharedParts();
  const records = corpus.quotes.map((ref) => prepare(corpus, ref, shared));
  const docs = records.map((r) => toDoc(r, shared));
  return { corpus, records, docs, entries: new Array(docs.length), entryParts: new EntryParts() };
}

/**
 * A search index that grows, a record at a time: a search worker that ranks from the index on
 * disk (disk-shard.ts) indexes only the hits it shows, as they come, for their highlight ranges.
 * One index for all of them, so that what they share (a speaker's fields, their index entry
 * parts, and the logical search's answers for those) is made once, as in a whole corpus's index.
 */
export class GrowingSearchIndex implements SearchIndex {
  readonly records: Prepared[] = [];
  readonly docs: Doc[] = [];
  readonly entries: (FuseRecord | undefined)[] = [];
  readonly entryParts = new EntryParts();
  private readonly shared = new SharedParts();
  /** `corpus`: its actors and narratives (by id) are those of every quote added; its quotes are not read */
  constructor(readonly corpus: Corpus) {}
  /** Indexes `ref`; returns its position in this index. */
  add(ref: QuoteRef): number {
    const r = prepare(this.corpus, ref, this.shared);
    this.records.push(r);
    this.docs.push(toDoc(r, this.shared));
    this.entries.push(undefined);
    return this.records.length - 1;
  }
}

/**
 * Lets the index forget the quotes' texts as written, for a search worker: after preparing, a
 * record is searched through its folded text, and its highlight ranges are mapped back through
 * the folding's own map (Folded), so the text as written serves only as a text match's `value`,
 * which the pool puts back from its own corpus (pool.ts toHit). Each quote's text becomes its
 * folded text and the original can be collected: at 100,000 quotes, a third of each worker's
 * memory.
 */
export function forgetQuoteTexts(index: SearchIndex): void {
  for (const r of index.records) (r.ref.quote as { text: string }).text = r.text.text;
}

/**
 * Finding and ranking hits, and their highlight ranges: fuse.js with its fuzzy-term matcher
 * answered without the bitap scan where the answer is certain (fuzzy-term.ts). The reference
 * search (exhaustive) uses fuse's plain options throughout.
 */
const FAST_SEARCH_OPTIONS = fastTermOptions(SEARCH_OPTIONS);
const FAST_RANKING_OPTIONS = {
  ...fastTermOptions(RANKING_OPTIONS),
  // rankQuotes returns its hits unsorted; its callers sort by (score, position), fuse's own order
  shouldSort: false,
};

const plainFuses = new WeakMap<SearchIndex, Fuse<Doc>>();
function plainFuse(index: SearchIndex): Fuse<Doc> {
  let f = plainFuses.get(index);
  if (!f) plainFuses.set(index, (f = new Fuse(index.docs as Doc[], RANKING_OPTIONS)));
  return f;
}

/** The keys as fuse's index stores them (the same for every document). */
const INDEX_KEYS = Fuse.createIndex(SEARCH_OPTIONS.keys, [], { fieldNormWeight: SEARCH_OPTIONS.fieldNormWeight }).toJSON().keys;

/** The document fields after the text, with the number fuse's index gives each (its key's position). */
const SHARED_FIELDS = SEARCH_OPTIONS.keys
  .map(({ name }, at) => ({ field: name as Exclude<keyof Doc, 'text'>, key: String(at) }))
  .filter(({ field }) => (field as keyof Doc) !== 'text');

/**
 * Makes the missing index entries among `positions`: for each document, what fuse's own indexer
 * would store (entryPart, tested against fuse's indexer), with only its position differing from a
 * full index's.
 *
 * fuse only reads entries, so the part made for a shared document field (see entryParts)
 * stands in for every equal one: one speaker's 8,000 aliases are made into a part once, not for
 * each of their 8,000 quotes (issue 18: quotes x aliases of memory at once). Before, fuse's
 * indexer made each pass's entries (Fuse.createIndex over the documents, shared fields left out
 * where already made): at a million quotes, 0.9 s of a search printing 111,195 hits.
 */
function ensureEntries(index: SearchIndex, positions: ArrayLike<number>): void {
  for (let k = 0; k < positions.length; k++) {
    const pos = positions[k]!;
    if (index.entries[pos]) continue;
    const doc = index.docs[pos]!;
    const $: Record<string, unknown> = {};
    const text = entryPart(doc.text);
    if (text !== null) $[TEXT_KEY] = text;
    // equal values are one string, or one shared array (SharedParts): one part each (EntryParts)
    const shared = index.entryParts.of(doc);
    for (const key of SHARED_KEY_NUMBERS) if (shared[key] !== undefined) $[key] = shared[key];
    index.entries[pos] = { i: pos, $ } as FuseRecord;
  }
}

/**
 * A fuse instance over some of the index's records only (positions ascending), sharing the
 * documents and the already-built index entries: no re-indexing. fuse scores each record from
 * its own entry alone, so a search over a subset returns exactly the hits of a full search that
 * fall in the subset, with the same scores. This is what lets the search pool work in chunks
 * and narrow a growing query to the previous query's matches.
 */
function subsetFuse(index: SearchIndex, within: ArrayLike<number>, options: IFuseOptions<Doc>): Fuse<Doc> {
  ensureEntries(index, within);
  const records: FuseRecord[] = new Array(within.length);
  for (let k = 0; k < within.length; k++) records[k] = index.entries[within[k]!]!;
  const sub = Fuse.parseIndex<Doc>({ keys: INDEX_KEYS, records }, { fieldNormWeight: SEARCH_OPTIONS.fieldNormWeight });
  return new Fuse(index.docs as Doc[], options, sub);
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

/** Separates fields in a record's `hay`; cannot occur in folded text a user types. */
export const FIELD_SEP = '\u0001';

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

/**
 * Whether a qualifier holds for a quote of this kind whose speaker, narratives and article have
 * these folded keys: the one place qualifiers are decided (the in-memory records and the disk
 * index both ask here).
 */
export function qualifierHolds(
  a: FieldAtom,
  kind: string,
  speakerKeys: readonly string[],
  narrativeKeys: readonly (readonly string[])[],
  articleKeys: readonly string[],
  outletKeys: readonly string[] = [],
  date: string | null = null,
): boolean {
  let hit: boolean;
  switch (a.field) {
    case 'outlet':
      hit = outletKeys.some((k) => matchOp(a.op, k, a.value));
      break;
    case 'date':
      hit = dateInRange(date, a.value);
      break;
    case 'kind':
      hit = kind === a.value;
      break;
    case 'speaker':
      hit = speakerKeys.some((k) => matchOp(a.op, k, a.value));
      break;
    case 'narrative':
      hit = narrativeKeys.some((keys) => keys.some((k) => matchOp(a.op, k, a.value)));
      break;
    case 'article':
      hit = articleKeys.some((k) => matchOp(a.op, k, a.value));
      break;
  }
  return a.negate ? !hit : hit;
}

/** Whether a free-text filter (a !negation) holds for a record with these folded searchable fields. */
export function textFilterHolds(a: TextAtom, fields: readonly string[]): boolean {
  const found = fields.some((s) => matchOp(a.op, s, a.value));
  return a.negate ? !found : found;
}

function atomHolds(r: Prepared, a: Atom): boolean {
  if (a.type === 'field') return qualifierHolds(a, r.ref.quote.kind, r.speakerKeys, r.narrativeKeys, r.articleKeys, r.outletKeys, r.date);
  return textFilterHolds(a, searchable(r));
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

/**
 * Highlights of at most this many elements of one list field (aliases, narratives, topics) per
 * hit. The score counts every element; a screen or a report shows a few. Without the bound one
 * speaker with 8,000 aliases matching the query made 8,000 highlights for each of their quotes:
 * quotes x aliases (issue 18).
 */
export const MAX_ELEMENT_HIGHLIGHTS = 32;

class MatchSet {
  private readonly byKey = new Map<string, FieldMatch>();
  /** the elements of each list field highlighted so far */
  private readonly elements = new Map<MatchField, Set<number>>();
  add(field: MatchField, value: string, ranges: [number, number][], refIndex?: number): void {
    if (!ranges.length) return;
    const key = `${field}\u0000${refIndex ?? ''}`;
    const m = this.byKey.get(key);
    if (m) {
      m.indices.push(...ranges);
      return;
    }
    if (refIndex !== undefined) {
      if (this.full(field, refIndex)) return;
      memo(this.elements, field, () => new Set<number>()).add(refIndex);
    }
    this.byKey.set(key, refIndex === undefined ? { field, indices: [...ranges], value } : { field, indices: [...ranges], refIndex, value });
  }
  /** true when no more elements of this list field are highlighted (and this one is not yet) */
  full(field: MatchField, refIndex: number): boolean {
    const seen = this.elements.get(field);
    return seen !== undefined && seen.size >= MAX_ELEMENT_HIGHLIGHTS && !seen.has(refIndex);
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

function fuseMatches(r: Prepared, lists: readonly (readonly FuseMatch[])[], dropSingles: boolean, set: MatchSet): void {
  for (const matches of lists) for (const m of matches) {
    const field = m.key as FuseField | undefined;
    if (m.refIndex !== undefined && field && set.full(field, m.refIndex)) continue;
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


export interface SearchOptions {
  limit?: number;
  /** search only these record positions (ascending indexes into corpus.quotes) */
  within?: ArrayLike<number>;
  /** skip the exact pruning and hand every record to fuse: the reference the benchmark checks against */
  exhaustive?: boolean;
}

/** A matching record's position in corpus.quotes and its score. */
export interface Scored {
  pos: number;
  score: number;
}

/** A query parsed once, for searching many chunks of records (the search pool does this). */
export interface CompiledQuery {
  parsed: ParsedQuery;
  filters: Atom[][];
  expr: Expression | null;
  mayMatch: RecordTest | null;
  dropSingles: boolean;
  /** the reference search: plain fuse.js over every document, no pruning */
  exhaustive: boolean;
  /** fuse's logical search for this query, made on first use (it remembers shared fields' matches) */
  ranking?: LogicalSearch;
  highlighting?: LogicalSearch;
}

/** In fuse's keys, the quote's text comes first; every later key holds values records share. */
const SHARED_FROM = 1;

export function compileQuery(query: string, opts: { exhaustive?: boolean } = {}): { ok: true; query: CompiledQuery } | { ok: false; error: string } {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const textAtoms = parsed.query.clauses.filter(isTextClause).flatMap((c) => c.atoms);
  return {
    ok: true,
    query: {
      parsed: parsed.query,
      filters: parsed.query.clauses.filter((c) => !isTextClause(c)).map((c) => c.atoms),
      expr: fuseExpression(parsed.query),
      mayMatch: opts.exhaustive ? null : textPrefilter(parsed.query, FIELD_SEP),
      exhaustive: opts.exhaustive === true,
      // 1-character highlight ranges inside a fuzzy match are noise, unless a term is one character
      dropSingles: !textAtoms.some((a) => a.value.length <= 1),
    },
  };
}

export const byScore = (x: Scored, y: Scored) => x.score - y.score || x.pos - y.pos;

/**
 * The best `limit` of `best` (sorted) and `more` (any order), sorted: only the hits of `more`
 * that beat the worst kept one are sorted in. A one-letter query matches nearly every record,
 * and sorting each chunk's every hit to keep fifty was a fair part of its time.
 */
export function keepBest(best: Scored[], more: readonly Scored[], limit: number): Scored[] {
  const worst = best.length >= limit ? best[limit - 1] : undefined;
  const better = worst === undefined ? more : more.filter((s) => byScore(s, worst) < 0);
  if (better.length === 0) return best;
  return best.concat(better).sort(byScore).slice(0, limit);
}

/**
 * Which records match and how well, in no particular order, without highlight ranges. Throws only if fuse
 * itself does (searchQuotes turns that into an error result).
 */
export function rankQuotes(index: SearchIndex, q: CompiledQuery, within?: ArrayLike<number>): Scored[] {
  const { records } = index;
  const scored: Scored[] = [];
  const visitAll = (f: (pos: number) => void) => {
    if (within) for (let k = 0; k < within.length; k++) f(within[k]!);
    else for (let pos = 0; pos < records.length; pos++) f(pos);
  };
  if (!q.expr) {
    visitAll((pos) => {
      if (filtersHold(records[pos]!, q.filters)) scored.push({ pos, score: 0 });
    });
    return scored;
  }
  if (q.exhaustive) {
    // The reference the benchmark and tests compare with: one plain fuse.js instance over every
    // document (built the ordinary way), then the qualifier filters.
    const only = within ? new Set(Array.from(within)) : null;
    for (const res of plainFuse(index).search(q.expr)) {
      if ((only === null || only.has(res.refIndex)) && filtersHold(records[res.refIndex]!, q.filters)) {
        scored.push({ pos: res.refIndex, score: res.score ?? 0 });
      }
    }
    return scored;
  }
  // Exact pruning before fuse: drop the records the filters exclude and those that provably
  // cannot match every term (prefilter.ts); fuse then scores only the rest. A subset search
  // returns exactly the full search's hits in that subset (see subsetFuse), so nothing changes
  // but the time.
  //
  // A candidate whose index entry exists is scored at once: the prefilter has just asked the
  // term's answer about its text, and the scoring's question is the same one, answered from the
  // term's memory (prefilter.ts termAnswer) instead of scanning the text again. The entries
  // missing are made in one pass for the rest, which are scored after (so hits come unsorted).
  const ranking = (q.ranking ??= new LogicalSearch(q.expr, FAST_RANKING_OPTIONS, SHARED_FROM));
  const { entries } = index;
  const late: number[] = [];
  visitAll((pos) => {
    const r = records[pos]!;
    if (!((q.mayMatch === null || q.mayMatch(r.text.text, r.shared)) && filtersHold(r, q.filters))) return;
    const entry = entries[pos];
    if (entry === undefined) {
      late.push(pos);
      return;
    }
    const score = ranking.score(entry);
    if (score >= 0) scored.push({ pos, score });
  });
  if (late.length === 0) return scored;
  ensureEntries(index, late);
  for (const pos of late) {
    const score = ranking.score(entries[pos]!);
    if (score >= 0) scored.push({ pos, score });
  }
  return scored;
}

/**
 * Scores documents of folded fields without records or a SearchIndex: the search index on disk
 * (disk-index.ts) ranks every candidate from the folded text it scans and the folded fields
 * quotes share, and reads the full records of the hits it prints only.
 *
 * The score is rankQuotes' for a record whose document (toDoc) is `doc`: the same logical search
 * (logical.ts, fuse's key weights), the same term answers, and the entry fuse's own indexer would
 * make — the text's part with fuse's own field norm, each shared part made by fuse's indexer once
 * per value (the same string or array object in every document that shares it, as SharedParts
 * makes them). Filters are not applied here: the caller has decided them.
 */
export class FoldedScorer {
  private readonly ranking: LogicalSearch | null;
  private readonly parts: readonly { field: Exclude<keyof Doc, 'text'>; key: string; made: Map<unknown, unknown> }[];
  private readonly entry: { $: Record<string, unknown> } = { $: {} };

  /**
   * `shared`: the shared parts made so far (EntryParts), when the caller keeps them from query to
   * query (they do not depend on the query); else they are made anew for this one.
   */
  constructor(q: CompiledQuery, shared: EntryParts = new EntryParts()) {
    this.ranking = q.expr ? (q.ranking ??= new LogicalSearch(q.expr, FAST_RANKING_OPTIONS, SHARED_FROM)) : null;
    this.parts = shared.parts;
  }

  /**
   * The score of `doc`, or -1 when it does not match the free terms (0 when the query has none).
   * `norm`, when given, is textNorm(doc.text), kept by the caller: counting a long text's words
   * for every candidate of every keystroke was a fifth of a search worker's ranking time.
   */
  score(doc: Doc, norm?: number): number {
    if (!this.ranking) return 0;
    const $: Record<string, unknown> = {};
    // fuse's indexer: a blank string makes no entry part
    const text = norm === undefined ? entryPart(doc.text) : norm < 0 ? null : { v: doc.text, n: norm };
    if (text !== null) $[TEXT_KEY] = text;
    for (const p of this.parts) {
      const value = doc[p.field];
      if (value === undefined) continue;
      let part = p.made.get(value);
      if (part === undefined) p.made.set(value, (part = entryPart(value)));
      if (part !== null) $[p.key] = part;
    }
    this.entry.$ = $;
    return this.ranking.score(this.entry);
  }

  /**
   * score(doc) for a document given as its own text (with textNorm(text), when known) and three
   * groups of its shared fields' parts (sharedParts of its speaker's fields, of its narratives, of
   * its topics; each group has keys the others have not), without making the document or its
   * entry: one entry is filled again for each quote (the logical search keeps no reference to
   * it, only to the shared parts). A search worker ranks tens of thousands of quotes a keystroke
   * this way; making a document and an entry for each was a sixth of its time.
   */
  scoreSplit(text: string, norm: number | undefined, a: SharedEntry, b: SharedEntry, c: SharedEntry): number {
    if (!this.ranking) return 0;
    const $ = this.split;
    const n = norm === undefined ? textNorm(text) : norm;
    if (n < 0) $[TEXT_KEY_NUMBER] = undefined;
    else {
      this.textPart.v = text;
      this.textPart.n = n;
      $[TEXT_KEY_NUMBER] = this.textPart;
    }
    for (const k of SHARED_KEY_NUMBERS) $[k] = a[k] ?? b[k] ?? c[k];
    this.entry.$ = $ as Record<string, unknown>;
    return this.ranking.score(this.entry);
  }
  private readonly split: Record<number, unknown> = {};
  private readonly textPart = { v: '', n: 0 };
}

/** A document's shared fields' entry parts by key (EntryParts.of). */
export type SharedEntry = readonly unknown[];

/**
 * The entry parts of documents' shared fields (speaker, aliases, role, narratives, topics), made
 * once per value (the same string or array object in every document that shares it) by fuse's
 * indexer's rules (entryPart). They do not depend on the query: a search worker keeps them for
 * its whole session, as the in-memory index keeps its entries (SearchIndex.entryParts).
 */
export class EntryParts {
  readonly parts = SHARED_FIELDS.map(({ field, key }) => ({ field, key, made: new Map<unknown, unknown>() }));

  /** The parts of the shared fields `doc` has (a field it leaves undefined: none), by key, for FoldedScorer.scoreSplit. */
  of(doc: Partial<Omit<Doc, 'text'>>): SharedEntry {
    const out: unknown[] = [];
    for (const p of this.parts) {
      const value = doc[p.field];
      if (value === undefined) continue;
      let part = p.made.get(value);
      if (part === undefined) p.made.set(value, (part = entryPart(value)));
      if (part !== null) out[Number(p.key)] = part;
    }
    return out;
  }
}

/**
 * What fuse's indexer (FuseIndex _createObjectRecord, fuse 7.5) stores for a value of a document:
 * a string, unless blank, as { v, n } with its field norm; an array of strings as the non-blank
 * ones, each { v, i, n } with its place in the array (an empty list when none). Made here rather
 * than by fuse's indexer per value (Fuse.createIndex for each new speaker, list of aliases or of
 * topics took a third of a million-quote search); a test compares the two on many documents.
 */
export function entryPart(value: string | readonly string[]): { v: string; n: number } | { v: string; i: number; n: number }[] | null {
  if (typeof value === 'string') return value.trim().length ? { v: value, n: fieldNorm.get(value) } : null;
  const out: { v: string; i: number; n: number }[] = [];
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v === 'string' && v.trim().length) out.push({ v, i, n: fieldNorm.get(v) });
  }
  return out;
}

/** fuse's field norm of a quote's text, as its index entry holds it (entryPart); -1 for a blank text (no entry part). */
export function textNorm(text: string): number {
  return text.trim().length ? fieldNorm.get(text) : -1;
}

/** The key fuse's index gives the quote's text (its position among the keys). */
const TEXT_KEY = String(SEARCH_OPTIONS.keys.findIndex((k) => k.name === 'text'));
const TEXT_KEY_NUMBER = Number(TEXT_KEY);
const SHARED_KEY_NUMBERS = SHARED_FIELDS.map(({ key }) => Number(key));

/**
 * fuse's own field norm (the one its indexer stores with each value: 1 / tokens^(weight / 2),
 * rounded to three places), taken from an index fuse makes, not rewritten here.
 */
const fieldNorm: { get(value: string): number } = (() => {
  const made = Fuse.createIndex(SEARCH_OPTIONS.keys, [], { fieldNormWeight: SEARCH_OPTIONS.fieldNormWeight }) as unknown as { norm?: { get?: unknown } };
  if (typeof made.norm?.get !== 'function') throw new Error('fuse.js no longer keeps its field norm where search.ts reads it (FoldedScorer)');
  return made.norm as { get(value: string): number };
})();

/**
 * Hits with highlight ranges, for the records that are shown only: fuse's match indices cost
 * time per record, and a screen shows a few dozen.
 */
export function highlightHits(index: SearchIndex, q: CompiledQuery, shown: readonly Scored[]): QuoteHit[] {
  const { records } = index;
  const hit = (pos: number, score: number, fuseMatchList: readonly (readonly FuseMatch[])[]): QuoteHit => {
    const r = records[pos]!;
    const set = new MatchSet();
    fuseMatches(r, fuseMatchList, q.dropSingles, set);
    qualifierMatches(r, q.filters, set);
    return { ref: r.ref, speaker: r.speaker, score, order: pos, matches: set.list() };
  };
  if (!q.expr || !shown.length) return shown.map(({ pos, score }) => hit(pos, score, []));
  const positions = shown.map((h) => h.pos).sort((x, y) => x - y);
  if (q.exhaustive) {
    const ranges = new Map<number, readonly FuseMatch[]>();
    for (const res of subsetFuse(index, positions, SEARCH_OPTIONS).search(q.expr)) ranges.set(res.refIndex, res.matches ?? []);
    return shown.map(({ pos, score }) => hit(pos, score, [ranges.get(pos) ?? []]));
  }
  ensureEntries(index, positions);
  const highlighting = (q.highlighting ??= new LogicalSearch(q.expr, FAST_SEARCH_OPTIONS, SHARED_FROM));
  return shown.map(({ pos, score }) => {
    const r = highlighting.evaluate(index.entries[pos]!);
    return hit(pos, score, r ? r.matches.map((segment) => segment.matches) : []);
  });
}

/**
 * Searches the quotes. An empty query returns every quote in corpus order (score 0). Never
 * throws: a query that cannot be understood returns `error` and no hits.
 */
export function searchQuotes(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchResult {
  const compiled = compileQuery(query, opts);
  if (!compiled.ok) return { hits: [], total: 0, error: compiled.error };
  const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : Infinity;
  let scored: Scored[];
  try {
    scored = rankQuotes(index, compiled.query, opts.within);
  } catch (err) {
    return { hits: [], total: 0, error: `cannot search for that: ${(err as Error).message}` };
  }
  scored.sort(byScore);
  const shown = limit === Infinity ? scored : scored.slice(0, limit);
  return { hits: highlightHits(index, compiled.query, shown), total: scored.length };
}
