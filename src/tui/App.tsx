/**
 * The dashboard: derives what the panes show from the corpus and the state, turns keys into
 * commands (keymap.ts) and commands into state changes (state.ts). The one place that decides
 * what a key does; panes only draw.
 */
import React, { useCallback, useMemo, useRef, useState } from 'react';
import { Box, useInput, type Key } from 'ink';
import type { Corpus } from '../core/corpus/corpus.js';
import { actorRecord, timeline } from '../core/corpus/corpus.js';
import { compareNarratives } from '../core/compare.js';
import { footerHints, resolveKey, type Command } from './keymap.js';
import { contexts, initialState, reducer, PANES, type Action, type InitialOptions, type Movement, type State, type Target } from './state.js';
import { TerminalSizeProvider, useTerminalSize, type TerminalSize } from './hooks/useTerminalSize.js';
import { useQuoteSearch } from './hooks/useQuoteSearch.js';
import { ThemeProvider } from './theme.js';
import { TabBar, type CorpusSummary } from './components/TabBar.js';
import { Footer } from './components/Footer.js';
import { HelpOverlay, helpMaxScroll } from './components/HelpOverlay.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { QuotesPane } from './panes/QuotesPane.js';
import { fixedListLayout, listLayout } from './lib/layout.js';
import { ActorsPane, filterActors, profileView, quoteCounts } from './panes/ActorsPane.js';
import { NarrativesPane, compareMaxScroll, compareView } from './panes/NarrativesPane.js';
import { TimelinePane } from './panes/TimelinePane.js';

export interface AppProps {
  corpus: Corpus;
  initial?: InitialOptions;
  /** called once, with the exit code, when the user quits */
  onExit: (code: number) => void;
  /** called when rendering fails (after which nothing is drawn) */
  onError?: (error: Error) => void;
  /** no colours or attributes: add text markers where style carries meaning */
  plain?: boolean;
  /** fix the terminal size (tests); otherwise it follows the terminal */
  size?: TerminalSize;
  /** search in worker threads above this many quotes (default POOL_ABOVE) */
  poolAbove?: number;
}

export function App({ corpus, initial, onExit, onError, plain = false, size, poolAbove }: AppProps) {
  const fail = useCallback(
    (error: Error) => {
      if (onError) onError(error);
      else throw error;
    },
    [onError],
  );
  return (
    <ErrorBoundary onError={fail}>
      <ThemeProvider theme={{ plain }}>
        <TerminalSizeProvider size={size}>
          <Dashboard corpus={corpus} initial={initial} onExit={onExit} plain={plain} poolAbove={poolAbove} />
        </TerminalSizeProvider>
      </ThemeProvider>
    </ErrorBoundary>
  );
}

/** A value computed on first use (not on every render, nor before it is needed), kept while `deps` stay the same. */
function useLazy<T>(make: () => T, deps: readonly unknown[]): () => T {
  return useMemo(() => {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
  }, deps);
}

const MOVES: ReadonlySet<Command> = new Set(['up', 'down', 'page-up', 'page-down', 'top', 'bottom']);

function isSpecial(key: Key): boolean {
  return key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete || key.upArrow || key.downArrow || key.pageUp || key.pageDown;
}

function clampIndex(i: number, count: number): number {
  return Math.max(0, Math.min(i, count - 1));
}

interface DashboardProps {
  corpus: Corpus;
  initial: InitialOptions | undefined;
  onExit: (code: number) => void;
  plain: boolean;
  poolAbove: number | undefined;
}

function Dashboard({ corpus, initial, onExit, plain, poolAbove }: DashboardProps) {
  const { columns: width, rows } = useTerminalSize();
  // one line short of the terminal: a frame as tall as the terminal makes Ink clear and redraw
  const height = rows - 1;
  const body = Math.max(1, height - 2);

  // State lives in a ref as well, so that several keys arriving in one chunk each see the
  // result of the one before (React batches the re-render).
  const [state, setState] = useState<State>(() => initialState(initial));
  const ref = useRef(state);
  const dispatch = useCallback((action: Action) => {
    ref.current = reducer(ref.current, action);
    setState(ref.current);
  }, []);

  const summary = useMemo<CorpusSummary>(
    () => ({ articles: corpus.articles.length, quotes: corpus.quotes.length, drafts: corpus.articles.filter((a) => a.draft).length }),
    [corpus],
  );

  // ---- Quotes ----
  const search = useQuoteSearch(corpus, state.quotes.query, poolAbove);
  /** The selected quote's index in the results (a pinned quote, once found, counts as selected). */
  const quoteIndex = (s: State): number => {
    if (s.quotes.pin) {
      const pinned = search.hits.findIndex((h) => h.ref.quote.id === s.quotes.pin);
      if (pinned >= 0) return pinned;
    }
    return clampIndex(s.quotes.selected, search.hits.length);
  };

  const quoteSel = quoteIndex(state);

  // ---- Actors ----
  // counted when the Actors pane is first drawn, not before the first frame (large corpora)
  const counts = useLazy(() => quoteCounts(corpus), [corpus]);
  const actors = useMemo(() => filterActors(corpus.actors, state.actors.filter), [corpus, state.actors.filter]);
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

  // ---- Narratives ----
  const narrSel = clampIndex(state.narratives.selected, corpus.narratives.length);
  const comparison = useMemo(
    () => (state.narratives.comparing ? compareNarratives(corpus, state.narratives.chosen) : undefined),
    [corpus, state.narratives.comparing, state.narratives.chosen],
  );
  const compareLines = useMemo(() => (comparison ? compareView(corpus, comparison, width) : undefined), [corpus, comparison, width]);

  // ---- Timeline ----
  const events = useMemo(() => timeline(corpus), [corpus]);
  const eventSel = clampIndex(state.timeline.selected, events.length);

  const ctx = contexts(state);
  const ctxKey = ctx.join(' ');
  // the same contexts give the same hints: keep the array, so the footer need not re-render
  const hints = useMemo(() => footerHints(ctx), [ctxKey]);
  const listRows = listLayout(body).list;

  /** The list the cursor keys move in now: which, how long, how far a page goes. */
  const movementTarget = (s: State): { target: Target; count: number; page: number } | null => {
    if (s.help.open) return { target: 'help', count: helpMaxScroll(width, body) + 1, page: body };
    switch (s.pane) {
      case 'quotes':
        return { target: 'quotes', count: search.hits.length, page: listRows };
      case 'actors':
        if (s.actors.profile) return profile ? { target: 'profile', count: profile.items.length, page: Math.max(2, Math.floor(body / 2)) } : null;
        return { target: 'actors', count: actors.length, page: listRows };
      case 'narratives':
        if (s.narratives.comparing && compareLines) {
          return { target: 'compare', count: compareMaxScroll(compareLines, body) + 1, page: body - compareLines.header.length };
        }
        return { target: 'narratives', count: corpus.narratives.length, page: fixedListLayout(body, corpus.narratives.length).list };
      case 'timeline':
        return { target: 'timeline', count: events.length, page: fixedListLayout(body, events.length).list };
    }
  };

  const openSpeaker = (s: State) => {
    const hit = search.hits[quoteIndex(s)];
    if (!hit) return;
    if (hit.speaker) dispatch({ type: 'open-profile', actor: hit.speaker.id });
    else dispatch({ type: 'flash', text: 'a term: nobody is quoted as saying it, so there is no speaker to open' });
  };

  const run = (command: Command | 'insert', text: string) => {
    // the latest state (several keys may arrive before the next render)
    const s = ref.current;
    const actor = actors[clampIndex(s.actors.selected, actors.length)];
    if (MOVES.has(command as Command)) {
      const t = movementTarget(s);
      if (t) dispatch({ type: 'move', ...t, command: command as Movement, ...(t.target === 'quotes' ? { from: quoteIndex(s) } : {}) });
      return;
    }
    switch (command) {
      case 'interrupt':
        onExit(130);
        return;
      case 'quit':
        onExit(0);
        return;
      case 'help':
        dispatch({ type: 'help', open: true });
        return;
      case 'close-help':
        dispatch({ type: 'help', open: false });
        return;
      case 'search':
        dispatch({ type: 'focus', focus: 'input' });
        return;
      case 'next-pane':
      case 'prev-pane': {
        const i = PANES.findIndex((p) => p.id === s.pane);
        const next = (i + (command === 'next-pane' ? 1 : PANES.length - 1)) % PANES.length;
        dispatch({ type: 'pane', pane: PANES[next]!.id });
        return;
      }
      case 'pane-1':
      case 'pane-2':
      case 'pane-3':
      case 'pane-4':
        dispatch({ type: 'pane', pane: PANES[Number(command.slice(5)) - 1]!.id });
        return;
      case 'insert':
        dispatch({ type: 'edit', edit: 'insert', text });
        return;
      case 'delete-char':
        dispatch({ type: 'edit', edit: 'delete-char' });
        return;
      case 'delete-word':
        dispatch({ type: 'edit', edit: 'delete-word' });
        return;
      case 'clear-input':
      case 'clear-filter':
        dispatch({ type: 'edit', edit: 'clear' });
        return;
      case 'input-done':
        dispatch({ type: 'focus', focus: 'list' });
        return;
      case 'input-submit':
        dispatch({ type: 'focus', focus: 'list' });
        if (s.pane === 'quotes') openSpeaker(s);
        else if (s.pane === 'actors' && actor) dispatch({ type: 'open-profile', actor: actor.id });
        return;
      case 'back':
        dispatch({ type: 'back' });
        return;
      case 'open-speaker':
        openSpeaker(s);
        return;
      case 'open-narrative': {
        const hit = search.hits[quoteIndex(s)];
        const id = hit?.ref.quote.narratives[0];
        const index = id ? corpus.narratives.findIndex((n) => n.id === id) : -1;
        if (index >= 0) dispatch({ type: 'open-narrative', index });
        else if (hit) dispatch({ type: 'flash', text: 'this quote supports no narrative' });
        return;
      }
      case 'open-event-actor': {
        const item = events[clampIndex(s.timeline.selected, events.length)];
        const actor = item?.event.actors[0];
        if (actor) dispatch({ type: 'open-profile', actor });
        else if (item) dispatch({ type: 'flash', text: 'no actor is named for this event' });
        return;
      }
      case 'open-actor':
        if (actor) dispatch({ type: 'open-profile', actor: actor.id });
        return;
      case 'close-profile':
        dispatch({ type: 'close-profile' });
        return;
      case 'open-item': {
        const item = profile?.items[clampIndex(s.actors.cursor, profile.items.length)];
        if (!item) return;
        if (item.kind === 'quote') dispatch({ type: 'open-quote', quote: item.id });
        else dispatch({ type: 'open-narrative', index: Math.max(0, corpus.narratives.findIndex((n) => n.id === item.id)) });
        return;
      }
      case 'toggle-choose': {
        const n = corpus.narratives[clampIndex(s.narratives.selected, corpus.narratives.length)];
        if (n) dispatch({ type: 'toggle-choose', id: n.id });
        return;
      }
      case 'compare': {
        const chosen = s.narratives.chosen.length;
        if (chosen >= 2) dispatch({ type: 'compare', on: true });
        else dispatch({ type: 'flash', text: `choose two or more narratives with space (${chosen} chosen), then c` });
        return;
      }
      case 'close-compare':
        dispatch({ type: 'compare', on: false });
        return;
    }
  };

  useInput((input, key) => {
    if (key.meta && !key.escape && input && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow) {
      // "ESC x" is how terminals send Alt-x, and also what Esc then x looks like when they come
      // quickly; there are no Alt bindings, so it is Esc followed by x
      const esc = resolveKey('', { ...key, escape: true }, contexts(ref.current));
      if (esc) run(esc.command, '');
      key = { ...key, meta: false };
    }
    const chars = Array.from(input);
    if (chars.length > 1 && !isSpecial(key)) {
      // Several characters in one chunk (typed fast, pasted, sent by tmux): outside a text box
      // each is a key of its own; once one of them opens a box, the rest is typed into it.
      while (chars.length) {
        const ctx = contexts(ref.current);
        const r = resolveKey(ctx.includes('input') ? chars.splice(0).join('') : chars.shift()!, key, ctx);
        if (r) run(r.command, r.command === 'insert' ? r.text : '');
      }
      return;
    }
    const r = resolveKey(input, key, contexts(ref.current));
    if (r) run(r.command, r.command === 'insert' ? r.text : '');
  });

  const focused = state.focus === 'input';
  let pane: React.ReactNode;
  if (state.help.open) {
    pane = <HelpOverlay width={width} height={body} scroll={state.help.scroll} />;
  } else if (state.pane === 'quotes') {
    pane = (
      <QuotesPane
        corpus={corpus}
        query={state.quotes.query}
        focused={focused}
        hits={search.hits}
        total={search.total}
        error={search.error}
        pending={search.pending}
        selected={quoteSel}
        width={width}
        height={body}
        plain={plain}
      />
    );
  } else if (state.pane === 'actors') {
    pane = (
      <ActorsPane
        corpus={corpus}
        filter={state.actors.filter}
        focused={focused}
        actors={actors}
        quoteCounts={counts()}
        selected={actorSel}
        record={record}
        profileOpen={profileOpen}
        profile={profile}
        cursor={state.actors.cursor}
        width={width}
        height={body}
      />
    );
  } else if (state.pane === 'narratives') {
    pane = (
      <NarrativesPane
        corpus={corpus}
        selected={narrSel}
        chosen={state.narratives.chosen}
        comparison={comparison}
        scroll={state.narratives.scroll}
        width={width}
        height={body}
      />
    );
  } else {
    pane = <TimelinePane corpus={corpus} events={events} selected={eventSel} width={width} height={body} plain={plain} />;
  }

  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <TabBar pane={state.pane} summary={summary} width={width} />
      <Box flexDirection="column" height={body} overflowY="hidden">
        {pane}
      </Box>
      <Footer hints={hints} width={width} flash={state.flash} />
    </Box>
  );
}
