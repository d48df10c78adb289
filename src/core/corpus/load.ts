/**
 * Reading corpus files into one validated Corpus.
 *
 * Every problem found is collected (all of a file's problems, not just the first) and thrown
 * together as one DataError, so an analyst fixes a file in one pass. Problems name the file and
 * the place: a JSON path ($.articles[0].quotes[3].span) or, for broken JSON, line and column.
 * Nothing here prints or exits; the shells decide how to show a DataError.
 */
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { existsSync, statSync } from 'node:fs';
import { constants, isUtf8 } from 'node:buffer';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { Actor, Article, Axis, CorpusFile, Narrative, Position } from './schema.js';
import { makeCorpus, type Corpus } from './corpus.js';
import { OffsetMap } from './text.js';
import { inert } from '../sanitize.js';
import { entryLimit, knownCacheKey, openCache, openCacheEntry, rememberCacheKey } from './cache.js';
import { stampOf } from './stamps.js';
import { formatSize, sizeFlagFor } from './size.js';
import { fsReason, readFileUpTo, type BoundedRead } from './files.js';
import { nearestNames } from '../search/names.js';

export interface Problem {
  file: string;
  /** "$.articles[0].quotes[3].span", "line 12, column 5", or "" for the file as a whole */
  where: string;
  message: string;
}

export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.length === 1 ? formatProblem(problems[0]!) : `${problems.length} problems in the data`);
    this.name = 'DataError';
  }
}

/**
 * A load refused only because this process's heap is too small for it (V8's default limit is a
 * fraction of the machine's memory): `needBytes` is the estimate, `relaunchable` whether every
 * input is a plain file that a second process could read again (not stdin or a pipe). The
 * command line may run itself again with a larger heap (src/cli/relaunch.ts).
 */
export class HeapTooSmallError extends DataError {
  constructor(
    problem: Problem,
    readonly needBytes: number,
    readonly relaunchable: boolean,
  ) {
    super([problem]);
    this.name = 'HeapTooSmallError';
  }
}

/** One line per problem; data text inside is made inert. */
export function formatProblem(p: Problem): string {
  const where = p.where ? `: ${p.where}` : '';
  return inert(`${p.file}${where}: ${p.message}`);
}

/**
 * The lines both shells print on stderr for data that failed to load: the first `max` problems,
 * then how many more (and, when given, how to see them all). Without the program's prefix.
 */
export function problemLines(problems: readonly Problem[], max: number, seeAll?: (files: string[]) => string): string[] {
  const lines = problems.slice(0, max).map(formatProblem);
  if (problems.length > max) {
    const see = seeAll ? `; see them all with: ${inert(seeAll([...new Set(problems.map((p) => p.file))]))}` : '';
    lines.push(`… and ${problems.length - max} more problems${see}`);
  }
  return lines;
}

/** Files larger than this are refused before reading (a corpus file is text, not a dump). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
/** A raw article (.txt, extracted on the fly, and `extract`'s input) larger than this is refused. */
export const DEFAULT_MAX_ARTICLE_BYTES = 32 * 1024 * 1024;

/**
 * The most UTF-8 bytes read as one string: V8's longest string (about 512 M UTF-16 units; one
 * byte of UTF-8 makes at most one unit). A larger file cannot be held as text here at all, so it
 * is refused with that reason, and no --max-file-size advice points past it.
 */
export const MAX_TEXT_BYTES = constants.MAX_STRING_LENGTH;

export interface LoadOptions {
  maxFileBytes?: number;
  /**
   * Keep the validated corpus in the user's cache folder, keyed by the files' content, so the
   * next load of the same bytes skips parsing checks. Off by default (tests, validate); the
   * dashboard and flag search turn it on for large corpora.
   */
  cache?: boolean;
  cacheDir?: string;
  /** told what was done about the input that is not a problem (a file given twice, read once) */
  onNote?: (note: string) => void;
  /**
   * A corpus taken from the cache keeps its texts (articles', and the quotes' and other spans'
   * sliced from them) on disk, each read when first used (texts-on-demand.ts), when they take at
   * least this many bytes; true: TEXTS_ON_DEMAND_FROM. The dashboard's choice: it shows a few
   * quotes and one article at a time. Has no effect on a corpus read from its files.
   */
  textsOnDemand?: boolean | number;
}

/**
 * Texts (UTF-16 bytes) from which the dashboard leaves them on disk: about 5,000 quotes. Below,
 * reading them all costs little, and an in-process search reads every quote's anyway.
 */
export const TEXTS_ON_DEMAND_FROM = 4 * 1024 * 1024;

/** The package's bundled data folder (the seed article's dataset). */
export function bundledDataPath(): string {
  // The sources sit in src/core/corpus/, tsc's output in dist/core/corpus/ and the bundle in
  // dist/cli/: walk up to the folder that holds the package's package.json.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'data');
}

/** A path as shown in messages: relative to the working directory when that is shorter. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

const CORPUS_EXT = '.json';
const TEXT_EXT = '.txt';

/**
 * Expands folders (recursively, sorted, dotfiles skipped) into the files to read: the files
 * loadCorpus reads, in its order (the search index on disk checks them without reading them).
 */
export async function expand(paths: string[], problems: Problem[], notes?: string[]): Promise<string[]> {
  const out: string[] = [];
  // files already listed: the same file given twice (or given and inside a folder given) is read
  // once — read twice, every id in it was a "duplicate id" error
  const listed = new Set<string>();
  const files = new Set<string>();
  // folders already walked (by device and inode): a symbolic link back up the tree is not a loop
  const seen = new Set<string>();
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      problems.push({ file: displayPath(p), where: '', message: fsMessage(err) });
      return;
    }
    if (info.isDirectory()) {
      const id = `${info.dev}:${info.ino}`;
      if (seen.has(id)) return explicit ? again(p) : undefined;
      seen.add(id);
      let entries: Dirent[];
      try {
        entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (err) {
        problems.push({ file: displayPath(p), where: '', message: fsMessage(err) });
        return;
      }
      const [filesBefore, problemsBefore] = [out.length, problems.length];
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        // a plain file needs no stat of its own (a folder of 100,000 files: 100,000 fewer calls)
        if (e.isFile()) addFile(path.join(p, e.name), false);
        else await walk(path.join(p, e.name), false);
      }
      if (explicit && out.length === filesBefore && problems.length === problemsBefore) {
        problems.push({ file: displayPath(p), where: '', message: 'folder holds no corpus files (.json) or articles (.txt)' });
      }
      return;
    }
    // a file named on the command line: the same file under another name (a link) counts too
    const id = `${info.dev}:${info.ino}`;
    if (files.has(id) || listed.has(p)) return again(p);
    files.add(id);
    addFile(p, explicit);
  };
  const again = (p: string): void => void notes?.push(`${displayPath(p)}: given more than once; read once`);
  const addFile = (p: string, explicit: boolean) => {
    if (listed.has(p)) return again(p);
    listed.add(p);
    const ext = path.extname(p).toLowerCase();
    if (ext === CORPUS_EXT || ext === TEXT_EXT || explicit) out.push(p);
    else
      problems.push({
        file: displayPath(p),
        where: '',
        message: `not a corpus file: expected .json (corpus) or .txt (raw article); move it out of the folder`,
      });
  };
  for (const p of paths) await walk(path.resolve(p), true);
  return out;
}

function fsMessage(err: unknown): string {
  return fsReason(err, 'read');
}

/**
 * Decodes bytes as UTF-8 text, refusing other encodings with a problem that says which and where
 * (corpus files here, raw articles in `extract`).
 */
export function decodeText(bytes: Buffer, file: string, problems: Problem[]): string | undefined {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    problems.push({ file, where: '', message: `file is ${utf16}; save it as UTF-8` });
    return undefined;
  }
  // isUtf8 (simdutf) validates far faster than a fatal TextDecoder on large files.
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const lineStart = at === 0 ? 0 : bytes.lastIndexOf(10, at - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(10); i >= 0 && i < at; i = bytes.indexOf(10, i + 1)) line++;
    problems.push({ file, where: `line ${line}, byte ${at - lineStart + 1} (offset ${at})`, message: 'not valid UTF-8 (Latin-1 or another encoding?); save it as UTF-8' });
    return undefined;
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    problems.push({ file, where: '', message: `file is ${formatSize(bytes.length)}, more than one text can hold (${formatSize(MAX_TEXT_BYTES)}); split it into several files` });
    return undefined;
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 BOM is harmless: drop it
  // A NUL byte is valid UTF-8 but never in a text file (and never raw inside JSON): say so plainly.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    problems.push({ file, where: lineColumn(text, nul), message: 'holds a NUL byte: not a text file (binary, or saved as UTF-16/UTF-32?)' });
    return undefined;
  }
  return text;
}

/**
 * "UTF-16 (LE)" when the bytes are UTF-16, with or without a byte-order mark: without one, text
 * in UTF-16 shows as a zero byte beside most ASCII characters (JSON is mostly ASCII).
 */
function utf16Kind(bytes: Buffer): string | undefined {
  // UTF-32 first: its little-endian byte-order mark begins with UTF-16's (FF FE)
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xfffe0000) return 'UTF-32 (little-endian, with a byte-order mark)';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x0000feff) return 'UTF-32 (big-endian, with a byte-order mark)';
  const quads = Math.min(bytes.length, 4096) >> 2;
  if (quads > 0) {
    // text in UTF-32 without a mark: mostly characters below U+10000, so two zero bytes in four
    let le = 0;
    let be = 0;
    for (let i = 0; i < quads * 4; i += 4) {
      if (bytes[i + 2] === 0 && bytes[i + 3] === 0 && bytes[i] !== 0) le++;
      if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 3] !== 0) be++;
    }
    if (le > quads * 0.9) return 'UTF-32 (little-endian)';
    if (be > quads * 0.9) return 'UTF-32 (big-endian)';
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian, with a byte-order mark)';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'UTF-16 (little-endian)';
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'UTF-16 (big-endian)';
  return undefined;
}

/**
 * The offset where the first ill-formed UTF-8 sequence in `bytes` begins (its lead byte). A
 * streaming, fatal decoder goes through the bytes a megabyte at a time (a multi-byte character
 * may straddle two pieces: stream:true carries it over); in the piece where it fails, the shortest
 * invalid prefix is found by bisection, from the start of the character the piece opened in.
 * Before: the bisection decoded prefixes of the whole file, each into a string, so past the size
 * of one string a valid prefix failed too and a wrong place was named.
 */
export function firstInvalidUtf8(bytes: Uint8Array, piece = 1 << 20): number {
  const stream = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (; start < bytes.length; start += piece) {
    try {
      stream.decode(bytes.subarray(start, start + piece), { stream: true });
    } catch {
      break;
    }
  }
  if (start >= bytes.length) start = Math.max(0, bytes.length - 1); // only an unfinished character at the end
  // back to the lead byte of a character that began in the previous piece
  let from = start;
  for (let i = 0; i < 4 && from > 0 && bytes[from - 1]! >= 0x80; i++) if (bytes[--from]! >= 0xc0) break;
  const part = bytes.subarray(from, Math.min(bytes.length, start + piece));
  let lo = 0;
  let hi = part.length;
  // the shortest invalid prefix; a cut inside a multi-byte character is not an error with
  // stream:true, and each probe has a decoder of its own (before, a shared decoder was reset
  // with decode(), which throws on the cut character it still held: a valid "€" cut in two was
  // taken for the error, and a place before the real one was named)
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(part.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // where the decoder noticed; the bad sequence began at the lead byte of a character it was
  // still waiting to finish ("é" in Latin-1 is a lead byte that the next letter does not continue)
  const probe = new TextDecoder('utf-8', { fatal: true });
  probe.decode(part.subarray(0, lo), { stream: true });
  try {
    probe.decode();
  } catch {
    let k = lo;
    while (k > 0 && part[k - 1]! >= 0x80 && part[k - 1]! < 0xc0) k--;
    lo = k - 1;
  }
  return from + lo;
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lastNl = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNl = i;
    }
  }
  return `line ${line}, column ${offset - lastNl}`;
}

/** Parses JSON text; every mistake (at most 20) goes to `problems` with its line and column. `kind` names the file in the message for an empty one. */
export function parseJson(text: string, file: string, problems: Problem[], kind = 'a corpus file'): unknown {
  if (text.trim().length === 0) {
    problems.push({ file, where: '', message: `file is empty; ${kind} is a JSON object` });
    return undefined;
  }
  let parseError: unknown;
  try {
    return JSON.parse(text);
  } catch (err) {
    parseError = err;
  }
  // JSON.parse reports at most one problem, and not always where; jsonc-parser finds them all.
  // It recurses once per nesting level, so very deep broken JSON ([[[[… 100,000 levels) runs it
  // out of stack: then say what JSON.parse said, with its position.
  const errors: ParseError[] = [];
  try {
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const said = String((parseError as Error)?.message ?? parseError);
    const at = /position (\d+)/.exec(said)?.[1];
    const end = /end of JSON input/i.test(said);
    const where = at !== undefined ? lineColumn(text, Number(at)) : end ? lineColumn(text, text.length) : '';
    const what = end ? 'unexpected end of input' : said.replace(/ in JSON at position \d+.*$/s, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
    problems.push({ file, where, message: `broken JSON (nested too deeply to list every mistake): ${what}` });
    return undefined;
  }
  if (errors.length === 0) {
    problems.push({ file, where: lineColumn(text, text.length), message: 'broken JSON: unexpected end of input' });
  }
  // jsonc-parser often reports one mistake twice at one offset; keep the first of each place.
  const unique = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1]!.offset);
  for (const e of unique.slice(0, 20)) {
    problems.push({ file, where: lineColumn(text, e.offset), message: `broken JSON: ${jsonErrorText(e)}` });
  }
  if (unique.length > 20) problems.push({ file, where: '', message: `…and ${unique.length - 20} more JSON errors` });
  return undefined;
}

function jsonErrorText(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  // "CloseBraceExpected" -> "close brace expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

export function schemaProblems(error: z.ZodError, file: string, under: PropertyKey[] = []): Problem[] {
  return error.issues.map((issue) => ({ file, where: jsonPath([...under, ...issue.path]), message: issueMessage(issue) }));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type': {
      const got = (issue as { input?: unknown }).input;
      if (got === undefined) return `missing field (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${describe(got)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  return typeof v;
}

interface ParsedFile {
  file: string;
  data: CorpusFile;
}

interface RawFile {
  abs: string;
  file: string;
  bytes: Buffer;
}

/** The size limit a file is read under: --max-file-size, else an article's (as `extract` reads it) or a corpus file's. */
export function sizeLimitFor(file: string, maxFileBytes?: number): number {
  return maxFileBytes ?? (path.extname(file).toLowerCase() === TEXT_EXT ? DEFAULT_MAX_ARTICLE_BYTES : DEFAULT_MAX_FILE_BYTES);
}

/**
 * Whether a file of `size` bytes is one the loader reads: not empty, within its size limit and
 * what one string can hold. (Where a file's size is known without reading it: a cached corpus's
 * or a search index's input files; a file that fails this is read, and refused, by the loader.)
 */
export function fitsSizeLimit(file: string, size: number, maxFileBytes?: number): boolean {
  return size > 0 && size <= Math.min(sizeLimitFor(file, maxFileBytes), MAX_TEXT_BYTES);
}

/** Refused past one string's size, whatever the limit: what to do instead. */
export const SPLIT_ADVICE = `more than one text can hold (${formatSize(MAX_TEXT_BYTES)}); split it into several files`;

/**
 * Why a file is too large, and what to do: raise the limit when that would be enough, else split
 * the file (past one string's size no limit helps, so the advice never leads to a second refusal).
 * `size` is unknown for a pipe or a device (the read stopped past the smaller of the two).
 */
export function overMessage(size: number | undefined, limit: number): string {
  const split = SPLIT_ADVICE;
  if (size === undefined) {
    return limit > MAX_TEXT_BYTES ? `file is over ${formatSize(MAX_TEXT_BYTES)}, ${split}` : `file is over the ${formatSize(limit)} limit (raise it with --max-file-size ${sizeFlagFor(limit + 1)})`;
  }
  if (size <= limit) return `file is ${formatSize(size)}, ${split}`;
  if (size > MAX_TEXT_BYTES) return `file is ${formatSize(size)}, over the ${formatSize(limit)} limit and ${split}`;
  return `file is ${formatSize(size)}, over the ${formatSize(limit)} limit (raise it with --max-file-size ${sizeFlagFor(size)})`;
}

/**
 * Reads a file's bytes, refusing folders, empty files and files over the size limit. The read
 * stops one byte past the limit, so a file that grows while it is read, a device (/dev/zero) or
 * a pipe never takes more memory than the limit allows.
 */
async function readBytes(abs: string, problems: Problem[], options: LoadOptions): Promise<RawFile | undefined> {
  const file = displayPath(abs);
  const limit = sizeLimitFor(abs, options.maxFileBytes);
  // never more than one string can hold: a file past it is refused before it is read whole
  const cap = Math.min(limit, MAX_TEXT_BYTES);
  let read: BoundedRead;
  try {
    read = await readFileUpTo(abs, cap);
  } catch (err) {
    problems.push({ file, where: '', message: fsMessage(err) });
    return undefined;
  }
  if (read.kind === 'folder') {
    problems.push({ file, where: '', message: 'is a folder, expected a file' });
    return undefined;
  }
  if (read.kind === 'over') {
    problems.push({ file, where: '', message: overMessage(read.size, limit) });
    return undefined;
  }
  if (read.bytes.length === 0) {
    problems.push({ file, where: '', message: 'file is empty' });
    return undefined;
  }
  return { abs, file, bytes: read.bytes };
}

/** Files read at once: enough to keep the disk busy, few enough for any limit on open files. */
const READS_AT_ONCE = 16;

/** `f` over `items`, at most `limit` at a time; results in the items' order. */
async function inOrder<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Decodes, parses and schema-checks one file (a .txt article is extracted into a draft). */
async function parseCorpusFile({ abs, file, bytes }: RawFile, problems: Problem[]): Promise<ParsedFile | undefined> {
  // zod and the schema are loaded only when a file must be checked: a corpus found in the
  // cache was checked before, and the flag search should not pay for loading the validator.
  const { CorpusFile } = await import('./schema.js');
  const text = decodeText(bytes, file, problems);
  if (text === undefined) return undefined;

  if (path.extname(abs).toLowerCase() === TEXT_EXT) {
    // A raw article: extract a draft on the fly (loaded lazily: most runs never need it).
    const { extractDraftInWorker } = await import('../extract/in-worker.js');
    try {
      return { file, data: CorpusFile.parse(await extractDraftInWorker(text, { source: abs })) };
    } catch (err) {
      problems.push({ file, where: '', message: `could not extract a draft: ${(err as Error).message}` });
      return undefined;
    }
  }

  const raw = parseJson(text, file, problems);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ file, where: '$', message: `expected a JSON object with "articles", "actors", …; got ${describe(raw)}` });
    return undefined;
  }
  const parsed = CorpusFile.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error, file));
    return undefined;
  }
  if (parsed.data.study !== undefined) {
    // a study file: its work is checked here; its sources are opened by core/study (open.ts)
    const { StudyBody } = await import('../study/schema.js');
    const study = StudyBody.safeParse(parsed.data.study, { reportInput: true });
    if (!study.success) {
      problems.push(...schemaProblems(study.error, file, ['study']));
      return undefined;
    }
  }
  return { file, data: parsed.data };
}

interface Origin {
  file: string;
  where: string;
}

/** Where an id was first defined, for duplicate messages. */
class Registry<T extends { id: string }> {
  readonly items = new Map<string, { item: T; origin: Origin }>();
  constructor(private readonly what: string) {}

  /** Adds an item; same id in another file merges via `merge`, same id in one file is a problem. */
  add(item: T, origin: Origin, problems: Problem[], merge?: (a: T, b: T) => T): void {
    const seen = this.items.get(item.id);
    if (!seen) {
      this.items.set(item.id, { item, origin });
      return;
    }
    if (merge && seen.origin.file !== origin.file) {
      seen.item = merge(seen.item, item);
      return;
    }
    problems.push({
      file: origin.file,
      where: origin.where,
      message: `duplicate ${this.what} id "${item.id}" (first at ${placeOf(seen.origin, origin.file)})`,
    });
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  values(): T[] {
    return [...this.items.values()].map((v) => v.item);
  }
}

/** Where something was first seen, without repeating the file name when it is the same file. */
function placeOf(first: Origin, file: string): string {
  return first.file === file ? first.where : `${first.file} ${first.where}`;
}

/**
 * Lists merged across files grow in place: a new merged copy per file cost files x list length
 * (10,000 one-article files each adding an alias to one shared actor: 50 million copies). The
 * first merge copies the first file's item and lists; later ones add to them.
 */
const ownLists = new WeakMap<string[], Set<string>>();
function union(a: string[], b: readonly string[]): string[] {
  const seen = ownLists.get(a);
  if (!seen) {
    const own = [...new Set(a)];
    ownLists.set(own, new Set(own));
    return union(own, b);
  }
  for (const x of b) {
    if (!seen.has(x)) {
      seen.add(x);
      a.push(x);
    }
  }
  return a;
}

function mergeActor(a: Actor, b: Actor): Actor {
  return {
    ...a,
    aliases: union(a.aliases, b.aliases),
    role: a.role ?? b.role,
    affiliation: a.affiliation ?? b.affiliation,
    country: a.country ?? b.country,
    profile: a.profile || b.profile,
    alignment: a.alignment ?? b.alignment,
  };
}

function mergeNarrative(a: Narrative, b: Narrative): Narrative {
  return { ...a, proponents: union(a.proponents, b.proponents), keyTerms: union(a.keyTerms, b.keyTerms) };
}

/**
 * Memory a load takes, per byte read: a corpus file's text, parsed objects, checked corpus and
 * search index come to 7–8 times its size (measured on a first `search`, no cache: 24 MB of
 * dense JSON ran in a 208 MB heap and aborted in a 168 MB one; 450 MB ran in the default 4.3 GB);
 * a raw article's draft about 20 times the article. An estimate: it errs by refusing a little early.
 */
const HEAP_PER_JSON_BYTE = 8;
const HEAP_PER_TEXT_BYTE = 20;

/**
 * Files that together would need more memory than this process may use are refused before they
 * are parsed: past V8's heap limit the process would end in a native out-of-memory abort.
 */
function memoryProblem(raws: RawFile[], paths: string[], heapLimit = getHeapStatistics().heap_size_limit): { problem: Problem; need: number } | undefined {
  let total = 0;
  let need = 0;
  for (const r of raws) {
    total += r.bytes.length;
    need += r.bytes.length * (path.extname(r.abs).toLowerCase() === TEXT_EXT ? HEAP_PER_TEXT_BYTE : HEAP_PER_JSON_BYTE);
  }
  if (need <= heapLimit) return undefined;
  const one = raws.length === 1;
  const file = one ? raws[0]!.file : paths.join(', ');
  const what = one ? `file is ${formatSize(total)}` : `the ${raws.length} files come to ${formatSize(total)}`;
  return {
    need,
    problem: { file, where: '', message: `${what}; loading ${one ? 'it' : 'them'} takes about ${formatSize(need)} of memory, more than this process may use (${formatSize(heapLimit)}); split ${one ? 'it into several files' : 'them into smaller sets'}` },
  };
}

function isPlainFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

const keepFirst = <T>(a: T): T => a;

function onDemand(options: LoadOptions): { textsOnDemandFrom?: number } {
  const o = options.textsOnDemand;
  return o === undefined || o === false ? {} : { textsOnDemandFrom: o === true ? TEXTS_ON_DEMAND_FROM : o };
}

/**
 * Loads files and folders into one corpus. Throws DataError listing every problem found.
 * With no paths, loads the bundled data.
 */
export async function loadCorpus(paths: string[] = [], options: LoadOptions = {}): Promise<Corpus> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const files = await expand(paths.length ? paths : [bundledDataPath()], problems, notes);
  for (const n of notes) options.onNote?.(n);
  // Files unchanged since their content key was last computed (stamps.ts): the cached corpus
  // without reading them. Any doubt (a stamp that differs, a file now over its size limit, a
  // missing entry) takes the path below, which reads every file.
  const known = options.cache && problems.length === 0 ? await knownCacheKey(files, options.cacheDir) : undefined;
  if (known && known.sizes.every((size, i) => fitsSizeLimit(files[i]!, size, options.maxFileBytes))) {
    const cached = await openCacheEntry(known.key, entryLimit(known.sizes), options.cacheDir).read(onDemand(options));
    if (cached) return makeCorpus({ ...cached, files: files.map(displayPath) });
  }
  // taken before the files are read: a file written while it is read fails its stamp next time
  const takenAt = Date.now();
  const stamps = options.cache ? await Promise.all(files.map((f) => stat(f, { bigint: true }).then((s) => stampOf(s, takenAt), () => null))) : [];
  const raws: RawFile[] = [];
  // Several reads at once (a folder of many small files is bound by the wait for each); the
  // files and their problems stay in order.
  const reads = await inOrder(files, READS_AT_ONCE, async (f) => {
    const own: Problem[] = [];
    return { raw: await readBytes(f, own, options), own };
  });
  for (const { raw, own } of reads) {
    problems.push(...own);
    if (raw) raws.push(raw);
  }
  // A corpus validated before, with the very same bytes, need not be validated again.
  // (With unreadable files there is no corpus to cache; parse the rest to report all problems.)
  const cache = options.cache && problems.length === 0 ? openCache(raws.map((r) => ({ path: r.abs, bytes: r.bytes })), options.cacheDir) : undefined;
  const cached = cache ? await cache.read(onDemand(options)) : undefined;
  if (cached) {
    await rememberCacheKey(files, stamps, cache!.key, options.cacheDir);
    return makeCorpus({ ...cached, files: raws.map((r) => r.file) });
  }

  const tooMuch = memoryProblem(raws, paths);
  if (tooMuch) throw new HeapTooSmallError(tooMuch.problem, tooMuch.need, raws.every((r) => isPlainFile(r.abs)));

  const read: ParsedFile[] = [];
  for (const r of raws) {
    const p = await parseCorpusFile(r, problems);
    if (p) read.push(p);
  }
  if (problems.length) throw new DataError(problems);
  const repeats: string[] = [];
  const parsed = withoutRepeatedArticles(read, repeats);
  for (const n of repeats) options.onNote?.(n);
  if (parsed.length === 0) throw new DataError([{ file: paths.join(', ') || 'data', where: '', message: 'no corpus files found' }]);

  const articles = new Registry<Article>('article');
  const actors = new Registry<Actor>('actor');
  const narratives = new Registry<Narrative>('narrative');
  const axes = new Registry<Axis>('axis');
  const positions = new Registry<Position>('position');
  const quoteIds = new Map<string, Origin>();
  const itemIds = new Map<string, Origin>(); // events and silences share one id space per corpus

  for (const { file, data } of parsed) {
    data.actors.forEach((a, i) => actors.add(a, { file, where: `$.actors[${i}]` }, problems, mergeActor));
    data.narratives.forEach((n, i) =>
      narratives.add(n, { file, where: `$.narratives[${i}]` }, problems, mergeNarrative),
    );
    data.axes.forEach((x, i) => axes.add(x, { file, where: `$.axes[${i}]` }, problems, keepFirst));
    data.positions.forEach((p, i) => positions.add(p, { file, where: `$.positions[${i}]` }, problems));
    data.articles.forEach((a, i) => {
      articles.add(a, { file, where: `$.articles[${i}]` }, problems);
      const unique = (id: string, where: string, what: string, seen: Map<string, Origin>) => {
        const first = seen.get(id);
        if (first) problems.push({ file, where, message: `duplicate ${what} id "${id}" (first at ${placeOf(first, file)})` });
        else seen.set(id, { file, where });
      };
      a.quotes.forEach((q, j) => unique(q.id, `$.articles[${i}].quotes[${j}]`, 'quote', quoteIds));
      a.events.forEach((e, j) => unique(e.id, `$.articles[${i}].events[${j}]`, 'event', itemIds));
      a.silences.forEach((s, j) => unique(s.id, `$.articles[${i}].silences[${j}]`, 'silence', itemIds));
    });
  }

  // Cross-references and spans, after every file is in (an actor may be defined in another file).
  for (const { file, data } of parsed) {
    const ref = (ok: boolean, where: string, what: string, id: string) => {
      if (!ok) problems.push({ file, where, message: `unknown ${what} "${id}"${closest(id, what)}` });
    };
    const closest = (id: string, what: string): string => {
      const pool = what === 'actor' ? actors : what === 'narrative' ? narratives : what === 'axis' ? axes : undefined;
      if (!pool) return '';
      const near = nearestIds(id, [...pool.items.keys()]);
      return near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '';
    };
    data.articles.forEach((a, i) => {
      const base = `$.articles[${i}]`;
      const map = new OffsetMap(a.text);
      const span = (s: { start: number; end: number }, text: string, where: string) => {
        if (s.end > map.length) {
          problems.push({ file, where: `${where}.span`, message: `span ${s.start}-${s.end} runs past the end of the article text (${map.length} characters)` });
          return;
        }
        const actual = a.text.slice(map.toUnit(s.start), map.toUnit(s.end));
        if (actual !== text) {
          problems.push({
            file,
            where: `${where}.span`,
            message: spanMismatch(s, actual, text),
          });
        }
      };
      a.quotes.forEach((q, j) => {
        const w = `${base}.quotes[${j}]`;
        span(q.span, q.text, w);
        if (q.speaker !== null) ref(actors.has(q.speaker), `${w}.speaker`, 'actor', q.speaker);
        else if (q.kind !== 'term') problems.push({ file, where: `${w}.speaker`, message: `a ${q.kind} quote needs a speaker (only a term may have none)` });
        q.narratives.forEach((n, k) => ref(narratives.has(n), `${w}.narratives[${k}]`, 'narrative', n));
      });
      a.mentions.forEach((m, j) => {
        const w = `${base}.mentions[${j}]`;
        span(m.span, m.text, w);
        ref(actors.has(m.actor), `${w}.actor`, 'actor', m.actor);
      });
      a.silences.forEach((s, j) => {
        const w = `${base}.silences[${j}]`;
        span(s.span, s.text, w);
        ref(actors.has(s.actor), `${w}.actor`, 'actor', s.actor);
      });
      a.events.forEach((e, j) => {
        const w = `${base}.events[${j}]`;
        span(e.span, e.text, w);
        e.actors.forEach((id, k) => ref(actors.has(id), `${w}.actors[${k}]`, 'actor', id));
      });
    });
    data.narratives.forEach((n, i) =>
      n.proponents.forEach((id, k) => ref(actors.has(id), `$.narratives[${i}].proponents[${k}]`, 'actor', id)),
    );
    data.positions.forEach((p, i) => {
      const w = `$.positions[${i}]`;
      ref(narratives.has(p.narrative), `${w}.narrative`, 'narrative', p.narrative);
      ref(axes.has(p.axis), `${w}.axis`, 'axis', p.axis);
      p.evidence.forEach((id, k) => ref(quoteIds.has(id), `${w}.evidence[${k}]`, 'quote', id));
      p.statusBy.forEach((id, k) => ref(actors.has(id), `${w}.statusBy[${k}]`, 'actor', id));
    });
  }

  // One position per narrative and axis: the comparison grid has one cell for it.
  const cells = new Map<string, string>();
  for (const { item: p, origin } of positions.items.values()) {
    const key = `${p.narrative}\u0000${p.axis}`;
    const first = cells.get(key);
    if (first) problems.push({ ...origin, message: `second position of narrative "${p.narrative}" on axis "${p.axis}" (first is "${first}")` });
    else cells.set(key, p.id);
  }

  if (problems.length) throw new DataError(problems);
  const parts = {
    articles: articles.values(),
    actors: actors.values(),
    narratives: narratives.values(),
    axes: axes.values(),
    positions: positions.values(),
  };
  // a corpus with a repeated article is not cached: the note must be said on every load
  if (cache && repeats.length === 0) {
    await cache.write(parts);
    await rememberCacheKey(files, stamps, cache.key, options.cacheDir);
  }
  return makeCorpus({ ...parts, files: parsed.map((p) => p.file) });
}

/**
 * The same article twice (the same text under the same id, or a draft of a text already loaded:
 * the curated file and the raw .txt it came from, `--data data --data seeds/x.txt`) is loaded once, from the file read first, with one
 * note; a file that holds nothing but repeated articles (a draft of an article already loaded) is
 * left out whole, its draft actors too.
 */
function withoutRepeatedArticles(files: ParsedFile[], notes: string[]): ParsedFile[] {
  const first = new Map<string, { file: string; id: string; draft: boolean }>();
  const out: ParsedFile[] = [];
  for (const f of files) {
    const kept = f.data.articles.filter((a) => {
      const key = a.text.trim();
      const seen = first.get(key);
      // the same article: the same text under the same id, or a draft of a text already loaded
      // (articles that only share a text, under ids and files of their own, are kept apart)
      if (!seen || !(seen.id === a.id || a.draft || seen.draft)) {
        if (!seen) first.set(key, { file: f.file, id: a.id, draft: a.draft === true });
        return true;
      }
      notes.push(`${f.file}: article "${a.id}" has the same text as "${seen.id}" in ${seen.file}; loaded once`);
      return false;
    });
    if (kept.length === f.data.articles.length) out.push(f);
    else if (kept.length || f.data.narratives.length || f.data.axes.length || f.data.positions.length) out.push({ ...f, data: { ...f.data, articles: kept } });
  }
  return out;
}

/**
 * "span S-E holds X, not the Y given as text", each side shown around the first character where
 * they differ (counted in code points, as spans are), cut only between code points: a long quote
 * that differs near its end is shown where it differs, and an emoji is never halved.
 */
export function spanMismatch(s: { start: number; end: number }, actual: string, text: string): string {
  const a = Array.from(actual);
  const t = Array.from(text);
  let at = 0;
  while (at < a.length && at < t.length && a[at] === t[at]) at++;
  const window = (cps: string[]) => {
    const from = Math.max(0, at - 15);
    const to = Math.min(cps.length, from + 40);
    return `${from > 0 ? '…' : ''}${cps.slice(from, to).join('')}${to < cps.length ? '…' : ''}`;
  };
  const where = at === 0 ? '' : ` (they differ from character ${at + 1})`;
  return `span ${s.start}-${s.end} holds ${JSON.stringify(window(a))}, not the ${JSON.stringify(window(t))} given as text${where}`;
}

/** Ids within a small edit distance, closest first (for "did you mean"). */
export function nearestIds(id: string, pool: string[], max = 2): string[] {
  return nearestNames(id, pool, { max, minBudget: 2 });
}

export interface Summary {
  articles: number;
  drafts: number;
  actors: number;
  quotes: { direct: number; indirect: number; term: number; total: number };
  mentions: number;
  silences: number;
  narratives: number;
  axes: number;
  positions: number;
  events: number;
  files: string[];
}

export function summarize(corpus: Corpus): Summary {
  const quotes = { direct: 0, indirect: 0, term: 0, total: corpus.quotes.length };
  for (const { quote } of corpus.quotes) quotes[quote.kind]++;
  const sum = (f: (a: Article) => number) => corpus.articles.reduce((n, a) => n + f(a), 0);
  return {
    articles: corpus.articles.length,
    drafts: corpus.articles.filter((a) => a.draft).length,
    actors: corpus.actors.length,
    quotes,
    mentions: sum((a) => a.mentions.length),
    silences: sum((a) => a.silences.length),
    narratives: corpus.narratives.length,
    axes: corpus.axes.length,
    positions: corpus.positions.length,
    events: sum((a) => a.events.length),
    files: corpus.files,
  };
}
