/**
 * Runs ingest jobs on worker threads, one per core: each worker takes the next file when it
 * finishes one. A worker that crashes or takes too long on a file (a pathological input) is
 * ended and replaced; that file is reported as failed and the others go on. A worker's heap, and
 * the message for an article that needs more, are the extract command's (worker-memory.ts).
 */
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './extract-one.js';
import { extractionLimits, isOutOfMemory, outOfMemoryMessage } from '../worker-memory.js';

/** A worker with the heap extraction workers get (worker-memory.ts), shared among the `workers` that run at once. */
function startWorker(workers: number): Worker {
  const self = import.meta.url;
  const resourceLimits = extractionLimits(workers);
  if (!self.endsWith('.ts')) return new Worker(new URL('./ingest-worker.js', self), { resourceLimits });
  // from TypeScript sources (tests, tsx): the worker registers tsx, then loads its source
  const src = new URL('./ingest-worker.ts', self).href;
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(src)}))`;
  return new Worker(boot, { eval: true, resourceLimits });
}

export interface PoolOptions {
  workers: number;
  /** a file taking longer than this (more for a long one: timeoutFor) is reported as failed (its worker is replaced) */
  timeoutMs: number;
  onResult: (r: JobResult) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * A file's time limit: the pool's, or ten seconds a megabyte for a long article (extraction is
 * linear, about a second a megabyte on a busy machine), so only a pathological input runs out.
 */
function timeoutFor(job: Job, base: number): number {
  return Math.max(base, Math.ceil(job.bytes.length / 1e6) * 10_000);
}

/** Runs every job; resolves when all have a result (or the signal aborts: the rest are not started). */
export async function runPool(jobs: Job[], opts: PoolOptions): Promise<void> {
  let next = 0;
  const n = Math.max(1, Math.min(opts.workers, jobs.length));
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      while (next < jobs.length && !opts.signal?.aborted) {
        const job = jobs[next++]!;
        worker ??= startWorker(n);
        const w = worker;
        const result = await new Promise<JobResult>((resolve) => {
          const done = (r: JobResult, broken: boolean) => {
            clearTimeout(timer);
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
            if (broken) {
              void w.terminate();
              worker = null;
            }
            resolve(r);
          };
          const onMessage = (r: JobResult) => done(r, false);
          // out of memory: the one message extract gives, not the worker's error
          const onError = (e: Error) => done({ ok: false, file: job.file, reason: isOutOfMemory(e) ? outOfMemoryMessage(job.bytes.length, n) : `extraction crashed: ${e.message}` }, true);
          const onExit = (code: number) => done({ ok: false, file: job.file, reason: `extraction stopped (exit code ${code})` }, true);
          const ms = timeoutFor(job, opts.timeoutMs);
          const timer = setTimeout(() => done({ ok: false, file: job.file, reason: `extraction took longer than ${Math.round(ms / 1000)} s` }, true), ms);
          w.on('message', onMessage);
          w.on('error', onError);
          w.on('exit', onExit);
          // the bytes are copied, not moved: the caller hashed them and may keep them
          w.postMessage(job);
        });
        await opts.onResult(result);
      }
    } finally {
      if (worker) await (worker as Worker).terminate();
    }
  };
  await Promise.all(Array.from({ length: n }, lane));
}
