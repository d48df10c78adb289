/**
 * `narrative-lens extract FILE|-`: a raw article (UTF-8 text) in, a draft corpus file (JSON) out,
 * to stdout or written atomically to --out. A thin shell over core/extract.
 */
import path from 'node:path';
import type { ExtractMeta } from '../../core/extract/index.js';
import { fsReason, readFileUpTo, type BoundedRead } from '../../core/corpus/files.js';
import { DEFAULT_MAX_ARTICLE_BYTES, MAX_TEXT_BYTES, SPLIT_ADVICE, decodeText, formatProblem, type Problem } from '../../core/corpus/load.js';
import { inert } from '../../core/sanitize.js';
import { formatSize, sizeFlagFor } from '../../core/corpus/size.js';
import { EXIT, UsageError } from '../errors.js';
import { writeOutFile, type OutContent } from '../out-file.js';
import type { GlobalArgs } from '../options.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';

export interface ExtractArgs extends GlobalArgs {
  file: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  out?: string;
  force?: boolean;
}

/** Where the command reads and writes (replaceable in tests). */
export interface ExtractIO {
  /** reads standard input; may stop once more than `limit` bytes have come */
  readStdin(limit?: number): Promise<Buffer>;
  stdout(s: string): void;
  stderr(s: string): void;
}

/** Raw articles larger than this are refused (a news article is a few hundred kilobytes at most). */
/** the one article limit, shared with `--data article.txt` (core/corpus/load.ts) */
export const MAX_ARTICLE_BYTES = DEFAULT_MAX_ARTICLE_BYTES;

class ExtractError extends Error {}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The text of an article, or the loader's message for another encoding (UTF-16, Latin-1, NUL bytes). */
function decode(bytes: Buffer, name: string): string {
  const problems: Problem[] = [];
  const text = decodeText(bytes, name, problems);
  if (text === undefined) throw new ExtractError(formatProblem(problems[0]!));
  return text;
}

/** Too large: raise the limit when that would be enough, else split (past one string's size no limit helps). */
function overLimit(name: string, limit: number, size?: number): ExtractError {
  const split = SPLIT_ADVICE;
  if (size === undefined ? limit > MAX_TEXT_BYTES : size > MAX_TEXT_BYTES) {
    const what = size === undefined ? `is over ${formatSize(MAX_TEXT_BYTES)},` : size > limit ? `is ${formatSize(size)}, over the ${formatSize(limit)} limit for an article and` : `is ${formatSize(size)},`;
    return new ExtractError(`${name}: ${what} ${split}`);
  }
  const big = size === undefined ? '' : ` is ${formatSize(size)},`;
  return new ExtractError(`${name}:${big} over the ${formatSize(limit)} limit for an article (raise it with --max-file-size ${sizeFlagFor(size ?? limit + 1)})`);
}

async function readArticle(file: string, io: ExtractIO, limit: number): Promise<string> {
  // never more than one string can hold: past it the read stops, and the message says why
  const cap = Math.min(limit, MAX_TEXT_BYTES);
  if (file === '-') {
    const bytes = await io.readStdin(cap);
    if (bytes.length > cap) throw overLimit('standard input', limit);
    return decode(bytes, 'standard input');
  }
  let read: BoundedRead;
  try {
    read = await readFileUpTo(file, cap);
  } catch (err) {
    throw new ExtractError(`${file}: ${fsReason(err)}`);
  }
  if (read.kind === 'folder') throw new ExtractError(`${file}: is a folder, expected a text file`);
  if (read.kind === 'over') throw overLimit(file, limit, read.size);
  return decode(read.bytes, file);
}

/** --out, as every command writes it (out-file.ts); its refusals as this command's one line. */
async function writeAtomic(out: string, content: OutContent, force: boolean): Promise<void> {
  try {
    await writeOutFile(out, content, force);
  } catch (err) {
    if (err instanceof UsageError) throw new ExtractError(err.hint ? `${err.message}; ${err.hint}` : err.message);
    throw err;
  }
}

/** Runs the command; returns the exit code. Errors are one line on stderr. */
export async function runExtract(a: ExtractArgs, io: ExtractIO = processIO()): Promise<number> {
  try {
    if (a.date !== undefined && !DATE.test(a.date)) {
      throw new ExtractError(`--date must be YYYY-MM-DD (or YYYY-MM, YYYY), not "${a.date}"`);
    }
    for (const [flag, v] of [['title', a.title], ['outlet', a.outlet], ['url', a.url]] as const) {
      if (v !== undefined && v.trim() === '') throw new ExtractError(`--${flag} is empty`);
    }
    if (!a.file) throw new ExtractError('no article given: name a text file, or - for standard input');
    const text = await readArticle(a.file, io, a.maxFileSize ?? MAX_ARTICLE_BYTES);
    if (text.trim().length === 0) throw new ExtractError(`${a.file === '-' ? 'standard input' : a.file}: the article is empty`);
    const meta: ExtractMeta = {};
    if (a.title !== undefined) meta.title = a.title;
    if (a.outlet !== undefined) meta.outlet = a.outlet;
    if (a.date !== undefined) meta.date = a.date;
    if (a.url !== undefined) meta.url = a.url;
    if (a.file !== '-') {
      // the source is relative to the folder the draft is written to (absolute when printed)
      const abs = path.resolve(a.file);
      meta.source = a.out && a.out !== '-' && !a.out.startsWith('/dev/') ? path.relative(path.dirname(path.resolve(a.out)), abs) || abs : abs;
    }
    // loaded here, not with the command line: the extractor and zod are large, and every other
    // command goes through this module's yargs definition
    // on a worker thread: a long article must not keep Ctrl-C and SIGTERM waiting
    const { extractDraftJsonInWorker } = await import('../../core/extract/in-worker.js');
    // as every JSON the command prints (core/json-text.ts: exact data, C1 and bidi controls
    // escaped as \uXXXX), made on the worker and in pieces: a long article's draft is larger
    // than one string may be
    const pieces = await extractDraftJsonInWorker(text, meta);
    if (a.out) await writeAtomic(a.out, pieces, a.force ?? false);
    else for (const piece of pieces) io.stdout(piece);
    return EXIT.found;
  } catch (err) {
    const msg = err instanceof ExtractError ? err.message : `could not extract a draft: ${(err as Error)?.message ?? String(err)}`;
    io.stderr(`${PROG}: ${inert(msg)}\n`);
    return EXIT.error;
  }
}

function processIO(): ExtractIO {
  return {
    readStdin: async (limit = MAX_ARTICLE_BYTES) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of process.stdin) {
        const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
        size += b.length;
        chunks.push(b);
        if (size > limit) break;
      }
      return Buffer.concat(chunks);
    },
    stdout: (s) => {
      process.stdout.write(s);
    },
    stderr: (s) => {
      process.stderr.write(s);
    },
  };
}

export function run(a: ExtractArgs, session: Session): Promise<number> {
  // yargs reads a lone "-" as an empty string
  const file = a.file === '' && process.argv.includes('-') ? '-' : a.file;
  return runExtract({ ...a, file, maxFileSize: a.maxFileSize ?? session.maxFileBytes });
}
