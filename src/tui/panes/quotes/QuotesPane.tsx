/**
 * Quotes: the search box, the result window, and the selected quote in its paragraph.
 * A view: it receives the search results and the selection; keys and state live elsewhere.
 */
import React from 'react';
import { Box } from 'ink';
import type { Corpus } from '../../../core/corpus/corpus.js';
import type { QuoteHit } from '../../../core/search/search.js';
import { Lines, useTheme } from '../../theme.js';
import { SearchLine } from '../../components/SearchLine.js';
import { listWindowLines } from '../../lib/list-window.js';
import { data, rule, ui, type Line } from '../../lib/text.js';
import { listLayout } from '../../lib/layout.js';
import { quoteDetailLines, quoteRow } from './view-model.js';
import type { QuoteSort } from './state.js';
import { position } from '../../lib/list-window.js';

export interface QuotesPaneProps {
  corpus: Corpus;
  query: string;
  focused: boolean;
  hits: readonly QuoteHit[];
  /** how many quotes match (may exceed hits.length when the results are capped) */
  total: number;
  error?: string | undefined;
  pending?: boolean;
  selected: number;
  /** the order of the results (said when it is not relevance) */
  sort: QuoteSort;
  width: number;
  height: number;
}

export function QuotesPane(props: QuotesPaneProps) {
  const { corpus, hits, selected, width, height } = props;
  const { plain } = useTheme();
  const { list, detail } = listLayout(height);
  const all = corpus.quotes.length;
  const counted =
    props.pending && hits.length === 0
      ? 'searching…'
      : props.query
        ? `${props.total} of ${all} quotes${props.pending ? ', searching…' : ''}`
        : `${all} quotes`;
  const status = `${counted}${hits.length ? `  ${position(selected, hits.length)}` : ''}${props.sort !== 'relevance' ? ` · by ${props.sort}` : ''}`;
  const empty: Line[] = props.pending
    ? [[ui('  searching…', 'dim')]]
    : props.query
    ? [[ui('  no quote matches ', 'dim'), data(props.query, 'bold')], [ui('  esc clears the search; ? shows the syntax', 'dim')]]
    : [[ui('  this corpus has no quotes', 'dim')]];
  const rows = listWindowLines({
    count: hits.length,
    selected,
    height: list,
    width,
    row: (i, cols) => quoteRow(hits[i]!, cols),
    empty,
  });
  const current = hits[selected];
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <SearchLine
        text={props.query}
        focused={props.focused}
        placeholder="search quotes, speakers, narratives, topics"
        status={status}
        error={props.error}
        width={width}
      />
      <Lines lines={rows} height={list} />
      {detail > 0 ? (
        <>
          <Lines lines={[rule(width)]} height={1} />
          <Lines lines={quoteDetailLines(corpus, current, width, detail, plain)} height={detail} />
        </>
      ) : null}
    </Box>
  );
}
