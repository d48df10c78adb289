/**
 * Extracts one draft on a worker thread (in-worker.ts), so that the thread that handles signals
 * stays free while a long article is extracted: Ctrl-C and SIGTERM end the command at once.
 */
import { parentPort } from 'node:worker_threads';
import { jsonPieces } from '../json-text.js';
import { extractDraft } from './index.js';
import type { DraftRequest } from './in-worker.js';

parentPort!.on('message', (msg: DraftRequest) => {
  try {
    const draft = extractDraft(msg.text, msg.meta);
    parentPort!.postMessage({ ok: true, result: msg.as === 'json' ? jsonPieces(draft) : draft });
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: (e as Error)?.message ?? String(e) });
  }
});
