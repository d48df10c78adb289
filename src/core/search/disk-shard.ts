/**
 * A search worker's shard read from the search index on disk (disk-index.ts), kept compact: the
 * index's columns and its header's tables, and the file, open, from which the folded text of the
 * quotes a search looks at is read at each search (checked once, when the shard is opened). No
 * object per quote: a quote is ranked straight from its folded text and the columns (disk-index.ts
 * quoteRanker: the filters, the exact prefilter and the scoring of the one quote search), and
 * only the hits a worker sends are read in full from the file, to compute their highlight ranges
 * (as `search` does: disk-index.ts hitsOf).
 *
 * Why: a worker used to unpack its shard into a full corpus and index it in memory (search.ts
 * buildSearchIndex: prepared records, documents, fuse's entries), about 1 KB of objects a quote:
 * at 100,000 quotes the two workers took a typing session's peak from about 170 MB (the UI
 * thread) to 478 MB, and at a million quotes they took 1.4-2.3 GB.
 *
 * Exactness: a quote's score is computed from the same folded fields by the same scoring as the
 * in-memory search (the index was built by it, disk-index.ts layout), and its highlight ranges by
 * the in-memory search itself over the hits' own records; tests compare whole sessions.
 */
import { DiskIndex, highlightFromRecords, quoteRanker, sharedEntries, type QuoteRanker, type SharedEntries } from './disk-index.js';
import { buildSearchIndex, GrowingSearchIndex, highlightHits, keepBest, rankQuotes, textNorm, type CompiledQuery, type FieldMatch, type Scored } from './search.js';
import { unpackShard } from './shard.js';

/** A shown hit of the shard: its position in the shard, score and highlight ranges. */
export interface ShardHit {
  order: number;
  score: number;
  matches: FieldMatch[];
}

/**
 * Reading the folded text: quotes closer than RUN_GAP code units (of text between them) are read
 * in one run, of RUN_UNITS code units at most (a longer quote is read on its own).
 */
const RUN_GAP = 4 * 1024;
const RUN_UNITS = 64 * 1024;

/** Quotes indexed at a time by the reference search (about 30 MB of objects). */
const REFERENCE_PART = 25_000;

export class DiskShard {
  private readonly hayEnds: Int32Array;
  /** how the index stores its folded text, and its bytes a code unit */
  private readonly encoding: 'latin1' | 'utf16le';
  private readonly unit: number;
  /** the buffer the folded text is read into, kept from read to read */
  private buffer: Buffer = Buffer.allocUnsafe(RUN_UNITS * 2);
  /**
   * fuse's field norm of each quote's text (search.ts textNorm; NaN: not yet needed): the one
   * thing of a quote's index entry that costs a pass over its text, kept once computed (8 bytes
   * a quote) instead of the entry itself (tens of bytes and an object a quote).
   */
  private readonly norms: Float64Array;
  /** the entry parts of the fields quotes share, made once for the session (they do not depend on the query) */
  private readonly shared: SharedEntries;
  /** each query's ranker, made at its first chunk */
  private readonly rankers = new WeakMap<CompiledQuery, QuoteRanker>();

  private constructor(
    private readonly index: DiskIndex,
    /** the shard's quotes are [from, to) of the index */
    readonly from: number,
    readonly to: number,
  ) {
    const size = index.header.hayBlock;
    this.hayEnds = index.int32('hayEnds');
    this.encoding = index.header.latin1 ? 'latin1' : 'utf16le';
    this.unit = index.header.latin1 ? 1 : 2;
    this.norms = new Float64Array(to - from).fill(NaN);
    this.shared = sharedEntries(index);
    // every block the shard overlaps is read once and checked; its text is read again at each
    // search, from the file kept open (the system's page cache, not this process, holds it)
    // (into one buffer: a new one per block was 6 MB of garbage each, 30 blocks a worker at a
    // million quotes, left for the collector while the worker started)
    let into: Buffer = Buffer.allocUnsafe(0);
    for (let b = Math.floor(from / size); b * size < to; b++) {
      const bytes = index.hayBlockBytes(b, into);
      if (bytes.buffer !== into.buffer) into = bytes;
    }
  }

  /** Quotes [from, to) of the index file, read and checked; the file stays open for the hits' records. */
  static open(file: string, from: number, to: number): DiskShard {
    const index = DiskIndex.openSync(file);
    try {
      return new DiskShard(index, from, Math.min(to, index.header.quotes));
    } catch (err) {
      index.close();
      throw err;
    }
  }

  get size(): number {
    return this.to - this.from;
  }

  /**
   * Ranks the shard's quotes `within` (positions in the shard) for `q`: `found` gets each match's
   * position in the shard and score, in the order of `within`. No object per match: a letter
   * typed at a million quotes matches half a million of them.
   */
  rank(q: CompiledQuery, within: ArrayLike<number>, found: (pos: number, score: number) => void): void {
    let ranker = this.rankers.get(q);
    if (!ranker) this.rankers.set(q, (ranker = quoteRanker(this.index, q, this.shared)));
    const from = this.from;
    if (!ranker.needsHay) {
      for (let i = 0; i < within.length; i++) if (ranker.score(from + within[i]!, '') >= 0) found(within[i]!, 0);
      return;
    }
    const norms = this.norms;
    const ends = this.hayEnds;
    const startOf = (pos: number) => (pos === 0 ? 0 : ends[pos - 1]!);
    // the quotes' folded text is read in runs of nearby quotes, one read each (a quote far from
    // the one before starts a run of its own), and each quote's text sliced from its run's
    for (let i = 0; i < within.length; ) {
      const runStart = startOf(from + within[i]!);
      let j = i;
      let owned = ends[from + within[i]!]! - runStart;
      while (j + 1 < within.length) {
        const last = from + within[j]!;
        const next = from + within[j + 1]!;
        if (next <= last || startOf(next) - ends[last]! > RUN_GAP || ends[next]! - runStart > RUN_UNITS) break;
        owned += ends[next]! - startOf(next);
        j++;
      }
      const runEnd = ends[from + within[j]!]!;
      const bytes = this.index.hayBytes(runStart, runEnd, this.buffer);
      if (bytes.length > this.buffer.length) this.buffer = bytes;
      // a run mostly of its quotes' own text is decoded whole and sliced; a sparse one (a
      // narrowed search: every ninth quote, say) quote by quote, its gaps never decoded (decoding
      // them too took half as long again as keeping the text in memory)
      const whole = owned * 2 >= runEnd - runStart ? bytes.toString(this.encoding) : null;
      for (; i <= j; i++) {
        const k = within[i]!;
        const s = startOf(from + k) - runStart;
        const e = ends[from + k]! - runStart;
        const own = whole !== null ? whole.slice(s, e) : bytes.toString(this.encoding, s * this.unit, e * this.unit);
        let norm = norms[k]!;
        if (norm !== norm) norms[k] = norm = textNorm(own); // NaN: first time
        const score = ranker.score(from + k, own, norm);
        if (score >= 0) found(k, score);
      }
    }
  }

  /**
   * The shown hits (positions in the shard) with their highlight ranges: their records read from
   * the file and indexed by the in-memory search (GrowingSearchIndex), which computes the ranges
   * from the quotes as written (the scores are the ranking's). Each update of a search names the
   * best hits so far, most of them named by the update before and by the keystroke before: the
   * hits' records stay indexed (up to KEPT of them), and a query's ranges per hit are kept while
   * it runs.
   */
  highlight(q: CompiledQuery, shown: readonly Scored[]): ShardHit[] {
    let known = this.ranges.get(q);
    if (!known) this.ranges.set(q, (known = new Map()));
    const missing = shown.filter((s) => !known.has(s.pos) && !this.hits.has(s.pos)).map((s) => this.from + s.pos);
    if (missing.length) {
      if (this.hits.size + missing.length > DiskShard.KEPT) {
        // start again with the hits of this update only (the dropped ones are read again when shown)
        this.hits.clear();
        this.hitsIndex = undefined;
        for (const s of shown) if (!known.has(s.pos) && !missing.includes(this.from + s.pos)) missing.push(this.from + s.pos);
      }
      const positions = Int32Array.from(missing).sort();
      const corpus = this.index.corpusOf(positions);
      const into = (this.hitsIndex ??= new GrowingSearchIndex(corpus));
      corpus.quotes.forEach((ref, k) => this.hits.set(positions[k]! - this.from, into.add(ref)));
    }
    return shown.map(({ pos, score }) => {
      let matches = known.get(pos);
      if (matches === undefined) {
        matches = highlightHits(this.hitsIndex!, q, [{ pos: this.hits.get(pos)!, score }])[0]!.matches;
        known.set(pos, matches);
      }
      return { order: pos, score, matches };
    });
  }

  /** The records of hits shown, indexed, and where each is in that index (by position in the shard). */
  private hitsIndex: GrowingSearchIndex | undefined;
  private readonly hits = new Map<number, number>();
  private readonly ranges = new WeakMap<CompiledQuery, Map<number, FieldMatch[]>>();
  /**
   * Hits whose records stay indexed: a session's hits repeat from keystroke to keystroke; each
   * costs a few kilobytes (its prepared record, with the folding's map of its text).
   */
  private static readonly KEPT = 1024;

  /**
   * The reference search (plain fuse.js over every quote, no pruning: the benchmark's check at
   * large sizes), its best `limit` hits with their ranges and how many match. In parts of
   * REFERENCE_PART quotes, each indexed in memory, searched and let go: indexing the whole
   * shard at once took about a kilobyte a quote, which this worker's heap is not sized for. The
   * same result as one search of the whole shard: fuse scores each quote on its own.
   */
  reference(q: CompiledQuery, limit: number, partSize = REFERENCE_PART): { hits: ShardHit[]; total: number } {
    const h = this.index.header;
    let best: Scored[] = [];
    let total = 0;
    for (let at = 0; at < this.size; at += partSize) {
      const end = Math.min(this.size, at + partSize);
      const part = buildSearchIndex(unpackShard(this.index.packedShard(this.from + at, this.from + end), h.actors, h.narratives));
      const scored = rankQuotes(part, q);
      for (const s of scored) s.pos += at;
      total += scored.length;
      best = keepBest(best, scored, limit);
    }
    // the ranges as the reference gives them (plain fuse.js over the hits' own records)
    const { hits } = highlightFromRecords(this.index, q, best.map((s) => ({ pos: this.from + s.pos, score: s.score })));
    return { hits: hits.map((hit) => ({ order: hit.order - this.from, score: hit.score, matches: hit.matches })), total };
  }

  close(): void {
    this.index.close();
  }
}
