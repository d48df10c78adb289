/**
 * What every exporter reads: one small shape, built from a loaded Corpus today and from a study
 * (its codings, memos, narratives and tags) when there is one. Exporters never read files and
 * never reach past this type, so a new source of data needs only a new builder here.
 */
import type { Corpus, QuoteRef } from '../corpus/corpus.js';
import type { Actor, Article, Axis, Narrative, Position, TechniqueTag } from '../corpus/schema.js';
import type { StudyView } from '../study/apply.js';

/** A quote coded to one or more narratives (a QDA "coding"; a quote with no narrative is still exported as a quote). */
export interface CodedQuote extends QuoteRef {
  /** narrative ids, in the order given */
  narratives: string[];
}

/** An analyst's memo, attached to one thing or to the whole study. */
export interface Memo {
  id: string;
  title: string;
  text: string;
  about: { kind: 'study' | 'article' | 'narrative' | 'quote' | 'actor' | 'position'; id: string } | null;
  author?: string;
  /** ISO date-time */
  created?: string;
  /** a quote's note in the sources (the data's curator), not a memo the analyst wrote in the study */
  fromSources?: boolean;
}

export interface ExchangeInput {
  /** the study's (or corpus's) name: the QDA project's name, the STIX report's context, the report's title */
  title: string;
  articles: Article[];
  actors: Actor[];
  narratives: Narrative[];
  axes: Axis[];
  positions: Position[];
  /** every quote, in article then text order, with the narratives it is coded to */
  quotes: CodedQuote[];
  memos: Memo[];
  /** DISARM techniques the study as a whole is tagged with */
  techniques: TechniqueTag[];
  /** actor ids the study marks as threat actors (exported as STIX threat-actor, not only identity) */
  threatActors: string[];
  /** narrative id → colour (#rrggbb); narratives without one get the palette's */
  colours: Record<string, string>;
  /** when the export is made (ISO); fixed in tests so exports are byte-for-byte repeatable */
  now: string;
}

/**
 * Okabe & Ito's palette: eight colours told apart with any colour vision. Narratives take them in
 * order, so the same study always gets the same colours.
 */
export const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];

export function narrativeColour(input: Pick<ExchangeInput, 'narratives' | 'colours'>, narrativeId: string): string {
  const own = input.colours[narrativeId];
  if (own) return own;
  const i = input.narratives.findIndex((n) => n.id === narrativeId);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length]!;
}

export interface FromCorpusOptions {
  title?: string;
  now?: string;
}

/**
 * From a corpus alone: quotes are coded to the narratives they list; each quote's analyst note
 * becomes a memo on that quote.
 */
export function exchangeFromCorpus(corpus: Corpus, options: FromCorpusOptions = {}): ExchangeInput {
  const quotes = corpus.quotes.map((r) => ({ ...r, narratives: [...r.quote.narratives] }));
  const memos: Memo[] = corpus.quotes
    .filter((r) => r.quote.note)
    .map((r) => ({
      id: `memo-${r.quote.id}`,
      title: `Note on ${r.quote.id}`,
      text: r.quote.note!,
      about: { kind: 'quote', id: r.quote.id },
      fromSources: true,
    }));
  return {
    title: options.title ?? defaultTitle(corpus),
    articles: corpus.articles,
    actors: corpus.actors,
    narratives: corpus.narratives,
    axes: corpus.axes,
    positions: corpus.positions,
    quotes,
    memos,
    techniques: [],
    threatActors: [],
    colours: {},
    now: options.now ?? new Date().toISOString(),
  };
}

function defaultTitle(corpus: Corpus): string {
  if (corpus.articles.length === 1) return corpus.articles[0]!.title;
  return `narrative-lens corpus of ${corpus.articles.length} articles`;
}

/**
 * From a study: its sources with its edits applied (narratives, codings, corrections, positions),
 * its memos (each about what it was written on), its colours, its DISARM tags and threat actors.
 * The sources' own quote notes come along as memos too.
 */
export function exchangeFromStudy(view: StudyView, options: Omit<FromCorpusOptions, 'title'> = {}): ExchangeInput {
  const base = exchangeFromCorpus(view.corpus, { ...options, title: view.study.title });
  const memos: Memo[] = view.memos.map(({ memo, target }) => {
    const kind = memo.on.kind;
    return {
      id: memo.id,
      title: memoTitle(memo.text),
      text: memo.text,
      about: kind === 'study' ? null : { kind, id: target },
      author: memo.by,
      created: memo.at,
    };
  });
  const colours: Record<string, string> = {};
  for (const [id, extras] of view.narrativeExtras) if (extras.colour) colours[id] = extras.colour;
  return {
    ...base,
    memos: [...memos, ...base.memos],
    techniques: view.study.techniques,
    threatActors: view.study.threatActors.filter((id) => view.corpus.actorById.has(id)),
    colours,
  };
}

/** A memo's name for tools that list memos by name: its first words. */
function memoTitle(text: string): string {
  const line = text.trim().split('\n')[0]!;
  return line.length > 60 ? `${line.slice(0, 59).replace(/\s+\S*$/, '')}…` : line;
}
