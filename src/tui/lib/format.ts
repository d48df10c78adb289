/**
 * Shared formatting of data for the panes: dates, names, a span shown in its paragraph.
 * Pure; returns inert, width-fitted lines (see text.ts).
 */
import type { Article, Quote, Span, When } from '../../core/corpus/schema.js';
import type { Corpus } from '../../core/corpus/corpus.js';
import { articleOffsets, articleParagraphs } from '../../core/corpus/corpus.js';
import { paragraphAt } from '../../core/corpus/text.js';
import { count as coreCount } from '../../core/count.js';
import { data, fit, ui, wrap, type Line, type Seg } from './text.js';

/** "On Tuesday (2026-01-13, inferred)"; '' when there is no date at all. */
export function formatWhen(when: When | null | undefined): string {
  if (!when || (!when.text && !when.date)) return '';
  const inferred = when.inferred ? ', inferred' : '';
  if (when.text && when.date) return `${when.text} (${when.date}${inferred})`;
  if (when.text) return `${when.text} (date unresolved)`;
  return `${when.date}${when.inferred ? ' (inferred)' : ''}`;
}

export function actorName(corpus: Corpus, id: string | null): string {
  if (id === null) return '';
  return corpus.actorById.get(id)?.name ?? id;
}

export function actorNames(corpus: Corpus, ids: readonly string[]): string {
  return ids.map((id) => actorName(corpus, id)).join(', ');
}

/** The quote marks a kind of quote is shown in. */
export function quoteMarks(kind: 'direct' | 'indirect' | 'term'): [string, string] {
  return kind === 'direct' ? ['“', '”'] : kind === 'term' ? ['‘', '’'] : ['', ''];
}

/** "label: value" as segments, the value from data. */
export function field(label: string, value: string): Seg[] {
  return [ui(`${label}: `, 'label'), data(value)];
}

/** Segments joined by a separator. */
export function joined(parts: readonly (readonly Seg[])[], sep = ' · '): Seg[] {
  const out: Seg[] = [];
  parts.forEach((p, i) => {
    if (p.length === 0) return;
    if (out.length && i > 0) out.push(ui(sep, 'dim'));
    out.push(...p);
  });
  return out;
}

export interface SpanView {
  lines: Line[];
  /** lines the whole paragraph takes at this width */
  total: number;
  /** 1-based paragraph number */
  paragraph: number;
}

/**
 * The paragraph that holds `span`, wrapped to `cols`, the span highlighted (and, without
 * colour, between » and «), cut to at most `maxLines` lines around the span; "…" marks a cut.
 */
export function spanInParagraph(article: Article, span: Span, cols: number, maxLines: number, plain: boolean): SpanView {
  const paras = articleParagraphs(article);
  const para = paragraphAt(paras, span.start);
  if (!para || maxLines <= 0) return { lines: [], total: 0, paragraph: para?.number ?? 0 };
  const map = articleOffsets(article);
  const base = map.toUnit(para.start);
  const a = Math.max(0, map.toUnit(span.start) - base);
  const b = Math.min(para.text.length, map.toUnit(span.end) - base);
  const segs: Seg[] = [data(para.text.slice(0, a))];
  if (plain) segs.push(ui('»', 'span'));
  segs.push(data(para.text.slice(a, b), 'span'));
  if (plain) segs.push(ui('«', 'span'));
  segs.push(data(para.text.slice(b)));
  const indent = 2;
  const wrapped = wrap(segs, Math.max(4, cols - indent));
  const first = Math.max(0, wrapped.findIndex((l) => l.some((s) => s.style === 'span')));
  let start = 0;
  if (wrapped.length > maxLines) {
    start = Math.min(Math.max(0, first - 1), wrapped.length - maxLines);
  }
  const shown = wrapped.slice(start, start + maxLines);
  const lines = shown.map((l, i) => {
    const cutBefore = i === 0 && start > 0;
    const cutAfter = i === shown.length - 1 && start + maxLines < wrapped.length;
    return fit([ui(cutBefore ? '… ' : '  ', 'dim'), ...l, ...(cutAfter ? [ui(' …', 'dim')] : [])], cols);
  });
  return { lines, total: wrapped.length, paragraph: para.number };
}

/**
 * Plural: "1 quote", "3 quotes", "1,000,000 quotes" (core/count.ts). Grouped like the command
 * line's counts: at a million quotes the tab bar's "1000000 quotes" had to be counted by eye.
 */
export function count(n: number, one: string, many = `${one}s`): string {
  return coreCount(n, one, many);
}

/** A number as the dashboard shows counts: grouped in thousands ("12,500"). */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * One line of the paragraph around a span, the span highlighted (and, without colour, between
 * » and «) and kept in view: for mentions and silences.
 */
export function spanSnippet(article: Article, span: Span, cols: number, plain: boolean): Seg[] {
  const paras = articleParagraphs(article);
  const para = paragraphAt(paras, span.start);
  if (!para) return [];
  const map = articleOffsets(article);
  const base = map.toUnit(para.start);
  const a = Math.max(0, map.toUnit(span.start) - base);
  const b = Math.min(para.text.length, map.toUnit(span.end) - base);
  const segs: Seg[] = [data(para.text.slice(0, a), 'dim')];
  if (plain) segs.push(ui('»', 'span'));
  segs.push(data(para.text.slice(a, b), 'span'));
  if (plain) segs.push(ui('«', 'span'));
  segs.push(data(para.text.slice(b), 'dim'));
  return fit(segs, cols, { focus: 'span' });
}

/**
 * A quote shown whole for a detail view: a head line (speaker, kind, channel, date) and below
 * it its paragraph in full, the quote highlighted, then where it is (¶, article, outlet).
 */
export function quoteBlock(corpus: Corpus, ref: { quote: Quote; article: Article }, cols: number, plain: boolean): { head: Line; body: Line[] } {
  const { quote, article } = ref;
  const speaker = quote.speaker ? (corpus.actorById.get(quote.speaker)?.name ?? quote.speaker) : null;
  const head = joined([
    speaker ? [data(speaker, 'bold')] : [ui('term', 'bold'), ui(' (nobody is quoted as saying it)', 'dim')],
    [ui(quote.kind === 'indirect' ? 'reported' : quote.kind, 'dim')],
    quote.channel ? [data(quote.channel)] : [],
    quote.when ? [data(formatWhen(quote.when), 'dim')] : [],
  ]);
  const span = spanInParagraph(article, quote.span, cols, Number.MAX_SAFE_INTEGER, plain);
  const source = joined([[ui(`¶${span.paragraph}`, 'accent')], [data(article.title, 'dim')], article.outlet ? [data(article.outlet, 'dim')] : []]);
  return { head, body: [...span.lines, [ui('  '), ...source]] };
}
