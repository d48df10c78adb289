/**
 * The Timeline's view model: an event's row, and the selected event with its date as written and
 * resolved, its actors and its source sentence in its paragraph. Pure.
 */
import type { Corpus, DatedEvent } from '../../../core/corpus/corpus.js';
import { data, fit, pad, ui, wrap, type Line } from '../../lib/text.js';
import { actorNames, field, joined, spanInParagraph } from '../../lib/format.js';

export function eventRow(corpus: Corpus, { event }: DatedEvent, cols: number): Line {
  const dw = 11;
  const ww = Math.max(8, Math.min(20, Math.floor(cols * 0.2)));
  const actors = actorNames(corpus, event.actors);
  return [
    // "~" marks a date the text does not state outright
    ...pad([event.when.date ? data(event.when.date, 'accent') : ui('undated', 'dim'), ui(event.when.inferred && event.when.date ? '~' : '', 'warn')], dw),
    ui('  '),
    ...pad([data(event.when.text ?? '', 'dim')], ww),
    ui('  '),
    ...fit([data(event.label), ...(actors ? [ui('  '), data(actors, 'dim')] : [])], Math.max(1, cols - dw - ww - 4)),
  ];
}

export function eventDetailLines(corpus: Corpus, item: DatedEvent | undefined, cols: number, height: number, plain: boolean): Line[] {
  if (!item || height <= 0) return [];
  const { event, article } = item;
  const w = event.when;
  const when: Line = [
    ui('when: ', 'label'),
    data(w.text ?? 'not given in the text'),
    ui(' → ', 'dim'),
    w.date ? data(w.date, 'accent') : ui('unresolved', 'dim'),
    ...(w.inferred ? [ui(' inferred', 'warn'), ...(w.reason ? [ui(': ', 'dim'), data(w.reason, 'dim')] : [])] : []),
  ];
  const head: Line[] = [[data(event.label, 'title')], ...wrap(when, cols).slice(0, 2)];
  if (event.actors.length) head.push(field('actors', actorNames(corpus, event.actors)));
  const paraLines = Math.max(1, height - head.length - 1);
  const span = spanInParagraph(article, event.span, cols, paraLines, plain);
  const source: Line = joined([[ui(`¶${span.paragraph}`, 'accent')], [data(article.title)], article.draft ? [ui('DRAFT', 'warn')] : []]);
  return [...head, ...span.lines, source].slice(0, height).map((l) => fit(l, cols));
}
