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
 * Its heap, and the message when an article needs more, are decided in worker-memory.ts (shared
 * with ingest's pool).
 */
import { Worker } from 'node:worker_threads';
import type { CorpusFile } from '../corpus/schema.js';
import { jsonPieces } from '../json-text.js';
import { extractDraft, type ExtractMeta } from './index.js';
import { extractionLimits, isOutOfMemory, outOfMemoryMessage } from './worker-memory.js';

/** Below this many characters the draft is made on the calling thread. */
export const IN_PLACE_BELOW = 64 * 1024;

function startWorker(): Worker {
  const self = import.meta.url;
  const resourceLimits = extractionLimits();
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
      worker.once('error', (err: NodeJS.ErrnoException) => reject(isOutOfMemory(err) ? new Error(outOfMemoryMessage(Buffer.byteLength(text))) : err));
      worker.once('exit', (code) => reject(new Error(`the extractor stopped (exit ${code})`)));
      worker.postMessage({ text, meta, as } satisfies DraftRequest);
    });
  } finally {
    void worker.terminate();
  }
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
