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
import type { Actor, Narrative } from './schema.js';
import { unpackShard, type PackedShard } from './shard.js';
import { byScore, buildSearchIndex, compileQuery, highlightHits, rankQuotes, type FieldMatch, type Scored, type SearchIndex } from './search.js';
import { narrows } from './prefilter.js';
import type { ParsedQuery } from './query.js';

export interface ShardInit {
  type: 'init';
  /** position of the shard's first quote in corpus.quotes */
  offset: number;
  actors: Actor[];
  narratives: Narrative[];
  /** the shard's quotes, in corpus order (core/shard.ts) */
  shard: PackedShard;
}

export interface SearchRequest {
  type: 'search';
  seq: number;
  query: string;
  limit: number;
  /** no pruning and no narrowing: every record goes to fuse (the benchmark's reference) */
  exhaustive?: boolean;
}

export interface WireHit {
  /** global position in corpus.quotes */
  order: number;
  score: number;
  matches: FieldMatch[];
}

export type WorkerReply =
  | { type: 'ready'; quotes: number }
  | { type: 'result'; seq: number; hits: WireHit[]; total: number; done: boolean; error?: string };

/** Records per chunk: small enough that a stale search stops within a few milliseconds. */
const CHUNK = 1500;
/** Partial results are sent at most this often (ms); the first chunk's always goes out. */
const PARTIAL_EVERY_MS = 25;

const latest = new Int32Array(workerData.latest as SharedArrayBuffer);
let index: SearchIndex | undefined;
let offset = 0;
/** the last query that ran to completion, and every position it matched */
let previous: { parsed: ParsedQuery; matched: Int32Array } | undefined;

const stale = (seq: number) => Atomics.load(latest, 0) !== seq;

function reply(msg: WorkerReply): void {
  parentPort!.postMessage(msg);
}

function run(req: SearchRequest): void {
  if (!index || stale(req.seq)) return;
  const compiled = compileQuery(req.query, { exhaustive: req.exhaustive });
  if (!compiled.ok) {
    reply({ type: 'result', seq: req.seq, hits: [], total: 0, done: true, error: compiled.error });
    return;
  }
  const q = compiled.query;
  // Narrowing: when every match of this query must match the previous one, search only those.
  const pool = !req.exhaustive && previous && narrows(previous.parsed, q.parsed) ? previous.matched : null;
  const size = pool ? pool.length : index.records.length;

  let best: Scored[] = [];
  const matched: number[] = [];
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
    let scored: Scored[];
    try {
      scored = rankQuotes(index, q, within);
    } catch (err) {
      reply({ type: 'result', seq: req.seq, hits: [], total: 0, done: true, error: `cannot search for that: ${(err as Error).message}` });
      return;
    }
    for (const s of scored) matched.push(s.pos);
    best = best.concat(scored).sort(byScore).slice(0, req.limit);
    const done = end >= size;
    const now = performance.now();
    if (done || now - lastPost >= PARTIAL_EVERY_MS) {
      lastPost = now;
      reply({ type: 'result', seq: req.seq, hits: toWire(q, best), total: matched.length, done });
    }
    if (done) break;
  }
  if (req.exhaustive) return; // a reference search leaves the typing state alone
  matched.sort((a, b) => a - b);
  previous = { parsed: q.parsed, matched: Int32Array.from(matched) };
}

function toWire(q: Parameters<typeof highlightHits>[1], best: Scored[]): WireHit[] {
  return highlightHits(index!, q, best).map((h) => ({ order: h.order + offset, score: h.score, matches: h.matches }));
}

parentPort!.on('message', (msg: ShardInit | SearchRequest) => {
  if (msg.type === 'init') {
    offset = msg.offset;
    const corpus = unpackShard(msg.shard, msg.actors, msg.narratives);
    index = buildSearchIndex(corpus);
    previous = undefined;
    reply({ type: 'ready', quotes: corpus.quotes.length });
  } else if (msg.type === 'search') {
    run(msg);
  }
});
