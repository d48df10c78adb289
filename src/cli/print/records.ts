/**
 * Plain records for JSON, NDJSON and CSV: what a script needs, with ids to join on. The JSON
 * shapes are documented in `narrative-lens <command> --help` and are part of the interface.
 */
import { articleParagraphs, type Corpus, type QuoteRef, type DatedEvent } from '../../core/corpus/corpus.js';
import { OffsetMap, paragraphAt } from '../../core/corpus/text.js';
import type { Actor, Narrative, When } from '../../core/corpus/schema.js';
import type { FieldMatch, QuoteHit } from '../../core/search/search.js';
import type { Cell } from './csv.js';

export function paragraphOf(ref: { article: QuoteRef['article'] }, start: number): number | null {
  return paragraphAt(articleParagraphs(ref.article), start)?.number ?? null;
}

/** The paragraph of a quote: as the reader gave it (the disk index), else from its article. */
export function quoteParagraph(ref: QuoteRef): number | null {
  return ref.paragraph !== undefined ? ref.paragraph : paragraphOf(ref, ref.quote.span.start);
}

const OPENING_MARKS = '“"‘\'«„‚‹「『';
const CLOSING_MARKS = '”"’\'»“‘›」』';
const offsetMaps = new WeakMap<object, OffsetMap>();

/**
 * The quotation marks to show a quote in: none for reported speech (paraphrase is never put in
 * quotation marks); for a direct quote or a term, the marks the source used around it (‘…’ for a
 * term quoted inside a quote), else “…” when the text is not at hand.
 */
export function quoteMarks(ref: QuoteRef): [string, string] | null {
  if (ref.quote.kind === 'indirect') return null;
  const text = ref.article.text;
  if (text) {
    let map = offsetMaps.get(ref.article);
    if (!map) offsetMaps.set(ref.article, (map = new OffsetMap(text)));
    const before = text[map.toUnit(ref.quote.span.start) - 1];
    const after = text[map.toUnit(ref.quote.span.end)];
    if (before && after && OPENING_MARKS.includes(before) && CLOSING_MARKS.includes(after)) return [before, after];
  }
  return ['“', '”'];
}

/** A quote's text as shown in prose: in its source's marks, or bare when it is paraphrase. */
export function quoted(ref: QuoteRef, text: string = ref.quote.text): string {
  const marks = quoteMarks(ref);
  return marks ? `${marks[0]}${text}${marks[1]}` : text;
}

export interface QuoteRecord {
  id: string;
  kind: string;
  text: string;
  /** actor id, null for a term nobody is quoted as saying */
  speaker: string | null;
  speakerName: string | null;
  article: string;
  articleTitle: string;
  /** 1-based paragraph of the article that holds the quote */
  paragraph: number | null;
  /** code-point offsets into the article text, end exclusive */
  span: { start: number; end: number };
  channel: string | null;
  when: When | null;
  narratives: string[];
  topics: string[];
  score?: number;
  matches?: { field: FieldMatch['field']; refIndex?: number; indices: [number, number][] }[];
}

export function quoteRecord(corpus: Corpus, ref: QuoteRef, hit?: QuoteHit): QuoteRecord {
  const { quote, article } = ref;
  const speaker = quote.speaker ? corpus.actorById.get(quote.speaker) : undefined;
  const rec: QuoteRecord = {
    id: quote.id,
    kind: quote.kind,
    text: quote.text,
    speaker: quote.speaker,
    speakerName: speaker?.name ?? null,
    article: article.id,
    articleTitle: article.title,
    paragraph: quoteParagraph(ref),
    span: { start: quote.span.start, end: quote.span.end },
    channel: quote.channel,
    when: quote.when,
    narratives: quote.narratives,
    topics: quote.topics,
  };
  if (hit) {
    rec.score = hit.score;
    rec.matches = hit.matches.map((m) => (m.refIndex === undefined ? { field: m.field, indices: m.indices } : { field: m.field, refIndex: m.refIndex, indices: m.indices }));
  }
  return rec;
}

export const QUOTE_CSV_HEADER = [
  'id', 'kind', 'speaker_id', 'speaker', 'text', 'article_id', 'article', 'paragraph', 'span_start', 'span_end',
  'date', 'date_inferred', 'as_written', 'channel', 'narratives', 'topics', 'score',
] as const;

export function quoteCsvRow(r: QuoteRecord): Cell[] {
  return [
    r.id, r.kind, r.speaker, r.speakerName, r.text, r.article, r.articleTitle, r.paragraph, r.span.start, r.span.end,
    r.when?.date ?? null, r.when ? r.when.inferred : null, r.when?.text ?? null, r.channel, r.narratives.join('; '), r.topics.join('; '), r.score,
  ];
}

export interface ActorRecord {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  role: string | null;
  affiliation: string | null;
  country: string | null;
  alignment: Actor['alignment'];
  profile: string;
  quotes: number;
}

export function actorRecord(a: Actor, quoteCount: number): ActorRecord {
  return {
    id: a.id,
    name: a.name,
    aliases: a.aliases,
    kind: a.kind,
    role: a.role,
    affiliation: a.affiliation,
    country: a.country,
    alignment: a.alignment,
    profile: a.profile,
    quotes: quoteCount,
  };
}

export const ACTOR_CSV_HEADER = ['id', 'name', 'aliases', 'kind', 'role', 'affiliation', 'country', 'alignment', 'alignment_inferred', 'quotes'] as const;

export function actorCsvRow(r: ActorRecord): Cell[] {
  return [r.id, r.name, r.aliases.join('; '), r.kind, r.role, r.affiliation, r.country, r.alignment?.label ?? null, r.alignment ? r.alignment.inferred : null, r.quotes];
}

export interface NarrativeRecord {
  id: string;
  label: string;
  summary: string;
  proponents: { id: string; name: string }[];
  keyTerms: string[];
  positions: { id: string; axis: string; question: string; stance: string; summary: string; status: string; evidence: string[] }[];
  quotes: number;
}

export function narrativeRecord(corpus: Corpus, n: Narrative): NarrativeRecord {
  return {
    id: n.id,
    label: n.label,
    summary: n.summary,
    proponents: n.proponents.map((id) => ({ id, name: corpus.actorById.get(id)?.name ?? id })),
    keyTerms: n.keyTerms,
    positions: corpus.positions
      .filter((p) => p.narrative === n.id)
      .map((p) => ({
        id: p.id,
        axis: p.axis,
        question: corpus.axisById.get(p.axis)?.question ?? p.axis,
        stance: p.stance,
        summary: p.summary,
        status: p.status,
        evidence: p.evidence,
      })),
    quotes: corpus.quotes.filter((r) => r.quote.narratives.includes(n.id)).length,
  };
}

export const NARRATIVE_CSV_HEADER = ['id', 'label', 'summary', 'proponents', 'key_terms', 'positions', 'quotes'] as const;

export function narrativeCsvRow(r: NarrativeRecord): Cell[] {
  return [r.id, r.label, r.summary, r.proponents.map((p) => p.name).join('; '), r.keyTerms.join('; '), r.positions.length, r.quotes];
}

export interface EventRecord {
  id: string;
  label: string;
  when: When;
  text: string;
  article: string;
  paragraph: number | null;
  span: { start: number; end: number };
  actors: { id: string; name: string }[];
}

export function eventRecord(corpus: Corpus, d: DatedEvent): EventRecord {
  const { event, article } = d;
  return {
    id: event.id,
    label: event.label,
    when: event.when,
    text: event.text,
    article: article.id,
    paragraph: paragraphOf(d, event.span.start),
    span: { start: event.span.start, end: event.span.end },
    actors: event.actors.map((id) => ({ id, name: corpus.actorById.get(id)?.name ?? id })),
  };
}

export const EVENT_CSV_HEADER = ['id', 'date', 'date_inferred', 'as_written', 'label', 'text', 'actors', 'article_id', 'paragraph'] as const;

export function eventCsvRow(r: EventRecord): Cell[] {
  return [r.id, r.when.date, r.when.inferred, r.when.text, r.label, r.text, r.actors.map((a) => a.name).join('; '), r.article, r.paragraph];
}
