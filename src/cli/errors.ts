/**
 * Exit codes, and how every error reaches the user: one line on stderr (or one per data problem)
 * with a hint, never a stack trace.
 */
import path from 'node:path';
import { fsReason } from '../core/corpus/files.js';
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

/** Write errors that are the output's fault, not ours. */
const IO_ERRORS = new Set(['ENOSPC', 'EIO', 'EDQUOT', 'EFBIG', 'EROFS', 'EACCES', 'EPERM', 'ENXIO', 'EBADF']);

/** The longest line an error message may be: what a user typed is quoted in part, never 100,000 characters of it. */
const MAX_LINE = 300;

/**
 * Text a user typed, shortened for a message: its start and its end around an ellipsis, with
 * how long it was. `max` counts code points; a surrogate pair is never cut.
 */
export function clip(s: string, max = 80): string {
  const cps = [...s];
  if (cps.length <= max) return s;
  const keep = Math.max(2, max - 20);
  const head = Math.ceil(keep * 0.7);
  return `${cps.slice(0, head).join('')}…${cps.slice(cps.length - (keep - head)).join('')} (${cps.length.toLocaleString('en')} characters)`;
}

/** Problems shown for a command other than `validate`; the rest are counted. */
const MAX_PROBLEMS = 10;

/** Data problems on stderr: the first ten, then how to see them all with `validate`. */
export function printProblems(problems: readonly Problem[], write = (s: string) => process.stderr.write(s)): void {
  for (const line of problemLines(problems, MAX_PROBLEMS, seeAllWith)) write(`${PROG}: ${line}\n`);
}

/** The command that lists every problem: the files when there are a few, else the folder that holds them. */
function seeAllWith(files: string[]): string {
  if (files.length <= 3 && files.join(' ').length <= 200) return `${PROG} validate ${files.map(shellQuote).join(' ')}`;
  const dirs = files.map((f) => path.dirname(path.resolve(f)));
  let common = dirs[0]!;
  while (!dirs.every((d) => d === common || d.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) common = path.dirname(common);
  const rel = path.relative(process.cwd(), common);
  const shown = rel === '' ? '.' : rel.startsWith('..') || rel.length > common.length ? common : rel;
  return `${PROG} validate ${shellQuote(clip(shown, 120))}`;
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
    process.stderr.write(`${PROG}: ${inert(clip(err.message, MAX_LINE))}\n`);
    if (err.hint) process.stderr.write(`${PROG}: ${inert(clip(err.hint, MAX_LINE))}\n`);
    return EXIT.error;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EPIPE') return EXIT.found;
  if (e?.code && e.syscall === 'write' && IO_ERRORS.has(e.code)) {
    // the output could not be written (a full disk, > /dev/full, a device gone): say so, no report
    process.stderr.write(`${PROG}: cannot write the output: ${fsReason(e)}\n`);
    return EXIT.error;
  }
  const message = e instanceof Error ? e.message : String(err);
  process.stderr.write(`${PROG}: internal error: ${inert(clip(message, MAX_LINE))}\n`);
  process.stderr.write(`${PROG}: please report this; set NARRATIVE_LENS_DEBUG=1 to see where it happened\n`);
  if (process.env.NARRATIVE_LENS_DEBUG && e instanceof Error && e.stack) process.stderr.write(inert(e.stack, { keepNewlines: true }) + '\n');
  return EXIT.error;
}
