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
import { data, fit, rule, ui, wrap, type Line } from '../../lib/text.js';
import type { QueryCorrection } from '../../../core/search/names.js';
import type { NoMatchHelp } from '../../../core/search/explain.js';
import { listLayout } from '../../lib/layout.js';
import { quoteDetailLines, quoteRow, type MemoLine } from './view-model.js';
import { keyOf } from '../../keymap.js';
import type { Nesting } from './nesting.js';
import { isTextClause, parseQuery } from '../../../core/search/query.js';
import type { QuoteSort } from './state.js';
import { position } from '../../lib/list-window.js';
import { count, num } from '../../lib/format.js';
import { typingHint } from './typing-hint.js';

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
  /** names in the query read as the closest ones */
  corrections?: readonly QueryCorrection[];
  /** why nothing matches, and a correction */
  noMatch?: NoMatchHelp | undefined;
  /** which rows sit inside the one above them, and how many each holds */
  nesting?: Pick<Nesting, 'inner' | 'holds'>;
  /** the completions of the filter being typed (shown while the box has focus) */
  completion?: { candidates: readonly string[]; index: number | null; field: string | undefined } | undefined;
  /** the study's memos on the selected quote */
  memos?: readonly MemoLine[];
  width: number;
  height: number;
}

/**
 * The completions of the filter being typed, on one line: `kind: direct · [indirect] · term`,
 * the one Tab took in brackets; shown for a value being typed, or once Tab went through names.
 */
function completionLines(c: QuotesPaneProps['completion'], focused: boolean, width: number): Line[] {
  if (!c || !focused || (c.field === undefined && c.index === null)) return [];
  const lead = c.field ? `${c.field}:` : '';
  const strip = (x: string) => x.replace(/^!?[a-z]+:[!^='"]*/i, '').replace(/"$/, '') || x;
  if (!c.candidates.length) return [[ui(`  ${lead} `, 'label'), ui('no value in this corpus fits', 'dim')]];
  const segs: Line = [ui(`  ${keyOf('complete').toLowerCase()}: `, 'dim'), ...(lead ? [ui(`${lead} `, 'label')] : [])];
  c.candidates.forEach((x, i) => {
    if (i) segs.push(ui(' · ', 'dim'));
    const text = c.field ? strip(x) : x;
    segs.push(i === c.index ? ui(`[${text}]`, 'selected') : data(text));
  });
  return [fit(segs, width)];
}

/** "teh matches nothing; did you mean the? (12 quotes)" */
function noMatchLines(help: NoMatchHelp | undefined, width: number): Line[] {
  if (!help?.term) return [];
  const what: Line = help.alone
    ? [data(help.term, 'bold'), ui(' matches nothing', 'dim')]
    : [ui('nothing matches ', 'dim'), data(help.term, 'bold'), ui(' with the rest of the query', 'dim')];
  if (help.suggestion) {
    const n = help.suggestion.total;
    what.push(ui('; did you mean ', 'dim'), data(help.suggestion.term, 'bold'), ui(`? (${count(n, 'quote')}: `, 'dim'), data(help.suggestion.query, 'bold'), ui(`) · ${keyOf('take-correction')} takes it`, 'dim'));
  }
  return indented(what, width);
}

/** A message wrapped two columns in, as the lines around it: shown whole, never cut. */
function indented(line: Line, width: number): Line[] {
  return wrap(line, Math.max(10, width - 2)).map((l) => [ui('  '), ...l]);
}

/** Whether a query searches words (not only filters and negations). */
function hasWords(query: string): boolean {
  const parsed = parseQuery(query);
  return parsed.ok && parsed.query.clauses.some(isTextClause);
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
        ? `${num(props.total)} of ${count(all, 'quote')}${props.pending ? ', searching…' : ''}`
        : count(all, 'quote');
  const status = `${counted}${hits.length ? `  ${position(selected, hits.length)}` : ''}${props.sort !== 'relevance' ? ` · by ${props.sort}` : ''}`;
  // a filter value still being typed (date:20): what it expects, not an error
  const hint = typingHint(props.query, props.error);
  const error = hint ? undefined : props.error;
  // a query that cannot be read: the whole message (it names the valid choices) where the results go
  const empty: Line[] = hint
    ? [...indented([ui(hint, 'dim')], width)]
    : error
    ? [...indented([data(error, 'bad')], width), [ui('  esc clears the search; ? shows the syntax', 'dim')]]
    : props.pending
    ? [[ui('  searching…', 'dim')]]
    : props.query
    ? [[ui('  no quote matches ', 'dim'), data(props.query, 'bold')], ...noMatchLines(props.noMatch, width), [ui('  esc clears the search; ? shows the syntax', 'dim')]]
    : [[ui('  this corpus has no quotes', 'dim')]];
  const said: Line[] = [
    ...completionLines(props.completion, props.focused, width),
    ...(props.corrections ?? []).flatMap((c) => indented([data(c.typed, 'bold'), ui(' taken as ', 'dim'), data(c.taken, 'bold'), ui(' (no such name)', 'dim')], width)),
  ];
  // "via speaker:" says why a row is there when words were searched; a query of filters only says it already
  const via = hasWords(props.query);
  const rows = listWindowLines({
    count: hits.length,
    selected,
    height: Math.max(1, list - said.length),
    width,
    row: (i, cols) => quoteRow(hits[i]!, cols, { inner: props.nesting?.inner[i] ?? false, holds: props.nesting?.holds[i] ?? 0 }, via),
    empty,
  });
  const current = hits[selected];
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <SearchLine
        text={props.query}
        focused={props.focused}
        placeholder="search quotes, speakers, narratives, topics"
        status={hint ? 'typing a filter (below)' : status}
        error={error ? 'query not understood (below)' : undefined}
        width={width}
      />
      <Lines lines={[...said, ...rows].slice(0, list)} height={list} />
      {detail > 0 ? (
        <>
          <Lines lines={[rule(width)]} height={1} />
          <Lines lines={quoteDetailLines(corpus, current, width, detail, plain, props.memos, keyOf('study-info'))} height={detail} />
        </>
      ) : null}
    </Box>
  );
}
