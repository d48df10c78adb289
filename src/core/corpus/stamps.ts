/**
 * What identifies a file's bytes without reading them: its size, modification and change times
 * (nanoseconds), inode and device — as git trusts its index. A file whose times are too close to
 * the moment the stamp was taken to tell a later write apart gets no stamp (null): it is read
 * and hashed every time. The corpus cache (cache.ts) and the search index on disk
 * (search/disk-index.ts) trust their content keys through these.
 */
import type { BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';

/** A file whose times are this close to the stamp's taking is read and hashed every time. */
export const RACY_MS = 3000;

export interface Stamp {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  dev: string;
}

/** The stamp of a file as `s` describes it, taken at `takenAtMs`; null when too recent to trust. */
export function stampOf(s: BigIntStats, takenAtMs: number): Stamp | null {
  const changed = Number(s.ctimeNs / 1_000_000n);
  const modified = Number(s.mtimeNs / 1_000_000n);
  if (Math.max(changed, modified) > takenAtMs - RACY_MS) return null;
  return { size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs), ino: String(s.ino), dev: String(s.dev) };
}

export function sameStamp(a: Stamp | null | undefined, s: BigIntStats): boolean {
  return !!a && a.size === String(s.size) && a.mtimeNs === String(s.mtimeNs) && a.ctimeNs === String(s.ctimeNs) && a.ino === String(s.ino) && a.dev === String(s.dev);
}

/** Whether every file still has the stamp recorded for it (a file that cannot be read: no). */
export async function stampsHold(files: readonly string[], stamps: readonly (Stamp | null)[]): Promise<boolean> {
  if (stamps.length !== files.length) return false;
  for (let i = 0; i < files.length; i++) {
    const s = await stat(files[i]!, { bigint: true }).catch(() => undefined);
    if (!s || !sameStamp(stamps[i], s)) return false;
  }
  return true;
}
