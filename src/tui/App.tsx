/**
 * The dashboard, composed: providers (theme, terminal size, error boundary), the state, the data
 * derived from it once per render (hooks/useDashboardData.ts), keys decoded (input.ts) and
 * handled (commands.ts) into actions for the reducer (state.ts), and the pane the state shows.
 * What a key does is decided in keymap.ts and commands.ts, never here; panes only draw.
 */
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, useInput, type Key } from 'ink';
import type { Corpus } from '../core/corpus/corpus.js';
import { footerHints } from './keymap.js';
import { decodeInput } from './input.js';
import { handleCommand } from './commands.js';
import { contexts, initialState, reducer, type Action, type InitialOptions, type State } from './state.js';
import { dataContexts, quoteIndex, type DashboardData } from './dashboard-data.js';
import { useDashboardData } from './hooks/useDashboardData.js';
import { useCopyOut, type CopyOutOptions } from './hooks/useCopyOut.js';
import { TerminalSizeProvider, type TerminalSize } from './hooks/useTerminalSize.js';
import { LineView, ThemeProvider } from './theme.js';
import { breadcrumbLine } from './breadcrumb.js';
import { DocPane } from './components/DocPane.js';
import { ReaderPane } from './panes/reader/ReaderPane.js';
import { TabBar, type CorpusSummary } from './components/TabBar.js';
import { Footer } from './components/Footer.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { QuotesPane } from './panes/quotes/QuotesPane.js';
import { ActorsPane } from './panes/actors/ActorsPane.js';
import { NarrativesPane } from './panes/narratives/NarrativesPane.js';
import { TimelinePane } from './panes/timeline/TimelinePane.js';
import { studyMode, useStudy, type DashboardStudy } from './study/useStudy.js';
import { StudyStatusLine } from './study/StudyStatus.js';
import { StudyDialog, StudyInfo } from './study/StudyDialog.js';
import { quoteMemos, studyInfoLines } from './study/info.js';

export interface AppProps {
  corpus: Corpus;
  initial?: InitialOptions;
  /** called once, with the exit code, when the user quits */
  onExit: (code: number) => void;
  /** Ctrl-Z: give the terminal back and stop until `fg` (run.ts); ignored when not given */
  onSuspend?: () => void;
  /** called when rendering fails (after which nothing is drawn) */
  onError?: (error: Error) => void;
  /** no colours or attributes: add text markers where style carries meaning */
  plain?: boolean;
  /** fix the terminal size (tests); otherwise it follows the terminal */
  size?: TerminalSize;
  /** search in worker threads above this many quotes (default POOL_ABOVE) */
  poolAbove?: number;
  /** receives copied text instead of the terminal's clipboard (tests) */
  clipboard?: (text: string) => void;
  /** where `a` appends copied text (default: $NARRATIVE_LENS_CLIPS or ~/narrative-lens-clips.md) */
  clipFile?: string;
  /** a study to edit (its view's corpus is shown instead of `corpus`), or one that opened read-only */
  study?: DashboardStudy;
  /** what was typed while the corpus loaded (Startup.tsx): the state to start from, and the keys still to handle */
  early?: EarlyInput;
}

/** Keys typed before the dashboard opened: the state they made, and those kept for it (in order, as Ink handed them). */
export interface EarlyInput {
  state: State;
  typed: { input: string; key: Key }[];
}

export function App({ corpus, initial, onExit, onSuspend, onError, plain = false, size, poolAbove, clipboard, clipFile, study, early }: AppProps) {
  const fail = useCallback(
    (error: Error) => {
      if (onError) onError(error);
      else throw error;
    },
    [onError],
  );
  const theme = useMemo(() => ({ plain }), [plain]);
  return (
    <ErrorBoundary onError={fail}>
      <ThemeProvider theme={theme}>
        <TerminalSizeProvider size={size}>
          <Dashboard corpus={corpus} initial={initial} onExit={onExit} onSuspend={onSuspend} poolAbove={poolAbove} copyOut={{ clipboard, clipFile }} study={study} early={early} />
        </TerminalSizeProvider>
      </ThemeProvider>
    </ErrorBoundary>
  );
}

interface DashboardProps {
  corpus: Corpus;
  initial: InitialOptions | undefined;
  onExit: (code: number) => void;
  onSuspend: (() => void) | undefined;
  poolAbove: number | undefined;
  copyOut: CopyOutOptions;
  study: DashboardStudy | undefined;
  early: EarlyInput | undefined;
}

function Dashboard({ corpus: sources, initial, onExit, onSuspend, poolAbove, copyOut, study, early }: DashboardProps) {
  // State lives in a ref as well, so that several keys arriving in one chunk each see the
  // result of the one before (React batches the re-render).
  const [state, setState] = useState<State>(() => early?.state ?? initialState({ ...initial, study: studyMode(study) }));
  const ref = useRef(state);
  const dispatch = useCallback((action: Action) => {
    ref.current = reducer(ref.current, action);
    setState(ref.current);
  }, []);

  const send = useCopyOut(copyOut, dispatch);
  // with a study open, the panes show its view: the sources with the study's edits applied
  const studied = useStudy(study, state.study, dispatch);
  const corpus = studied.corpus ?? sources;
  const data: DashboardData = { ...useDashboardData(corpus, state, poolAbove), study: studied.data };
  // The input handler is re-registered in an effect, after the frame is drawn: a key that comes
  // in between would reach the handler of the frame before. The data of the last render, then.
  const dataRef = useRef(data);
  dataRef.current = data;

  /** One chunk of input; false when it ended the dashboard or suspended it. */
  const onKey = (input: string, key: Key): boolean => {
    for (const press of decodeInput(input, key, () => contexts(ref.current))) {
      const outcome = handleCommand(press, ref.current, dataRef.current);
      if ('exit' in outcome) {
        onExit(outcome.exit);
        return false;
      }
      if ('suspend' in outcome) {
        onSuspend?.();
        return false;
      }
      for (const action of outcome.actions) dispatch(action);
      for (const effect of outcome.effects ?? []) send(effect);
    }
    return true;
  };
  // Keys kept while the corpus loaded (the array Startup.tsx fills, until this dashboard takes
  // input): one chunk per render, as they would have come, each handled with the data of the
  // frame drawn after the one before (a chunk that changes nothing lets the next one go at once).
  // A key typed while some wait goes after them.
  const typedEarly = useRef(early?.typed ?? []);
  useInput((input, key) => {
    if (typedEarly.current.length) typedEarly.current.push({ input, key });
    else onKey(input, key);
  });
  useEffect(() => {
    while (typedEarly.current.length) {
      const before = ref.current;
      const next = typedEarly.current.shift()!;
      if (!onKey(next.input, next.key)) typedEarly.current.length = 0;
      else if (ref.current !== before) return;
    }
  });

  const summary = useMemo<CorpusSummary>(
    () => ({ articles: corpus.articles.length, quotes: corpus.quotes.length, drafts: corpus.articles.filter((a) => a.draft).length }),
    [corpus],
  );
  const shown = [...contexts(state), ...dataContexts(data)];
  // the same contexts give the same hints: keep the array, so the footer need not re-render
  const hints = useMemo(() => footerHints(shown), [shown.join(' ')]);

  return (
    <Box flexDirection="column" width={data.width} height={data.height} overflowY="hidden">
      <TabBar pane={state.pane} summary={summary} width={data.width} />
      {state.history.length ? <LineView line={breadcrumbLine(corpus, state, data.width)} /> : null}
      <Box flexDirection="column" height={data.body} overflowY="hidden">
        <Pane state={state} data={data} />
      </Box>
      {data.study ? <StudyStatusLine study={data.study} status={state.study.status} width={data.width} /> : null}
      <Footer hints={hints} width={data.width} flash={state.flash} />
    </Box>
  );
}

/** The help overlay, or the pane the state is on, drawn from the derived data. */
function Pane({ state, data: d }: { state: State; data: DashboardData }) {
  const { corpus, width, body: height } = d;
  if (state.help.open) return <HelpOverlay width={width} height={height} scroll={state.help.scroll} />;
  if (state.study.dialog) return <StudyDialog dialog={state.study.dialog} width={width} height={height} />;
  if (state.study.info && d.study) return <StudyInfo lines={studyInfoLines(d.study, state.study.conflict, width)} scroll={state.study.info.scroll} height={height} />;
  if (state.detail?.kind === 'reader') return d.reader ? <ReaderPane view={d.reader} width={width} height={height} /> : null;
  if (state.detail) return d.doc ? <DocPane view={d.doc} cursor={state.detail.cursor} height={height} /> : null;
  const focused = state.focus === 'input';
  switch (state.pane) {
    case 'quotes': {
      const { hits, total, error, pending } = d.search;
      const selected = quoteIndex(d, state);
      const memos = quoteMemos(d.study, hits[selected]?.ref.quote.id);
      return (
        <QuotesPane corpus={corpus} query={state.quotes.query} focused={focused} hits={hits} total={total} error={error} pending={pending} selected={selected} sort={state.quotes.sort} corrections={d.corrections} noMatch={d.noMatch} nesting={d.nesting} completion={d.completion} memos={memos} width={width} height={height} />
      );
    }
    case 'actors':
      return (
        <ActorsPane
          corpus={corpus}
          filter={state.actors.filter}
          focused={focused}
          actors={d.actors}
          closest={d.actorsClosest}
          quoteCounts={d.quoteCounts()}
          selected={d.actorSel}
          record={d.record}
          profileOpen={d.profileOpen}
          profile={d.profile}
          cursor={state.actors.cursor}
          width={width}
          height={height}
        />
      );
    case 'narratives':
      return <NarrativesPane corpus={corpus} selected={d.narrSel} chosen={state.narratives.chosen} compare={d.compare} row={state.narratives.row} width={width} height={height} />;
    case 'timeline':
      return <TimelinePane corpus={corpus} events={d.events} selected={d.eventSel} width={width} height={height} />;
  }
}
