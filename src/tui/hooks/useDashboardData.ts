/**
 * Derives, once per render, everything the panes draw and the command handler decides from
 * (see dashboard-data.ts). Each part is memoised on what it depends on, and built only when its
 * pane can show it.
 */
import { useMemo } from 'react';
import type { Corpus } from '../../core/corpus/corpus.js';
import { actorRecord, actorsInOrder, timeline } from '../../core/corpus/corpus.js';
import { compareNarratives } from '../../core/compare.js';
import type { State } from '../state.js';
import { clampIndex, type DashboardData } from '../dashboard-data.js';
import { useTerminalSize } from './useTerminalSize.js';
import { indexFor, useQuoteSearch } from './useQuoteSearch.js';
import { useTheme } from '../theme.js';
import { listLayout } from '../lib/layout.js';
import { filterActors, profileView, quoteCounts } from '../panes/actors/view-model.js';
import { compareView } from '../panes/narratives/view-model.js';
import { resolveQueryNames } from '../../core/search/names.js';
import { sortHits } from '../../core/search/sort.js';
import { explainNoMatch } from '../../core/search/explain.js';
import { completeQuery } from '../../core/search/complete.js';
import { nestHits } from '../panes/quotes/nesting.js';
import { cellView } from '../panes/narratives/cell-view.js';
import { narrativeView } from '../panes/narratives/narrative-view.js';
import { eventView } from '../panes/timeline/event-view.js';
import { readerView } from '../panes/reader/view-model.js';

/** A value computed on first use (not on every render, nor before it is needed), kept while `deps` stay the same. */
function useLazy<T>(make: () => T, deps: readonly unknown[]): () => T {
  return useMemo(() => {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
  }, deps);
}

/**
 * Above this many quotes a query that finds nothing is not explained: the explanation needs an
 * in-process index (built once, ~65 ms at 10,000 quotes; workers hold the index of large ones).
 */
const EXPLAIN_UP_TO = 20_000;

export function useDashboardData(corpus: Corpus, state: State, poolAbove?: number): DashboardData {
  const { columns: width, rows } = useTerminalSize();
  const { plain } = useTheme();
  // one line short of the terminal: a frame as tall as the terminal makes Ink clear and redraw
  const height = rows - 1;
  // the tab bar, the footer, the trail of links followed when there is one, and a study's status line
  const body = Math.max(1, height - 2 - (state.history.length ? 1 : 0) - (state.study.mode ? 1 : 0));

  // speaker:/narrative: values that name nobody are read as the closest name (and the user told)
  const names = useMemo(() => resolveQueryNames(corpus, state.quotes.query), [corpus, state.quotes.query]);
  const found = useQuoteSearch(corpus, names.query, poolAbove);
  const sorted = useMemo(() => (state.quotes.sort === 'relevance' ? found.hits : sortHits(found.hits, state.quotes.sort)), [found.hits, state.quotes.sort]);
  // quotes nested in another result grouped under it (panes/quotes/nesting.ts)
  const nesting = useMemo(() => nestHits(sorted), [sorted]);
  const search = useMemo(() => ({ ...found, hits: nesting.hits }), [found, nesting]);
  // a query that finds nothing: which term, and the nearest correction that finds something
  const nothing = !found.pending && !found.error && found.total === 0 && names.query.trim() !== '';
  const noMatch = useMemo(() => (nothing && corpus.quotes.length <= EXPLAIN_UP_TO ? explainNoMatch(indexFor(corpus), names.query) : undefined), [nothing, corpus, names.query]);

  // while typing in the quote search box: the completions of a filter's name or value
  const typing = state.pane === 'quotes' && state.focus === 'input' && !state.detail;
  const base = state.quotes.completion?.base ?? state.quotes.query;
  const completion = useMemo(() => {
    const c = typing ? completeQuery(corpus, base) : undefined;
    return c ? { candidates: c.candidates, index: state.quotes.completion?.index ?? null, field: c.target.field } : undefined;
  }, [typing, corpus, base, state.quotes.completion?.index]);

  // counted when the Actors pane is first drawn, not before the first frame (large corpora)
  const counts = useLazy(() => quoteCounts(corpus), [corpus]);
  // the command line's order (most quoted first), worked out when the Actors pane is first drawn
  const ordered = useLazy(() => actorsInOrder(corpus).actors, [corpus]);
  const shownActors = state.pane === 'actors' || state.actors.profile !== null || state.actors.filter !== '';
  const filtered = useMemo(() => (shownActors ? filterActors(ordered(), state.actors.filter) : { actors: corpus.actors, closest: false }), [shownActors, ordered, corpus, state.actors.filter]);
  const { actors, closest: actorsClosest } = filtered;
  const actorSel = clampIndex(state.actors.selected, actors.length);
  // the record is shown by the Actors pane, and behind an open profile (which keys may reach from
  // another pane when several arrive at once): not needed otherwise
  const shownActor = state.pane === 'actors' || state.actors.profile !== null ? (state.actors.profile ?? actors[actorSel]?.id) : undefined;
  const record = useMemo(() => (shownActor ? actorRecord(corpus, shownActor) : undefined), [corpus, shownActor]);
  const profileOpen = state.actors.profile !== null && record !== undefined;
  const profile = useMemo(
    () => (profileOpen && record ? profileView(corpus, record, width, state.actors.cursor, plain) : undefined),
    [corpus, profileOpen, record, width, state.actors.cursor, plain],
  );

  const comparison = useMemo(
    () => (state.narratives.comparing ? compareNarratives(corpus, state.narratives.chosen) : undefined),
    [corpus, state.narratives.comparing, state.narratives.chosen],
  );
  const { row, col, diffOnly } = state.narratives;
  const compare = useMemo(() => (comparison ? compareView(comparison, width, { row, col, diffOnly }) : undefined), [comparison, width, row, col, diffOnly]);

  const detail = state.detail;
  const doc = useMemo(() => {
    if (!detail) return undefined;
    switch (detail.kind) {
      case 'cell':
        return comparison ? cellView(corpus, comparison, detail.axis, detail.col, width, detail.cursor, plain) : undefined;
      case 'event':
        return eventView(corpus, detail.id, width, detail.cursor, plain);
      case 'narrative':
        return narrativeView(corpus, detail.id, width, detail.cursor);
      case 'reader':
        return undefined;
    }
  }, [corpus, comparison, detail, width, plain]);
  const reader = useMemo(() => {
    if (detail?.kind !== 'reader') return undefined;
    const article = corpus.articleById.get(detail.article);
    return article ? readerView(corpus, article, detail.focus, width, plain) : undefined;
  }, [corpus, detail, width, plain]);

  const events = useMemo(() => timeline(corpus), [corpus]);

  return {
    corpus,
    width,
    height,
    body,
    listRows: listLayout(body).list,
    search,
    corrections: names.corrections,
    noMatch,
    nesting,
    completion,
    actors,
    actorsClosest,
    actorSel,
    quoteCounts: counts,
    record,
    profileOpen,
    profile,
    narrSel: clampIndex(state.narratives.selected, corpus.narratives.length),
    comparison,
    compare,
    events,
    eventSel: clampIndex(state.timeline.selected, events.length),
    doc,
    reader,
  };
}
