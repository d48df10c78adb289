/**
 * The one place that decides how much memory an extraction worker may use, and what the user is
 * told when an article needs more (issue 18). Both extraction workers use it: the one `extract`,
 * `--data` and the dashboard start for a long article (in-worker.ts) and ingest's pool
 * (ingest/pool.ts).
 *
 * A draft takes tens of times its article's size in memory while it is made, so a worker may use
 * most of the machine's memory (not only V8's default of about 4 GB); when even that is not enough
 * the worker is stopped and the caller gets one clear message, never a native abort.
 */
import os from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { formatSize } from '../corpus/size.js';

/**
 * One worker's heap in MB: three quarters of the machine's memory shared among the workers that
 * run at once, at least V8's usual 4 GB, at most 64 GB. NL_EXTRACT_HEAP_MB sets it (a smaller
 * machine's limit, tried in the tests).
 */
export function workerHeapMb(totalBytes = os.totalmem(), env = process.env, workers = 1): number {
  const set = Number(env.NL_EXTRACT_HEAP_MB);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.round(Math.min(64 * 1024, Math.max(4 * 1024, (totalBytes * 0.75) / Math.max(1, workers) / 2 ** 20)));
}

/** The resource limits to start an extraction worker with. */
export function extractionLimits(workers = 1): ResourceLimits {
  return { maxOldGenerationSizeMb: workerHeapMb(os.totalmem(), process.env, workers) };
}

/** The worker ran out of the heap it was given (Node's error for it). */
export function isOutOfMemory(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** What the user reads when an article of this many bytes did not fit. */
export function outOfMemoryMessage(bytes: number, workers = 1): string {
  return `the article (${formatSize(bytes)}) is too long to extract in the memory this machine allows (${formatSize(workerHeapMb(os.totalmem(), process.env, workers) * 2 ** 20)}); split it into shorter files`;
}
