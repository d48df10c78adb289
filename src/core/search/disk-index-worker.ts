/**
 * A worker thread of `search` over a large index on disk: it ranks the index's upper part
 * (disk-index.ts rankDiskIndex over [splitPoint, n)) while the calling thread ranks the lower,
 * and answers with the part's best matches and how many matched. It opens the file on its own;
 * the calling thread uses the answer only if the file's seal is the one it checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DamagedIndexError, DiskIndex, rankDiskIndex, splitPoint, type ScanJob, type ScanReply } from './disk-index.js';
import { compileQuery } from './search.js';

function answer(job: ScanJob): { reply: ScanReply; transfer: ArrayBuffer[] } {
  let index: DiskIndex | undefined;
  try {
    index = DiskIndex.openSync(job.file);
    const compiled = compileQuery(job.query);
    if (!compiled.ok) return { reply: { ok: false, damaged: false, message: compiled.error }, transfer: [] };
    const first = splitPoint(index.header);
    const ranked = rankDiskIndex(index, compiled.query, job.limit ?? Infinity, [first, index.header.quotes]);
    const pos = Int32Array.from(ranked.shown, (s) => s.pos);
    const score = Float64Array.from(ranked.shown, (s) => s.score);
    return { reply: { ok: true, seal: index.header.seal, first, pos, score, total: ranked.total }, transfer: [pos.buffer as ArrayBuffer, score.buffer as ArrayBuffer] };
  } catch (err) {
    return { reply: { ok: false, damaged: err instanceof DamagedIndexError, message: (err as Error).message }, transfer: [] };
  } finally {
    index?.close();
  }
}

const { reply, transfer } = answer(workerData as ScanJob);
parentPort!.postMessage(reply, transfer);
