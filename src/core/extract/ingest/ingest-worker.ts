/**
 * An ingest worker thread: reads one article's bytes (web page, Markdown or text) and extracts its
 * draft. One file per message; an error is a reply, never a crash, so one bad file stops nothing.
 */
import { parentPort } from 'node:worker_threads';
import { extractOne, type Job, type JobResult } from './extract-one.js';

parentPort!.on('message', (job: Job) => {
  let reply: JobResult;
  try {
    reply = extractOne(job);
  } catch (e) {
    reply = { ok: false, file: job.file, reason: (e as Error).message || String(e) };
  }
  parentPort!.postMessage(reply);
});
