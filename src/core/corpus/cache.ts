/**
 * The on-disk cache of validated corpora.
 *
 * Key: a hash of the cache format, the program's cache version and every input file's path and
 * bytes — so any change to any file misses the cache. Value: the validated, default-filled
 * corpus. Entries are written atomically (core/files.ts: a temporary file, then a rename), so a
 * reader never sees half an entry; anything unreadable, not matching its key or failing its
 * checksum is ignored and rebuilt, never trusted.
 *
 * Layout of an entry: the seal line (the format, the SHA-1 and the length of everything after
 * it), one line of JSON (the header: format, key, the texts' placement, the corpus without any
 * text that is a slice of an article), then every article's text, joined. The seal covers the
 * header as well as the texts: the header holds the spans and records, and one changed byte
 * there ("end":145 -> 115) once made search print a cut quote as exact (issue 18).
 *
 * Reading never trusts the folder: an entry is opened without following a symbolic link and
 * without waiting on a FIFO, read only if it is a plain file no larger than its inputs could make
 * it (a link to /dev/zero, a huge or foreign file is skipped), and anything that does not check
 * out is dropped and rebuilt. Entries are written owner-only (0600) in an owner-only folder.
 * Quote, mention, silence and event texts equal their spans (the loader checked that), so they
 * are not stored but sliced back out of the article text: half the bytes to parse, and the
 * strings share the article's memory instead of holding a second copy.
 *
 * Where: $NARRATIVE_LENS_CACHE_DIR, else $XDG_CACHE_HOME/narrative-lens, else ~/.cache/narrative-lens.
 */
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { mkdir, open, unlink, readdir, stat, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor, Article, Axis, Narrative, Position, Span } from './schema.js';
import { OffsetMap, hasAstral } from './text.js';
import { writeFileAtomic } from './files.js';
import { stampsHold, type Stamp } from './stamps.js';
import { attachArticleTexts, EntryTexts, type Owner } from './texts-on-demand.js';
import { HeadSplitter } from './head-splitter.js';
import { Sharer, shareArticle } from './compact.js';

/** Bump when the cached shape or the validation rules change. */
const CACHE_FORMAT = 'nl-corpus-cache/5';
/** Keep at most this many entries; the oldest go first. */
const MAX_ENTRIES = 8;

export interface CachedParts {
  articles: Article[];
  actors: Actor[];
  narratives: Narrative[];
  axes: Axis[];
  positions: Position[];
}

export function defaultCacheDir(): string {
  const env = process.env.NARRATIVE_LENS_CACHE_DIR;
  if (env) return env;
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'narrative-lens');
}

export interface CorpusCache {
  key: string;
  file: string;
  /**
   * The cached corpus. With `textsOnDemandFrom`, an entry whose texts take at least that many
   * bytes keeps them on disk, read when first used (texts-on-demand.ts).
   */
  read(opts?: { textsOnDemandFrom?: number }): Promise<CachedParts | undefined>;
  write(parts: CachedParts): Promise<void>;
}

export function cacheKey(inputs: { path: string; bytes: Uint8Array }[], version = CACHE_FORMAT): string {
  const h = createHash('sha1'); // speed matters here, not collision resistance against an attacker
  h.update(version);
  for (const i of inputs) {
    h.update('\0' + i.path + '\0' + i.bytes.length + '\0');
    h.update(i.bytes);
  }
  return h.digest('hex');
}

interface Header {
  format: string;
  key: string;
  textsLength: number;
  /** each article's [start, end) in the joined texts (UTF-16 units) */
  textRanges: [number, number][];
  /** which articles hold characters outside the BMP (their spans need code-point mapping) */
  astral: boolean[];
  parts: CachedParts;
}

type Spanned = { span: Span; text: string };

/** The corpus with every article text removed and every span text that equals its span dropped. */
function strip(parts: CachedParts): { stripped: CachedParts; texts: string; textRanges: [number, number][]; astral: boolean[] } {
  const chunks: string[] = [];
  const textRanges: [number, number][] = [];
  const astral: boolean[] = [];
  let at = 0;
  const articles = parts.articles.map((a) => {
    chunks.push(a.text);
    textRanges.push([at, at + a.text.length]);
    at += a.text.length;
    const map = new OffsetMap(a.text);
    astral.push(hasAstral(a.text));
    const drop = <T extends Spanned>(x: T): T | Omit<T, 'text'> => {
      if (a.text.slice(map.toUnit(x.span.start), map.toUnit(x.span.end)) !== x.text) return x;
      const { text: _omit, ...rest } = x;
      return rest;
    };
    return {
      ...a,
      text: '',
      quotes: a.quotes.map(drop),
      mentions: a.mentions.map(drop),
      silences: a.silences.map(drop),
      events: a.events.map(drop),
    } as unknown as Article;
  });
  return { stripped: { ...parts, articles }, texts: chunks.join(''), textRanges, astral };
}

/**
 * Puts the texts back: article texts from the joined string, span texts sliced from them. The
 * parsed header is fresh and ours, so its objects are filled in place (no copies to collect).
 */
function restore(h: Header, texts: string): CachedParts {
  h.parts.articles.forEach((a, i) => {
    const [s, e] = h.textRanges[i]!;
    const text = texts.slice(s, e);
    a.text = text;
    const map = h.astral[i] ? new OffsetMap(text) : null;
    const fill = (x: Spanned) => {
      if (typeof x.text !== 'string') x.text = map ? text.slice(map.toUnit(x.span.start), map.toUnit(x.span.end)) : text.slice(x.span.start, x.span.end);
    };
    a.quotes.forEach(fill);
    a.mentions.forEach(fill);
    a.silences.forEach(fill);
    a.events.forEach(fill);
  });
  return h.parts;
}

/**
 * The most bytes an entry for these inputs can take: the texts as UTF-16 (at most twice their
 * UTF-8 bytes) and the header (the corpus with defaults filled in and span texts dropped, which
 * stays within a few times the input). Anything larger is not ours and is not read.
 */
export function entryLimit(sizes: readonly number[]): number {
  const total = sizes.reduce((n, size) => n + size, 0);
  return 8 * total + (1 << 20);
}

/**
 * The seal line: format, SHA-1 of the rest, its length. The seal finds damage (a cut, a changed
 * byte); it cannot stop someone who may write the owner-only cache folder, who could write a
 * matching seal with any hash. SHA-1 rather than SHA-256: half the time, and at 100,000 quotes
 * the seal is computed over 100 MB on every load (SHA-256 took about 0.35 s of it).
 */
function seal(rest: Buffer): string {
  return `${CACHE_FORMAT} ${createHash('sha1').update(rest).digest('hex')} ${rest.length}\n`;
}

/**
 * `f` over an entry's open file and size, or undefined when the entry is missing or not
 * something we read: a symbolic link, a FIFO, a device or folder, a file over `limit` bytes.
 */
async function withEntry<T>(file: string, limit: number, f: (handle: FileHandle, size: number, info: Stats) => Promise<T>): Promise<T | undefined> {
  let handle: FileHandle;
  try {
    // O_NOFOLLOW: a link in the entry's place fails (ELOOP); O_NONBLOCK: a FIFO does not wait
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') await unlink(file).catch(() => undefined);
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > limit) return undefined;
    return await f(handle, info.size, info);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A small file's bytes (the key books), through withEntry's checks. */
async function readEntry(file: string, limit: number): Promise<Buffer | undefined> {
  return withEntry(file, limit, async (handle, size) => {
    const bytes = Buffer.allocUnsafe(size);
    let total = 0;
    while (total < bytes.length) {
      const { bytesRead } = await handle.read(bytes, total, bytes.length - total, total);
      if (bytesRead === 0) return undefined; // shrank while read
      total += bytesRead;
    }
    return bytes;
  });
}

/**
 * Bytes of an entry read at a time: below the size (about 1 MB) from which Node hands V8 a
 * decoded string kept outside its heap, so that the pieces are ordinary garbage V8 collects.
 */
const READ_CHUNK = 512 << 10;

/**
 * An entry's header line and texts, read a few megabytes at a time (undefined: no entry to
 * read); throws when it is damaged (its seal does not hold, it is cut short).
 *
 * Why in pieces: read whole, the entry was one buffer outside V8's heap as large as the corpus
 * (100 MB at 100,000 quotes, 1 GB at a million) that stayed allocated for the whole session:
 * it lived long enough to be promoted, and a dashboard's UI thread, once loaded, makes too
 * little garbage for V8 to run the full collection that would free it. One buffer of
 * READ_CHUNK is reused; the text is decoded piece by piece (StringDecoder keeps a character or
 * UTF-16 unit cut by a piece's end for the next one) and hashed as it comes. The header's articles
 * are handed to `onArticle` one by one as they come (head-splitter.ts), with whether the texts
 * stay on disk; `head` is the rest of the header, a 0 in each article's place.
 */
async function readDecoded(
  file: string,
  limit: number,
  onDemandFrom: number,
  onArticle: (json: string, onDemand: boolean) => void,
): Promise<{ head: string; texts: string | OnDisk } | undefined> {
  return withEntry(file, limit, async (handle, size, info) => {
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(READ_CHUNK, size)));
    const first = (await handle.read(buf, 0, Math.min(buf.length, 512), 0)).bytesRead;
    const sealEnd = buf.subarray(0, first).indexOf(10);
    if (sealEnd < 0) throw new Error('damaged');
    const sealLine = buf.toString('latin1', 0, sealEnd + 1);
    // the texts' length opens the header: whether they stay on disk is known before any article
    const opening = /^\{"format":"[^"\\]*","key":"[^"\\]*","textsLength":(\d+),/.exec(buf.toString('latin1', sealEnd + 1, first));
    if (!opening) throw new Error('damaged');
    const textsBytes = 2 * Number(opening[1]);
    /** whether the texts are decoded now or read when asked for (texts-on-demand.ts) */
    const decode = textsBytes < onDemandFrom;
    const hash = createHash('sha1');
    const splitter = new HeadSplitter((json) => onArticle(json, !decode));
    const textDecoder = new StringDecoder('utf16le');
    let head = '';
    const texts: string[] = [];
    let inHead = true;
    /** where the texts begin */
    let textsAt = -1;
    for (let pos = sealEnd + 1; pos < size; ) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, size - pos), pos);
      if (bytesRead === 0) throw new Error('damaged'); // shrank while read
      const chunk = buf.subarray(0, bytesRead);
      hash.update(chunk);
      let from = 0;
      if (inHead) {
        const nl = chunk.indexOf(10);
        splitter.write(nl < 0 ? chunk : chunk.subarray(0, nl));
        if (nl >= 0) {
          head = splitter.end();
          inHead = false;
          from = nl + 1;
          textsAt = pos + from;
          if (size - textsAt !== textsBytes) throw new Error('damaged');
        } else from = bytesRead;
      }
      // (on demand: hashed all the same, so that the seal holds for what is read later)
      if (decode && !inHead && from < bytesRead) texts.push(textDecoder.write(chunk.subarray(from)));
      pos += bytesRead;
    }
    if (sealLine !== `${CACHE_FORMAT} ${hash.digest('hex')} ${size - sealEnd - 1}\n`) throw new Error('damaged or stale');
    if (inHead) throw new Error('damaged');
    if (!decode) return { head, texts: textsOf(file, info, textsAt) };
    texts.push(textDecoder.end());
    return { head, texts: texts.join('') };
  });
}

/**
 * The entry opened again, synchronously, for the texts read on demand; refused (a load from the
 * files instead) if what is now at the path is not the file just checked.
 */
function textsOf(file: string, checked: Stats, at: number): OnDisk {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  const now = fstatSync(fd);
  if (now.ino !== checked.ino || now.dev !== checked.dev || now.size !== checked.size || !now.isFile()) {
    closeSync(fd);
    throw new Error('replaced while read');
  }
  return { fd, at, units: (checked.size - at) / 2 };
}

/** An entry's texts left on disk: the open file and where they begin. */
interface OnDisk {
  fd: number;
  at: number;
  /** the texts' length in UTF-16 units */
  units: number;
}

export function openCache(inputs: { path: string; bytes: Uint8Array }[], dir = defaultCacheDir()): CorpusCache {
  return openCacheEntry(cacheKey(inputs), entryLimit(inputs.map((i) => i.bytes.length)), dir);
}

/** The entry of a content key known without reading the files (knownCacheKey); `limit` from entryLimit. */
export function openCacheEntry(key: string, limit: number, dir = defaultCacheDir()): CorpusCache {
  const file = path.join(dir, `corpus-${key}.cache`);
  return {
    key,
    file,
    async read(opts = {}) {
      const drop = async () => {
        await unlink(file).catch(() => undefined); // damaged or foreign: drop it, rebuild
        return undefined;
      };
      // each article as it is read: made small (compact.ts), its texts left on disk if asked
      const sharer = new Sharer();
      const articles: Article[] = [];
      const owners: Owner[] = [];
      const onArticle = (json: string, onDemand: boolean) => {
        const a = JSON.parse(json) as Article;
        shareArticle(a as unknown as Record<string, unknown>, sharer);
        if (onDemand) {
          // (the entry's texts are set once the whole entry has checked out)
          const owner: Owner = { texts: undefined as unknown as EntryTexts, index: articles.length };
          owners.push(owner);
          articles.push(attachArticleTexts(a, owner));
        } else articles.push(a);
      };
      let entry: { head: string; texts: string | OnDisk } | undefined;
      try {
        entry = await readDecoded(file, limit, opts.textsOnDemandFrom ?? Infinity, onArticle); // (in pieces: see there)
      } catch {
        return drop();
      }
      if (!entry) return undefined;
      const { head, texts } = entry;
      entry = undefined;
      try {
        const h = JSON.parse(head) as Header;
        if (h.format !== CACHE_FORMAT || h.key !== key) throw new Error('stale');
        const p = h.parts;
        if (!Array.isArray(p?.articles) || p.articles.length !== articles.length || !p.articles.every((a) => (a as unknown) === 0)) throw new Error('damaged');
        p.articles = articles;
        const length = typeof texts === 'string' ? texts.length : texts.units;
        if (length !== h.textsLength || ![p.articles, p.actors, p.narratives, p.axes, p.positions].every(Array.isArray)) {
          throw new Error('damaged');
        }
        if (h.textRanges.length !== p.articles.length || h.astral.length !== p.articles.length) throw new Error('damaged');
        if (typeof texts === 'string') return restore(h, texts);
        if (!h.textRanges.every(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= h.textsLength)) throw new Error('damaged');
        const entryTexts = new EntryTexts(texts.fd, texts.at, h.textRanges, h.astral);
        for (const o of owners) o.texts = entryTexts;
        return p;
      } catch {
        if (typeof texts !== 'string') closeSync(texts.fd);
        return drop();
      }
    },
    async write(parts) {
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const { stripped, texts, textRanges, astral } = strip(parts);
        const header: Header = { format: CACHE_FORMAT, key, textsLength: texts.length, textRanges, astral, parts: stripped };
        // UTF-16 as V8 holds it: decoding is a copy, where UTF-8 of non-Latin text is a slow walk
        const rest = Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), Buffer.from(texts, 'utf16le')]);
        // whatever is in the entry's place (a damaged entry, a link, another's file) goes first,
        // so that the new entry is created owner-only rather than taking over its permissions
        await unlink(file).catch(() => undefined);
        await writeFileAtomic(file, [Buffer.from(seal(rest), 'latin1'), rest], { overwrite: true, mode: 0o600, sync: false });
        await prune(dir);
      } catch {
        // A cache that cannot be written (read-only home, full disk) only costs speed.
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Knowing the content key without reading the files

/**
 * Which content key a set of input files had when they were last read, with each file's stamp
 * (stamps.ts): while every stamp holds, a load takes the key from here instead of reading and
 * hashing every file (100,000 quotes: 92 MB read and hashed, about a fifth of a warm load, and
 * as much memory again while the corpus is built). One small file per set of paths.
 */
interface KeyBook {
  format: string;
  files: string[];
  stamps: Stamp[];
  key: string;
}

function keyBookFile(files: readonly string[], dir: string): string {
  const h = createHash('sha1').update(CACHE_FORMAT);
  for (const f of files) h.update('\0' + f);
  return path.join(dir, `keys-${h.digest('hex')}.json`);
}

/** The content key of these files (absolute, in load order) and their sizes, when every file's stamp still holds. */
export async function knownCacheKey(files: readonly string[], dir = defaultCacheDir()): Promise<{ key: string; sizes: number[] } | undefined> {
  if (files.length === 0) return undefined;
  const bytes = await readEntry(keyBookFile(files, dir), (1 << 16) + files.length * 2048).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const book = JSON.parse(bytes.toString('utf8')) as KeyBook;
    if (book.format !== CACHE_FORMAT || typeof book.key !== 'string' || !Array.isArray(book.files) || !Array.isArray(book.stamps)) return undefined;
    if (book.files.length !== files.length || book.files.some((f, i) => f !== files[i])) return undefined;
    if (!(await stampsHold(files, book.stamps))) return undefined;
    return { key: book.key, sizes: book.stamps.map((s) => Number(s.size)) };
  } catch {
    return undefined;
  }
}

/**
 * Records the content key of these files with their stamps, taken before they were read (a file
 * written while it was read then fails its stamp next time). Nothing is recorded while a file is
 * too recent to stamp (stamps.ts): it is read and hashed every time.
 */
export async function rememberCacheKey(files: readonly string[], stamps: readonly (Stamp | null)[], key: string, dir = defaultCacheDir()): Promise<void> {
  if (files.length === 0 || stamps.length !== files.length || stamps.some((s) => s === null)) return;
  const book: KeyBook = { format: CACHE_FORMAT, files: [...files], stamps: stamps as Stamp[], key };
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(keyBookFile(files, dir), JSON.stringify(book), { overwrite: true, mode: 0o600, sync: false });
  } catch {
    // like the cache itself: one that cannot be written only costs speed
  }
}

/** Temporary files older than this were left by a killed process (see core/files.ts). */
const STALE_TEMP_MS = 60 * 60 * 1000;

async function prune(dir: string): Promise<void> {
  const all = await readdir(dir);
  for (const n of all.filter((x) => x.startsWith('.corpus-') && x.endsWith('.tmp'))) {
    const p = path.join(dir, n);
    const t = await stat(p).then((i) => i.mtimeMs, () => Date.now());
    if (Date.now() - t > STALE_TEMP_MS) await unlink(p).catch(() => undefined);
  }
  // the entries, and the key books (which point at entries: as many of them are enough)
  for (const prefix of ['corpus-', 'keys-']) {
    const names = all.filter((n) => n.startsWith(prefix));
    if (names.length <= MAX_ENTRIES) continue;
    const dated = await Promise.all(names.map(async (n) => ({ n, t: await stat(path.join(dir, n)).then((s) => s.mtimeMs, () => 0) })));
    dated.sort((a, b) => a.t - b.t);
    for (const { n } of dated.slice(0, dated.length - MAX_ENTRIES)) await unlink(path.join(dir, n)).catch(() => undefined);
  }
}
