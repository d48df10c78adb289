/**
 * Extracts one draft on a worker thread (in-worker.ts), so that the thread that handles signals
 * stays free while a long article is extracted: Ctrl-C and SIGTERM end the command at once.
 */
import { parentPort } from 'node:worker_threads';
import { extractDraft, type ExtractMeta } from './index.js';

parentPort!.on('message', (msg: { text: string; meta: ExtractMeta }) => {
  try {
    parentPort!.postMessage({ ok: true, draft: extractDraft(msg.text, msg.meta) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: (e as Error)?.message ?? String(e) });
  }
});
