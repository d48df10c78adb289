/**
 * Runs the dashboard full-screen on the terminal, and gives the terminal back exactly as it was
 * on every way out: q (0), Ctrl-C or SIGINT (130), SIGTERM (143), SIGHUP (129), SIGQUIT (131), a
 * render error or an uncaught exception (2, with one line on stderr); when the terminal itself is
 * closed, the process ends by SIGHUP without touching it; when the process dies outright (out of
 * memory, a native abort, SIGKILL) a watchdog process restores it (watchdog.ts). Ctrl-Z or
 * SIGTSTP gives the terminal back and stops; `fg` (SIGCONT) takes it again and redraws. Nothing
 * is written to stderr on a normal exit. The CLI calls this only when stdin and stdout are
 * terminals (and TERM is not "dumb").
 */
import './interactive-env.js'; // first: before Ink loads (see there)
import type { Instance } from 'ink';
import type { Corpus } from '../core/corpus/corpus.js';
import { findActor, findNarrative, isFound } from '../core/compare.js';
import type { InitialOptions, PaneId } from './state.js';
import type { SortKey } from '../core/search/sort.js';
import { withoutFetch } from './lib/without-fetch.js';
import { colorEnabled, inert } from '../core/sanitize.js';
import { problemLines, type Problem } from '../core/corpus/load.js';
import type { DashboardStudy } from './study/useStudy.js';
import { startWatchdog } from './watchdog.js';
import { collectWhenIdle } from './idle-collect.js';
import { loadStudyCore } from './study/core.js';
import type { FirstPage } from './first-page.js';

export interface DashboardOptions {
  /** the corpus, loaded (or `loading`) */
  corpus?: Corpus;
  /**
   * The corpus, loaded once the first frame is out: that frame shows the first page read from
   * the search index on disk (first-page.ts, Startup.tsx). Only for a start that needs no names
   * resolved in the corpus (no `actor`, `compare` or study).
   */
  loading?: { firstPage: FirstPage; load: () => Promise<Corpus> };
  /** pre-fill the quote search */
  search?: string;
  /** the Quotes list's first order (--sort) */
  sort?: SortKey;
  pane?: PaneId;
  /** open this actor's profile (id, name or alias) */
  actor?: string;
  /** compare these narratives (ids or labels) */
  compare?: string[];
  /** the terminal to draw on (default: this process's stdin, stdout and stderr; the benchmark passes its own) */
  terminal?: Terminal;
  /** a study to edit (pass its view's corpus as `corpus`), or one that opened read-only (study/useStudy.ts) */
  study?: DashboardStudy;
}

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** How Ink draws the dashboard (the benchmark renders with these too). */
export const RENDER_OPTIONS = { exitOnCtrlC: false, patchConsole: true, maxFps: 60 } as const;

const ALT_SCREEN_ON = '\u001b[?1049h\u001b[H';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

/** True when the terminal should get no colours or attributes (the decision is core's, shared with the printers). */
export function plainOutput(env: NodeJS.ProcessEnv = process.env, stdout: NodeJS.WriteStream = process.stdout): boolean {
  return !colorEnabled(env, typeof stdout.hasColors === 'function' ? stdout.hasColors() : true);
}

/** Turns the CLI's options into the dashboard's first state (names resolved to ids). */
export function initialFrom(corpus: Corpus | undefined, opts: Omit<DashboardOptions, 'corpus'>): InitialOptions {
  let actor: string | undefined;
  if (corpus && opts.actor) {
    const found = findActor(corpus, opts.actor);
    actor = isFound(found) ? found.id : undefined;
  }
  const compare = (corpus ? (opts.compare ?? []) : [])
    .map((c) => findNarrative(corpus!, c))
    .filter(isFound)
    .map((n) => n.id);
  return { pane: opts.pane, search: opts.search, sort: opts.sort, actor, compare };
}

export async function runDashboard(opts: DashboardOptions): Promise<number> {
  // React's development build is several times slower per render; choose the production one
  // before React is first loaded (hence the dynamic imports). Through a local name, so that a
  // bundler's define for process.env.NODE_ENV leaves this runtime assignment alone.
  const env = process.env;
  if (env.NODE_ENV === undefined) env.NODE_ENV = 'production';
  // fetch hidden while Ink loads: its layout engine then skips loading Node's fetch (see there)
  // The watchdog (a shell saving the terminal's modes) starts while the modules load: both come
  // before the first frame, and neither waits for the other (about 20 ms of the first frame).
  const watching = opts.terminal ? Promise.resolve({ done: () => undefined }) : startWatchdog();
  let modules;
  try {
    // the study's core only with a study: the flows and saves use it, a corpus alone never does
    [modules] = await withoutFetch(() => Promise.all([import('./dashboard-modules.js'), opts.study ? loadStudyCore() : undefined]));
  } catch (err) {
    (await watching).done(); // nothing was changed on the terminal: the watchdog has nothing to restore
    throw err;
  }
  const { React, render, App, Startup, signalExit } = modules;
  const { corpus, loading } = opts;
  if (!corpus && !loading) throw new Error('runDashboard: no corpus');
  const { stdin, stdout, stderr } = opts.terminal ?? process;
  const watchdog = await watching;
  let restored = false;
  /** the terminal was closed (its window, an ssh connection, tmux kill-session): nothing to restore */
  let gone = false;
  const restore = () => {
    if (restored || gone) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed
    }
    stdout.write(SHOW_CURSOR + ALT_SCREEN_OFF);
  };

  return new Promise<number>((resolve, reject) => {
    let instance: Instance | undefined;
    let stopCollecting = () => {};
    let finished = false;
    const finish = (code: number, error?: unknown) => {
      if (finished) return;
      finished = true;
      stopCollecting();
      try {
        instance?.unmount();
      } catch {
        // unmounting a broken tree may throw; the terminal is restored below regardless
      }
      restore();
      watchdog.done();
      stdin.off('end', hungUp);
      // Removed after the event that ended us has been handled: signal-exit (cli-cursor's exit
      // hook) also listens to SIGTERM, SIGQUIT, SIGHUP, and acts only when it is the last
      // listener. Removing ours within the same signal made it the last: it wrote ESC[?25h to
      // stderr (into `2>log`) and killed the process with the signal again.
      const unlisten = () => {
        for (const [event, handler] of handlers) process.off(event, handler);
      };
      setImmediate(unlisten);
      process.off('exit', restore);
      // Ink hid the cursor through cli-cursor, whose exit hook (signal-exit) writes ESC[?25h to
      // stderr when the process ends — into a log file when stderr is one. The cursor is shown
      // already (restore); the hooks have nothing left to do.
      if (!opts.terminal) signalExit.unload();
      stdin.pause();
      const problems = error instanceof Error && error.name === 'DataError' ? (error as Error & { problems?: Problem[] }).problems : undefined;
      if (!gone && error instanceof Error && error.name === 'HeapTooSmallError') {
        // A corpus too large for this heap, found while loading after the first frame (the index
        // was fresh, the corpus cache was not): not an internal error. With the terminal given
        // back, the command decides as it would have before the screen opened: run itself again
        // with a heap that fits, or say so (cli/run.ts, cli/relaunch.ts).
        reject(error);
        return;
      }
      if (gone) {
        // no one to tell: the terminal that would show it is closed
      } else if (problems?.length) {
        // data that failed to load after the screen opened: the same lines as before it opens
        for (const line of problemLines(problems, 10)) stderr.write(`narrative-lens: ${line}\n`);
      } else if (error !== undefined) {
        const message = error instanceof Error ? error.message : String(error);
        stderr.write(`narrative-lens: the dashboard stopped after an internal error: ${inert(message)}\n`);
      }
      if (gone && !opts.terminal) {
        // Die by the hang-up itself, as a program whose terminal closed does (a shell reports
        // 129): exiting normally would make Node reset the modes of a terminal that no longer
        // exists, which fails (EIO) and aborts the process.
        unlisten(); // now: our SIGHUP handler must not catch it
        process.kill(process.pid, 'SIGHUP');
        return;
      }
      resolve(code);
    };
    // A closed terminal shows as the end of input, or an error reading or writing it.
    const hungUp = () => {
      gone = true;
      finish(129);
    };
    stdin.once('end', hungUp);
    stdin.on('error', hungUp);
    stdout.on('error', hungUp); // stays: a write may fail after finish, too

    // Job control. In raw mode the terminal sends Ctrl-Z as a key (the key table's 'suspend');
    // `kill -TSTP` comes as the signal. Either way: give the terminal back, then stop as the
    // signal's default action does; on SIGCONT (fg) take it again and draw the frame anew.
    let suspended = false;
    const suspend = () => {
      if (finished || suspended || gone || opts.terminal) return;
      suspended = true;
      restored = false;
      restore();
      process.off('SIGTSTP', suspend);
      process.kill(process.pid, 'SIGTSTP'); // no handler now: the process stops here
    };
    const resume = () => {
      if (!suspended || finished) return;
      suspended = false;
      restored = false;
      process.on('SIGTSTP', suspend);
      stdout.write(ALT_SCREEN_ON + HIDE_CURSOR);
      try {
        if (stdin.isTTY) stdin.setRawMode(true);
      } catch {
        // the terminal went away while we were stopped: the hang-up follows
      }
      redraw();
    };
    /**
     * Ink writes only what changed, and the new screen is blank: make it draw the whole frame.
     * A narrower terminal makes Ink clear and draw anew (its resize handling); then the real
     * width is put back and drawn.
     */
    const redraw = () => {
      const cols = stdout.columns;
      if (!cols || cols < 2) return;
      stdout.columns = cols - 1;
      stdout.emit('resize');
      stdout.columns = cols;
      stdout.emit('resize');
    };

    const handlers: [string, (...args: unknown[]) => void][] = [
      ['SIGINT', () => finish(130)],
      ['SIGTERM', () => finish(143)],
      ['SIGHUP', () => finish(129)],
      ['SIGQUIT', () => finish(131)],
      ['SIGTSTP', suspend],
      ['SIGCONT', resume],
      ['uncaughtException', (err) => finish(2, err)],
      ['unhandledRejection', (err) => finish(2, err)],
    ];
    for (const [event, handler] of handlers) process.on(event, handler);
    // last resort: whoever calls process.exit, the terminal comes back
    process.on('exit', restore);

    stdout.write(ALT_SCREEN_ON);
    try {
      const props = {
        initial: initialFrom(corpus, opts),
        plain: plainOutput(process.env, stdout),
        ...(opts.study ? { study: opts.study } : {}),
        // leave the input handler before tearing down Ink
        onExit: (code: number) => setImmediate(() => finish(code)),
        onSuspend: () => setImmediate(suspend),
        onError: (error: Error) => setImmediate(() => finish(2, error)),
      };
      // the UI thread's garbage freed while no key comes (idle-collect.ts); its first collection
      // takes the load's garbage, so it starts once the loaded dashboard is drawn
      const collect = () => {
        if (!finished) stopCollecting = collectWhenIdle(stdin);
      };
      if (corpus) {
        instance = render(React.createElement(App, { ...props, corpus }), { ...RENDER_OPTIONS, stdin, stdout, stderr });
        collect();
      } else {
        instance = render(React.createElement(Startup, { ...props, firstPage: loading!.firstPage, load: loading!.load, onLoaded: collect }), { ...RENDER_OPTIONS, stdin, stdout, stderr });
      }
      instance.waitUntilExit().then(
        () => finish(0),
        (err: unknown) => finish(2, err),
      );
    } catch (err) {
      finish(2, err);
    }
  });
}
