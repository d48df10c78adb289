/**
 * The dashboard while its corpus loads: a first frame drawn from the search index on disk
 * (first-page.ts) — the tab bar with the corpus's counts and the Quotes pane's first page, as the
 * loaded dashboard shows them — then the dashboard itself (App) once the corpus is in memory.
 *
 * Honest about what it has: the selected quote's detail, the other panes and any search wait for
 * the corpus, and the frame says it is loading. Keys are never lost: typing into the search box
 * (and leaving or clearing it) is taken at once, as the dashboard takes it; Ctrl-C, Ctrl-Z and q
 * act at once; any other key, and every key after it, is kept and handed to the dashboard in
 * order when it opens (`early`), so it does what it would have done had it come a moment later.
 */
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, useInput, type Key } from 'ink';
import type { Corpus } from '../core/corpus/corpus.js';
import { App, type AppProps, type EarlyInput } from './App.js';
import type { FirstPage } from './first-page.js';
import { decodeInput, type Keypress } from './input.js';
import { contexts, initialState, reducer, type Action, type State } from './state.js';
import { LineView, Lines, ThemeProvider } from './theme.js';
import { TerminalSizeProvider, useTerminalSize } from './hooks/useTerminalSize.js';
import { TabBar } from './components/TabBar.js';
import { SearchLine } from './components/SearchLine.js';
import { listLayout } from './lib/layout.js';
import { listWindowLines, position } from './lib/list-window.js';
import { fit, rule, ui, type Line } from './lib/text.js';
import { count } from './lib/format.js';
import { quoteRow } from './panes/quotes/view-model.js';

export interface StartupProps extends Omit<AppProps, 'corpus' | 'early'> {
  /** what the first frame shows (first-page.ts) */
  firstPage: FirstPage;
  /**
   * Loads the corpus: called once the first frame is drawn and takes keys (before that, a load
   * that kept the thread busy left the terminal echoing what was typed over the frame).
   */
  load: () => Promise<Corpus>;
  /** called once the loaded dashboard has been drawn */
  onLoaded?: () => void;
}

/**
 * What a key typed before the corpus is loaded does at once: the search box's typing, as
 * commands.ts handles it (no data needed); null for anything else (kept for the dashboard).
 */
function earlyActions(press: Keypress, s: State): Action[] | null {
  switch (press.command) {
    case 'insert':
      return [...(s.focus === 'input' ? [] : [{ type: 'focus', focus: 'input' } as const]), { type: 'edit', edit: 'insert', text: press.text }];
    case 'search':
      return [{ type: 'focus', focus: 'input' }];
    case 'delete-char':
    case 'delete-word':
      return [{ type: 'edit', edit: press.command }];
    case 'clear-input':
      return [{ type: 'edit', edit: 'clear' }];
    case 'input-done':
      return [{ type: 'focus', focus: 'list' }];
    default:
      return null;
  }
}

export function Startup({ firstPage, load, onLoaded, ...app }: StartupProps) {
  const [corpus, setCorpus] = useState<Corpus | null>(null);
  const [failed, setFailed] = useState<Error | null>(null);
  const [state, setState] = useState<State>(() => initialState(app.initial));
  const early = useRef<EarlyInput>({ state, typed: [] });
  const [kept, setKept] = useState(0);
  const { onExit, onSuspend, onError } = app;

  // the load, started once; what it gives is taken while this is mounted
  const started = useRef(false);
  const handedOver = useRef(false);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const shown = useCallback(() => {
    if (started.current) return;
    started.current = true;
    load().then(
      (c) => {
        if (!live.current) return;
        // From here on the dashboard's first state is taken (as it renders, maybe over several
        // turns of the event loop at a million quotes): a key that comes before it takes input
        // is kept for it, never applied to a state it has already read.
        handedOver.current = true;
        setCorpus(c);
      },
      (err: unknown) => {
        if (!live.current) return;
        const error = err instanceof Error ? err : new Error(String(err));
        if (onError) onError(error);
        else setFailed(error);
      },
    );
  }, [load, onError]);
  useEffect(() => {
    if (corpus) onLoaded?.();
  }, [corpus, onLoaded]);
  if (failed) throw failed; // (tests, without onError: the render fails as the dashboard's would)

  const onKey = useCallback(
    (input: string, key: Key) => {
      const e = early.current;
      if (e.typed.length === 0 && !handedOver.current) {
        // the chunk's keys worked out on a copy of the state: all taken at once, or all kept
        let s = e.state;
        let all = true;
        for (const press of decodeInput(input, key, () => contexts(s))) {
          if (press.command === 'interrupt') return onExit(130);
          if (press.command === 'quit') return onExit(0);
          if (press.command === 'suspend' && s === e.state) return onSuspend?.();
          const actions = earlyActions(press, s);
          if (!actions) {
            all = false;
            break;
          }
          for (const a of actions) s = reducer(s, a);
        }
        if (all) {
          e.state = s;
          setState(s);
          return;
        }
      } else if (key.ctrl && input === 'c') {
        return onExit(130);
      }
      e.typed.push({ input, key });
      setKept(e.typed.length);
    },
    [onExit, onSuspend],
  );

  if (corpus) return <App {...app} corpus={corpus} early={early.current} />;
  return (
    <ThemeProvider theme={{ plain: app.plain ?? false }}>
      <TerminalSizeProvider size={app.size}>
        <FirstFrame page={firstPage} state={state} kept={kept} onKey={onKey} onShown={shown} />
      </TerminalSizeProvider>
    </ThemeProvider>
  );
}

function FirstFrame({ page, state, kept, onKey, onShown }: { page: FirstPage; state: State; kept: number; onKey: (input: string, key: Key) => void; onShown: () => void }) {
  useInput(onKey);
  // after useInput's own effect, which puts the terminal in raw mode
  useEffect(() => onShown(), [onShown]);
  const { columns: width, rows } = useTerminalSize();
  // as the dashboard lays itself out (useDashboardData.ts): one line short of the terminal
  const height = rows - 1;
  const body = Math.max(1, height - 2);
  const { list, detail } = listLayout(body);
  const summary = useMemo(() => ({ articles: page.articles, quotes: page.quotes, drafts: page.drafts }), [page]);
  const query = state.quotes.query;
  const searching = query.trim() !== '';
  const lines = searching
    ? [[ui('  the search starts once the corpus is loaded', 'dim')]]
    : listWindowLines({ count: page.hits.length, selected: 0, height: list, width, row: (i, cols) => quoteRow(page.hits[i]!, cols) });
  const status = searching ? 'loading…' : `${count(page.quotes, 'quote')}  ${position(0, page.quotes)}`;
  const loadingLine: Line = [ui('  loading the corpus', 'dim'), ui(` (${count(page.articles, 'article')})…`, 'dim')];
  const footer: Line = fit([ui(' '), ui('loading', 'warn'), ui(kept ? `  ${count(kept, 'key')} kept for when it opens` : '  typing is kept', 'dim'), ui('  ^C', 'bold'), ui(' quit', 'dim')], width);
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <TabBar pane="quotes" summary={summary} width={width} />
      <Box flexDirection="column" height={body} overflowY="hidden">
        <SearchLine text={query} focused={state.focus === 'input'} placeholder="search quotes, speakers, narratives, topics" status={status} width={width} />
        <Lines lines={lines} height={list} />
        {detail > 0 ? (
          <>
            <Lines lines={[rule(width)]} height={1} />
            <Lines lines={[loadingLine]} height={detail} />
          </>
        ) : null}
      </Box>
      <LineView line={footer} />
    </Box>
  );
}
