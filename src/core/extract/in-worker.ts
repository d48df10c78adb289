/**
 * extractDraft on a worker thread (issue 18): the extractor is synchronous, and on a long article
 * it held the event loop for seconds to minutes, so a SIGTERM or Ctrl-C waited for it to finish.
 * Here the calling thread only waits for a message and handles signals as they come (the process
 * ends, and the worker with it). Short texts are extracted in place: starting a worker costs more
 * than they take.
 */
import { Worker } from 'node:worker_threads';
import type { CorpusFile } from '../corpus/schema.js';
import { extractDraft, type ExtractMeta } from './index.js';

/** Below this many characters the draft is made on the calling thread. */
export const IN_PLACE_BELOW = 64 * 1024;

function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./draft-worker.js', self));
  // from TypeScript sources (tests, tsx): the worker registers tsx, then loads its source
  const src = new URL('./draft-worker.ts', self).href;
  return new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(src)}))`, { eval: true });
}

export async function extractDraftInWorker(text: string, meta: ExtractMeta = {}): Promise<CorpusFile> {
  if (text.length < IN_PLACE_BELOW) return extractDraft(text, meta);
  const worker = startWorker();
  try {
    return await new Promise<CorpusFile>((resolve, reject) => {
      worker.once('message', (m: { ok: true; draft: CorpusFile } | { ok: false; message: string }) =>
        m.ok ? resolve(m.draft) : reject(new Error(m.message)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the extractor stopped (exit ${code})`)));
      worker.postMessage({ text, meta });
    });
  } finally {
    void worker.terminate();
  }
}
