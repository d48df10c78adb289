/**
 * What every command shares: reading the corpus (--data, else the bundled data) and turning
 * errors into one line on stderr and an exit code. No React, no Ink, no yargs here: this is on
 * the fast print path.
 */
import { DataError, formatProblem, loadCorpus, type Problem } from '../core/corpus/load.js';
import type { Corpus } from '../core/corpus/corpus.js';
import { inert } from '../core/sanitize.js';
import { EXIT, UsageError } from './errors.js';

export const PROG = 'narrative-lens';

/** Called just before the dashboard takes the terminal (run.ts drops its signal handlers). */
export const beforeDashboard: { hooks: (() => void)[] } = { hooks: [] };

/** The exit code the command that ran asked for (yargs handlers cannot return one). */
export const status = { code: 0 };

/** How every command reads files: set from the global options (--max-file-size). */
export const loadSettings: { maxFileBytes?: number | undefined } = {};

/** Loads the corpus. Validated corpora are cached on disk by content (never for `validate`). */
export async function openCorpus(data: readonly string[] | undefined, opts: { cache?: boolean } = {}): Promise<Corpus> {
  return loadCorpus([...(data ?? [])], { cache: opts.cache ?? true, maxFileBytes: loadSettings.maxFileBytes });
}

/** Problems shown for a command other than `validate`; the rest are counted. */
const MAX_PROBLEMS = 10;

export function printProblems(problems: readonly Problem[], max = MAX_PROBLEMS, write = (s: string) => process.stderr.write(s)): void {
  for (const p of problems.slice(0, max)) write(`${PROG}: ${formatProblem(p)}\n`);
  if (problems.length > max) {
    const files = [...new Set(problems.map((p) => p.file))];
    write(`${PROG}: … and ${problems.length - max} more problems; see them all with: ${PROG} validate ${inert(files.map(shellQuote).join(' '))}\n`);
  }
}

function shellQuote(s: string): string {
  return /^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** One line (or one per data problem) on stderr; returns the exit code. Never a stack trace. */
export function reportError(err: unknown): number {
  if (err instanceof DataError) {
    printProblems(err.problems);
    return EXIT.error;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`${PROG}: ${inert(err.message)}\n`);
    if (err.hint) process.stderr.write(`${PROG}: ${inert(err.hint)}\n`);
    return EXIT.error;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EPIPE') return EXIT.found;
  const message = e instanceof Error ? e.message : String(err);
  process.stderr.write(`${PROG}: internal error: ${inert(message)}\n`);
  process.stderr.write(`${PROG}: please report this; set NARRATIVE_LENS_DEBUG=1 to see where it happened\n`);
  if (process.env.NARRATIVE_LENS_DEBUG && e instanceof Error && e.stack) process.stderr.write(inert(e.stack, { keepNewlines: true }) + '\n');
  return EXIT.error;
}

/** Writes to stdout and resolves when it is flushed (so the exit code follows the output). */
export function flush(): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.writableLength === 0) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
