/**
 * What a render of the dashboard needs, derived once from the corpus, the state and the terminal
 * size (hooks/useDashboardData.ts builds it): the panes draw from it, the command handler
 * decides from it. Pure types and functions; no React.
 */
import type { Actor } from '../core/corpus/schema.js';
import type { ActorRecord, Corpus, DatedEvent } from '../core/corpus/corpus.js';
import type { Comparison } from '../core/compare.js';
import type { QuoteSearch } from './hooks/useQuoteSearch.js';
import type { QueryCorrection } from '../core/search/names.js';
import type { NoMatchHelp } from '../core/search/explain.js';
import type { ProfileView } from './panes/actors/view-model.js';
import type { CompareView } from './panes/narratives/view-model.js';
import type { ReaderView } from './panes/reader/view-model.js';
import type { DocView } from './lib/doc.js';
import { helpMaxScroll } from './components/HelpOverlay.js';
import { fixedListLayout } from './lib/layout.js';
import type { State, Target } from './state.js';
import type { Context } from './keymap.js';
import type { Nesting } from './panes/quotes/nesting.js';
import type { StudyData } from './study/commands.js';

export interface DashboardData {
  corpus: Corpus;
  /** the terminal's width, and the height of the frame (one line short of the terminal) */
  width: number;
  height: number;
  /** rows for the pane between the tab bar and the footer */
  body: number;
  /** rows of a list pane's list (the rest is its search line and detail) */
  listRows: number;
  // ---- Quotes ----
  search: QuoteSearch;
  /** `speaker:`/`narrative:` values read as the closest name */
  corrections: readonly QueryCorrection[];
  /** when the query finds nothing: the term that matches nothing, and a correction */
  noMatch: NoMatchHelp | undefined;
  /** which results sit inside the one above them (search.hits is in this grouped order) */
  nesting: Nesting;
  /** while a filter is typed in the search box: the completions of its last word, and the one taken */
  completion: { candidates: readonly string[]; index: number | null; field: string | undefined } | undefined;
  // ---- Actors ----
  /** the actors the filter lets through */
  actors: readonly Actor[];
  /** true when no actor holds the filter and `actors` are the closest names instead */
  actorsClosest: boolean;
  actorSel: number;
  /** quotes per actor id, counted on first use */
  quoteCounts: () => ReadonlyMap<string, number>;
  /** the record behind the Actors pane: the selected actor's or the open profile's */
  record: ActorRecord | undefined;
  profileOpen: boolean;
  profile: ProfileView | undefined;
  // ---- Narratives ----
  narrSel: number;
  comparison: Comparison | undefined;
  compare: CompareView | undefined;
  // ---- Timeline ----
  events: readonly DatedEvent[];
  eventSel: number;
  // ---- a view opened over the pane (state.detail) ----
  /** a comparison cell, an event or a narrative, opened whole */
  doc: DocView | undefined;
  reader: ReaderView | undefined;
  // ---- the study, when one is open (study/useStudy.ts) ----
  study?: StudyData | undefined;
}

/** Key contexts that depend on what was derived, not only on the state: for the footer's hints. */
export function dataContexts(d: DashboardData): Context[] {
  return d.noMatch?.suggestion ? ['correction'] : [];
}

export function clampIndex(i: number, count: number): number {
  return Math.max(0, Math.min(i, count - 1));
}

/** The selected quote's index in the results (a pinned quote, once found, counts as selected). */
export function quoteIndex(d: DashboardData, s: State): number {
  if (s.quotes.pin) {
    const pinned = d.search.hits.findIndex((h) => h.ref.quote.id === s.quotes.pin);
    if (pinned >= 0) return pinned;
  }
  return clampIndex(s.quotes.selected, d.search.hits.length);
}

export interface MovementTarget {
  target: Target;
  count: number;
  /** how far a page goes */
  page: number;
}

/** The list the cursor keys move in now: which, how long, how far a page goes. */
export function movementTarget(d: DashboardData, s: State): MovementTarget | null {
  const { body } = d;
  if (s.help.open) return { target: 'help', count: helpMaxScroll(d.width, body) + 1, page: body };
  if (s.detail) {
    if (s.detail.kind === 'reader') return d.reader ? { target: 'detail', count: d.reader.spans.length, page: 5 } : null;
    return d.doc ? { target: 'detail', count: d.doc.items.length, page: Math.max(2, Math.floor(body / 2)) } : null;
  }
  switch (s.pane) {
    case 'quotes':
      return { target: 'quotes', count: d.search.hits.length, page: d.listRows };
    case 'actors':
      if (s.actors.profile) return d.profile ? { target: 'profile', count: d.profile.items.length, page: Math.max(2, Math.floor(body / 2)) } : null;
      return { target: 'actors', count: d.actors.length, page: d.listRows };
    case 'narratives':
      if (s.narratives.comparing && d.compare) return { target: 'compare', count: d.compare.rows.length, page: 3 };
      return { target: 'narratives', count: d.corpus.narratives.length, page: fixedListLayout(body, d.corpus.narratives.length).list };
    case 'timeline':
      return { target: 'timeline', count: d.events.length, page: fixedListLayout(body, d.events.length).list };
  }
}
