/**
 * The on-disk cache of validated corpora.
 *
 * Key: a hash of the cache format, the program's cache version and every input file's path and
 * bytes — so any change to any file misses the cache. Value: the validated, default-filled
 * corpus. Entries are written atomically (core/files.ts: a temporary file, then a rename), so a
 * reader never sees half an entry; anything unreadable, not matching its key or failing its
 * checksum is ignored and rebuilt, never trusted.
 *
 * Layout of an entry: the seal line (the format, the SHA-256 and the length of everything after
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
import { constants } from 'node:fs';
import { mkdir, open, unlink, readdir, stat, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor, Article, Axis, Narrative, Position, Span } from './schema.js';
import { OffsetMap, hasAstral } from './text.js';
import { writeFileAtomic } from './files.js';

/** Bump when the cached shape or the validation rules change. */
const CACHE_FORMAT = 'nl-corpus-cache/4';
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
  read(): Promise<CachedParts | undefined>;
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
function entryLimit(inputs: { bytes: Uint8Array }[]): number {
  const total = inputs.reduce((n, i) => n + i.bytes.length, 0);
  return 8 * total + (1 << 20);
}

/** The seal line: format, SHA-256 of the rest, its length. */
function seal(rest: Buffer): string {
  return `${CACHE_FORMAT} ${createHash('sha256').update(rest).digest('hex')} ${rest.length}\n`;
}

/**
 * An entry's bytes, or undefined when it is missing or not something we read: a symbolic link,
 * a FIFO, a device or folder, a file over `limit` bytes.
 */
async function readEntry(file: string, limit: number): Promise<Buffer | undefined> {
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
    const bytes = Buffer.allocUnsafe(info.size);
    let total = 0;
    while (total < bytes.length) {
      const { bytesRead } = await handle.read(bytes, total, bytes.length - total, total);
      if (bytesRead === 0) return undefined; // shrank while read
      total += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function openCache(inputs: { path: string; bytes: Uint8Array }[], dir = defaultCacheDir()): CorpusCache {
  const key = cacheKey(inputs);
  const file = path.join(dir, `corpus-${key}.cache`);
  const limit = entryLimit(inputs);
  return {
    key,
    file,
    async read() {
      const bytes = await readEntry(file, limit).catch(() => undefined);
      if (!bytes) return undefined;
      try {
        const sealEnd = bytes.indexOf(10);
        if (sealEnd < 0) throw new Error('damaged');
        const rest = bytes.subarray(sealEnd + 1);
        if (bytes.subarray(0, sealEnd + 1).toString('latin1') !== seal(rest)) throw new Error('damaged or stale');
        const nl = rest.indexOf(10);
        if (nl < 0) throw new Error('damaged');
        const h = JSON.parse(rest.subarray(0, nl).toString('utf8')) as Header;
        if (h.format !== CACHE_FORMAT || h.key !== key) throw new Error('stale');
        const texts = rest.subarray(nl + 1).toString('utf16le');
        const p = h.parts;
        if (texts.length !== h.textsLength || ![p.articles, p.actors, p.narratives, p.axes, p.positions].every(Array.isArray)) {
          throw new Error('damaged');
        }
        if (h.textRanges.length !== p.articles.length || h.astral.length !== p.articles.length) throw new Error('damaged');
        return restore(h, texts);
      } catch {
        await unlink(file).catch(() => undefined); // damaged or foreign: drop it, rebuild
        return undefined;
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

/** Temporary files older than this were left by a killed process (see core/files.ts). */
const STALE_TEMP_MS = 60 * 60 * 1000;

async function prune(dir: string): Promise<void> {
  const all = await readdir(dir);
  for (const n of all.filter((x) => x.startsWith('.corpus-') && x.endsWith('.tmp'))) {
    const p = path.join(dir, n);
    const t = await stat(p).then((i) => i.mtimeMs, () => Date.now());
    if (Date.now() - t > STALE_TEMP_MS) await unlink(p).catch(() => undefined);
  }
  const names = all.filter((n) => n.startsWith('corpus-'));
  if (names.length <= MAX_ENTRIES) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n))).mtimeMs })));
  dated.sort((a, b) => a.t - b.t);
  for (const { n } of dated.slice(0, dated.length - MAX_ENTRIES)) await unlink(path.join(dir, n)).catch(() => undefined);
}
