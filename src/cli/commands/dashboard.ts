/**
 * The default command: open the dashboard in a terminal. `--search`, `--pane`, `--actor`,
 * `--compare` pre-set it (as fzf's --query). With `--print`, or whenever stdin or stdout is not a
 * terminal, the same flags print their results instead (as fzf's --filter); with no such flag
 * there is nothing to print, so one line points to `search`, exit 2. Ink is imported only when
 * the dashboard really opens.
 */
import type { Argv, CommandModule } from 'yargs';
import { beforeDashboard, openCorpus, PROG, status } from '../context.js';
import { UsageError } from '../errors.js';
import { resolveActor, resolveNarrative } from '../lookup.js';
import type { GlobalArgs } from '../options.js';

export const PANES = ['quotes', 'actors', 'narratives', 'timeline'] as const;
export type Pane = (typeof PANES)[number];

export interface DashboardArgs extends GlobalArgs {
  search?: string;
  pane?: Pane;
  actor?: string;
  compare?: string[];
  print?: boolean;
}

export const NOT_A_TERMINAL = `the dashboard needs a terminal (stdin and stdout); to print results use: ${PROG} search QUERY  (or --print with --search, --actor, --compare or --pane)`;

export async function runDefault(a: DashboardArgs, io = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  const compare = a.compare?.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  const printable = a.search !== undefined || a.actor !== undefined || compare !== undefined || a.pane !== undefined;
  const terminal = io.stdin.isTTY === true && io.stdout.isTTY === true;

  if (a.print || !terminal) {
    if (!printable) {
      if (a.print) throw new UsageError('--print needs something to print', `add --search QUERY, --actor NAME, --compare A,B or --pane NAME; or run: ${PROG} search QUERY`);
      throw new UsageError(NOT_A_TERMINAL, ''); // one line: the hint is in it
    }
    const g: GlobalArgs = { data: a.data, format: a.format, limit: a.limit };
    // each printer is loaded only to print, and only the one that prints
    if (compare !== undefined) return (await import('./compare.js')).runCompare({ ...g, narratives: compare });
    if (a.actor !== undefined) return (await import('./actors.js')).runActors({ ...g, name: a.actor });
    if (a.search !== undefined) return (await import('./search.js')).runSearch({ ...g, query: a.search });
    switch (a.pane) {
      case 'actors':
        return (await import('./actors.js')).runActors(g);
      case 'narratives':
        return (await import('./narratives.js')).runNarratives(g);
      case 'timeline':
        return (await import('./timeline.js')).runTimeline(g);
      default:
        return (await import('./search.js')).runSearch({ ...g, query: '' });
    }
  }

  // The dashboard. Resolve names first, so a typo is an error here, not an empty screen.
  const corpus = await openCorpus(a.data);
  const actor = a.actor !== undefined ? resolveActor(corpus, a.actor).id : undefined;
  const narratives = compare?.map((c) => resolveNarrative(corpus, c).id);
  if (narratives && narratives.length === 1) throw new UsageError('--compare needs two or more narratives', 'separate them with commas: --compare A,B');
  for (const hook of beforeDashboard.hooks) hook();
  const { runDashboard } = await import('../../tui/run.js');
  return runDashboard({ corpus, search: a.search, pane: a.pane, actor, compare: narratives });
}

export const dashboardCommand: CommandModule<GlobalArgs, DashboardArgs> = {
  command: '$0',
  describe: 'Open the dashboard (quotes, actors, narratives, timeline)',
  builder: (y) =>
    (y as Argv<GlobalArgs>)
      .option('search', { alias: 's', type: 'string', requiresArg: true, describe: 'pre-fill the quote search (printed with --print)' })
      .option('pane', { choices: PANES, requiresArg: true, describe: 'open this pane' })
      .option('actor', { type: 'string', requiresArg: true, describe: 'open this actor’s profile (name, alias or id)' })
      .option('compare', { type: 'string', array: true, requiresArg: true, describe: 'compare narratives: A,B[,C...] (labels, parts of labels or ids)' })
      .option('print', { type: 'boolean', describe: 'print the results of --search/--actor/--compare/--pane and exit (as fzf --filter)' })
      .example('$0', 'the dashboard on the bundled data')
      .example('$0 -s "colour revolution"', 'open with the search filled in')
      .example('$0 --actor zakharova', 'open on Mariya Zakharova’s profile')
      .example('$0 --compare colour,home-grown', 'open two narratives side by side')
      .example('$0 -s speaker:smagin --print', 'print instead (as when piped)')
      .example('$0 --data my-corpus/', 'your own files or folders (repeat --data)')
      .epilog(
        'Keys in the dashboard: / search, ? help, q quit, Tab and 1-4 panes, ↑↓ or j/k move, Enter open, Esc back.\nWhen stdin or stdout is not a terminal nothing is drawn: the flags print, as with --print.',
      ) as Argv<DashboardArgs>,
  handler: async (a) => {
    status.code = await runDefault(a);
  },
};
