/**
 * Writing a command's result to --out: atomically (core/corpus/files.ts: a temporary file in the
 * same folder, flushed, then renamed), never over an existing file unless --force, one clear line
 * when it cannot be done.
 */
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsReason, writeFileAtomic } from '../core/corpus/files.js';
import { UsageError } from './errors.js';

export async function writeOutFile(out: string, content: string | Uint8Array, force: boolean): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const folder = await stat(dir).catch((err: unknown) => {
    throw new UsageError(`${out}: folder ${dir}: ${fsReason(err)}`);
  });
  if (!folder.isDirectory()) throw new UsageError(`${out}: ${dir} is not a folder`);
  const existing = await lstat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`${out}: is a folder; give a file name`);
  if (existing && !force) throw new UsageError(`${out}: already exists`, 'use --force to overwrite it');
  try {
    await writeFileAtomic(out, content, { overwrite: force });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${out}: already exists`, 'use --force to overwrite it');
    throw new UsageError(`${out}: ${fsReason(err)}`);
  }
}
