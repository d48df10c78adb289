/**
 * The reader's view model: an article whole, every span in it marked by kind (a tag before it,
 * and a style), the selected span in focus (highlighted; between » and « without colour), and
 * the article's title, outlet, date, URL and source, each inferred one saying so and why. Pure.
 */
import type { Article } from '../../../core/corpus/schema.js';
import type { Corpus } from '../../../core/corpus/corpus.js';
import { articleOffsets, articleParagraphs } from '../../../core/corpus/corpus.js';
import type { Link } from '../../lib/doc.js';
import { data, fit, ui, wrap, wrapMax, type Line, type Seg, type Style } from '../../lib/text.js';
import { count, formatWhen, joined } from '../../lib/format.js';

export type SpanKind = 'direct' | 'indirect' | 'term' | 'mention' | 'silence' | 'event';

export const SPAN_KINDS: Record<SpanKind, { tag: string; name: string; style: Style }> = {
  direct: { tag: 'q', name: 'direct quote', style: 'good' },
  indirect: { tag: 'r', name: 'reported speech', style: 'accent' },
  term: { tag: 't', name: 'term', style: 'warn' },
  mention: { tag: 'm', name: 'mention', style: 'bold' },
  silence: { tag: 's', name: 'silence', style: 'bad' },
  event: { tag: 'e', name: 'event', style: 'label' },
};

export interface ReaderSpan {
  kind: SpanKind;
  /** code-point offsets into the article text */
  start: number;
  end: number;
  /** who or what: the speaker, the actor, the event */
  who: string;
  /** where Enter leads */
  link: Link;
}

/** Every span of an article in text order (an enclosing span before the spans inside it). */
export function readerSpans(corpus: Corpus, article: Article): ReaderSpan[] {
  const name = (id: string | null) => (id ? (corpus.actorById.get(id)?.name ?? id) : 'nobody (a term)');
  const spans: ReaderSpan[] = [
    ...article.quotes.map((q): ReaderSpan => ({ kind: q.kind, ...q.span, who: name(q.speaker), link: { kind: 'quote', id: q.id } })),
    ...article.mentions.map((m): ReaderSpan => ({ kind: 'mention', ...m.span, who: name(m.actor), link: { kind: 'actor', id: m.actor } })),
    ...article.silences.map((s): ReaderSpan => ({ kind: 'silence', ...s.span, who: `${name(s.actor)}, silent about ${s.about}`, link: { kind: 'actor', id: s.actor } })),
    ...article.events.map((e): ReaderSpan => ({ kind: 'event', ...e.span, who: e.label, link: { kind: 'event', id: e.id } })),
  ];
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The index of the span that best stands for [start, end): the same span, else the first holding start. */
export function spanIndex(spans: readonly ReaderSpan[], start: number, end: number, kind?: SpanKind): number {
  const exact = spans.findIndex((s) => s.start === start && s.end === end && (!kind || s.kind === kind));
  if (exact >= 0) return exact;
  const holding = spans.findIndex((s) => s.start <= start && s.end > start);
  if (holding >= 0) return holding;
  return Math.max(0, spans.findIndex((s) => s.start >= start));
}

export interface ReaderView {
  /** title and metadata, pinned at the top */
  header: Line[];
  /** how many of the header's lines are the title */
  titleLines: number;
  /** where the focus is: "span 3 of 45 · direct quote · Mariya Zakharova · ¶6" */
  status: Line;
  /** the focused quote's note (nesting, paraphrase, what a term refers to), whole */
  note: Line[];
  /** the text, wrapped, every paragraph numbered */
  lines: Line[];
  /** the line on which the focused span starts */
  focusLine: number;
  spans: ReaderSpan[];
}

function inferredNote(inferred: boolean, reason?: string): Seg[] {
  return inferred ? [ui(' (inferred', 'warn'), ...(reason ? [ui(': ', 'dim'), data(reason, 'dim')] : []), ui(')', 'warn')] : [];
}

export function readerView(corpus: Corpus, article: Article, focus: number, cols: number, plain: boolean): ReaderView {
  const spans = readerSpans(corpus, article);
  const focused = spans[focus];
  const header: Line[] = [];
  header.push(...wrapMax([data(article.title, 'title'), ...(article.titleInferred ? [ui(' (title inferred from the text)', 'warn')] : []), ...(article.draft ? [ui(' DRAFT', 'warn')] : [])], cols, 2));
  const titleLines = header.length;
  const pub = article.published;
  header.push(
    ...wrapMax(
      joined([
        [ui('outlet: ', 'label'), article.outlet ? data(article.outlet) : ui('not given', 'dim')],
        [ui('date: ', 'label'), ...(pub && (pub.text || pub.date) ? [data(formatWhen({ ...pub, inferred: false })), ...inferredNote(pub.inferred, pub.reason)] : [ui('not given', 'dim')])],
      ]),
      cols,
      3,
    ),
  );
  header.push(fit(joined([[ui('url: ', 'label'), article.url ? data(article.url) : ui('not given', 'dim')], article.source ? [ui('file: ', 'label'), data(article.source, 'dim')] : []]), cols));
  const legend: Line = [
    ...(Object.keys(SPAN_KINDS) as SpanKind[]).flatMap((k, i) => [...(i ? [ui(' ')] : []), ui(`‹${SPAN_KINDS[k].tag}›`, 'dim'), ui(` ${SPAN_KINDS[k].name}`, SPAN_KINDS[k].style)]),
  ];
  header.push(fit(legend, cols));

  const paras = articleParagraphs(article);
  const para = focused ? paras.find((p) => focused.start >= p.start && focused.start < p.end) : undefined;
  const status: Line = focused
    ? joined([
        [ui(`span ${focus + 1} of ${spans.length}`, 'dim')],
        [ui(SPAN_KINDS[focused.kind].name, SPAN_KINDS[focused.kind].style)],
        [data(focused.who, 'bold')],
        para ? [ui(`¶${para.number}`, 'accent')] : [],
        [ui('enter opens it', 'dim')],
      ])
    : [ui(spans.length ? 'no span selected' : `no spans marked in this article (${count(paras.length, 'paragraph')})`, 'dim')];

  const map = articleOffsets(article);
  const gutter = String(paras.length).length + 2;
  const lines: Line[] = [];
  for (const p of paras) {
    const wrapped = wrap(markParagraph(p, spans, focused, map, plain), Math.max(4, cols - gutter));
    wrapped.forEach((l, i) => lines.push(fit([ui(i === 0 ? `¶${p.number}`.padEnd(gutter) : ' '.repeat(gutter), 'accent'), ...l], cols)));
    lines.push([]);
  }
  // only the focused span is drawn in the 'span' style: its first line is where the focus is
  const focusLine = Math.max(0, lines.findIndex((l) => l.some((s) => s.style === 'span')));
  const quote = focused?.link.kind === 'quote' ? article.quotes.find((q) => focused.link.kind === 'quote' && q.id === focused.link.id) : undefined;
  const note = quote?.note ? wrap([ui('note: ', 'label'), data(quote.note)], cols) : [];
  return { header, titleLines, status, note, lines, focusLine, spans };
}

type Paragraph = ReturnType<typeof articleParagraphs>[number];

/** A paragraph's text as segments: a tag before each span, each character styled by the innermost span. */
function markParagraph(p: Paragraph, spans: readonly ReaderSpan[], focused: ReaderSpan | undefined, map: ReturnType<typeof articleOffsets>, plain: boolean): Seg[] {
  const inside = spans.filter((s) => s.start < p.end && s.end > p.start);
  const base = map.toUnit(p.start);
  const unit = (cp: number) => Math.max(0, Math.min(p.text.length, map.toUnit(cp) - base));
  // boundaries in UTF-16 units within the paragraph
  const cuts = new Set<number>([0, p.text.length]);
  for (const s of inside) {
    cuts.add(unit(s.start));
    cuts.add(unit(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Seg[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    for (const s of inside) {
      if (unit(s.start) !== a || s.start < p.start) continue;
      const isFocus = s === focused;
      out.push(ui(`‹${SPAN_KINDS[s.kind].tag}›`, isFocus ? 'span' : 'dim'));
      if (isFocus && plain) out.push(ui('»', 'span'));
    }
    // the innermost span covering this piece decides its style; the focused one wins
    const covering = inside.filter((s) => unit(s.start) <= a && unit(s.end) >= b);
    const style: Style | undefined = focused && covering.includes(focused) ? 'span' : covering.length ? SPAN_KINDS[covering[covering.length - 1]!.kind].style : undefined;
    out.push(data(p.text.slice(a, b), style));
    if (focused && plain && unit(focused.end) === b && focused.end <= p.end && covering.includes(focused)) out.push(ui('«', 'span'));
  }
  return out;
}
