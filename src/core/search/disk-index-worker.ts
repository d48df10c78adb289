/**
 * A worker thread of `search` over a large index on disk: it takes blocks of the index from the
 * counter it shares with the calling thread and ranks them (disk-index.ts rankDiskIndex), then
 * answers with their best matches and how many matched. It opens the file on its own, and ranks
 * nothing unless the file's seal is the one the calling thread checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DamagedIndexError, DiskIndex, rankDiskIndex, SharedBatch, type ScanJob, type ScanReply } from './disk-index.js';
import { compileQuery } from './search.js';

const WORKER = 2;

function answer(job: ScanJob): { reply: ScanReply; transfer: ArrayBuffer[] } {
  let index: DiskIndex | undefined;
  try {
    index = DiskIndex.openSync(job.file);
    const compiled = compileQuery(job.query);
    if (!compiled.ok) return { reply: { ok: false, damaged: false, message: compiled.error }, transfer: [] };
    if (index.header.seal !== job.seal) return { reply: { ok: false, damaged: false, message: 'another file' }, transfer: [] };
    const shared = new SharedBatch(job.blocks, job.state);
    if (!shared.begin()) return { reply: { ok: false, damaged: false, message: 'not needed' }, transfer: [] };
    const ranked = rankDiskIndex(index, compiled.query, job.limit ?? Infinity, shared.claim(WORKER));
    const pos = Int32Array.from(ranked.shown, (s) => s.pos);
    const score = Float64Array.from(ranked.shown, (s) => s.score);
    return { reply: { ok: true, pos, score, total: ranked.total }, transfer: [pos.buffer as ArrayBuffer, score.buffer as ArrayBuffer] };
  } catch (err) {
    return { reply: { ok: false, damaged: err instanceof DamagedIndexError, message: (err as Error).message }, transfer: [] };
  } finally {
    index?.close();
  }
}

const { reply, transfer } = answer(workerData as ScanJob);
parentPort!.postMessage(reply, transfer);
