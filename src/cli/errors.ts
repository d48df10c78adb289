/**
 * Exit codes, and how every error reaches the user: one line on stderr (or one per data problem)
 * with a hint, never a stack trace.
 */
import { DataError, problemLines, type Problem } from '../core/corpus/load.js';
import { inert } from '../core/sanitize.js';
import { PROG } from './spec.js';

/** Exit codes, as fzf and grep: 0 found, 1 nothing found, 2 usage or data error, 130 interrupted. */
export const EXIT = { found: 0, nothing: 1, error: 2, interrupted: 130 } as const;

/** A mistake in what the user typed: one line on stderr, with a hint, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Problems shown for a command other than `validate`; the rest are counted. */
const MAX_PROBLEMS = 10;

/** Data problems on stderr: the first ten, then how to see them all with `validate`. */
export function printProblems(problems: readonly Problem[], write = (s: string) => process.stderr.write(s)): void {
  for (const line of problemLines(problems, MAX_PROBLEMS, (files) => `${PROG} validate ${files.map(shellQuote).join(' ')}`)) write(`${PROG}: ${line}\n`);
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
