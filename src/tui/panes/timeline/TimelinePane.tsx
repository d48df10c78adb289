/**
 * Timeline: the corpus's events in date order (undated last), each with its date as written and
 * as resolved, its actors, and its source sentence in its paragraph. A view.
 */
import React from 'react';
import { Box } from 'ink';
import type { Corpus, DatedEvent } from '../../../core/corpus/corpus.js';
import { Lines, useTheme } from '../../theme.js';
import { listWindowLines, position } from '../../lib/list-window.js';
import { fit, rule, ui, type Line } from '../../lib/text.js';
import { count } from '../../lib/format.js';
import { fixedListLayout } from '../../lib/layout.js';
import { eventDetailLines, eventRow } from './view-model.js';

export interface TimelinePaneProps {
  corpus: Corpus;
  events: readonly DatedEvent[];
  selected: number;
  width: number;
  height: number;
}

export function TimelinePane({ corpus, events, selected, width, height }: TimelinePaneProps) {
  const { plain } = useTheme();
  const { list, detail } = fixedListLayout(height, events.length);
  const dated = events.filter((e) => e.event.when.date).length;
  const status: Line = [
    ui(` ${count(events.length, 'event')} in date order`, 'dim'),
    ui(dated < events.length ? ` · ${events.length - dated} undated, last` : '', 'dim'),
    ui(events.some((e) => e.event.when.inferred) ? ' · ~ inferred date' : '', 'dim'),
    ui(events.length ? `  ${position(selected, events.length)}` : '', 'dim'),
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
