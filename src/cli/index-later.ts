/**
 * The search index on disk for a large corpus the dashboard opened without one, built after the
 * dashboard closes, in a process of its own at a low priority, so that the next start is
 * quick and small: its first frame is read from the index while the corpus loads (tui/first-page.ts)
 * and its search workers keep only their shards' folded text and columns (core/search/disk-shard.ts).
 * Without it, an analyst who never ran `search` on a corpus got neither, however often they
 * opened it.
 *
 * Why another process, after the dashboard: building the index loads the whole corpus with its
 * texts and lays the file out in memory (100,000 quotes: 3.5 s and 760 MB; a million: 80 s and
 * several GB), which would double the dashboard's memory while the analyst works. The command
 * that builds it is `search` itself (an empty query prints nothing), with its own checks (the
 * larger heap only when the machine has the memory; nothing written on a read-only cache). If it
 * fails, nothing is lost: the next start loads as before and tries again.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';

/** A low scheduling priority: the build must not slow what the analyst does next (19 starved it for over 90 s on a busy 2-core machine). */
const NICENESS = 10;

/** Starts the build and returns at once; the process is not waited for. */
export function buildIndexLater(data: readonly string[], opts: { maxFileBytes?: number | undefined } = {}): void {
  const main = process.argv[1];
  if (!main || data.length === 0) return;
  const args = [main, 'search', '', '--data', ...data, '--limit', '0', ...(opts.maxFileBytes !== undefined ? ['--max-file-size', String(opts.maxFileBytes)] : [])];
  try {
    const child = spawn(process.execPath, args, { detached: true, stdio: 'ignore', env: process.env });
    child.on('error', () => undefined); // not started: the next start tries again
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, NICENESS);
      } catch {
        // not allowed here: it runs at the dashboard's priority, after the dashboard
      }
    }
    child.unref();
  } catch {
    // spawning refused (no processes left): the next start tries again
  }
}
