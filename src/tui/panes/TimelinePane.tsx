/**
 * Timeline: the corpus's events in date order (undated last), each with its date as written and
 * as resolved, its actors, and its source sentence in its paragraph. A view.
 */
import React from 'react';
import { Box } from 'ink';
import type { Corpus, DatedEvent } from '../../core/corpus/corpus.js';
import { Lines } from '../theme.js';
import { listWindowLines } from '../components/ListWindow.js';
import { data, fit, pad, rule, ui, wrap, type Line } from '../lib/text.js';
import { actorNames, count, field, joined, spanInParagraph } from '../lib/format.js';
import { fixedListLayout } from '../lib/layout.js';

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

export interface TimelinePaneProps {
  corpus: Corpus;
  events: readonly DatedEvent[];
  selected: number;
  width: number;
  height: number;
  plain: boolean;
}

export function TimelinePane({ corpus, events, selected, width, height, plain }: TimelinePaneProps) {
  const { list, detail } = fixedListLayout(height, events.length);
  const dated = events.filter((e) => e.event.when.date).length;
  const status: Line = [
    ui(` ${count(events.length, 'event')} in date order`, 'dim'),
    ui(dated < events.length ? ` · ${events.length - dated} undated, last` : '', 'dim'),
    ui(events.some((e) => e.event.when.inferred) ? ' · ~ inferred date' : '', 'dim'),
  ];
  const rows = listWindowLines({
    count: events.length,
    selected,
    height: list,
    width,
    row: (i, cols) => eventRow(corpus, events[i]!, cols),
    empty: [[ui('  this corpus has no events', 'dim')]],
  });
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={[fit(status, width)]} height={1} />
      <Lines lines={rows} height={list} />
      {detail > 0 ? (
        <>
          <Lines lines={[rule(width)]} height={1} />
          <Lines lines={eventDetailLines(corpus, events[selected], width, detail, plain)} height={detail} />
        </>
      ) : null}
    </Box>
  );
}
