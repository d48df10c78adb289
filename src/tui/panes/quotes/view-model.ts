/**
 * The Quotes pane's view model: a result row, the selected quote in its paragraph with its
 * speaker, date, source and narratives. Pure: lines in, lines out.
 */
import type { Corpus } from '../../../core/corpus/corpus.js';
import { LOW_CONFIDENCE } from '../../../core/corpus/confidence.js';
import type { QuoteHit, FieldMatch } from '../../../core/search/search.js';
import { data, fit, highlight, pad, ui, width, type Line, type Seg } from '../../lib/text.js';
import { field, formatWhen, joined, quoteMarks, spanInParagraph } from '../../lib/format.js';

function ranges(matches: readonly FieldMatch[], f: FieldMatch['field']): [number, number][] {
  return matches.filter((m) => m.field === f).flatMap((m) => m.indices);
}

export function speakerColumn(cols: number): number {
  return Math.max(8, Math.min(22, Math.floor(cols * 0.25)));
}

/** The fields a hit matched through when its text did not match: shown, so a row is not a puzzle. */
export function matchedVia(hit: QuoteHit): string[] {
  if (!hit.matches.length || hit.matches.some((m) => m.field === 'text')) return [];
  const names: Record<string, string> = { narratives: 'narrative', topics: 'topic', aliases: 'alias' };
  return [...new Set(hit.matches.map((m) => names[m.field] ?? m.field))];
}

/** Where a row stands among nested quotes: inside the row above it, or holding some below it. */
export interface RowNesting {
  inner: boolean;
  holds: number;
}

/**
 * A result row: speaker, then the quote in the marks of its kind. A quote nested in the one
 * above it is indented under it (↳); the one it sits in says how many it holds (+2 nested).
 */
export function quoteRow(hit: QuoteHit, cols: number, nest: RowNesting = { inner: false, holds: 0 }, showVia = true): Line {
  const sw = speakerColumn(cols);
  const name: Seg[] = hit.speaker
    ? highlight(hit.speaker.name, ranges(hit.matches, 'speaker'))
    : [ui('(term)', 'dim')];
  const who: Seg[] = nest.inner ? [ui('  ↳ ', 'dim'), ...name] : name;
  const holds: Seg[] = nest.holds ? [ui(` +${nest.holds} nested`, 'dim')] : [];
  const { quote } = hit.ref;
  const [open, close] = quoteMarks(quote.kind);
  const via = showVia ? matchedVia(hit) : [];
  const text: Seg[] = [...(via.length ? [ui(`via ${via.join(', ')}: `, 'accent')] : []), ui(open), ...highlight(quote.text, ranges(hit.matches, 'text')), ui(close)];
  const room = Math.max(1, cols - sw - 2 - width(holds));
  return [...pad(who, sw), ui('  '), ...fit(text, room, { focus: 'match' }), ...holds];
}

/** A memo as the quote's detail shows it: its text, who wrote it and when (the study's). */
export interface MemoLine {
  text: string;
  by: string;
  at: string;
}

/**
 * "memo: TEXT — by, date" for each memo on the quote; when there are more than there is room
 * for, the last line says how many more and which key lists them all.
 */
function memoLines(memos: readonly MemoLine[], room: number, allKey: string): Line[] {
  if (!memos.length || room <= 0) return [];
  const line = (m: MemoLine): Line => [ui('memo: ', 'label'), data(m.text), ui(` — ${m.by}, ${m.at.slice(0, 10)}`, 'dim')];
  if (memos.length <= room) return memos.map(line);
  const shown = memos.slice(0, Math.max(0, room - 1)).map(line);
  return [...shown, [ui(`memos: ${memos.length - shown.length} more (${memos.length} in all) · ${allKey} lists them`, 'dim')]];
}

export function quoteDetailLines(corpus: Corpus, hit: QuoteHit | undefined, cols: number, height: number, plain: boolean, memos: readonly MemoLine[] = [], allKey = 'O'): Line[] {
  if (!hit || height <= 0) return [];
  const { quote, article } = hit.ref;
  const speaker = hit.speaker;
  const meta = joined([
    speaker ? [data(speaker.name, 'title')] : [ui('term', 'title'), ui(' (nobody is quoted as saying it)', 'dim')],
    speaker?.role ? [data(speaker.role)] : [],
    [ui(quote.kind, 'dim')],
    quote.channel ? [data(quote.channel)] : [],
    quote.when ? [data(formatWhen(quote.when))] : [],
  ]);
  const source = (para: number): Line =>
    joined([
      [ui(`¶${para}`, 'accent')],
      article.draft ? [ui('DRAFT', 'warn')] : [],
      quote.attribution
        ? [
            ui('extractor: ', 'dim'),
            data(quote.attribution.rule, 'dim'),
            ui(`, ${Math.round(quote.attribution.confidence * 100)}% sure`, 'dim'),
            ...(quote.attribution.confidence < LOW_CONFIDENCE ? [ui(' · unsure: check the speaker', 'warn')] : []),
          ]
        : [],
      [data(article.title)],
      article.outlet ? [data(article.outlet, 'dim')] : [],
    ]);
  const narratives = quote.narratives.map((id) => corpus.narrativeById.get(id)?.label ?? id);
  const tail: Line[] = [];
  if (narratives.length) tail.push(field('narratives', narratives.join(' · ')));
  if (quote.topics.length) tail.push(field('topics', quote.topics.join(', ')));
  if (quote.note) tail.push(field('note', quote.note));
  // the study's memos on it come first after the narratives: they are the analyst's own words
  tail.splice(narratives.length ? 1 : 0, 0, ...memoLines(memos, Math.max(1, height - 5), allKey));
  // meta and source always; then the paragraph (up to 3 lines, or all of it when there is
  // room), then narratives, memos, topics and note, then more paragraph
  const room = Math.max(1, height - 2);
  const needed = spanInParagraph(article, quote.span, cols, room, plain).total;
  const first = Math.min(needed, 3, room);
  const tailShown = tail.slice(0, Math.max(0, room - first));
  const span = spanInParagraph(article, quote.span, cols, Math.max(1, room - tailShown.length), plain);
  const lines: Line[] = [meta, ...span.lines, source(span.paragraph), ...tailShown];
  return lines.slice(0, height).map((l) => fit(l, cols));
}
