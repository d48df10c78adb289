/**
 * The on-disk cache of validated corpora.
 *
 * Key: a hash of the cache format, the program version and every input file's path and bytes —
 * so any change to any file (or to the program that validates it) misses the cache. Value: the
 * validated, default-filled corpus as JSON. Entries are written to a temporary file and renamed,
 * so a reader never sees half an entry; anything unreadable or not matching its key is ignored
 * and rebuilt, never trusted.
 *
 * Where: $NARRATIVE_LENS_CACHE_DIR, else $XDG_CACHE_HOME/narrative-lens, else ~/.cache/narrative-lens.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor, Article, Axis, Narrative, Position } from './schema.js';

/** Bump when the cached shape or the validation rules change. */
const CACHE_FORMAT = 'nl-corpus-cache/1';
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

export function openCache(inputs: { path: string; bytes: Uint8Array }[], dir = defaultCacheDir()): CorpusCache {
  const key = cacheKey(inputs);
  const file = path.join(dir, `corpus-${key}.json`);
  return {
    key,
    file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return undefined; // no entry yet
      }
      try {
        const entry = JSON.parse(text) as { format?: unknown; key?: unknown; parts?: CachedParts };
        const p = entry.parts;
        if (entry.format !== CACHE_FORMAT || entry.key !== key || !p) throw new Error('stale');
        if (![p.articles, p.actors, p.narratives, p.axes, p.positions].every(Array.isArray)) throw new Error('damaged');
        return p;
      } catch {
        await unlink(file).catch(() => undefined); // damaged or foreign: drop it, rebuild
        return undefined;
      }
    },
    async write(parts) {
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, JSON.stringify({ format: CACHE_FORMAT, key, parts }), { mode: 0o600 });
        await rename(tmp, file);
        await prune(dir);
      } catch {
        // A cache that cannot be written (read-only home, full disk) only costs speed.
      }
    },
  };
}

async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith('corpus-'));
  if (names.length <= MAX_ENTRIES) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n))).mtimeMs })));
  dated.sort((a, b) => a.t - b.t);
  for (const { n } of dated.slice(0, dated.length - MAX_ENTRIES)) await unlink(path.join(dir, n)).catch(() => undefined);
}
