/**
 * Quote search off the UI thread: the quotes are split into contiguous shards, one per worker
 * thread (one per core), each searched in chunks. A new query cancels the previous one through
 * a shared sequence number the workers check between chunks, so typing never queues behind a
 * stale scan. Results arrive as updates: the best hits found so far, then the final ones.
 *
 * Exactness: a hit's score depends only on its own record and the query, so merging the shards'
 * top hits by (score, corpus position) gives exactly the top hits of one full search.
 */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import type { Corpus, QuoteRef } from '../corpus/corpus.js';
import { packShard, transferables } from './shard.js';
import { findDiskIndexOf } from './disk-index.js';
import type { QuoteHit } from './search.js';
import type { Held, HeldRequest, SearchRequest, ShardInit, WireHit, WorkerReply } from './worker.js';

export interface PoolUpdate {
  seq: number;
  query: string;
  hits: QuoteHit[];
  total: number;
  /** false while some shard is still scanning: `hits` are the best found so far */
  done: boolean;
  error?: string;
}

export interface PoolOptions {
  /** worker threads; default one per core, at most 4 */
  workers?: number;
  /** hits kept per update */
  limit?: number;
  /**
   * Where the workers get their shards: 'auto' (the default) reads them from the corpus's search
   * index on disk when a fresh one built from this very corpus exists (disk-index.ts
   * findDiskIndexOf), else the UI thread packs and hands them over; false always packs.
   */
  diskIndex?: 'auto' | false;
  /** the cache folder to look in (tests) */
  cacheDir?: string;
  /** @internal shards of at least this many quotes read from disk stay compact (default COMPACT_FROM; tests) */
  compactFrom?: number;
}

/**
 * A shard read from the index on disk of at least this many quotes is kept compact by its worker
 * (disk-shard.ts: the folded text and the index's columns, ranked from them) instead of indexed
 * in memory. Measured on the benchmark's corpora, 2 workers, built code, the typing session of
 * its 20 queries: at 100,000 quotes (50,000 a shard) peak RSS 477 -> 330 MB with the final
 * results' p95 within the noise of the shared machine (55-78 vs 59-89 ms); at 10,000 quotes
 * (5,000 a shard) 207 vs 203-211 MB, but p95 9 -> 15 ms: there the objects cost little and the
 * in-memory index's kept entries and records answer faster.
 */
export const COMPACT_FROM = 20_000;

interface ShardState {
  hits: WireHit[];
  total: number;
  done: boolean;
  error?: string;
}

/**
 * A worker's heap limit, from its shard's size (12 KB a quote, at least 256 MB). V8 lets a heap
 * grow far beyond what it holds before collecting: at 100,000 quotes each worker holds about
 * 125 MB (its shard's texts, its index and fuse's index entries), yet without a limit the typing
 * session's peak RSS reached 1.4 GB, garbage of earlier searches. With a limit V8 collects
 * sooner: 0.87 GB with this one (650 MB a worker), about the same with half of it; a limit near
 * the live size thrashed (seconds a keystroke). The price is more collections: in the runs we
 * compared, p95 to first results 34 -> 80 ms and to final results 443 -> 479 ms. Should a worker
 * still run out, the pool starts it again (see onWorkerGone).
 */
export function workerHeapLimitMb(records: number): number {
  return Math.max(256, 64 + Math.ceil((records * 12) / 1024));
}

/**
 * The heap limit of a worker that keeps its shard compact (disk-shard.ts): it holds the index's
 * header and tables, a few numbers a quote and the hits shown (its folded text is outside the
 * heap); at a million quotes, 66 MB each after a collection. 128 MB plus 256 bytes a quote leaves
 * it room several times that, and bounds the garbage V8 lets pile up (the in-memory limit, 12 KB
 * a quote, is 5.9 GB a worker there). Measured at a million quotes, typing two queries: before
 * collecting, each worker's heap was 250-280 MB with a list and an object per match, 120-127 MB
 * without (worker.ts run); with 128 instead of 256 bytes a quote the peak RSS was the same.
 */
export function compactHeapLimitMb(records: number): number {
  return 128 + Math.ceil((records * 256) / (1024 * 1024));
}

/**
 * The young generation of a compact worker (where a search's short-lived strings and objects
 * are made): V8 let it grow to 32 MB a worker while typing.
 */
const COMPACT_YOUNG_MB = 8;

/** A shard's worker is started again at most this many times before its searches fail. */
const MAX_RESTARTS = 2;

function startWorker(workerData: unknown, heapMb: number, youngMb?: number): Worker {
  const self = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, ...(youngMb ? { maxYoungGenerationSizeMb: youngMb } : {}) };
  if (!self.endsWith('.ts')) return new Worker(new URL('./worker.js', self), { workerData, resourceLimits });
  // Running from TypeScript sources (tests, tsx): the worker registers tsx, then loads its source.
  const src = new URL('./worker.ts', self).href;
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(src)}))`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

export class SearchPool {
  private readonly workers: (Worker | undefined)[] = [];
  /** each shard's [from, to) in corpus.quotes */
  private readonly ranges: [number, number][] = [];
  private readonly restarts: number[];
  private readonly actorIndex: Map<string, number>;
  /** the search the workers are answering, for a restarted worker */
  private running: SearchRequest | undefined;
  /** set once a shard's worker failed for good: every later search reports it */
  private failed: string | undefined;
  private closed = false;
  private readonly latest = new Int32Array(new SharedArrayBuffer(4));
  private readonly limit: number;
  private readonly compactFrom: number;
  /** the search index on disk the workers read their shards from, when there is one */
  private readonly source: Promise<string | undefined>;
  private seq = 0;
  private shards: ShardState[] = [];
  private listener: ((u: PoolUpdate) => void) | undefined;
  private query = '';
  readonly ready: Promise<void>;

  constructor(
    private readonly corpus: Corpus,
    opts: PoolOptions = {},
  ) {
    this.limit = opts.limit ?? 50;
    this.compactFrom = opts.compactFrom ?? COMPACT_FROM;
    const n = Math.max(1, Math.min(opts.workers ?? Math.min(4, os.availableParallelism()), corpus.quotes.length || 1));
    const total = corpus.quotes.length;
    this.actorIndex = new Map(corpus.actors.map((a, i) => [a.id, i]));
    for (let s = 0; s < n; s++) this.ranges.push([Math.floor((s * total) / n), Math.floor(((s + 1) * total) / n)]);
    this.restarts = this.ranges.map(() => 0);
    // (the search typed while the index is looked for waits for the workers: see startShard)
    this.source = opts.diskIndex === false ? Promise.resolve(undefined) : findDiskIndexOf(corpus, { cacheDir: opts.cacheDir });
    this.ready = Promise.all(this.ranges.map((_, s) => this.startShard(s))).then(() => undefined);
  }

  /** Whether the workers read their shards from the search index on disk (tests, benchmark). */
  async readsFromDisk(): Promise<boolean> {
    return (await this.source) !== undefined;
  }

  /** Starts shard s's worker; resolves when it holds its shard. */
  private async startShard(s: number): Promise<void> {
    const [from, to] = this.ranges[s]!;
    const indexFile = await this.source;
    if (this.closed) return;
    const compact = indexFile !== undefined && to - from >= this.compactFrom;
    const w = startWorker({ latest: this.latest.buffer }, compact ? compactHeapLimitMb(to - from) : workerHeapLimitMb(to - from), compact ? COMPACT_YOUNG_MB : undefined);
    w.unref(); // never keep the process alive on its own
    this.workers[s] = w;
    const ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: WorkerReply) => {
        if (m.type === 'ready') {
          w.off('message', onReady);
          w.off('error', reject);
          resolve();
        }
      };
      w.on('message', onReady);
      w.once('error', reject);
    });
    w.on('message', (m: WorkerReply) => this.workers[s] === w && this.onReply(s, m));
    // after ready: a worker that fails (out of memory) or exits is replaced
    const gone = (err?: Error) => this.workers[s] === w && this.onWorkerGone(s, err);
    void ready.then(() => {
      w.on('error', gone);
      w.on('exit', () => gone());
    }, () => undefined);
    if (indexFile) {
      // the worker reads its quotes from the index file: nothing is packed or copied here
      const init: ShardInit = { type: 'init', offset: from, to, indexFile, compact };
      w.postMessage(init);
    } else {
      const shard = packShard(this.corpus, from, to, this.actorIndex);
      const init: ShardInit = { type: 'init', offset: from, actors: this.corpus.actors, narratives: this.corpus.narratives, shard };
      w.postMessage(init, transferables(shard));
    }
    // A search started before this worker existed (typed while the pool was still looking for
    // the index on disk, or while a crashed worker was being replaced) was sent to nobody: send
    // it now. The worker handles it after its shard is in (messages are handled in order).
    // Without this, a query typed in the first moments of a session never got its results.
    const req = this.running;
    if (req && req.seq === this.seq && !this.shards[s]?.done) w.postMessage(req);
    return ready;
  }

  /**
   * Shard s's worker failed or exited while the pool is open: start it again and hand it the
   * running search (its update for that search is still missing); after MAX_RESTARTS, the
   * search reports an error instead of waiting for ever.
   */
  private onWorkerGone(s: number, err?: Error): void {
    if (this.closed) return;
    this.workers[s] = undefined;
    if (this.restarts[s]! >= MAX_RESTARTS) {
      this.failed = `the search stopped: a search worker failed (${err?.message ?? 'it exited'})`;
      if (this.running) this.onReply(s, { type: 'result', seq: this.running.seq, hits: [], total: 0, done: true, error: this.failed });
      return;
    }
    this.restarts[s]!++;
    // startShard hands the new worker the running search
    this.startShard(s).catch((e: Error) => this.onWorkerGone(s, e));
  }

  /** Starts a search; `onUpdate` gets the best hits so far, then the final ones (done). */
  search(query: string, onUpdate: (u: PoolUpdate) => void, opts: { exhaustive?: boolean } = {}): number {
    const seq = ++this.seq;
    Atomics.store(this.latest, 0, seq); // every running scan of an older query stops
    this.listener = onUpdate;
    this.query = query;
    // one state per shard, whether or not its worker is running yet
    this.shards = this.ranges.map(() => ({ hits: [], total: 0, done: false }));
    if (query.trim() === '') {
      // Every quote in corpus order: known without searching.
      const hits = this.corpus.quotes.slice(0, this.limit).map((ref, order) => this.toHit({ order, score: 0, matches: [] }, ref));
      queueMicrotask(() => this.listener === onUpdate && this.seq === seq && onUpdate({ seq, query, hits, total: this.corpus.quotes.length, done: true }));
      return seq;
    }
    const req: SearchRequest = { type: 'search', seq, query, limit: this.limit, ...(opts.exhaustive ? { exhaustive: true } : {}) };
    this.running = req;
    if (this.failed) {
      const error = this.failed;
      queueMicrotask(() => this.listener === onUpdate && this.seq === seq && onUpdate({ seq, query, hits: [], total: 0, done: true, error }));
      return seq;
    }
    for (const w of this.workers) w?.postMessage(req); // a worker not started yet gets it from startShard
    return seq;
  }

  private toHit(w: WireHit, ref = this.corpus.quotes[w.order]!): QuoteHit {
    const speaker = ref.quote.speaker ? (this.corpus.actorById.get(ref.quote.speaker) ?? null) : null;
    // the workers keep only folded texts: a text match points into the quote as written, here
    const matches = w.matches.map((m) => (m.field === 'text' ? { ...m, value: this.textOf(w.order, ref) } : m));
    return { ref, speaker, score: w.score, order: w.order, matches };
  }

  /** Texts of recent hits, by position, most recent last (see textOf). */
  private readonly texts = new Map<number, string>();

  /**
   * A hit's text as written. A dashboard's corpus may read it from disk each time it is asked
   * (core/corpus/texts-on-demand.ts), and every update of a search names the best hits so far
   * again, most of them the previous keystroke's too: the last few hundred are kept.
   */
  private textOf(order: number, ref: QuoteRef): string {
    let text = this.texts.get(order);
    if (text === undefined) {
      text = ref.quote.text;
      if (this.texts.size >= 4 * this.limit) this.texts.delete(this.texts.keys().next().value!);
    } else this.texts.delete(order);
    this.texts.set(order, text);
    return text;
  }

  private onReply(shard: number, m: WorkerReply): void {
    if (m.type !== 'result' || m.seq !== this.seq) return; // stale
    const state = this.shards[shard]!;
    state.hits = m.hits;
    state.total = m.total;
    state.done = m.done;
    state.error = m.error;
    const error = this.shards.find((s) => s.error)?.error;
    const merged = this.shards
      .flatMap((s) => s.hits)
      .sort((a, b) => a.score - b.score || a.order - b.order)
      .slice(0, this.limit);
    this.listener?.({
      seq: m.seq,
      query: this.query,
      hits: error ? [] : merged.map((h) => this.toHit(h)),
      total: error ? 0 : this.shards.reduce((n, s) => n + s.total, 0),
      done: this.shards.every((s) => s.done),
      ...(error ? { error } : {}),
    });
  }

  /** Resolves with the final update of `query` (for the command line and the benchmark). */
  searchFinal(query: string, opts: { exhaustive?: boolean } = {}): Promise<PoolUpdate> {
    return new Promise((resolve) => this.search(query, (u) => u.done && resolve(u), opts));
  }

  async close(): Promise<void> {
    this.closed = true;
    Atomics.store(this.latest, 0, ++this.seq);
    this.listener = undefined;
    await Promise.all(this.workers.map((w) => w?.terminate()));
  }

  /** @internal tests: what each shard's worker holds in memory, after the searches sent before */
  async heldForTest(): Promise<Held[]> {
    await this.ready;
    return Promise.all(
      this.workers.map(
        (w) =>
          new Promise<Held>((resolve) => {
            const on = (m: WorkerReply) => {
              if (m.type !== 'held') return;
              w!.off('message', on);
              const { type: _type, ...held } = m;
              resolve(held);
            };
            w!.on('message', on);
            w!.postMessage({ type: 'held' } satisfies HeldRequest);
          }),
      ),
    );
  }

  /** @internal tests: end shard s's worker as a crash would */
  crashWorkerForTest(s: number): Promise<number> | undefined {
    return this.workers[s]?.terminate();
  }
}
