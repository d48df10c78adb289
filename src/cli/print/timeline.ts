/** Events in date order, in every format. */
import type { Corpus, DatedEvent } from '../../core/corpus/corpus.js';
import { inert } from '../../core/sanitize.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output } from './output.js';
import { EVENT_CSV_HEADER, eventCsvRow, eventRecord, type EventRecord } from './records.js';

/** After a date in a column: inferred, as the dashboard's timeline marks it (the reason is given beside). */
const INFERRED_MARK = '~';

function dateText(r: EventRecord): string {
  return r.when.date ?? 'undated';
}

function writtenText(r: EventRecord): string {
  const parts: string[] = [];
  if (r.when.text) parts.push(`“${r.when.text}”`);
  if (r.when.inferred) parts.push(`inferred${r.when.reason ? `: ${r.when.reason}` : ''}`);
  return parts.join(', ');
}

export function renderTimeline(corpus: Corpus, events: readonly DatedEvent[], out: Output): Promise<void> {
  const recs = events.map((e) => eventRecord(corpus, e));
  const where = (r: EventRecord) => {
    const para = r.paragraph === null ? '' : `¶${r.paragraph}`;
    return corpus.articles.length > 1 ? `${para} · ${corpus.articleById.get(r.article)?.title ?? r.article}` : para;
  };
  return emit(out, {
    json: () => recs,
    csv: () => ({ header: EVENT_CSV_HEADER, rows: recs.map(eventCsvRow) }),
    markdown: () =>
      mdTable(
        ['Date', 'Event', 'As written', 'Actors', 'Source'],
        recs.map((r) => [
          md(dateText(r)) + (r.when.inferred ? ' (inferred)' : ''),
          // the event's source sentence is the article's words about it, not anyone's quote: no quotation marks
          `**${md(r.label)}**<br>${md(r.text)}`,
          md(writtenText(r)),
          r.actors.map((a) => md(a.name)).join(', '),
          md(where(r)),
        ]),
      ),
    text: async () => {
      const { table } = await import('./text.js');
      const { style } = out;
      const rows = recs.map((r) => {
        const meta = [writtenText(r), r.actors.map((a) => a.name).join(', '), where(r)].filter(Boolean).join(' · ');
        const body = `${style.bold(inert(r.label))}\n${inert(r.text)}${meta ? '\n' + style.dim(inert(meta)) : ''}`;
        const date = r.when.inferred ? `${inert(dateText(r))}${INFERRED_MARK}` : inert(dateText(r));
        return [date, body];
      });
      const legend = recs.some((r) => r.when.inferred) ? style.dim(`${INFERRED_MARK} date inferred (reason given)`) + '\n' : '';
      return table(rows, [{ max: 11 }, {}], out.width) + legend;
    },
  });
}
