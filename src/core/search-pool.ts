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
import type { Corpus } from './corpus.js';
import { packShard } from './shard.js';
import type { QuoteHit } from './search.js';
import type { SearchRequest, ShardInit, WireHit, WorkerReply } from './search-worker.js';

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
}

interface ShardState {
  hits: WireHit[];
  total: number;
  done: boolean;
  error?: string;
}

function startWorker(workerData: unknown): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./search-worker.js', self), { workerData });
  // Running from TypeScript sources (tests, tsx): the worker registers tsx, then loads its source.
  const src = new URL('./search-worker.ts', self).href;
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(src)}))`;
  return new Worker(boot, { eval: true, workerData });
}

export class SearchPool {
  private readonly workers: Worker[] = [];
  private readonly latest = new Int32Array(new SharedArrayBuffer(4));
  private readonly limit: number;
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
    const n = Math.max(1, Math.min(opts.workers ?? Math.min(4, os.availableParallelism()), corpus.quotes.length || 1));
    const total = corpus.quotes.length;
    const readies: Promise<void>[] = [];
    const actorIndex = new Map(corpus.actors.map((a, i) => [a.id, i]));
    for (let s = 0; s < n; s++) {
      const from = Math.floor((s * total) / n);
      const to = Math.floor(((s + 1) * total) / n);
      const w = startWorker({ latest: this.latest.buffer });
      w.unref(); // never keep the process alive on its own
      readies.push(
        new Promise<void>((resolve, reject) => {
          w.once('error', reject);
          const onReady = (m: WorkerReply) => {
            if (m.type === 'ready') {
              w.off('message', onReady);
              resolve();
            }
          };
          w.on('message', onReady);
        }),
      );
      w.on('message', (m: WorkerReply) => this.onReply(s, m));
      const init: ShardInit = {
        type: 'init',
        offset: from,
        actors: corpus.actors,
        narratives: corpus.narratives,
        shard: packShard(corpus, from, to, actorIndex),
      };
      w.postMessage(init);
      this.workers.push(w);
    }
    this.ready = Promise.all(readies).then(() => undefined);
  }

  /** Starts a search; `onUpdate` gets the best hits so far, then the final ones (done). */
  search(query: string, onUpdate: (u: PoolUpdate) => void, opts: { exhaustive?: boolean } = {}): number {
    const seq = ++this.seq;
    Atomics.store(this.latest, 0, seq); // every running scan of an older query stops
    this.listener = onUpdate;
    this.query = query;
    this.shards = this.workers.map(() => ({ hits: [], total: 0, done: false }));
    if (query.trim() === '') {
      // Every quote in corpus order: known without searching.
      const hits = this.corpus.quotes.slice(0, this.limit).map((ref, order) => this.toHit({ order, score: 0, matches: [] }, ref));
      queueMicrotask(() => this.listener === onUpdate && this.seq === seq && onUpdate({ seq, query, hits, total: this.corpus.quotes.length, done: true }));
      return seq;
    }
    const req: SearchRequest = { type: 'search', seq, query, limit: this.limit, ...(opts.exhaustive ? { exhaustive: true } : {}) };
    for (const w of this.workers) w.postMessage(req);
    return seq;
  }

  private toHit(w: WireHit, ref = this.corpus.quotes[w.order]!): QuoteHit {
    const speaker = ref.quote.speaker ? (this.corpus.actorById.get(ref.quote.speaker) ?? null) : null;
    return { ref, speaker, score: w.score, order: w.order, matches: w.matches };
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
    Atomics.store(this.latest, 0, ++this.seq);
    this.listener = undefined;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
