/**
 * Reading and writing files safely, for every command that does either:
 *
 * - readFileUpTo: never holds more than the limit in memory, whatever the path is (a file that
 *   grows while it is read, /dev/zero, a pipe);
 * - writeFileAtomic: the new content goes to a temporary file in the target's folder, is flushed
 *   to disk, then renamed over the target (or hard-linked, which fails if the name is taken, when
 *   overwriting is not allowed). Killed at any moment, the target is the old file or the complete
 *   new one, never a part. Temporary files left by a signal we can catch are removed.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Why a file operation failed, in words (one home for every command's file errors): "no such
 * file or folder", "permission denied", …; otherwise "cannot read (CODE)" or "cannot access (CODE)".
 */
export function fsReason(err: unknown, verb: 'read' | 'access' = 'access'): string {
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
      return `cannot ${verb} (${code ?? String(err)})`;
  }
}

export type BoundedRead = { kind: 'bytes'; bytes: Buffer } | { kind: 'folder' } | { kind: 'over'; size?: number };

/**
 * Reads a whole file, unless it is a folder or holds more than `limit` bytes (`size` is known
 * when the file said so before reading). File system errors are thrown as they come.
 */
export async function readFileUpTo(file: string, limit: number): Promise<BoundedRead> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { kind: 'folder' };
    if (info.size > limit) return { kind: 'over', size: info.size };
    const bytes = await readUpTo(handle, info.isFile() ? info.size : undefined, limit);
    return bytes ? { kind: 'bytes', bytes } : { kind: 'over' };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads to the end, or undefined as soon as more than `limit` bytes come. `expected`: a plain
 * file's size (undefined for a pipe or a device).
 */
async function readUpTo(handle: FileHandle, expected: number | undefined, limit: number): Promise<Buffer | undefined> {
  // One buffer of the expected size, plus a byte to notice growth: no copies for a plain file.
  let buf = Buffer.allocUnsafe(Math.min(limit + 1, expected === undefined ? 64 * 1024 : expected + 1));
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > limit) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  if (total > limit) return undefined;
  // a file that shrank, or a pipe: do not keep the unused part of the buffer alive
  return total < buf.length / 2 ? Buffer.from(buf.subarray(0, total)) : buf.subarray(0, total);
}

/** Temporary files being written now: removed by removePendingTemps when a signal ends us. */
const pending = new Set<string>();

/** Removes the temporary files of writes under way (for signal handlers: synchronous). */
export function removePendingTemps(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or removed
    }
  }
  pending.clear();
}

/** The temporary name for `target`: hidden, in the same folder (so the rename is atomic). */
export function tempNameFor(target: string): string {
  const abs = path.resolve(target);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export interface AtomicWriteOptions {
  /** replace an existing file; when false an existing file is an EEXIST error, even in a race */
  overwrite: boolean;
  mode?: number;
  /**
   * flush to disk before the rename (default true), so that even a power cut leaves the old file
   * or the new; a cache, which checks its entries, may skip it for speed
   */
  sync?: boolean;
}

/** Writes `data` to `target` atomically (see the top of this file). Errors are thrown as they come. */
export async function writeFileAtomic(target: string, data: string | Uint8Array | readonly (string | Uint8Array)[], opts: AtomicWriteOptions): Promise<void> {
  const tmp = tempNameFor(target);
  // a file replaced keeps its permissions (a private file stays private)
  const keepMode = opts.overwrite ? await lstat(target).then((i) => (i.isFile() ? i.mode & 0o7777 : undefined), () => undefined) : undefined;
  let handle: FileHandle | undefined;
  pending.add(tmp);
  try {
    handle = await open(tmp, 'wx', keepMode ?? opts.mode ?? 0o644);
    if (keepMode !== undefined) await handle.chmod(keepMode);
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    // pieces of a large file (the search index), not joined first; each continues where the last ended
    else for (const chunk of data) await handle.writeFile(chunk);
    if (opts.sync !== false) await handle.sync(); // the content is on disk before the name points at it
    await handle.close();
    handle = undefined;
    if (opts.overwrite) await rename(tmp, target);
    else await linkNew(tmp, target);
    if (opts.sync !== false) await syncFolder(path.dirname(path.resolve(target)));
  } finally {
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
  }
}

/** Gives `tmp`'s content the name `target` only if that name is free. */
async function linkNew(tmp: string, target: string): Promise<void> {
  try {
    await link(tmp, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
    // a file system without hard links: check, then rename (a small race, but no other way)
    const taken = await lstat(target).then(
      () => true,
      () => false,
    );
    if (taken) throw Object.assign(new Error(`EEXIST: file already exists, '${target}'`), { code: 'EEXIST' });
    await rename(tmp, target);
  }
}

/** Flushes a folder's entries (the rename) to disk, where the system allows it. */
async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported here (some file systems, Windows): the rename itself is still atomic
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
