/**
 * Writing a command's result to --out: atomically (core/corpus/files.ts: a temporary file in the
 * same folder, flushed, then renamed), never over an existing file unless --force, one clear line
 * when it cannot be done. `-` is standard output; /dev/stdout, /dev/stderr and /dev/fd/1|2 are
 * this process's own streams; a terminal, /dev/null or another character device and a FIFO are
 * written through, never replaced by a regular file; a block device or a socket is refused.
 */
import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { isatty } from 'node:tty';
import { fsReason, writeFileAtomic } from '../core/corpus/files.js';
import { UsageError } from './errors.js';

/** The process's own output stream a path names, if it names one. */
function ownStream(out: string): NodeJS.WriteStream | undefined {
  const m = /^\/(?:dev\/(stdout|stderr)|(?:dev|proc\/self)\/fd\/([12]))$/.exec(out);
  if (!m) return undefined;
  return m[1] === 'stdout' || m[2] === '1' ? process.stdout : process.stderr;
}

/** What a command writes: one string or buffer, or the pieces of a document too large for one string. */
export type OutContent = string | Uint8Array | readonly (string | Uint8Array)[];

const piecesOf = (content: OutContent): readonly (string | Uint8Array)[] => (typeof content === 'string' || content instanceof Uint8Array ? [content] : content);

async function writeStream(stream: NodeJS.WriteStream, content: OutContent): Promise<void> {
  for (const piece of piecesOf(content)) {
    await new Promise<void>((resolve, reject) => {
      stream.write(piece, (err) => (err ? reject(err) : resolve()));
    });
  }
}

/**
 * Binary content (a zip) is never written to a terminal: its bytes would reach the terminal as
 * escape sequences. `binary` says what it is, for the message.
 */
export function refuseTerminal(binary: string | undefined, isTerminal: boolean, out: string): void {
  if (binary && isTerminal) throw new UsageError(`${binary}: not writing it to the terminal (${out})`, 'give --out FILE, or send it into a pipe or a file');
}

/** Writes into a device or FIFO that exists: opened for writing only, never created, never truncated. */
async function writeThrough(out: string, content: OutContent, binary?: string): Promise<void> {
  let handle;
  try {
    handle = await open(out, constants.O_WRONLY);
    refuseTerminal(binary, isatty(handle.fd), out);
    for (const piece of piecesOf(content)) await handle.writeFile(piece);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${out}: cannot write: ${fsReason(err)}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeOutFile(out: string, content: OutContent, force: boolean, opts: { binary?: string } = {}): Promise<void> {
  const own = out === '-' ? process.stdout : ownStream(out);
  if (own) {
    refuseTerminal(opts.binary, own.isTTY === true, out);
    return writeStream(own, content);
  }
  // what the name leads to (through symbolic links): a special file is written through or refused
  const target = await stat(out).catch(() => undefined);
  if (target && !target.isFile() && !target.isDirectory()) {
    if (target.isFIFO() || target.isCharacterDevice()) return writeThrough(out, content, opts.binary);
    const kind = target.isBlockDevice() ? 'a block device (a disk)' : target.isSocket() ? 'a socket' : 'not a regular file';
    throw new UsageError(`${out}: is ${kind}; not writing to it`, 'give a file name, or - for standard output');
  }
  const dir = path.dirname(path.resolve(out));
  const folder = await stat(dir).catch((err: unknown) => {
    throw new UsageError(`${out}: folder ${dir}: ${fsReason(err)}`);
  });
  if (!folder.isDirectory()) throw new UsageError(`${out}: ${dir} is not a folder`);
  const existing = await lstat(out).catch(() => undefined);
  if (existing?.isDirectory() || target?.isDirectory()) throw new UsageError(`${out}: is a folder; give a file name`);
  if (existing && !force) throw new UsageError(`${out}: already exists`, 'use --force to overwrite it');
  try {
    await writeFileAtomic(out, content, { overwrite: force });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${out}: already exists`, 'use --force to overwrite it');
    throw new UsageError(`${out}: ${fsReason(err)}`);
  }
}
