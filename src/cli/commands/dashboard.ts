/**
 * The default command: open the dashboard in a terminal. `--search`, `--pane`, `--actor`,
 * `--compare` pre-set it (as fzf's --query). With `--print`, or whenever stdin or stdout is not a
 * terminal, the same flags print their results instead (as fzf's --filter); with no such flag
 * there is nothing to print, so one line points to `search`, exit 2. Ink is imported only when
 * the dashboard really opens.
 */
import { UsageError } from '../errors.js';
import { resolveActor, resolveNarrative } from '../lookup.js';
import type { GlobalArgs } from '../options.js';
import type { Session } from '../session.js';
import { PROG, type Pane } from '../spec.js';
import { inert } from '../../core/sanitize.js';
import type { SortKey } from '../../core/search/sort.js';

export interface DashboardArgs extends GlobalArgs {
  search?: string;
  pane?: Pane;
  actor?: string;
  compare?: string[];
  print?: boolean;
  sort?: SortKey;
}

export const NOT_A_TERMINAL = `the dashboard needs a terminal (stdin and stdout); to print results use: ${PROG} search QUERY  (or --print with --search, --actor, --compare or --pane)`;

export const DUMB_TERMINAL = `TERM=dumb: this terminal cannot draw the dashboard; to print results use: ${PROG} search QUERY  (or --print with --search, --actor, --compare or --pane)`;

export async function run(a: DashboardArgs, session: Session, io = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  const compare = a.compare?.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  const printable = a.search !== undefined || a.actor !== undefined || compare !== undefined || a.pane !== undefined;
  // TERM=dumb: a terminal that cannot move the cursor or switch screens (Emacs shell, some IDE
  // consoles) gets the printed results, as a pipe does
  const terminal = io.stdin.isTTY === true && io.stdout.isTTY === true && process.env.TERM !== 'dumb';

  if (a.print || !terminal) {
    if (!printable) {
      if (a.print) throw new UsageError('--print needs something to print', `add --search QUERY, --actor NAME, --compare A,B or --pane NAME; or run: ${PROG} search QUERY`);
      // one line: the hint is in it (on a terminal that is only too dumb, say that, not "needs a terminal")
      const dumb = io.stdin.isTTY === true && io.stdout.isTTY === true;
      throw new UsageError(dumb ? DUMB_TERMINAL : NOT_A_TERMINAL, '');
    }
    const g: GlobalArgs = { data: a.data, format: a.format, limit: a.limit };
    // each printer is loaded only to print, and only the one that prints
    if (compare !== undefined) return (await import('./compare.js')).run({ ...g, narratives: compare }, session);
    if (a.actor !== undefined) return (await import('./actors.js')).run({ ...g, name: a.actor, sort: a.sort }, session);
    if (a.search !== undefined) return (await import('./search.js')).run({ ...g, query: a.search, sort: a.sort }, session);
    switch (a.pane) {
      case 'actors':
        return (await import('./actors.js')).run(g, session);
      case 'narratives':
        return (await import('./narratives.js')).run(g, session);
      case 'timeline':
        return (await import('./timeline.js')).run(g, session);
      default:
        return (await import('./search.js')).run({ ...g, query: '', sort: a.sort }, session);
    }
  }

  // The dashboard. With nothing to resolve in the corpus, and a fresh search index on disk, its
  // first frame comes from the index while the corpus loads (tui/first-page.ts, tui/Startup.tsx).
  // (not for the bundled data: a few dozen quotes, loaded in milliseconds)
  if (a.data?.length && session.study === undefined && a.actor === undefined && compare === undefined && a.search === undefined && (a.pane ?? 'quotes') === 'quotes' && (a.sort ?? 'relevance') === 'relevance') {
    const { readFirstPage } = await import('../../tui/first-page.js');
    const firstPage = await readFirstPage(a.data ?? [], { maxFileBytes: session.maxFileBytes });
    if (firstPage) {
      // notes the load has to give wait until the screen is given back (written now, they would draw over the frame)
      const notes: string[] = [];
      const load = () => session.openCorpus(a.data, { textsOnDemand: true, onNote: (n) => notes.push(n) });
      for (const hook of session.beforeDashboard) hook();
      const { runDashboard } = await import('../../tui/run.js');
      const code = await runDashboard({ loading: { firstPage, load }, pane: a.pane });
      for (const n of notes) process.stderr.write(`${PROG}: note: ${inert(n)}\n`);
      // The dashboard is closed: end now. Quit while the corpus was loading, or just after, the
      // load's reads or the search pool's start (fingerprinting a million quotes) would keep the
      // process for seconds after the terminal was given back. (stderr is synchronous on Linux
      // for terminals, files and pipes: the notes are out.)
      process.exit(code);
    }
  }
  // Resolve names first, so a typo is an error here, not an empty screen.
  // A study opens for editing; one that fails validation opens read-only, its problems listed.
  const opened =
    session.study !== undefined && !a.data?.length
      ? await (await import('../../tui/study/open.js')).openStudyForDashboard(session.study, { cache: true, maxFileBytes: session.maxFileBytes })
      : undefined;
  // a large corpus's texts stay on disk until shown (core/corpus/texts-on-demand.ts)
  const corpus = opened?.corpus ?? (await session.openCorpus(a.data, { textsOnDemand: true }));
  const actor = a.actor !== undefined ? resolveActor(corpus, a.actor).id : undefined;
  const narratives = compare?.map((c) => resolveNarrative(corpus, c).id);
  if (narratives && narratives.length === 1) throw new UsageError('--compare needs two or more narratives', 'separate them with commas: --compare A,B');
  for (const hook of session.beforeDashboard) hook();
  const { runDashboard } = await import('../../tui/run.js');
  const code = await runDashboard({ corpus, search: a.search, sort: a.sort, pane: a.pane, actor, compare: narratives, ...(opened ? { study: opened.study } : {}) });
  // a large corpus opened without a fresh search index on disk: build it for the next start
  // (cli/index-later.ts says why after, and in a process of its own)
  if (a.data?.length && opened === undefined) {
    const { FIRST_PAGE_FROM, readFirstPage } = await import('../../tui/first-page.js');
    if (corpus.quotes.length >= FIRST_PAGE_FROM && !(await readFirstPage(a.data, { maxFileBytes: session.maxFileBytes }))) {
      (await import('../index-later.js')).buildIndexLater(a.data, { maxFileBytes: session.maxFileBytes });
    }
  }
  return code;
}
