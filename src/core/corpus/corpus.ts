/**
 * A loaded, validated corpus: the union of one or more corpus files, with the lookups every
 * shell needs. Built only by load.ts (which guarantees every reference resolves), so code that
 * reads a Corpus may use the `!` lookups without re-checking.
 */
import type { Actor, Article, Axis, Narrative, Position, Quote, Event, Silence, Mention } from './schema.js';
import { OffsetMap, paragraphs, type Paragraph } from './text.js';

export interface QuoteRef {
  quote: Quote;
  article: Article;
  /**
   * The 1-based paragraph that holds the quote, when the reader knows it without the article's
   * text (the search index on disk stores it; its articles carry no text). Otherwise computed
   * from the article.
   */
  paragraph?: number | null;
}

export interface Corpus {
  articles: Article[];
  actors: Actor[];
  narratives: Narrative[];
  axes: Axis[];
  positions: Position[];
  /** every quote of every article, in article order then text order */
  quotes: QuoteRef[];
  /** the files the corpus was read from, in load order */
  files: string[];
  actorById: Map<string, Actor>;
  articleById: Map<string, Article>;
  narrativeById: Map<string, Narrative>;
  axisById: Map<string, Axis>;
  quoteById: Map<string, QuoteRef>;
}

export interface CorpusParts {
  articles: Article[];
  actors: Actor[];
  narratives: Narrative[];
  axes: Axis[];
  positions: Position[];
  files: string[];
}

const byStart = (a: { span: { start: number } }, b: { span: { start: number } }) => a.span.start - b.span.start;

export function makeCorpus(parts: CorpusParts): Corpus {
  const quotes: QuoteRef[] = [];
  for (const article of parts.articles) {
    const q = article.quotes;
    const sorted = q.every((x, i) => i === 0 || q[i - 1]!.span.start <= x.span.start) ? q : [...q].sort(byStart);
    for (const quote of sorted) quotes.push({ quote, article });
  }
  const corpus = {
    ...parts,
    quotes,
    actorById: byId(parts.actors, (a) => a.id),
    articleById: byId(parts.articles, (a) => a.id),
    narrativeById: byId(parts.narratives, (n) => n.id),
    axisById: byId(parts.axes, (x) => x.id),
  } as Corpus;
  // Built when first asked for: a dashboard that only searches never looks a quote up by id,
  // and at a million quotes the map takes about 30 MB. Once built it is a plain value.
  Object.defineProperty(corpus, 'quoteById', {
    get(this: Corpus) {
      const map = byId(quotes, (r) => r.quote.id);
      Object.defineProperty(this, 'quoteById', { value: map, writable: true, enumerable: true, configurable: true });
      return map;
    },
    set(this: Corpus, map: Map<string, QuoteRef>) {
      Object.defineProperty(this, 'quoteById', { value: map, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
  return corpus;
}

/** A map by id, without the [id, value] pair per item that new Map(items.map(…)) makes first. */
function byId<T>(items: readonly T[], id: (x: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of items) map.set(id(x), x);
  return map;
}

// ---- derived views, shared by the dashboard and the command line ----

const paragraphCache = new WeakMap<Article, Paragraph[]>();
const offsetCache = new WeakMap<Article, OffsetMap>();

export function articleParagraphs(article: Article): Paragraph[] {
  let p = paragraphCache.get(article);
  if (!p) paragraphCache.set(article, (p = paragraphs(article.text)));
  return p;
}

export function articleOffsets(article: Article): OffsetMap {
  let m = offsetCache.get(article);
  if (!m) offsetCache.set(article, (m = new OffsetMap(article.text)));
  return m;
}

export interface ActorRecord {
  actor: Actor;
  quotes: QuoteRef[];
  mentions: { mention: Mention; article: Article }[];
  silences: { silence: Silence; article: Article }[];
  /** narratives the actor is a proponent of, or that their quotes support */
  narratives: Narrative[];
}

/**
 * The actors in the one order both shells list them: most quoted first, then by name (actors
 * who say nothing are still listed: they are mentioned). With each one's number of quotes.
 */
export function actorsInOrder(corpus: Corpus): { actors: Actor[]; quotes: Map<string, number> } {
  const quotes = new Map<string, number>();
  for (const { quote } of corpus.quotes) if (quote.speaker) quotes.set(quote.speaker, (quotes.get(quote.speaker) ?? 0) + 1);
  const actors = [...corpus.actors].sort((x, y) => (quotes.get(y.id) ?? 0) - (quotes.get(x.id) ?? 0) || x.name.localeCompare(y.name));
  return { actors, quotes };
}

export function actorRecord(corpus: Corpus, actorId: string): ActorRecord | undefined {
  const actor = corpus.actorById.get(actorId);
  if (!actor) return undefined;
  const quotes = corpus.quotes.filter((r) => r.quote.speaker === actorId);
  const mentions = corpus.articles.flatMap((article) =>
    article.mentions.filter((m) => m.actor === actorId).map((mention) => ({ mention, article })),
  );
  const silences = corpus.articles.flatMap((article) =>
    article.silences.filter((s) => s.actor === actorId).map((silence) => ({ silence, article })),
  );
  const narrativeIds = new Set<string>();
  for (const n of corpus.narratives) if (n.proponents.includes(actorId)) narrativeIds.add(n.id);
  for (const r of quotes) for (const n of r.quote.narratives) narrativeIds.add(n);
  const narratives = corpus.narratives.filter((n) => narrativeIds.has(n.id));
  return { actor, quotes, mentions, silences, narratives };
}

export interface DatedEvent {
  event: Event;
  article: Article;
}

/** Events of every article in date order; undated events last, each group in text order. */
export function timeline(corpus: Corpus): DatedEvent[] {
  const all = corpus.articles.flatMap((article) => article.events.map((event) => ({ event, article })));
  return all.sort((a, b) => {
    const da = a.event.when.date;
    const db = b.event.when.date;
    if (da && db && da !== db) return da < db ? -1 : 1;
    if (da && !db) return -1;
    if (!da && db) return 1;
    return a.event.span.start - b.event.span.start;
  });
}
