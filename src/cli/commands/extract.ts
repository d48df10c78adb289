/**
 * `narrative-lens extract FILE|-`: a raw article (UTF-8 text) in, a draft corpus file (JSON) out,
 * to stdout or written atomically to --out. A thin shell over core/extract.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { extractDraft, type ExtractMeta } from '../../core/extract/index.js';
import { inert } from '../../core/sanitize.js';
import { PROG, status } from '../context.js';
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';

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
  readStdin(): Promise<Buffer>;
  stdout(s: string): void;
  stderr(s: string): void;
}

/** Raw articles larger than this are refused (a news article is a few hundred kilobytes at most). */
export const MAX_ARTICLE_BYTES = 32 * 1024 * 1024;

class ExtractError extends Error {}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function decode(bytes: Buffer, name: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ExtractError(`${name}: file is UTF-16; save it as UTF-8`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ExtractError(`${name}: not valid UTF-8 text (Latin-1 or another encoding?); save it as UTF-8`);
  }
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, expected a file';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return `cannot access (${code ?? String(err)})`;
  }
}

async function readArticle(file: string, io: ExtractIO): Promise<string> {
  if (file === '-') {
    const bytes = await io.readStdin();
    if (bytes.length > MAX_ARTICLE_BYTES) throw new ExtractError(`standard input: over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for an article`);
    return decode(bytes, 'standard input');
  }
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw new ExtractError(`${file}: ${fsReason(err)}`);
  }
  if (info.isDirectory()) throw new ExtractError(`${file}: is a folder, expected a text file`);
  if (info.size > MAX_ARTICLE_BYTES) throw new ExtractError(`${file}: over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for an article`);
  try {
    return decode(await readFile(file), file);
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw new ExtractError(`${file}: ${fsReason(err)}`);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `content` to `out` atomically: a temporary file in the same folder, then a rename
 * (--force) or a hard link that fails if the name is taken (so nothing is ever overwritten by
 * accident, even by a race).
 */
async function writeAtomic(out: string, content: string, force: boolean): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  try {
    const d = await stat(dir);
    if (!d.isDirectory()) throw new ExtractError(`${out}: ${dir} is not a folder`);
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw new ExtractError(`${out}: folder ${dir}: ${fsReason(err)}`);
  }
  try {
    if ((await stat(out)).isDirectory()) throw new ExtractError(`${out}: is a folder; give a file name`);
  } catch (err) {
    if (err instanceof ExtractError) throw err;
  }
  if (!force && (await exists(out))) throw new ExtractError(`${out}: already exists; use --force to overwrite it`);
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    if (force) await rename(tmp, out);
    else {
      try {
        await link(tmp, out);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ExtractError(`${out}: already exists; use --force to overwrite it`);
        // file systems without hard links: check again, then rename
        if (await exists(out)) throw new ExtractError(`${out}: already exists; use --force to overwrite it`);
        await rename(tmp, out);
      }
    }
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw new ExtractError(`${out}: ${fsReason(err)}`);
  } finally {
    await unlink(tmp).catch(() => undefined);
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
    const text = await readArticle(a.file, io);
    if (text.trim().length === 0) throw new ExtractError(`${a.file === '-' ? 'standard input' : a.file}: the article is empty`);
    const meta: ExtractMeta = {};
    if (a.title !== undefined) meta.title = a.title;
    if (a.outlet !== undefined) meta.outlet = a.outlet;
    if (a.date !== undefined) meta.date = a.date;
    if (a.url !== undefined) meta.url = a.url;
    if (a.file !== '-') {
      // the source is relative to the folder the draft is written to (absolute when printed)
      const abs = path.resolve(a.file);
      meta.source = a.out ? path.relative(path.dirname(path.resolve(a.out)), abs) || abs : abs;
    }
    const draft = extractDraft(text, meta);
    const json = `${JSON.stringify(draft, null, 2)}\n`;
    if (a.out) await writeAtomic(a.out, json, a.force ?? false);
    else io.stdout(json);
    return EXIT.found;
  } catch (err) {
    const msg = err instanceof ExtractError ? err.message : `could not extract a draft: ${(err as Error)?.message ?? String(err)}`;
    io.stderr(`${PROG}: ${inert(msg)}\n`);
    return EXIT.error;
  }
}

function processIO(): ExtractIO {
  return {
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of process.stdin) {
        const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
        size += b.length;
        chunks.push(b);
        if (size > MAX_ARTICLE_BYTES) break;
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

export const extractCommand: CommandModule<GlobalArgs, ExtractArgs> = {
  command: 'extract <file>',
  describe: 'Draft a corpus file from a raw article: quotes, speakers, actors (JSON, marked as a draft)',
  builder: (y) =>
    (y as Argv<GlobalArgs>)
      .positional('file', { type: 'string', demandOption: true, describe: 'a UTF-8 text file, or - for standard input' })
      .option('title', { type: 'string', requiresArg: true, describe: 'the headline [default: the first line when it looks like one]' })
      .option('outlet', { type: 'string', requiresArg: true, describe: 'the publication' })
      .option('date', { type: 'string', requiresArg: true, describe: 'publication date, YYYY-MM-DD (resolves "on Tuesday")' })
      .option('url', { type: 'string', requiresArg: true, describe: 'where the article was published' })
      .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'write the draft to this file (atomically) instead of stdout' })
      .option('force', { type: 'boolean', default: false, describe: 'overwrite --out if it exists' })
      .example('$0 extract article.txt --date 2026-01-14 > draft.json', 'a draft on stdout')
      .example('pbpaste | $0 extract - --outlet "Al Jazeera" -o draft.json', 'from standard input to a file')
      .epilog(
        'Every quote carries attribution {rule, confidence}: how its speaker was found. Check the draft, then load it with --data.\n' +
          'Exit status: 0 written, 2 error (one line on stderr).',
      ) as Argv<ExtractArgs>,
  handler: async (a) => {
    // yargs reads a lone "-" as an empty string
    const file = a.file === '' && process.argv.includes('-') ? '-' : a.file;
    status.code = await runExtract({ ...a, file });
  },
};
