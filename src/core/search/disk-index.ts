/**
 * The search index on disk: what a search needs, laid out so that a search reads only that.
 *
 * Why: `search` used to parse the whole cached corpus and index every quote before it could
 * look for one (100,000 quotes: seconds). The index is built once per corpus, in the cache
 * folder, and a search then reads
 *
 * - the folded searchable text of every quote (quote, speaker, aliases, role, narrative labels,
 *   topics, joined: the `hay` the exact prefilter scans), in chunks, never all at once;
 * - the filters' columns (kind, speaker, narratives, article as small table numbers) and the
 *   folded keys the qualifiers look at, once per speaker, list of narratives and article;
 * - the full records (quote, paragraph number) of the candidates only: those that pass the
 *   filters and the prefilter, which provably contain every quote that can match.
 *
 * Exactness: the candidates are searched by the one quote search (search.ts) as a corpus of
 * their own. A hit's score depends only on its own record and the query, and the candidates keep
 * their corpus order, so the hits, scores, order and highlight ranges are those of a full search
 * of the whole corpus (tests compare them; the benchmark checks every keystroke's results).
 *
 * Freshness: an index is found by the paths it was built from and trusted only for the same
 * bytes: its header holds the content key of every input file (the corpus cache's key) and each
 * file's size, modification and change times, inode and device. When all of those are unchanged
 * the content is not read again (as git trusts its index); a file whose times are too close to
 * the build to tell a later write apart is always read and hashed. Anything else rebuilds.
 *
 * Layout: one line of JSON (the header: format, key, the files' stamps, the tables, where each
 * section lies), then the sections, each 8-byte aligned:
 *   hay       every quote's own folded text, joined (latin1 when every unit fits, else UTF-16); what
 *             quotes share (a speaker's name, aliases and role; narrative labels; topics) is in the
 *             header once, never copied per quote (one speaker with 8,000 aliases and 8,000 quotes
 *             would make that quotes x aliases)
 *   hayEnds   Int32: where quote k's hay ends (in code units)
 *   speaker   Int32: index into the header's actors, -1 for none
 *   nset      Int32: index into the header's lists of narratives
 *   article   Int32: index into the header's articles
 *   flags     Uint8: the kind (bits 0-1)
 *   recEnds   Float64: where quote k's record ends in `records` (bytes)
 *   records   one JSON line per quote: {"q": the quote, "p": its paragraph number}
 *   texts     every quote's text as written, joined, UTF-16 (a search worker's shard: shard.ts)
 *   textEnds  Int32: where quote k's text ends (code units)
 *   tags      Int32: index into the header's [narratives, topics, date said] lists
 *   date      Int32: index into the header's dates (the quote's, else its article's), -1 for none
 * A damaged or foreign file (bad header, sizes that do not add up, a record that does not parse)
 * is rebuilt, never trusted.
 */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Actor, Article, Narrative, Quote } from '../corpus/schema.js';
import { articleParagraphs, type Corpus, type QuoteRef } from '../corpus/corpus.js';
import { paragraphAt } from '../corpus/text.js';
import { cacheKey, defaultCacheDir } from '../corpus/cache.js';
import { stampOf, stampsHold, type Stamp } from '../corpus/stamps.js';
import { writeFileAtomic } from '../corpus/files.js';
import { bundledDataPath, DEFAULT_MAX_FILE_BYTES, expand, loadCorpus, fitsSizeLimit, type Problem } from '../corpus/load.js';
import { readFileUpTo } from '../corpus/files.js';
import {
  buildSearchIndex,
  byScore,
  compileQuery,
  FIELD_SEP,
  FoldedScorer,
  highlightHits,
  qualifierHolds,
  searchQuotes,
  textFilterHolds,
  type CompiledQuery,
  type QuoteHit,
  type Scored,
  type SearchIndex,
  type SearchResult,
  type SharedEntry,
  EntryParts,
} from './search.js';
import type { Atom } from './query.js';
import type { Doc } from './options.js';
import type { PackedShard } from './shard.js';
import { textClauseTests } from './prefilter.js';
import { Best, type Ranked } from './best.js';

export type { Ranked } from './best.js';
import { countWords, explainNoMatch, explainWith, type ExplainSource, type NoMatchHelp } from './explain.js';

/** Bump when the layout or anything the index stores (folding, prefilter fields) changes. */
export const DISK_INDEX_FORMAT = 'nl-search-index/8';

const KINDS = ['direct', 'indirect', 'term'] as const satisfies readonly Quote['kind'][];
/** Quotes indexed per pass when building: bounds the build's extra memory on a huge corpus. */
const BUILD_CHUNK = 50_000;
/**
 * Quotes per block of hay: each block has its own check, so that a scan of some blocks (those a
 * worker thread took) checks what it read; and two threads share the work a block at a time.
 * About 6 MB of the benchmark's quotes.
 */
export const HAY_BLOCK = 1 << 14;
/**
 * Bytes of hay decoded at a time while scanning. Small enough that each piece's string is made in
 * V8's young generation, where it dies cheaply: 8 MB pieces went straight to the old generation
 * and brought on full collections (a million quotes: 1.8-2.1 s of CPU for the scan instead of 2.3,
 * three runs each).
 */
const SCAN_BYTES = 64 * 1024;
/**
 * Hits' records closer than this are read in one go. 64 KB read nearly all 560 MB of a million
 * quotes' records for 111,195 hits (one in nine); 4 KB reads about a seventh of that, in more
 * reads: 0.63 s of CPU instead of 0.9 for those hits' records (three runs each).
 */
const READ_GAP = 4 * 1024;

type SectionName = 'hay' | 'hayEnds' | 'speaker' | 'nset' | 'article' | 'flags' | 'recEnds' | 'records' | 'texts' | 'textEnds' | 'tags' | 'date' | 'words';
const SECTIONS: readonly SectionName[] = ['hay', 'hayEnds', 'speaker', 'nset', 'article', 'flags', 'recEnds', 'records', 'texts', 'textEnds', 'tags', 'date', 'words'];

/** An article without its text and lists: what search results print of it. */
type ArticleStub = Omit<Article, 'text' | 'quotes' | 'mentions' | 'silences' | 'events'>;

interface Header {
  format: string;
  /** content key of the input files (core/corpus/cache.ts cacheKey) */
  key: string;
  /** the input files, absolute, in load order, and their stamps */
  files: string[];
  stamps: (Stamp | null)[];
  quotes: number;
  latin1: boolean;
  /** total size of the file, header line included */
  bytes: number;
  /** [offset, length] of each section after the header line */
  sections: Record<SectionName, [number, number]>;
  actors: Actor[];
  narratives: Narrative[];
  articles: ArticleStub[];
  /** the folded searchable fields quotes share (search.ts prepare): per actor (name, aliases, role), list of narratives (labels), tag list (topics) */
  speakerFields: string[][];
  narrativeFields: string[][];
  topicFields: string[][];
  /** the folded keys the qualifiers look at (search.ts prepare): per actor, list of narratives, article */
  speakerKeys: string[][];
  narrativeKeys: string[][][];
  articleKeys: string[][];
  /** how many articles the corpus has (printers name the article when there are several) */
  articleCount: number;
  /** the distinct [narrative ids, topics, date said] of quotes (the tags column points here) */
  tagLists: [string[], string[], string | null][];
  /** per article, the folded keys outlet: looks at */
  outletKeys: string[][];
  /** the distinct dates date: looks at (the date column points here) */
  dates: string[];
  /** corpusFingerprint of the corpus the index was built from */
  fingerprint: string;
  /** how the sections are summed (SECTION_CHECK when built) */
  check: string;
  /** quotes per block of hay (HAY_BLOCK unless a test asks for fewer) */
  hayBlock: number;
  /** the sum of each block's hay, in order: what a scan checks (format 7) */
  hayBlocks: string[];
  /** each section's sum, checked when a section is read whole or scanned (format 5) */
  sums: Record<SectionName, string>;
  /**
   * SHA-256 of the header line as written, with this field's value as zeros; it is the line's
   * first field (format 7: checked over the bytes read, instead of the header parsed and
   * written out again, which took 0.15 s of a search at a million quotes)
   */
  seal: string;
}

const SEAL_AT = '{"seal":"'.length;
const SEAL_ZEROS = '0'.repeat(64);

/** The seal of a header line whose seal is `line[SEAL_AT, SEAL_AT + 64)`. */
function sealOf(line: Uint8Array): string {
  return createHash('sha256').update(line.subarray(0, SEAL_AT)).update(SEAL_ZEROS).update(line.subarray(SEAL_AT + 64)).digest('hex');
}

/**
 * The check each section carries: CRC-32 (zlib's, native) where this Node has it (20.15 and
 * later), else SHA-256. A search scans and so checks the whole folded text (356 MB at a million
 * quotes): SHA-1 took 0.4-0.7 s of it, CRC-32 about a third of that. The check is for damage
 * (a disk, a copy, an edit by hand), which a CRC catches; an index built with the other check
 * is rebuilt, never misread.
 */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
export const SECTION_CHECK = crc32 ? 'crc32' : 'sha256';

class SectionSum {
  private crc = 0;
  private readonly hash = crc32 ? null : createHash('sha256');
  update(b: Uint8Array): this {
    if (this.hash) this.hash.update(b);
    else this.crc = crc32!(b, this.crc);
    return this;
  }
  digest(): string {
    return this.hash ? this.hash.digest('hex') : (this.crc >>> 0).toString(16).padStart(8, '0');
  }
}

function sectionSum(bufs: readonly Buffer[]): string {
  const h = new SectionSum();
  for (const b of bufs) h.update(b);
  return h.digest();
}

/**
 * A record line carries a check of its own JSON (FNV-1a), as records are read a few at a time:
 * a changed byte in a quote's text or span is caught before it is printed (issue 18: "a cache
 * that cannot lie"; before, `"end":145` → `115` in the index printed a cut quote as exact).
 */
function recordCheck(json: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export class DamagedIndexError extends Error {
  constructor(what: string) {
    super(`search index: ${what} does not match its check; rebuilt`);
  }
}

export interface DiskIndexOptions {
  cacheDir?: string;
  maxFileBytes?: number;
  /** @internal quotes per block of hay when building (tests use small blocks; default HAY_BLOCK) */
  hayBlock?: number;
}

// ---------------------------------------------------------------------------------------------
// Finding, checking, building

/** The index file for these input files (by path; the content is checked inside). */
function indexFileFor(files: readonly string[], dir: string): string {
  const h = createHash('sha1').update(DISK_INDEX_FORMAT);
  for (const f of files) h.update('\0' + f);
  return path.join(dir, `search-${h.digest('hex')}.idx`);
}

/**
 * What identifies a loaded corpus's quotes for the search workers: their ids, kinds, speakers,
 * spans and tags, in order (not their texts: a dashboard's corpus may hold them on disk,
 * core/corpus/texts-on-demand.ts, and reading them all here would undo that). A pool reads shards from an index only when the index was
 * built from a corpus with the same fingerprint (the files may have changed since the dashboard
 * loaded them).
 */
export function corpusFingerprint(corpus: Corpus): string {
  const h = createHash('sha1');
  for (const { quote: q, article: a } of corpus.quotes) {
    h.update(`${q.id}\0${q.kind}\0${q.speaker ?? ''}\0${q.span.start}-${q.span.end}\0${a.id}\0${q.narratives.join('\u0001')}\0${q.topics.join('\u0001')}\n`);
  }
  return h.digest('hex');
}

/**
 * The index file of a loaded corpus, when one exists, is fresh, and was built from this very
 * corpus; undefined otherwise (nothing is built here). The search pool uses it.
 */
export async function findDiskIndexOf(corpus: Corpus, opts: DiskIndexOptions = {}): Promise<string | undefined> {
  if (corpus.files.length === 0) return undefined;
  try {
    const files = await expand([...corpus.files], []);
    const file = indexFileFor(files, opts.cacheDir ?? defaultCacheDir());
    const index = await DiskIndex.open(file);
    try {
      if (!(await isFresh(index, files, opts))) return undefined;
      if (index.header.fingerprint !== corpusFingerprint(corpus)) return undefined;
      return file;
    } finally {
      index.close();
    }
  } catch {
    return undefined;
  }
}

/** Where the index of the corpus in `paths` is (or would be) kept. */
export async function diskIndexFile(paths: readonly string[], dir = defaultCacheDir()): Promise<string> {
  const files = await expand(paths.length ? [...paths] : [bundledDataPath()], []);
  return indexFileFor(files, dir);
}

/**
 * The index of the corpus in `paths` (no paths: the bundled data), built when missing or stale.
 * Returns the loaded corpus instead when the index cannot be written (a read-only cache folder):
 * the caller then searches in memory. Data problems throw loadCorpus's DataError.
 */
export async function openDiskIndex(paths: readonly string[], opts: DiskIndexOptions & { rebuild?: boolean } = {}): Promise<DiskIndex | Corpus> {
  const dir = opts.cacheDir ?? defaultCacheDir();
  const problems: Problem[] = [];
  const files = await expand(paths.length ? [...paths] : [bundledDataPath()], problems);
  const load = () => loadCorpus([...paths], { cache: true, cacheDir: dir, maxFileBytes: opts.maxFileBytes });
  if (problems.length || files.length === 0) return load(); // loadCorpus says what is wrong
  // a pipe (`--data <(cmd)`, /dev/stdin) can be read once: hashing it for the index left the
  // loader nothing ("file is empty"); it is not a corpus to keep an index of anyway
  if (!(await allPlainFiles(files))) return load();
  const file = indexFileFor(files, dir);
  const found = opts.rebuild ? undefined : await DiskIndex.open(file).catch(() => undefined);
  // a file over its size limit is refused as the loader refuses it, index or not (before: the
  // index answered once it existed, so --max-file-size held only on the first run)
  if (found && (await isFresh(found, files, opts)) && (await withinLimits(files, opts.maxFileBytes))) return found;
  found?.close();

  const builtAt = Date.now();
  const stamps = files.map((f) => stampOf(statSync(f, { bigint: true }), builtAt));
  const key = await contentKey(files, opts);
  const corpus = await load();
  if (key === undefined) return corpus;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, layout(corpus, { key, files, stamps, hayBlock: opts.hayBlock }), { overwrite: true, mode: 0o600, sync: false });
    await prune(dir, file);
    return await DiskIndex.open(file);
  } catch {
    await unlink(file).catch(() => undefined);
    return corpus; // no index (read-only or full disk): search in memory
  }
}

async function allPlainFiles(files: readonly string[]): Promise<boolean> {
  for (const f of files) if (!(await stat(f).then((s) => s.isFile(), () => false))) return false;
  return true;
}

/** Every file one the loader reads under its size limit (load.ts fitsSizeLimit). */
async function withinLimits(files: readonly string[], maxFileBytes: number | undefined): Promise<boolean> {
  for (const f of files) {
    const s = await stat(f).catch(() => undefined);
    if (!s || !fitsSizeLimit(f, s.size, maxFileBytes)) return false;
  }
  return true;
}

/** Index files kept in the cache folder (one per set of input paths); the least recently built go. */
const MAX_INDEXES = 4;

async function prune(dir: string, keep: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith('search-') && n.endsWith('.idx'));
  if (names.length <= MAX_INDEXES) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: await stat(path.join(dir, n)).then((s) => s.mtimeMs, () => 0) })));
  dated.sort((a, b) => b.t - a.t);
  for (const { n } of dated.slice(MAX_INDEXES)) if (path.join(dir, n) !== keep) await unlink(path.join(dir, n)).catch(() => undefined);
}

/** The corpus cache's content key of the files, or undefined when one cannot be read. */
async function contentKey(files: readonly string[], opts: DiskIndexOptions): Promise<string | undefined> {
  const inputs: { path: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    const r = await readFileUpTo(f, opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES).catch(() => undefined);
    if (r?.kind !== 'bytes') return undefined;
    inputs.push({ path: f, bytes: r.bytes });
  }
  return cacheKey(inputs, DISK_INDEX_FORMAT);
}

async function isFresh(index: DiskIndex, files: readonly string[], opts: DiskIndexOptions): Promise<boolean> {
  const h = index.header;
  if (h.files.length !== files.length || h.files.some((f, i) => f !== files[i])) return false;
  if (await stampsHold(files, h.stamps)) return true;
  return (await contentKey(files, opts)) === h.key;
}

/** The index file's bytes for a validated corpus, as pieces (a million quotes: hundreds of MB). */
function layout(corpus: Corpus, meta: { key: string; files: string[]; stamps: (Stamp | null)[]; hayBlock?: number }): Buffer[] {
  const n = corpus.quotes.length;
  const actorIndex = new Map(corpus.actors.map((a, i) => [a.id, i]));
  const articleIndex = new Map(corpus.articles.map((a, i) => [a, i]));
  const speakerKeys: string[][] = corpus.actors.map(() => []);
  const speakerFields: (string[] | undefined)[] = corpus.actors.map(() => undefined);
  const narrativeFields: string[][] = [];
  const topicFields: string[][] = [];
  const articleKeys: string[][] = corpus.articles.map(() => []);
  const nsets = new Map<string, number>();
  const narrativeKeys: string[][][] = [];
  const hayEnds = new Int32Array(n);
  const speaker = new Int32Array(n);
  const nset = new Int32Array(n);
  const article = new Int32Array(n);
  const flags = new Uint8Array(n);
  const recEnds = new Float64Array(n);
  const textEnds = new Int32Array(n);
  const tags = new Int32Array(n);
  const tagLists: [string[], string[], string | null][] = [];
  const outletKeys: string[][] = corpus.articles.map(() => []);
  const dates: string[] = [];
  const dateIndex = new Map<string, number>();
  const date = new Int32Array(n);
  const tagIndex = new Map<string, number>();
  const texts: Buffer[] = [];
  let textUnits = 0;
  const hays: string[] = new Array(n);
  const words = new Map<string, number>();
  const partWords = new Map<object, [string, number][]>();
  const records: Buffer[] = [];
  let latin1 = true;
  let units = 0;
  let recBytes = 0;
  for (let from = 0; from < n; from += BUILD_CHUNK) {
    // search.ts prepares the records: the hay and keys stored here are exactly what it searches
    const recs: string[] = [];
    const part: SearchIndex = buildSearchIndex({ ...corpus, quotes: corpus.quotes.slice(from, from + BUILD_CHUNK) });
    part.records.forEach((r, k) => {
      const pos = from + k;
      // the words of the searchable text as explain.ts counts them (its own text, then its shared
      // parts, each split once): a query that finds nothing is explained without the corpus
      countWords(words, r.text.text);
      for (const sharedPart of r.shared) {
        let list = partWords.get(sharedPart);
        if (!list) {
          const own = new Map<string, number>();
          countWords(own, sharedPart.hay);
          partWords.set(sharedPart, (list = [...own]));
        }
        for (const [w, times] of list) words.set(w, (words.get(w) ?? 0) + times);
      }
      const { quote, article: a } = r.ref;
      // the quote's own folded text; the fields it shares go to the header's tables once
      const hay = r.text.text;
      hays[pos] = hay;
      if (latin1 && /[^\u0000-\u00ff]/.test(hay)) latin1 = false;
      units += hay.length;
      hayEnds[pos] = units;
      const s = quote.speaker === null ? -1 : actorIndex.get(quote.speaker)!;
      speaker[pos] = s;
      if (s >= 0 && speakerFields[s] === undefined) {
        speakerKeys[s] = r.speakerKeys;
        speakerFields[s] = [...(r.name ? [r.name.text] : []), ...r.aliases.map((f) => f.text), ...(r.role ? [r.role.text] : [])];
      }
      const setKey = JSON.stringify(quote.narratives);
      let ns = nsets.get(setKey);
      if (ns === undefined) {
        nsets.set(setKey, (ns = narrativeKeys.length));
        narrativeKeys.push(r.narrativeKeys);
        narrativeFields.push(r.narrativeLabels.map((f) => f.text));
      }
      nset[pos] = ns;
      const ai = articleIndex.get(a)!;
      article[pos] = ai;
      articleKeys[ai] = r.articleKeys;
      flags[pos] = KINDS.indexOf(quote.kind);
      const paragraph = paragraphAt(articleParagraphs(a), quote.span.start)?.number ?? null;
      const json = JSON.stringify({ q: quote, p: paragraph });
      const rec = `${json}\t${recordCheck(json)}\n`;
      recs.push(rec);
      recBytes += Buffer.byteLength(rec, 'utf8');
      recEnds[pos] = recBytes;
      textUnits += quote.text.length;
      textEnds[pos] = textUnits;
      const said = quote.when?.date ?? null;
      const tagKey = JSON.stringify([quote.narratives, quote.topics, said]);
      let t = tagIndex.get(tagKey);
      if (t === undefined) {
        tagIndex.set(tagKey, (t = tagLists.length));
        tagLists.push([quote.narratives, quote.topics, said]);
        topicFields.push(r.topics.map((f) => f.text));
      }
      tags[pos] = t;
      outletKeys[ai] = r.outletKeys;
      if (r.date === null) date[pos] = -1;
      else {
        let d = dateIndex.get(r.date);
        if (d === undefined) {
          dateIndex.set(r.date, (d = dates.length));
          dates.push(r.date);
        }
        date[pos] = d;
      }
    });
    records.push(Buffer.from(recs.join(''), 'utf8'));
    texts.push(Buffer.from(corpus.quotes.slice(from, from + BUILD_CHUNK).map((r) => r.quote.text).join(''), 'utf16le'));
  }
  if (units > 2 ** 31 - 1) throw new Error('corpus too large for one search index file');
  // the hay in blocks of HAY_BLOCK quotes, each with its own check (a part of the index can be
  // scanned, and checked, without the rest: a worker thread scans a half)
  const hayBytes: Buffer[] = [];
  const hayBlocks: string[] = [];
  const hayBlock = meta.hayBlock ?? HAY_BLOCK;
  for (let from = 0; from < n; from += hayBlock) {
    const b = Buffer.from(hays.slice(from, from + hayBlock).join(''), latin1 ? 'latin1' : 'utf16le');
    hayBytes.push(b);
    hayBlocks.push(sectionSum([b]));
  }
  const body: Record<SectionName, Buffer[]> = {
    hay: hayBytes,
    hayEnds: [bytesOf(hayEnds)],
    speaker: [bytesOf(speaker)],
    nset: [bytesOf(nset)],
    article: [bytesOf(article)],
    flags: [bytesOf(flags)],
    recEnds: [bytesOf(recEnds)],
    records,
    texts,
    textEnds: [bytesOf(textEnds)],
    tags: [bytesOf(tags)],
    date: [bytesOf(date)],
    words: [Buffer.from(JSON.stringify([...words]), 'utf8')],
  };
  const sections = {} as Record<SectionName, [number, number]>;
  let at = 0;
  const pieces: Buffer[] = [];
  for (const name of SECTIONS) {
    const pad = (8 - (at % 8)) % 8;
    if (pad) pieces.push(Buffer.alloc(pad));
    at += pad;
    const len = body[name].reduce((x, b) => x + b.length, 0);
    sections[name] = [at, len];
    pieces.push(...body[name]);
    at += len;
  }
  const stub = ({ text: _t, quotes: _q, mentions: _m, silences: _s, events: _e, ...rest }: Article): ArticleStub => rest;
  const sums = {} as Record<SectionName, string>;
  for (const name of SECTIONS) sums[name] = sectionSum(body[name]);
  const header: Omit<Header, 'bytes' | 'seal'> = {
    format: DISK_INDEX_FORMAT,
    check: SECTION_CHECK,
    hayBlock,
    hayBlocks,
    key: meta.key,
    files: meta.files,
    stamps: meta.stamps,
    quotes: n,
    latin1,
    sections,
    actors: corpus.actors,
    narratives: corpus.narratives,
    articles: corpus.articles.map(stub),
    speakerFields: speakerFields.map((f) => f ?? []),
    narrativeFields,
    topicFields,
    speakerKeys,
    narrativeKeys,
    articleKeys,
    articleCount: corpus.articles.length,
    tagLists,
    outletKeys,
    dates,
    fingerprint: corpusFingerprint(corpus),
    sums,
  };
  // the header states the file's total size, which includes the header line itself; the seal,
  // first, covers the whole line
  const lineOf = (bytes: number) => {
    const line = Buffer.from(JSON.stringify({ seal: SEAL_ZEROS, ...header, bytes }) + '\n', 'utf8');
    line.write(sealOf(line.subarray(0, line.length - 1)), SEAL_AT, 'latin1');
    return line;
  };
  let line = lineOf(0);
  for (let i = 0; i < 3; i++) line = lineOf(line.length + at);
  return [line, ...pieces];
}

function bytesOf(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

// ---------------------------------------------------------------------------------------------
// Reading

const NO_ITEMS: never[] = Object.freeze([]) as unknown as never[];
/** What an article stub has instead of its text and lists. */
const STUB_LISTS = Object.freeze({ text: '', quotes: NO_ITEMS, mentions: NO_ITEMS, silences: NO_ITEMS, events: NO_ITEMS });

/** An open index file. Synchronous reads: a search is one short burst of them. */
export class DiskIndex {
  private columns = new Map<SectionName, ArrayBufferView>();
  private stubs: Article[] | undefined;
  private byId: Pick<Corpus, 'actorById' | 'articleById' | 'narrativeById'> | undefined;

  private constructor(
    private readonly fd: number,
    readonly header: Header,
    private readonly bodyStart: number,
  ) {}

  static async open(file: string): Promise<DiskIndex> {
    return DiskIndex.openSync(file);
  }

  static openSync(file: string): DiskIndex {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      // the header line: read until its newline
      let buf = Buffer.alloc(Math.min(size, 1 << 20));
      let got = readSync(fd, buf, 0, buf.length, 0);
      let nl = buf.subarray(0, got).indexOf(10);
      while (nl < 0 && got < size) {
        const more = Buffer.alloc(Math.min(size, buf.length * 4));
        buf.copy(more, 0, 0, got);
        buf = more;
        got += readSync(fd, buf, got, buf.length - got, got);
        nl = buf.subarray(0, got).indexOf(10);
      }
      if (nl < 0) throw new Error('damaged');
      const line = buf.subarray(0, nl);
      if (line.toString('latin1', 0, SEAL_AT) !== '{"seal":"') throw new Error('stale or damaged');
      if (line.toString('latin1', SEAL_AT, SEAL_AT + 64) !== sealOf(line)) throw new DamagedIndexError('the header');
      const h = JSON.parse(line.toString('utf8')) as Header;
      if (h.format !== DISK_INDEX_FORMAT || h.check !== SECTION_CHECK || h.bytes !== size || !h.sections || !h.sums || !(h.hayBlock >= 1) || !Array.isArray(h.hayBlocks) || h.hayBlocks.length !== Math.ceil(h.quotes / h.hayBlock)) throw new Error('stale or damaged');
      const n = h.quotes;
      const want: Record<SectionName, number | null> = { hay: null, hayEnds: 4 * n, speaker: 4 * n, nset: 4 * n, article: 4 * n, flags: n, recEnds: 8 * n, records: null, texts: null, textEnds: 4 * n, tags: 4 * n, date: 4 * n, words: null };
      for (const name of SECTIONS) {
        const [off, len] = h.sections[name] ?? [-1, -1];
        if (off < 0 || nl + 1 + off + len > size || (want[name] !== null && want[name] !== len)) throw new Error('damaged');
      }
      return new DiskIndex(fd, h, nl + 1);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  get size(): number {
    return this.header.quotes;
  }

  /** `length` bytes at `offset` of the body into the start of `into`: that part of it. */
  private readInto(into: Buffer, offset: number, length: number): Buffer {
    let got = 0;
    while (got < length) {
      const r = readSync(this.fd, into, got, length - got, this.bodyStart + offset + got);
      if (r === 0) throw new Error('search index: file ended early');
      got += r;
    }
    return into.subarray(0, length);
  }

  private read(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const r = readSync(this.fd, buf, got, length - got, this.bodyStart + offset + got);
      if (r === 0) throw new Error('search index: file ended early');
      got += r;
    }
    return buf;
  }

  private column<T extends ArrayBufferView>(name: SectionName, make: (b: ArrayBuffer, n: number) => T): T {
    let c = this.columns.get(name) as T | undefined;
    if (!c) {
      const [off, len] = this.header.sections[name];
      // read straight into the typed array's own memory (aligned, not pooled): a copy made after
      // reading doubled each column for a moment (8 of them, 37 MB, at a million quotes)
      const ab = new ArrayBuffer(len);
      const b = this.readInto(Buffer.from(ab), off, len);
      if (sectionSum([b]) !== this.header.sums[name]) throw new DamagedIndexError(`section ${name}`);
      this.columns.set(name, (c = make(ab, this.header.quotes)));
    }
    return c;
  }

  /** The words of the searchable text and their counts, in the order first met (explain.ts). */
  words(): [string, number][] {
    const [off, len] = this.header.sections.words;
    const b = this.read(off, len);
    if (sectionSum([b]) !== this.header.sums.words) throw new DamagedIndexError('section words');
    return JSON.parse(b.toString('utf8')) as [string, number][];
  }

  int32(name: 'hayEnds' | 'speaker' | 'nset' | 'article' | 'textEnds' | 'tags' | 'date'): Int32Array {
    return this.column(name, (b) => new Int32Array(b));
  }
  get flags(): Uint8Array {
    return this.column('flags', (b) => new Uint8Array(b));
  }
  get recEnds(): Float64Array {
    return this.column('recEnds', (b) => new Float64Array(b));
  }

  /**
   * Calls `visit(pos, chunk, from, to)` for every quote of [first, last), in order: its folded
   * hay is chunk.slice(from, to). The text is decoded a few megabytes at a time. The range starts
   * at a block (a multiple of HAY_BLOCK) and ends at one or at the last quote: each block's check
   * is judged once it has been read, before the scan goes on (and so before its results are used).
   */
  scanHay(visit: (pos: number, chunk: string, from: number, to: number) => void, first = 0, last = this.header.quotes): void {
    const ends = this.int32('hayEnds');
    const unit = this.header.latin1 ? 1 : 2;
    const [off] = this.header.sections.hay;
    const n = this.header.quotes;
    const end = Math.min(last, n);
    const size = this.header.hayBlock;
    if (first % size !== 0 || (end % size !== 0 && end !== n)) throw new Error(`scanHay: [${first}, ${end}) is not a range of blocks`);
    // one buffer read into again and again (a new one per read was outside V8's heap and hurried
    // its collections along); grown for a quote longer than it
    let into = Buffer.allocUnsafe(SCAN_BYTES);
    for (let block = first; block < end; block += size) {
      const blockEnd = Math.min(block + size, n);
      const sum = new SectionSum();
      let pos = block;
      while (pos < blockEnd) {
        const start = pos === 0 ? 0 : ends[pos - 1]!;
        // as many quotes of the block as fit in SCAN_BYTES (at least one)
        let upTo = pos;
        while (upTo + 1 < blockEnd && (ends[upTo + 1]! - start) * unit <= SCAN_BYTES) upTo++;
        const length = (ends[upTo]! - start) * unit;
        if (length > into.length) into = Buffer.allocUnsafe(length);
        const bytes = this.readInto(into, off + start * unit, length);
        sum.update(bytes);
        const chunk = bytes.toString(unit === 1 ? 'latin1' : 'utf16le');
        let from = 0;
        for (; pos <= upTo; pos++) {
          const to = ends[pos]! - start;
          visit(pos, chunk, from, to);
          from = to;
        }
      }
      if (sum.digest() !== this.header.hayBlocks[block / size]) throw new DamagedIndexError('section hay');
    }
  }

  /**
   * The folded hay of code units [start, end) of the whole index (from quote boundaries: hayEnds),
   * read into `into` (grown when too small) and decoded, unchecked: for a reader that has checked
   * its blocks once (hayBlockBytes) and reads them again, from the file it keeps open, at every
   * search (disk-shard.ts). Returns the text and the buffer used.
   */
  hayText(start: number, end: number, into: Buffer): { text: string; into: Buffer } {
    const bytes = this.hayBytes(start, end, into);
    return { text: bytes.toString(this.header.latin1 ? 'latin1' : 'utf16le'), into: bytes.length > into.length ? bytes : into };
  }

  /** hayText's bytes, undecoded: `into`'s start, or a larger buffer when it is too small. */
  hayBytes(start: number, end: number, into: Buffer): Buffer {
    const unit = this.header.latin1 ? 1 : 2;
    const length = (end - start) * unit;
    if (length > into.length) into = Buffer.allocUnsafe(length);
    return this.readInto(into, this.header.sections.hay[0] + start * unit, length);
  }

  /**
   * Block `block`'s folded hay as stored (latin1 or UTF-16 bytes, as header.latin1 says), checked
   * against its sum (read into the start of `into` when it is large enough): a search worker
   * checks its blocks once (disk-shard.ts).
   */
  hayBlockBytes(block: number, into?: Buffer): Buffer {
    const ends = this.int32('hayEnds');
    const unit = this.header.latin1 ? 1 : 2;
    const size = this.header.hayBlock;
    const first = block * size;
    const last = Math.min(first + size, this.header.quotes);
    if (block < 0 || first >= last) throw new Error(`hayBlockBytes: no block ${block}`);
    const start = first === 0 ? 0 : ends[first - 1]!;
    const length = (ends[last - 1]! - start) * unit;
    const offset = this.header.sections.hay[0] + start * unit;
    const bytes = into && into.length >= length ? this.readInto(into, offset, length) : this.read(offset, length);
    if (sectionSum([bytes]) !== this.header.hayBlocks[block]) throw new DamagedIndexError('section hay');
    return bytes;
  }

  /**
   * Quotes [from, to) as a search worker's shard (shard.ts), read from the file: the worker
   * reads its shard here instead of receiving a copy from the UI thread.
   */
  packedShard(from: number, to: number): PackedShard {
    const ends = this.int32('textEnds');
    const start = from === 0 ? 0 : ends[from - 1]!;
    const [off] = this.header.sections.texts;
    const bytes = this.read(off + start * 2, ((to > from ? ends[to - 1]! : start) - start) * 2);
    const texts = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
    const n = Math.max(0, to - from);
    const textEnds = new Int32Array(n);
    const article = new Int32Array(n);
    const kind = new Uint8Array(n);
    const speaker = this.int32('speaker').slice(from, to);
    const articleCol = this.int32('article');
    const tagCol = this.int32('tags');
    const flags = this.flags;
    const local = new Map<number, number>();
    const articles: PackedShard['articles'] = [];
    const tags: [string[], string[], string | null][] = new Array(n);
    for (let k = 0; k < n; k++) {
      textEnds[k] = ends[from + k]! - start;
      const a = articleCol[from + k]!;
      let at = local.get(a);
      if (at === undefined) {
        local.set(a, (at = articles.length));
        const { id, title, outlet, published } = this.header.articles[a]!;
        articles.push({ id, title, outlet: outlet ?? null, published: published?.date ?? null });
      }
      article[k] = at;
      kind[k] = flags[from + k]! & 3;
      tags[k] = this.header.tagLists[tagCol[from + k]!]!;
    }
    return { texts, textEnds, article, speaker, kind, tags: JSON.stringify(tags), articles };
  }

  /** The articles as stubs (no text): one object per article, shared by its quotes. */
  articles(): Article[] {
    // the header's own objects made into stubs in place, their lists one shared empty (frozen)
    // list: a copy of each of a million quotes' 33,334 articles and four lists apiece took
    // 0.2 s of a search that prints 50 hits
    return (this.stubs ??= this.header.articles.map((a) => Object.assign(a, STUB_LISTS) as unknown as Article));
  }

  /** The full records of these quotes (positions ascending), read in as few reads as the gaps allow. */
  refs(positions: ArrayLike<number>): QuoteRef[] {
    const ends = this.recEnds;
    const articleOf = this.int32('article');
    const articles = this.articles();
    const [off] = this.header.sections.records;
    const out: QuoteRef[] = new Array(positions.length);
    let k = 0;
    while (k < positions.length) {
      const first = positions[k]!;
      const from = first === 0 ? 0 : ends[first - 1]!;
      let j = k;
      while (j + 1 < positions.length && ends[positions[j + 1]! - 1]! - ends[positions[j]!]! <= READ_GAP) j++;
      const buf = this.read(off + from, ends[positions[j]!]! - from);
      for (; k <= j; k++) {
        const p = positions[k]!;
        const s = (p === 0 ? 0 : ends[p - 1]!) - from;
        const line = buf.toString('utf8', s, ends[p]! - from);
        const tab = line.lastIndexOf('\t');
        const json = line.slice(0, tab);
        if (tab < 0 || line.slice(tab + 1, -1) !== recordCheck(json)) throw new DamagedIndexError(`record ${p}`);
        const rec = JSON.parse(json) as { q: Quote; p: number | null };
        out[k] = { quote: rec.q, article: articles[articleOf[p]!]!, paragraph: rec.p };
      }
    }
    return out;
  }

  /**
   * A corpus of these quotes (positions ascending) with the whole corpus's actors, narratives
   * and article stubs: what search.ts indexes and the printers print. Its articles carry no
   * text; the quotes carry their paragraph numbers.
   */
  corpusOf(positions: ArrayLike<number>): Corpus {
    const h = this.header;
    const articles = this.articles();
    const quotes = this.refs(positions);
    this.byId ??= {
      actorById: new Map(h.actors.map((a) => [a.id, a])),
      articleById: new Map(articles.map((a) => [a.id, a])),
      narrativeById: new Map(h.narratives.map((x) => [x.id, x])),
    };
    return {
      articles,
      actors: h.actors,
      narratives: h.narratives,
      axes: [],
      positions: [],
      quotes,
      files: h.files,
      ...this.byId,
      axisById: new Map(),
      quoteById: new Map(quotes.map((r) => [r.quote.id, r])),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Searching

/**
 * Every quote that matches `q` and its score, in one pass over the index, without reading a
 * record: the filters are decided from the columns (exactly as search.ts decides them), the
 * prefilter rules quotes out from their folded text, and each quote it lets through is scored
 * at once from that text and the fields it shares (search.ts FoldedScorer: the very scoring of
 * the one quote search), while the term's answer for the text is still remembered from the
 * prefilter. Returns the best `limit` by (score, position) — fuse's order — and how many match.
 */
export function rankDiskIndex(index: DiskIndex, q: CompiledQuery, limit = Infinity, claim: BlockClaim = allBlocks(index)): Ranked {
  const n = index.header.quotes;
  const size = index.header.hayBlock;
  const ranker = quoteRanker(index, q);
  const best = new Best(limit);
  if (!ranker.needsHay) {
    // filters only: every quote that passes them, score 0
    for (let b = claim(); b >= 0; b = claim()) for (let pos = b * size, end = Math.min(n, pos + size); pos < end; pos++) if (ranker.score(pos, '') >= 0) best.add(pos, 0);
    return best.result();
  }
  // (Tried: the prefilter over the whole chunk, each needle found once per chunk by a cursor,
  // with no string per quote: 1.0-1.4x slower than a slice per quote, which V8 makes cheaply.)
  const visit = (pos: number, chunk: string, from: number, to: number) => {
    const score = ranker.score(pos, chunk.slice(from, to));
    if (score >= 0) best.add(pos, score);
  };
  for (let b = claim(); b >= 0; b = claim()) index.scanHay(visit, b * size, Math.min(n, (b + 1) * size));
  return best.result();
}

/** How one quote of the index is ranked for one query (quoteRanker). */
export interface QuoteRanker {
  /** false when the query is filters on the columns only: `own` is then never read (pass '') */
  readonly needsHay: boolean;
  /**
   * The score of quote `pos` (a position in the whole index) whose own folded text is `own`, or
   * -1 when it does not match. `textNorm`, when known, is fuse's field norm of `own` (textNorm in
   * search.ts; -1 for a blank text): a caller that ranks the same quotes keystroke after
   * keystroke (a search worker) keeps it rather than count the text's words every time.
   */
  score(pos: number, own: string, textNorm?: number): number;
}

/**
 * rankDiskIndex's decision for one quote, for callers that hold the folded text themselves (a
 * search worker keeps its shard's, disk-shard.ts): the filters from the columns (exactly as
 * search.ts decides them), then the prefilter over the quote's own text and the parts it
 * shares, then the scoring (search.ts FoldedScorer: the very scoring of the one quote search),
 * while the term's answer for the text is still remembered from the prefilter.
 */
export function quoteRanker(index: DiskIndex, q: CompiledQuery, shared: SharedEntries = sharedEntries(index)): QuoteRanker {
  let needsHay = q.mayMatch !== null || q.expr !== null;
  const tests = q.filters.map((clause) => clauseTest(index, clause, () => (needsHay = true)));
  const filtersHold = (pos: number, own: string) => {
    for (const t of tests) if (!t(pos, own)) return false;
    return true;
  };
  if (!needsHay) return { needsHay, score: (pos) => (filtersHold(pos, '') ? 0 : -1) };
  const mayMatch = diskPrefilter(index, q);
  const scorer = new FoldedScorer(q, shared.made);
  const parts = shared;
  const speakerCol = index.int32('speaker');
  const nsetCol = index.int32('nset');
  const tagCol = index.int32('tags');
  return {
    needsHay,
    score(pos, own, textNorm) {
      if (tests.length && !filtersHold(pos, own)) return -1;
      if (mayMatch && !mayMatch(pos, own)) return -1;
      return scorer.scoreSplit(own, textNorm, parts.speaker(speakerCol[pos]!), parts.narratives(nsetCol[pos]!), parts.topics(tagCol[pos]!));
    },
  };
}

/**
 * The next block of the index to rank, or -1 when none is left. Blocks may come in any order
 * (two threads take them from one counter): ranking keeps the best by (score, position), and
 * Best keeps positions' order whatever order they come in.
 */
export type BlockClaim = () => number;

/** Every block, in order. */
export function allBlocks(index: DiskIndex): BlockClaim {
  const count = Math.ceil(index.header.quotes / index.header.hayBlock);
  let next = 0;
  return () => (next < count ? next++ : -1);
}

/** These blocks. */
function theseBlocks(blocks: readonly number[]): BlockClaim {
  let k = 0;
  return () => (k < blocks.length ? blocks[k++]! : -1);
}

/** Two parts' best `limit` as one. */
export function mergeRanked(a: Ranked, b: Ranked, limit: number): Ranked {
  const shown = a.shown.concat(b.shown).sort(byScore);
  return { shown: limit < shown.length ? shown.slice(0, limit) : shown, total: a.total + b.total };
}


export interface SharedEntries {
  readonly made: EntryParts;
  speaker(s: number): SharedEntry;
  narratives(i: number): SharedEntry;
  topics(i: number): SharedEntry;
}

/**
 * A quote's shared fields as search.ts makes its document (toDoc), from the index's tables, as
 * entry parts (search.ts EntryParts): one group per speaker, list of narratives and list of
 * topics, made at its first use. They do not depend on the query: `search` makes them for its
 * one query, a search worker once for its session (disk-shard.ts).
 */
export function sharedEntries(index: DiskIndex): SharedEntries {
  const h = index.header;
  const made = new EntryParts();
  const noSpeaker = made.of({ aliases: [] });
  const speakers: (SharedEntry | undefined)[] = new Array(h.actors.length);
  const narratives: (SharedEntry | undefined)[] = new Array(h.narrativeFields.length);
  const topics: (SharedEntry | undefined)[] = new Array(h.topicFields.length);
  return {
    made,
    speaker(s) {
      if (s < 0) return noSpeaker;
      let d = speakers[s];
      if (d === undefined) {
        // the header keeps [name, ...aliases, role] folded (search.ts prepare); split by the actor's counts
        const actor = h.actors[s]!;
        const fields = h.speakerFields[s]!;
        const aliases = fields.slice(1, 1 + actor.aliases.length);
        d = speakers[s] = made.of({ speaker: fields[0]!, aliases, ...(actor.role ? { role: fields[1 + actor.aliases.length]! } : {}) });
      }
      return d;
    },
    narratives: (i) => (narratives[i] ??= made.of({ narratives: h.narrativeFields[i]! })),
    topics: (i) => (topics[i] ??= made.of({ topics: h.topicFields[i]! })),
  };
}

/**
 * The exact prefilter (prefilter.ts) over the index: a quote can match only if every clause of
 * free terms holds in its own folded text or in a part it shares (its speaker's name, aliases
 * and role; its narrative labels; its topics, each part's fields joined by the separator, as
 * search.ts prepares them). A part's answer is decided once per table entry and query, and kept
 * in a byte per entry (unknown, no, yes): no object or map per quote. null when nothing prunes.
 */
function diskPrefilter(index: DiskIndex, q: CompiledQuery): ((pos: number, own: string) => boolean) | null {
  const tests = q.mayMatch === null ? null : textClauseTests(q.parsed, FIELD_SEP);
  if (tests === null) return null;
  const h = index.header;
  const hayOf = (fields: readonly string[]): string | null => (fields.length && fields.join(FIELD_SEP) !== '' ? fields.join(FIELD_SEP) : null);
  const tables = [
    { col: index.int32('speaker'), hays: h.speakerFields.map(hayOf) },
    { col: index.int32('nset'), hays: h.narrativeFields.map(hayOf) },
    { col: index.int32('tags'), hays: h.topicFields.map(hayOf) },
  ];
  const clauses = tests.map((test) => ({ test, known: tables.map((t) => new Uint8Array(t.hays.length)) }));
  const UNKNOWN = 0;
  const NO = 1;
  const YES = 2;
  const inShared = (c: (typeof clauses)[number], pos: number): boolean => {
    for (let t = 0; t < tables.length; t++) {
      const i = tables[t]!.col[pos]!;
      if (i < 0) continue; // no speaker
      let v = c.known[t]![i]!;
      if (v === UNKNOWN) {
        const hay = tables[t]!.hays[i]!;
        c.known[t]![i] = v = hay !== null && c.test(hay) ? YES : NO;
      }
      if (v === YES) return true;
    }
    return false;
  };
  return (pos, own) => {
    // the shared parts first (a byte each): a clause they answer needs no scan of the text
    for (const c of clauses) if (!inShared(c, pos) && !c.test(own)) return false;
    return true;
  };
}

/** A filter's test of quote `pos` whose own folded text is `own` ('' when no filter reads it). */
type RecordTest = (pos: number, own: string) => boolean;

/** One filter clause (atoms joined by |) as a test of a record; qualifiers decided once per table entry. */
function clauseTest(index: DiskIndex, clause: readonly Atom[], usesHay: () => void): RecordTest {
  const h = index.header;
  const atoms: RecordTest[] = clause.map((a) => {
    if (a.type === 'text') {
      usesHay();
      // found in the quote's own text, or in a field it shares: the shared ones decided once
      // per speaker, list of narratives and list of topics for this query
      const found = { ...a, negate: false };
      const once = (tables: readonly (readonly string[])[]) => {
        const known: (boolean | undefined)[] = new Array(tables.length);
        return (i: number) => (known[i] ??= textFilterHolds(found, tables[i]!));
      };
      const bySpeaker = once(h.speakerFields);
      const byNarratives = once(h.narrativeFields);
      const byTopics = once(h.topicFields);
      const speakerCol = index.int32('speaker');
      const nsetCol = index.int32('nset');
      const tagCol = index.int32('tags');
      return (pos, own) => {
        const s = speakerCol[pos]!;
        const hit = textFilterHolds(found, [own]) || (s >= 0 && bySpeaker(s)) || byNarratives(nsetCol[pos]!) || byTopics(tagCol[pos]!);
        return a.negate ? !hit : hit;
      };
    }
    const none: string[] = [];
    switch (a.field) {
      case 'kind': {
        const flags = index.flags;
        const holds = KINDS.map((k) => qualifierHolds(a, k, none, none as never, none));
        return (pos) => holds[flags[pos]! & 3]!;
      }
      case 'speaker': {
        const col = index.int32('speaker');
        const holds = h.speakerKeys.map((keys) => qualifierHolds(a, '', keys, [], none));
        const noSpeaker = qualifierHolds(a, '', none, [], none);
        return (pos) => (col[pos]! < 0 ? noSpeaker : holds[col[pos]!]!);
      }
      case 'narrative': {
        const col = index.int32('nset');
        const holds = h.narrativeKeys.map((keys) => qualifierHolds(a, '', none, keys, none));
        return (pos) => holds[col[pos]!]!;
      }
      case 'article': {
        const col = index.int32('article');
        const holds = h.articleKeys.map((keys) => qualifierHolds(a, '', none, [], keys));
        return (pos) => holds[col[pos]!]!;
      }
      case 'outlet': {
        // the folded outlet of each article (search.ts prepare's outletKeys)
        const col = index.int32('article');
        const holds = h.outletKeys.map((keys) => qualifierHolds(a, '', none, [], none, keys));
        return (pos) => holds[col[pos]!]!;
      }
      case 'date': {
        // the quote's date, else its article's (search.ts prepare's date), -1 for none
        const col = index.int32('date');
        const holds = h.dates.map((d) => qualifierHolds(a, '', none, [], none, none, d));
        const undated = qualifierHolds(a, '', none, [], none, none, null);
        return (pos) => (col[pos]! < 0 ? undated : holds[col[pos]!]!);
      }
    }
  });
  return atoms.length === 1 ? atoms[0]! : (pos, hay) => atoms.some((t) => t(pos, hay));
}

export interface FileSearch {
  /** the corpus the hits belong to (on disk: the hits, with every actor and article stub) */
  corpus: Corpus;
  result: SearchResult;
  /** @internal how many threads ranked the index (2: a worker ranked its upper part) */
  threads?: number;
}

/**
 * Searches the index: the same result as searchQuotes over the whole corpus, with each hit's
 * `order` its position in the whole corpus. Ranked from the index's columns and folded text
 * (rankDiskIndex); the full records are read for the hits returned only (with a limit of 50,
 * 50 of them), and their highlight ranges computed from those records.
 */
export function searchDiskIndex(index: DiskIndex, query: string, opts: { limit?: number } = {}): FileSearch {
  const prepared = prepareSearch(index, query, opts);
  if ('done' in prepared) return prepared.done;
  return hitsOf(index, prepared.compiled, rankOrError(() => rankDiskIndex(index, prepared.compiled, prepared.limit)));
}

type Prepared = { done: FileSearch } | { compiled: CompiledQuery; limit: number };

/** The query compiled, or the whole answer when it needs no ranking (an error, an empty query). */
function prepareSearch(index: DiskIndex, query: string, opts: { limit?: number }): Prepared {
  const compiled = compileQuery(query);
  const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : Infinity;
  const n = index.header.quotes;
  if (!compiled.ok) return { done: { corpus: index.corpusOf([]), result: { hits: [], total: 0, error: compiled.error } } };
  if (compiled.query.parsed.clauses.length === 0) {
    // nothing to look for: every quote in corpus order, score 0 (searchQuotes' answer), no search
    const shown = Math.min(n, limit);
    const corpus = index.corpusOf(Int32Array.from({ length: shown }, (_, i) => i));
    const hits = corpus.quotes.map((ref, order) => ({ ref, speaker: ref.quote.speaker ? (corpus.actorById.get(ref.quote.speaker) ?? null) : null, score: 0, order, matches: [] }));
    return { done: { corpus, result: { hits, total: n } } };
  }
  return { compiled: compiled.query, limit };
}

/** fuse may throw on a query it cannot take: searchQuotes' error result, not a crash. */
function rankOrError(rank: () => Ranked): Ranked | { error: string } {
  try {
    return rank();
  } catch (err) {
    if (err instanceof DamagedIndexError) throw err;
    return { error: `cannot search for that: ${(err as Error).message}` };
  }
}

/**
 * The hits' own records, searched as a corpus of their own for their highlight ranges only: the
 * scores and the order are the ranking's.
 */
function hitsOf(index: DiskIndex, q: CompiledQuery, ranked: Ranked | { error: string }): FileSearch {
  if ('error' in ranked) return { corpus: index.corpusOf([]), result: { hits: [], total: 0, error: ranked.error } };
  const { corpus, hits } = highlightFromRecords(index, q, ranked.shown);
  return { corpus, result: { hits, total: ranked.total } };
}

/**
 * The hits `shown` (positions in the index, with their scores) and their highlight ranges: their
 * own records read and searched as a corpus of their own, for the ranges only (the scores and the
 * order are the ranking's). Each hit's `order` is its position in the index.
 */
export function highlightFromRecords(index: DiskIndex, q: CompiledQuery, shown: readonly Scored[]): { corpus: Corpus; hits: QuoteHit[] } {
  const positions = Int32Array.from(shown, (s) => s.pos).sort();
  const corpus = index.corpusOf(positions);
  const local = new Map<number, number>();
  positions.forEach((p, k) => local.set(p, k));
  const hits = highlightHits(buildSearchIndex(corpus), q, shown.map((s) => ({ pos: local.get(s.pos)!, score: s.score })));
  for (const hit of hits) hit.order = positions[hit.order]!;
  return { corpus, hits };
}

/**
 * searchDiskIndex on two threads: this one and a worker (disk-index-worker.ts) take the index's
 * blocks from one shared counter, a block at a time, so that each ranks as much as it gets
 * through (the worker starts later: it opens the file and reads its header on its own; and the
 * two cores may be busy with other work). The worker ranks only if its file has the seal this
 * thread checked; the blocks it took and did not answer for (it failed, or stopped) are ranked
 * here. The result is the same as one thread's: a hit's score depends on its own quote only, and
 * the parts are merged by (score, position).
 */
async function searchInParallel(index: DiskIndex, file: string, query: string, opts: { limit?: number }, mainRanks = true): Promise<FileSearch> {
  const prepared = prepareSearch(index, query, opts);
  if ('done' in prepared) return prepared.done;
  const { compiled, limit } = prepared;
  const count = Math.ceil(index.header.quotes / index.header.hayBlock);
  const shared = new SharedBatch(count);
  const worker = startWorker({ file, query, limit: limit === Infinity ? null : limit, seal: index.header.seal, state: shared.buffer, blocks: count });
  try {
    const mine = mainRanks ? rankOrError(() => rankDiskIndex(index, compiled, limit, shared.claim(MAIN))) : { shown: [], total: 0 };
    if ('error' in mine) return hitsOf(index, compiled, mine);
    // a worker that has not begun by now is told not to, and not waited for
    const reply: ScanReply = mainRanks && shared.closeIfNotStarted() ? { ok: false, damaged: false, message: 'not started' } : await worker.result;
    if (!reply.ok && reply.damaged) throw new DamagedIndexError('section hay');
    const theirs: Ranked | { error: string } = reply.ok
      ? { shown: Array.from(reply.pos, (pos, k) => ({ pos, score: reply.score[k]! })), total: reply.total }
      : rankOrError(() => rankDiskIndex(index, compiled, limit, theseBlocks([...shared.takenBy(WORKER), ...shared.untaken()])));
    if ('error' in theirs) return hitsOf(index, compiled, theirs);
    return { ...hitsOf(index, compiled, mergeRanked(mine, theirs, limit)), threads: reply.ok && shared.takenBy(WORKER).length > 0 ? 2 : 1 };
  } finally {
    worker.stop();
  }
}

const MAIN = 1;
const WORKER = 2;

/**
 * The state two threads share (a SharedArrayBuffer): the next block to take, whether the worker
 * has begun (0 not yet, 1 begun, -1 told not to), and which thread took each block.
 */
export class SharedBatch {
  readonly buffer: SharedArrayBuffer;
  private readonly state: Int32Array;
  private readonly owner: Int32Array;
  constructor(
    private readonly count: number,
    buffer?: SharedArrayBuffer,
  ) {
    this.buffer = buffer ?? new SharedArrayBuffer(4 * (2 + count));
    this.state = new Int32Array(this.buffer, 0, 2);
    this.owner = new Int32Array(this.buffer, 8, count);
  }
  /** Blocks for `who` to rank, taken from the shared counter. */
  claim(who: number): BlockClaim {
    return () => {
      const b = Atomics.add(this.state, 0, 1);
      if (b >= this.count) return -1;
      Atomics.store(this.owner, b, who);
      return b;
    };
  }
  /** The worker says it begins; false when it was told not to. */
  begin(): boolean {
    return Atomics.compareExchange(this.state, 1, 0, 1) === 0;
  }
  /** Tells a worker that has not begun not to; true when it had not. */
  closeIfNotStarted(): boolean {
    return Atomics.compareExchange(this.state, 1, 0, -1) === 0;
  }
  /** Blocks nobody took (the worker failed before it took them, and this thread took none). */
  untaken(): number[] {
    return this.takenBy(0);
  }
  takenBy(who: number): number[] {
    const out: number[] = [];
    for (let b = 0; b < this.count; b++) if (Atomics.load(this.owner, b) === who) out.push(b);
    return out;
  }
}

/** What the worker is asked and answers. */
export interface ScanJob {
  file: string;
  query: string;
  /** null: every match */
  limit: number | null;
  /** the seal of the file the calling thread checked: the worker ranks nothing of another file */
  seal: string;
  /** SharedBatch's buffer, and its count of blocks */
  state: SharedArrayBuffer;
  blocks: number;
}
export type ScanReply =
  | { ok: true; pos: Int32Array; score: Float64Array; total: number }
  | { ok: false; damaged: boolean; message: string };

function startWorker(job: ScanJob): { result: Promise<ScanReply>; stop(): void } {
  const self = import.meta.url;
  let worker: Worker;
  if (!self.endsWith('.ts')) worker = new Worker(new URL('./disk-index-worker.js', self), { workerData: job });
  else {
    // from TypeScript sources (tests, tsx): the worker registers tsx, then loads its source
    const src = new URL('./disk-index-worker.ts', self).href;
    worker = new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(src)}))`, { eval: true, workerData: job });
  }
  const result = new Promise<ScanReply>((resolve) => {
    worker.once('message', (m: ScanReply) => resolve(m));
    worker.once('error', (err) => resolve({ ok: false, damaged: false, message: err.message }));
    worker.once('exit', () => resolve({ ok: false, damaged: false, message: 'the worker stopped' }));
  });
  return { result, stop: () => void worker.terminate() };
}

/**
 * Index files at least this large are searched by two threads (when the machine has two cores
 * or more): below it, a worker's start and its reading of the header cost about what it saves.
 * 100,000 of the benchmark's quotes make 170 MB; a million, 1.7 GB.
 */
const PARALLEL_FROM_BYTES = 400 * 1024 * 1024;

/**
 * Whether a search of this index uses a worker too: a large index, and a core to spare. A worker
 * costs CPU of its own (it starts, and reads the header: about 0.6 s of CPU at a million quotes),
 * which pays only when it runs beside this thread. On a machine whose cores are all busy it does
 * not: measured at a million quotes with a load average of 8-9 on 2 cores, four pairs, one
 * thread took 3.0-7.7 s and two 5.2-9.1 s. So two threads only while the load average leaves a
 * core idle. NARRATIVE_LENS_SEARCH_THREADS=1 or 2 decides instead (to measure either).
 */
function twoThreads(index: DiskIndex, asked = process.env.NARRATIVE_LENS_SEARCH_THREADS): boolean {
  if (asked === '1' || index.header.quotes <= index.header.hayBlock) return false;
  if (asked === '2') return true;
  if (index.header.bytes < PARALLEL_FROM_BYTES) return false;
  return coreToSpare(availableParallelism(), loadavg()[0]!, runnableNow());
}

/**
 * Whether a core is free for a second thread. The load average lags a minute behind: just after
 * other work ends it still reads 1.6-2 on an idle 2-core machine, where two threads took 1.70 s
 * against one's 2.16 s (a million quotes, `--limit 50`, two pairs). So where the system says how
 * many threads are runnable this very moment (Linux), that decides, as long as the minute's
 * average is not past every core (a busy machine's momentary lull must not count as idle);
 * elsewhere the average must leave a core idle. Exported for its test.
 */
export function coreToSpare(cores: number, loadMinute: number, runnable: number | undefined): boolean {
  if (cores < 2) return false;
  if (runnable === undefined) return loadMinute <= cores - 1;
  // `runnable` counts this process's own thread: the others must leave a core free
  return loadMinute <= cores && runnable - 1 <= cores - 2;
}

/**
 * Threads runnable now, from /proc/loadavg's fourth field ("2/345"), or undefined where there is
 * none: the least of three reads, as one of this process's own helper threads (the collector's)
 * is sometimes caught running too.
 */
function runnableNow(): number | undefined {
  let least: number | undefined;
  try {
    for (let i = 0; i < 3; i++) {
      const m = /^\S+ \S+ \S+ (\d+)\//.exec(readFileSync('/proc/loadavg', 'latin1'));
      if (!m) return undefined;
      least = Math.min(least ?? Infinity, Number(m[1]));
    }
  } catch {
    return undefined;
  }
  return least;
}

/**
 * `search` over corpus files: through the index on disk (built on first use), or in memory when
 * no index can be written. The one entry point the command line uses.
 */
export async function searchFiles(
  paths: readonly string[],
  query: string,
  opts: DiskIndexOptions & { limit?: number; /** @internal one or two threads whatever the size and load (tests) */ threads?: 1 | 2; /** @internal the worker ranks every block (tests) */ workerOnly?: boolean } = {},
): Promise<FileSearch> {
  for (let attempt = 0; ; attempt++) {
    const opened = await openDiskIndex(paths, { ...opts, rebuild: attempt > 0 });
    if (!(opened instanceof DiskIndex)) return { corpus: opened, result: searchQuotes(buildSearchIndex(opened), query, { limit: opts.limit }) };
    try {
      if (twoThreads(opened, opts.threads === undefined ? undefined : String(opts.threads))) return await searchInParallel(opened, await diskIndexFile(paths, opts.cacheDir), query, { limit: opts.limit }, !opts.workerOnly);
      return { ...searchDiskIndex(opened, query, { limit: opts.limit }), threads: 1 };
    } catch (err) {
      // a damaged file (a record that does not parse, a short read): build it again, once
      if (attempt > 0) throw err;
    } finally {
      opened.close();
    }
  }
}

/**
 * Why a query finds nothing in the corpus in `paths`, from its index on disk (explain.ts): each
 * count a ranking of the index, the words from one scan of its folded text. Without a usable
 * index (none can be written), from the corpus in memory. Before, `search` loaded the whole
 * corpus for this: a typo at a million quotes took 44 s and 3 GB.
 */
export async function explainFiles(paths: readonly string[], query: string, opts: DiskIndexOptions & { knownEmpty?: boolean } = {}): Promise<NoMatchHelp> {
  const opened = await openDiskIndex(paths, opts);
  if (!(opened instanceof DiskIndex)) return explainNoMatch(buildSearchIndex(opened), query);
  try {
    return explainWith(explainSource(opened), query, { knownEmpty: opts.knownEmpty });
  } finally {
    opened.close();
  }
}

/** The index on disk as explain.ts asks of a corpus: the same answers as the corpus in memory gives. */
export function explainSource(index: DiskIndex): ExplainSource {
  const h = index.header;
  return {
    total: (query) => {
      const compiled = compileQuery(query);
      if (!compiled.ok) return 0;
      if (compiled.query.parsed.clauses.length === 0) return h.quotes;
      try {
        return rankDiskIndex(index, compiled.query, 0).total;
      } catch (err) {
        if (err instanceof DamagedIndexError) throw err;
        return 0;
      }
    },
    // counted when the index was built, as the corpus in memory counts them (layout)
    vocabulary: () => new Map(index.words()),
    actors: h.actors,
    narratives: h.narratives,
  };
}
