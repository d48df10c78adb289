/**
 * Runs ingest jobs on worker threads, one per core: each worker takes the next file when it
 * finishes one. A worker that crashes or takes too long on a file (a pathological input) is
 * ended and replaced; that file is reported as failed and the others go on.
 */
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './extract-one.js';

function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./ingest-worker.js', self));
  // from TypeScript sources (tests, tsx): the worker registers tsx, then loads its source
  const src = new URL('./ingest-worker.ts', self).href;
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(src)}))`;
  return new Worker(boot, { eval: true });
}

export interface PoolOptions {
  workers: number;
  /** a file taking longer than this is reported as failed (its worker is replaced) */
  timeoutMs: number;
  onResult: (r: JobResult) => void | Promise<void>;
  signal?: AbortSignal;
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
        worker ??= startWorker();
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
          const onError = (e: Error) => done({ ok: false, file: job.file, reason: `extraction crashed: ${e.message}` }, true);
          const onExit = (code: number) => done({ ok: false, file: job.file, reason: `extraction stopped (exit code ${code})` }, true);
          const timer = setTimeout(() => done({ ok: false, file: job.file, reason: `extraction took longer than ${Math.round(opts.timeoutMs / 1000)} s` }, true), opts.timeoutMs);
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
