/**
 * What a report shows, computed once for both renderers (HTML and Markdown): the comparison with
 * every cell's evidence, the timeline, who advances which narrative how often, and every quote
 * cited with the paragraph it stands in.
 */
import { compareNarratives, type Comparison, type Mark } from '../../compare.js';
import { articleParagraphs, makeCorpus, timeline, type Corpus, type DatedEvent, type QuoteRef } from '../../corpus/corpus.js';
import type { Actor, Article, Narrative } from '../../corpus/schema.js';
import { paragraphAt, type Paragraph } from '../../corpus/text.js';
import { resolveTags } from '../disarm/index.js';
import { narrativeColour, type CodedQuote, type ExchangeInput, type Memo } from '../input.js';
import type { Axis, Position } from '../../corpus/schema.js';

/** Marks in words, as the comparison grid spells them (never colour alone). */
export const MARK_WORDS: Record<Mark, string> = {
  agree: 'agrees',
  conflict: 'conflicts',
  contested: 'contested',
  unverified: 'unverified',
  silent: 'silent',
};

export const MARK_MEANING: Record<Mark, string> = {
  agree: 'takes the same stance as another narrative in the comparison',
  conflict: 'takes a different stance from another narrative in the comparison',
  contested: 'the claim is disputed (by whom is named)',
  unverified: 'the claim cannot be verified (who says so is named)',
  silent: 'the narrative takes no position on this question',
};

export interface Citation {
  quote: CodedQuote;
  speaker: Actor | null;
  article: Article;
  paragraph: Paragraph;
  /** anchors in the report */
  anchor: string;
  paragraphAnchor: string;
}

export interface AdvanceCount {
  actor: Actor;
  /** per narrative id, the number of the actor's quotes coded to it */
  counts: Map<string, number>;
  total: number;
}

/**
 * The memos, each where it belongs: a quote's with the quote in its paragraph (and the quote is
 * cited for it), a narrative's under the narrative, a position's in its comparison cell (or under
 * its narrative when the comparison leaves that column out), an article's under the article; the
 * study's own and those on actors (the report has no place per actor) in a section of their own.
 */
export interface ReportMemos {
  quote: Map<string, Memo[]>;
  narrative: Map<string, Memo[]>;
  /** by position id: shown in the comparison cell */
  position: Map<string, Memo[]>;
  /** by narrative id: memos on positions whose cell is not in the comparison */
  positionElsewhere: Map<string, { position: Position; axis: Axis | undefined; memos: Memo[] }[]>;
  article: Map<string, Memo[]>;
  study: Memo[];
  actors: { actor: Actor; memos: Memo[] }[];
}

/** Who wrote a memo and when ("Memo by ana, 2026-01-14"), or that it is the sources' own note. */
export function memoByline(m: Memo): string {
  if (m.fromSources) return 'Note in the sources';
  return `Memo${m.author ? ` by ${m.author}` : ''}${m.created ? `, ${m.created.slice(0, 10)}` : ''}`;
}

export interface ReportModel {
  title: string;
  generated: string;
  articles: Article[];
  narratives: { narrative: Narrative; colour: string; techniques: ReturnType<typeof resolveTags> }[];
  comparison: Comparison;
  /** evidence of each cell, by position id, strongest first */
  evidence: Map<string, Citation[]>;
  timeline: (DatedEvent & { paragraph: Paragraph; paragraphAnchor: string })[];
  advances: AdvanceCount[];
  citations: Citation[];
  /** per article, the paragraphs that hold at least one cited quote, in order, with those quotes */
  contexts: { article: Article; paragraphs: { paragraph: Paragraph; anchor: string; quotes: Citation[] }[] }[];
  memos: ReportMemos;
}

export interface ReportOptions {
  /** narrative ids to compare, in column order; default every narrative with a position */
  compare?: string[];
}

const slugPart = (s: string) => s.replace(/[^a-z0-9_-]/gi, '-');
export const quoteAnchor = (q: { id: string }) => `q-${slugPart(q.id)}`;
export const paragraphAnchor = (a: Article, p: Paragraph) => `p-${slugPart(a.id)}-${p.number}`;

/** The lookups compareNarratives needs, over the input's own objects (citations compare articles by identity). */
export function corpusOf(input: ExchangeInput): Corpus {
  return makeCorpus({ articles: input.articles, actors: input.actors, narratives: input.narratives, axes: input.axes, positions: input.positions, files: [] });
}

export function buildReport(input: ExchangeInput, options: ReportOptions = {}): ReportModel {
  const corpus = corpusOf(input);
  const withPosition = new Set(input.positions.map((p) => p.narrative));
  const chosen = options.compare?.length ? options.compare : input.narratives.filter((n) => withPosition.has(n.id)).map((n) => n.id);
  const comparison = compareNarratives(corpus, chosen);
  const actorById = new Map(input.actors.map((a) => [a.id, a]));
  const refById = new Map(input.quotes.map((r) => [r.quote.id, r]));

  const citationOf = new Map<string, Citation>();
  const cite = (r: QuoteRef | CodedQuote): Citation => {
    let c = citationOf.get(r.quote.id);
    if (!c) {
      const coded = refById.get(r.quote.id) ?? { ...r, narratives: r.quote.narratives };
      const paragraph = paragraphAt(articleParagraphs(r.article), r.quote.span.start) ?? { number: 1, start: 0, end: 0, text: r.article.text };
      c = {
        quote: coded,
        speaker: r.quote.speaker ? (actorById.get(r.quote.speaker) ?? null) : null,
        article: r.article,
        paragraph,
        anchor: quoteAnchor(r.quote),
        paragraphAnchor: paragraphAnchor(r.article, paragraph),
      };
      citationOf.set(r.quote.id, c);
    }
    return c;
  };

  const evidence = new Map<string, Citation[]>();
  for (const row of comparison.rows) {
    for (const cell of row.cells) {
      if (!cell.position) continue;
      evidence.set(
        cell.position.id,
        cell.position.evidence.map((id) => corpus.quoteById.get(id)).filter((r): r is QuoteRef => !!r).map(cite),
      );
    }
  }
  // every coded quote is cited in the sources section, so every link has a target
  for (const r of input.quotes) if (r.narratives.length) cite(r);
  const memos = placeMemos(input, comparison, (id) => {
    // a quote the analyst wrote a memo on is cited for it, coded or not (the sources' own notes show only with quotes cited anyway)
    const r = refById.get(id);
    if (r) cite(r);
  });

  const events = timeline(corpus).map((e) => {
    const paragraph = paragraphAt(articleParagraphs(e.article), e.event.span.start) ?? { number: 1, start: 0, end: 0, text: '' };
    return { ...e, paragraph, paragraphAnchor: paragraphAnchor(e.article, paragraph) };
  });

  const byActor = new Map<string, AdvanceCount>();
  for (const r of input.quotes) {
    const actor = r.quote.speaker ? actorById.get(r.quote.speaker) : undefined;
    if (!actor || !r.narratives.length) continue;
    const a = byActor.get(actor.id) ?? { actor, counts: new Map<string, number>(), total: 0 };
    for (const n of r.narratives) a.counts.set(n, (a.counts.get(n) ?? 0) + 1);
    a.total += r.narratives.length;
    byActor.set(actor.id, a);
  }
  const advances = [...byActor.values()].sort((a, b) => b.total - a.total || a.actor.name.localeCompare(b.actor.name));

  const citations = [...citationOf.values()].sort(
    (a, b) => input.articles.indexOf(a.article) - input.articles.indexOf(b.article) || a.quote.quote.span.start - b.quote.quote.span.start,
  );
  // the paragraphs the timeline points at are shown in context too
  const contexts = input.articles
    .map((article) => {
      const paras = new Map<number, { paragraph: Paragraph; anchor: string; quotes: Citation[] }>();
      const at = (p: Paragraph) => {
        let e = paras.get(p.number);
        if (!e) paras.set(p.number, (e = { paragraph: p, anchor: paragraphAnchor(article, p), quotes: [] }));
        return e;
      };
      for (const c of citations) if (c.article === article) at(c.paragraph).quotes.push(c);
      for (const e of events) if (e.article === article) at(e.paragraph);
      return { article, paragraphs: [...paras.values()].sort((a, b) => a.paragraph.number - b.paragraph.number) };
    })
    .filter((c) => c.paragraphs.length || memos.article.has(c.article.id));

  return {
    title: input.title,
    generated: input.now,
    articles: input.articles,
    narratives: input.narratives.map((narrative) => ({ narrative, colour: narrativeColour(input, narrative.id), techniques: resolveTags(narrative.techniques) })),
    comparison,
    evidence,
    timeline: events,
    advances,
    citations,
    contexts,
    memos,
  };
}

function placeMemos(input: ExchangeInput, comparison: Comparison, citeQuote: (id: string) => void): ReportMemos {
  const out: ReportMemos = { quote: new Map(), narrative: new Map(), position: new Map(), positionElsewhere: new Map(), article: new Map(), study: [], actors: [] };
  const add = (map: Map<string, Memo[]>, id: string, m: Memo) => map.set(id, [...(map.get(id) ?? []), m]);
  const shown = new Set(comparison.rows.flatMap((row) => row.cells.map((c) => c.position?.id).filter((id): id is string => !!id)));
  const positionById = new Map(input.positions.map((p) => [p.id, p]));
  const axisById = new Map(input.axes.map((a) => [a.id, a]));
  const actorById = new Map(input.actors.map((a) => [a.id, a]));
  const quoteIds = new Set(input.quotes.map((r) => r.quote.id));
  const onActor = new Map<string, Memo[]>();
  for (const m of input.memos) {
    const about = m.about;
    if (!about || about.kind === 'study') out.study.push(m);
    else if (about.kind === 'quote') {
      if (!quoteIds.has(about.id)) continue;
      add(out.quote, about.id, m);
      if (!m.fromSources) citeQuote(about.id);
    } else if (about.kind === 'narrative') add(out.narrative, about.id, m);
    else if (about.kind === 'article') add(out.article, about.id, m);
    else if (about.kind === 'actor') {
      if (actorById.has(about.id)) add(onActor, about.id, m);
    } else {
      const p = positionById.get(about.id);
      if (!p) continue;
      if (shown.has(p.id)) add(out.position, p.id, m);
      else {
        const list = out.positionElsewhere.get(p.narrative) ?? [];
        const entry = list.find((e) => e.position.id === p.id);
        if (entry) entry.memos.push(m);
        else list.push({ position: p, axis: axisById.get(p.axis), memos: [m] });
        out.positionElsewhere.set(p.narrative, list);
      }
    }
  }
  out.actors = [...onActor].map(([id, memos]) => ({ actor: actorById.get(id)!, memos })).sort((a, b) => a.actor.name.localeCompare(b.actor.name));
  return out;
}
