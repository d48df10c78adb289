/**
 * An event opened whole: its date as written and resolved (inferred, and why), its source
 * sentence in its paragraph, every actor (links to profiles) and the quotes it holds or that
 * share its paragraph. Pure.
 */
import type { Corpus } from '../../../core/corpus/corpus.js';
import { articleParagraphs } from '../../../core/corpus/corpus.js';
import { paragraphAt } from '../../../core/corpus/text.js';
import { DocBuilder, type DocView } from '../../lib/doc.js';
import { data, rule, ui, wrap } from '../../lib/text.js';
import { quoteMarks, spanInParagraph } from '../../lib/format.js';

/** The event with this id, and its article. */
export function findEvent(corpus: Corpus, id: string) {
  for (const article of corpus.articles) {
    const event = article.events.find((e) => e.id === id);
    if (event) return { event, article };
  }
  return undefined;
}

/** The quotes of an event: those inside its span, else those in its paragraph. */
export function eventQuotes(corpus: Corpus, id: string) {
  const found = findEvent(corpus, id);
  if (!found) return [];
  const { event, article } = found;
  const quotes = corpus.quotes.filter((r) => r.article === article);
  const inside = quotes.filter((r) => r.quote.span.start < event.span.end && r.quote.span.end > event.span.start);
  if (inside.length) return inside;
  const para = paragraphAt(articleParagraphs(article), event.span.start);
  return para ? quotes.filter((r) => r.quote.span.start >= para.start && r.quote.span.start < para.end) : [];
}

export function eventView(corpus: Corpus, id: string, cols: number, cursor: number, plain: boolean): DocView {
  const doc = new DocBuilder(cols, cursor);
  const found = findEvent(corpus, id);
  if (!found) return doc.push([ui('this event is not in the corpus', 'dim')]).done();
  const { event, article } = found;
  const w = event.when;
  doc.push(...wrap([data(event.label, 'title')], cols));
  doc.push(
    ...wrap(
      [
        ui('when: ', 'label'),
        data(w.text ?? 'not given in the text'),
        ui(' → ', 'dim'),
        w.date ? data(w.date, 'accent') : ui('unresolved', 'dim'),
        ...(w.inferred ? [ui(' (inferred', 'warn'), ...(w.reason ? [ui(': ', 'dim'), data(w.reason, 'dim')] : []), ui(')', 'warn')] : []),
      ],
      cols,
    ),
  );
  const span = spanInParagraph(article, event.span, cols, Number.MAX_SAFE_INTEGER, plain);
  doc.push(...span.lines, [ui(`  ¶${span.paragraph} `, 'accent'), data(article.title, 'dim')]);
  doc.push(rule(cols, `Actors (${event.actors.length})`));
  if (!event.actors.length) doc.push([ui('  no actor is named for this event', 'dim')]);
  for (const a of event.actors) {
    const actor = corpus.actorById.get(a);
    doc.item({ kind: 'actor', id: a }, [data(actor?.name ?? a, 'bold'), ...(actor?.role ? [ui(' · ', 'dim'), data(actor.role, 'dim')] : [])]);
  }
  const quotes = eventQuotes(corpus, id);
  doc.push(rule(cols, `Quotes (${quotes.length})`));
  if (!quotes.length) doc.push([ui('  none in its paragraph', 'dim')]);
  for (const r of quotes) {
    const [open, close] = quoteMarks(r.quote.kind);
    const who = r.quote.speaker ? (corpus.actorById.get(r.quote.speaker)?.name ?? r.quote.speaker) : 'term';
    doc.item({ kind: 'quote', id: r.quote.id }, [data(who, 'accent'), ui('  '), ...(r.quote.kind === 'indirect' ? [ui('reported: ', 'dim')] : []), ui(open), data(r.quote.text), ui(close)]);
  }
  return doc.done();
}
