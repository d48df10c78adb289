/**
 * Everything the bin does after NO_COLOR is mapped: the process-wide handlers (Ctrl-C → 130,
 * SIGTERM and SIGHUP die by the signal, a closed pipe → quiet exit, any crash → one line and 2),
 * then completion, a fast path (search, the dashboard) or the full yargs program. The session
 * made here is what the parts of this run share. Nothing here imports React or Ink.
 */
import { EXIT, reportError } from './errors.js';
import { parseFast } from './fast.js';
import { makeSession } from './session.js';
import { removePendingTemps } from '../core/corpus/files.js';
import { relaunchWithHeap } from './relaunch.js';

export async function main(argv: string[]): Promise<number> {
  const session = makeSession();
  // `narrative-lens STUDY.json …` opens a study: the same as `--study STUDY.json …`
  if (argv[0] !== undefined && /\.json$/i.test(argv[0]) && !argv[0].startsWith('-')) argv = ['--study', argv[0], ...argv.slice(1)];
  // Ctrl-C, kill, a closed terminal: remove the temporary file of a write under way (extract
  // --out, the cache), then die by the signal itself (the shell then reports 130, 143 or 129, and
  // a script loop stops), rather than process.exit, which waits for the file-reading threads and
  // could hang on a blocked read.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTemps();
    if (signal === 'SIGINT') process.exitCode = EXIT.interrupted;
    for (const s of signals) process.off(s, onSignal);
    process.kill(process.pid, signal);
  };
  const onCrash = (err: unknown) => process.exit(reportError(err));
  const onPipeError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.found); // the reader went away (| head)
    else onCrash(err);
  };
  for (const s of signals) process.on(s, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.stdout.on('error', onPipeError);
  // The dashboard installs its own handlers (and restores the terminal before exiting, or, when
  // the terminal closed, ends without touching it).
  session.beforeDashboard.push(() => {
    for (const s of signals) process.off(s, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.stdout.off('error', onPipeError);
  });

  try {
    if (argv[0] === '__complete') {
      const { runCompletion } = await import('./commands/completion.js');
      return await runCompletion(argv.slice(1), session);
    }
    const fast = parseFast(argv);
    if (fast) {
      session.maxFileBytes = fast.args.maxFileSize as number | undefined;
      session.study = fast.args.study as string | undefined;
      return await (await fast.command.load()).run(fast.args, session);
    }
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, session);
  } catch (err) {
    // told by name, not instanceof: importing the loader here would put it on every command's start
    const heap = err as { name?: string; needBytes?: number; relaunchable?: boolean };
    if (heap?.name === 'HeapTooSmallError' && heap.relaunchable && typeof heap.needBytes === 'number') {
      const code = relaunchWithHeap(heap.needBytes);
      if (code !== undefined) return code;
    }
    return reportError(err);
  }
}
