/**
 * extractDraft on a worker thread (issue 18): the extractor is synchronous, and on a long article
 * it held the event loop for seconds to minutes, so a SIGTERM or Ctrl-C waited for it to finish.
 * Here the calling thread only waits for a message and handles signals as they come (the process
 * ends, and the worker with it). Short texts are extracted in place: starting a worker costs more
 * than they take.
 *
 * `extractDraftJsonInWorker` brings back the draft's JSON text (core/json-text.ts) instead of the
 * draft: copying a long article's draft to this thread object by object cost more than printing
 * it there, and the text comes in pieces, so no single string has to hold it.
 *
 * A draft takes about a hundred times its article's size in memory while it is made. The worker
 * may use most of the machine's memory (not only V8's default of about 4 GB); when even that is
 * not enough it is stopped and the caller gets one clear message, never a native abort.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CorpusFile } from '../corpus/schema.js';
import { formatSize } from '../corpus/size.js';
import { jsonPieces } from '../json-text.js';
import { extractDraft, type ExtractMeta } from './index.js';

/** Below this many characters the draft is made on the calling thread. */
export const IN_PLACE_BELOW = 64 * 1024;

/**
 * The worker's heap: three quarters of the machine's memory, at least V8's usual 4 GB, at most
 * 64 GB. NL_EXTRACT_HEAP_MB sets it (a smaller machine's limit, tried in the tests).
 */
export function workerHeapMb(totalBytes = os.totalmem(), env = process.env): number {
  const set = Number(env.NL_EXTRACT_HEAP_MB);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.round(Math.min(64 * 1024, Math.max(4 * 1024, (totalBytes * 0.75) / 2 ** 20)));
}

function startWorker(): Worker {
  const self = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: workerHeapMb() };
  if (!self.endsWith('.ts')) return new Worker(new URL('./draft-worker.js', self), { resourceLimits });
  // from TypeScript sources (tests, tsx): the worker registers tsx, then loads its source
  const src = new URL('./draft-worker.ts', self).href;
  return new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(src)}))`, { eval: true, resourceLimits });
}

type Reply<T> = { ok: true; result: T } | { ok: false; message: string };

/** What the worker was asked for: the draft itself, or its JSON text in pieces. */
export type DraftRequest = { text: string; meta: ExtractMeta; as: 'draft' | 'json' };

async function inWorker<T>(text: string, meta: ExtractMeta, as: DraftRequest['as']): Promise<T> {
  const worker = startWorker();
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', (m: Reply<T>) => (m.ok ? resolve(m.result) : reject(new Error(m.message))));
      worker.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(text) : err));
      worker.once('exit', (code) => reject(new Error(`the extractor stopped (exit ${code})`)));
      worker.postMessage({ text, meta, as } satisfies DraftRequest);
    });
  } finally {
    void worker.terminate();
  }
}

function outOfMemory(text: string): Error {
  return new Error(
    `the article (${formatSize(Buffer.byteLength(text))}) is too long to extract in the memory this machine allows (${formatSize(workerHeapMb() * 2 ** 20)}); split it into shorter files`,
  );
}

export async function extractDraftInWorker(text: string, meta: ExtractMeta = {}): Promise<CorpusFile> {
  if (text.length < IN_PLACE_BELOW) return extractDraft(text, meta);
  return inWorker<CorpusFile>(text, meta, 'draft');
}

/** The draft's JSON text as every command prints it (core/json-text.ts), in pieces that join to it. */
export async function extractDraftJsonInWorker(text: string, meta: ExtractMeta = {}): Promise<string[]> {
  if (text.length < IN_PLACE_BELOW) return jsonPieces(extractDraft(text, meta));
  return inWorker<string[]>(text, meta, 'json');
}
