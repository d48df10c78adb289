/** Quotes (search results, an actor's quotes) in every format. */
import type { Corpus, QuoteRef } from '../../core/corpus/corpus.js';
import type { QuoteHit } from '../../core/search/search.js';
import { inert } from '../../core/sanitize.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output, type Printed } from './output.js';
import { QUOTE_CSV_HEADER, quoteCsvRow, quoteMarks, quoteRecord, quoteParagraph } from './records.js';

export interface QuoteList {
  corpus: Corpus;
  /** text: leave out the speaker column (an actor's own profile) */
  hideSpeaker?: boolean;
  /** search hits (with scores and matches), or plain quotes */
  items: (QuoteHit | QuoteRef)[];
}

const isHit = (x: QuoteHit | QuoteRef): x is QuoteHit => 'ref' in x;
const refOf = (x: QuoteHit | QuoteRef): QuoteRef => (isHit(x) ? x.ref : x);

/** Where a quote is: ¶6, plus the article title when the corpus has several articles. */
function source(corpus: Corpus, ref: QuoteRef): string {
  const p = quoteParagraph(ref);
  const para = p === null ? '' : `¶${p}`;
  return corpus.articles.length > 1 ? `${para} · ${ref.article.title}` : para;
}

/** The quotes in each format (an actor's profile prints them inside its own). */
export function quotesPrinted(list: QuoteList, out: Output): Printed {
  const { corpus, items } = list;
  const records = () => items.map((x) => quoteRecord(corpus, refOf(x), isHit(x) ? x : undefined));
  return {
    json: records,
    csv: () => ({ header: QUOTE_CSV_HEADER, rows: records().map(quoteCsvRow) }),
    markdown: () => {
      const rows = items.map((x) => {
        const ref = refOf(x);
        const speaker = ref.quote.speaker ? corpus.actorById.get(ref.quote.speaker)?.name ?? ref.quote.speaker : '—';
        const marks = quoteMarks(ref);
        const text = marks ? `${marks[0]}${md(ref.quote.text)}${marks[1]}` : md(ref.quote.text);
        return [md(speaker), md(ref.quote.kind), text, `${md(source(corpus, ref))} \`${md(ref.quote.id)}\``];
      });
      return mdTable(['Speaker', 'Kind', 'Quote', 'Source'], rows);
    },
    text: async () => {
      const { table, highlight } = await import('./text.js');
      const { style } = out;
      const rows = items.map((x) => {
        const ref = refOf(x);
        const hit = isHit(x) ? x : undefined;
        const speaker = ref.quote.speaker ? corpus.actorById.get(ref.quote.speaker) : undefined;
        const name = speaker ? highlight(speaker.name, hit?.matches.find((m) => m.field === 'speaker'), style) : style.dim('(term)');
        const text = highlight(ref.quote.text, hit?.matches.find((m) => m.field === 'text'), style);
        const row = [style.bold(name), ref.quote.kind, `${text} ${style.dim(inert(source(corpus, ref)))}`];
        return list.hideSpeaker ? row.slice(1) : row;
      });
      const specs = [{ max: 24 }, { max: 8 }, {}];
      return table(rows, list.hideSpeaker ? specs.slice(1) : specs, out.width);
    },
  };
}

export function renderQuotes(list: QuoteList, out: Output): Promise<void> {
  return emit(out, quotesPrinted(list, out));
}
