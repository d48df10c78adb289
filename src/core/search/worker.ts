/**
 * A search worker: holds one shard of the quotes (a contiguous range of corpus.quotes) and
 * answers queries for it in chunks, so that a newer keystroke stops a stale search between two
 * chunks, and the best hits so far reach the screen while the scan goes on.
 *
 * Protocol (see search-pool.ts): `init` with the shard, then `search` messages; replies are
 * `ready`, and `result` updates (partial, then one with done: true) or nothing at all for a
 * search that went stale. Only the main thread writes the shared `latest` sequence number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readlinkSync } from 'node:fs';
import { collectGarbage } from '../collect.js';
import os from 'node:os';
import v8 from 'node:v8';
import type { Actor, Narrative } from '../corpus/schema.js';
import type { Corpus } from '../corpus/corpus.js';
import { unpackShard, type PackedShard } from './shard.js';
import { byScore, buildSearchIndex, compileQuery, forgetQuoteTexts, highlightHits, rankQuotes, type FieldMatch, type Scored, type SearchIndex } from './search.js';
import { narrows } from './prefilter.js';
import { Best } from './best.js';
import type { ParsedQuery } from './query.js';
import type { DiskShard } from './disk-shard.js';

export type ShardInit =
  | {
      type: 'init';
      /** position of the shard's first quote in corpus.quotes */
      offset: number;
      actors: Actor[];
      narratives: Narrative[];
      /** the shard's quotes, in corpus order (core/shard.ts) */
      shard: PackedShard;
    }
  | {
      type: 'init';
      offset: number;
      /** the search index on disk to read quotes [offset, to) from (disk-index.ts), instead of a copy */
      indexFile: string;
      to: number;
      /** keep the shard compact and rank from the index's data (disk-shard.ts), rather than index it in memory */
      compact: boolean;
    };

export interface SearchRequest {
  type: 'search';
  seq: number;
  query: string;
  limit: number;
  /** no pruning and no narrowing: every record goes to fuse (the benchmark's reference) */
  exhaustive?: boolean;
}

/** @internal tests: what the worker holds (see Held) */
export interface HeldRequest {
  type: 'held';
}

/** What a worker keeps in memory, for tests: the shard's quotes as objects, or only compact data. */
export interface Held {
  /** where its quotes came from: handed over (indexed in memory) or read from the index on disk */
  source: 'memory' | 'disk';
  /** prepared records (one object tree a quote) kept: the shard's size in memory, 0 from disk */
  records: number;
  /** V8's heap in use after a full collection (bytes) */
  heapUsed: number;
}

export interface WireHit {
  /** global position in corpus.quotes */
  order: number;
  score: number;
  /** a 'text' match comes with an empty value: the pool fills in the quote's text (the worker keeps only its folded text) */
  matches: FieldMatch[];
}

export type WorkerReply =
  | { type: 'ready'; quotes: number }
  | ({ type: 'held' } & Held)
  | { type: 'result'; seq: number; hits: WireHit[]; total: number; done: boolean; error?: string };

/** Records per chunk: small enough that a stale search stops within a few milliseconds. */
const CHUNK = 1500;
/** Partial results are sent at most this often (ms); the first chunk's always goes out. */
const PARTIAL_EVERY_MS = 25;

const latest = new Int32Array(workerData.latest as SharedArrayBuffer);

/**
 * Searching yields the processor to the UI thread. With one worker per core, the workers and the
 * UI thread are one thread more than there are cores, and the scheduler then kept the UI thread
 * off a core for up to ~100 ms at a time (10,000 quotes, 2 cores): frames came late while a scan
 * ran. At a lower priority the workers still get every cycle the UI thread does not want. Linux
 * only (a thread's own id, from /proc/thread-self); elsewhere, or if refused, nothing changes.
 * The benchmark's typing session, which draws no frames, showed no clear difference in its stall
 * either way, and about 10% slower keystrokes at 10,000 quotes; the dashboard's UI thread also
 * renders, which is what this is for.
 */
const WORKER_NICENESS = 10;
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, Math.max(os.getPriority(tid), WORKER_NICENESS));
} catch {
  // not Linux, or not allowed: the workers keep the process's priority
}
/**
 * What the worker searches: a shard handed over is indexed in memory (search.ts); one read from
 * the search index on disk stays compact (disk-shard.ts) and is ranked from the index's folded
 * text and columns.
 */
let index: SearchIndex | undefined;
let disk: DiskShard | undefined;
let offset = 0;
/**
 * The last queries that ran to completion, each with every position it matched, newest first.
 * A query may search only the matches of any earlier query it narrows (prefilter.ts narrows:
 * every record matching it matches that one), and the fewest of them win. Not only the last
 * query's: when a term grows past a length that allows one more error ('western countr' after
 * 'western count'), the last query's matches are no longer a superset, but those of 'western'
 * typed a few keys earlier still are — at 100,000 quotes a quarter of the records instead of all.
 */
let recent: { parsed: ParsedQuery; matched: Int32Array }[] = [];
/** How many completed queries are remembered (at most 4 bytes a record each). */
const RECENT = 12;

/** The smallest remembered set of positions every match of `parsed` must be in; null: all records. */
function narrowest(parsed: ParsedQuery): Int32Array | null {
  let best: Int32Array | null = null;
  for (const r of recent) if ((best === null || r.matched.length < best.length) && narrows(r.parsed, parsed)) best = r.matched;
  return best;
}

/** The matches of the search running (see run), kept from search to search. */
let matchedScratch = new Int32Array(0);

const stale = (seq: number) => Atomics.load(latest, 0) !== seq;

function reply(msg: WorkerReply): void {
  parentPort!.postMessage(msg);
}

/** fuse refused the query (it throws on some patterns): the final, empty result, with why */
function replyFailed(seq: number, err: unknown, send: (msg: WorkerReply) => void = reply): void {
  send({ type: 'result', seq, hits: [], total: 0, done: true, error: `cannot search for that: ${(err as Error).message}` });
}

/**
 * Answers one search: updates go to `send` (the UI thread; nowhere for a warm-up search), and
 * only the first `upTo` records are searched (all of them but in a warm-up).
 */
function run(req: SearchRequest, send: (msg: WorkerReply) => void = reply, upTo = Infinity): void {
  if ((!index && !disk) || stale(req.seq)) return;
  const compiled = compileQuery(req.query, { exhaustive: req.exhaustive });
  if (!compiled.ok) {
    send({ type: 'result', seq: req.seq, hits: [], total: 0, done: true, error: compiled.error });
    return;
  }
  const q = compiled.query;
  if (req.exhaustive) {
    // The reference search (benchmark, tests): one plain fuse.js search of the whole shard, not
    // in chunks: rankQuotes' reference mode searches every document whatever the chunk, so
    // chunking it repeated the whole scan once per chunk (34 times at 100,000 quotes).
    if (disk) {
      // a compact shard: searched part by part (disk-shard.ts reference)
      let found: ReturnType<DiskShard['reference']>;
      try {
        found = disk.reference(q, req.limit);
      } catch (err) {
        return replyFailed(req.seq, err);
      }
      if (!stale(req.seq)) reply({ type: 'result', seq: req.seq, hits: found.hits.map(wireHit), total: found.total, done: true });
      return;
    }
    let scored: Scored[];
    try {
      scored = rankQuotes(index!, q).sort(byScore);
    } catch (err) {
      return replyFailed(req.seq, err);
    }
    if (!stale(req.seq)) reply({ type: 'result', seq: req.seq, hits: toWire(q, scored.slice(0, req.limit)), total: scored.length, done: true });
    return;
  }
  // Narrowing: when every match of this query must match an earlier one, search only those.
  const pool = narrowest(q.parsed);
  const size = Math.min(upTo, pool ? pool.length : index ? index.records.length : disk!.size);

  const best = new Best(req.limit);
  // every match's position, in order, in a buffer kept from search to search: a list grown match
  // by match, and an object per match, were megabytes of garbage a keystroke at a million quotes
  // (a letter matches nearly every quote), and the workers' heaps grew by 150-250 MB each
  if (matchedScratch.length < size) matchedScratch = new Int32Array(size);
  const matched = matchedScratch;
  let count = 0;
  const found = (pos: number, score: number) => {
    matched[count++] = pos;
    best.add(pos, score);
  };
  let lastPost = -Infinity;
  for (let start = 0; start < size || start === 0; start += CHUNK) {
    if (stale(req.seq)) return; // a newer keystroke: drop this search, send nothing
    const end = Math.min(size, start + CHUNK);
    let within: ArrayLike<number>;
    if (pool) within = pool.subarray(start, end);
    else {
      const w = new Int32Array(end - start);
      for (let i = 0; i < w.length; i++) w[i] = start + i;
      within = w;
    }
    try {
      if (index) for (const s of rankQuotes(index, q, within)) found(s.pos, s.score);
      else disk!.rank(q, within, found);
    } catch (err) {
      return replyFailed(req.seq, err, send);
    }
    const done = end >= size;
    const now = performance.now();
    if (done || now - lastPost >= PARTIAL_EVERY_MS) {
      lastPost = now;
      send({ type: 'result', seq: req.seq, hits: toWire(q, best.result().shown), total: count, done });
    }
    if (done) break;
  }
  // (rankQuotes gives a chunk's matches in no particular order)
  recent = [{ parsed: q.parsed, matched: matched.slice(0, count).sort() }, ...recent.slice(0, RECENT - 1)];
}

function toWire(q: Parameters<typeof highlightHits>[1], best: Scored[]): WireHit[] {
  return (index ? highlightHits(index, q, best) : disk!.highlight(q, best)).map(wireHit);
}

/** A hit as sent: its position in the whole corpus; a text match's value is the quote as written, which only the pool has (forgetQuoteTexts) */
function wireHit(h: { order: number; score: number; matches: FieldMatch[] }): WireHit {
  return { order: h.order + offset, score: h.score, matches: h.matches.map((m) => (m.field === 'text' ? { ...m, value: '' } : m)) };
}

/** Reads the shard (from the index file, or as handed over) and indexes it. */
async function init(msg: ShardInit): Promise<void> {
  offset = msg.offset;
  let quotes: number;
  if ('indexFile' in msg && msg.compact) {
    // loaded only here: a worker that is handed its shard never needs the index's reader
    const { DiskShard } = await import('./disk-shard.js');
    disk = DiskShard.open(msg.indexFile, msg.offset, msg.to);
    quotes = disk.size;
  } else {
    let shard: Corpus;
    if ('indexFile' in msg) {
      const { DiskIndex } = await import('./disk-index.js');
      const file = DiskIndex.openSync(msg.indexFile);
      try {
        shard = unpackShard(file.packedShard(msg.offset, msg.to), file.header.actors, file.header.narratives);
      } finally {
        file.close();
      }
    } else shard = unpackShard(msg.shard, msg.actors, msg.narratives);
    index = buildSearchIndex(shard);
    forgetQuoteTexts(index); // the pool has the quotes as written: only the folded texts stay here
    quotes = index.records.length;
  }
  warmUp();
  // after a turn of the event loop: collected at once, the shard as read and its copies (about
  // 35 MB a worker at 100,000 quotes, outside V8's heap) were still held by this call's frames
  // and stayed for the whole session (the typing session's peak 494-501 -> 462-480 MB, three
  // pairs in turn)
  await new Promise<void>((resolve) => setImmediate(resolve));
  collectOnce();
  recent = []; // the warm-up's searches saw only the first records
  reply({ type: 'ready', quotes });
}

/**
 * Searches the shard's first records for a few typical queries, answering no one, before the
 * worker says it is ready. Why: a session's first keystrokes ran on cold code — V8 had not yet
 * compiled the scan, the scoring and the highlighting — and took two to three times as long as
 * the same keystrokes typed again (10,000 quotes: p95 of the final results ~25-40 ms cold, ~15 ms
 * warm). The terms cover what a keystroke runs: one letter, exact and fuzzy terms of each number
 * of allowed errors, several terms, alternatives, the fzf operators. A search sent meanwhile
 * stops it at once (the shared sequence number changes), so nothing typed waits for it.
 */
const WARM_UP = ['e', 'th', 'the', 'ther', 'there', 'governmen', 'government', 'the people', "'the", '^th', 'a | e', 's th', 'e$', '!e', 'kind:direct e', 'speaker:a the'];
/** Records each warm-up query searches: enough for the compiler, little time at start. */
const WARM_UP_RECORDS = 1000;

function warmUp(): void {
  const seq = Atomics.load(latest, 0);
  // the pool has sent a search already (typed while this worker started, or one a restarted
  // worker must answer): answer it now, cold, rather than after the warm-up
  if (seq !== 0) return;
  for (const query of WARM_UP) {
    if (stale(seq)) return;
    run({ type: 'search', seq, query, limit: 50 }, () => undefined, WARM_UP_RECORDS);
  }
}

/**
 * One full collection once the shard is indexed. Reading and indexing a shard leaves garbage as
 * large as the shard (the texts as read, their one-byte copy, the decoded strings), much of it
 * outside V8's heap, and V8 ran no full collection until searches had piled more garbage on top:
 * a 100,000-quote typing session peaked at 770 MB with it and at 520 MB with this collection
 * (sampled over one session each, one after the other, on the loaded shared machine; its steady
 * size 660 vs 500 MB). (How: core/collect.ts.)
 */
function collectOnce(): void {
  collectGarbage();
}

function held(): void {
  collectGarbage();
  const records = index?.records.length ?? 0;
  reply({ type: 'held', source: disk ? 'disk' : 'memory', records, heapUsed: v8.getHeapStatistics().used_heap_size });
}

/** Messages are handled in the order they came: a search sent before the shard is in waits for it. */
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (msg: ShardInit | SearchRequest | HeldRequest) => {
  queue = queue.then(() => (msg.type === 'init' ? init(msg) : msg.type === 'held' ? held() : run(msg)));
  // a shard that cannot be read ends the worker with the error (the pool starts it again or gives up)
  queue.catch((err: unknown) => {
    throw err;
  });
});
