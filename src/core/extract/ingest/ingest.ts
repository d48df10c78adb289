/**
 * Ingest: files and folders of articles (.txt, .md, .html) in, one corpus file per article out,
 * plus a manifest. Incremental by content: an article whose bytes (and sidecar entry) hash as
 * before is not extracted again; a changed one is; one whose source file is gone is removed and
 * reported. Extraction runs on worker threads, one per core. One bad file never stops the rest:
 * it is listed with its reason. After extraction, actors are matched across the whole corpus
 * (identity.ts) and every article file carries the corpus-wide actor ids.
 *
 * Layout of the output folder (only .json corpus files are visible to `--data`):
 *   DIR/<article-id>.json             the article, its quotes, mentions and actors (corpus ids)
 *   DIR/.ingest/manifest.json         sources, hashes, counts, failures, merges and proposals
 *   DIR/.ingest/drafts/<id>.json      the extractor's draft before identity (re-used when unchanged)
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CorpusFile } from '../../corpus/schema.js';
import { readFileUpTo, writeFileAtomic } from '../../corpus/files.js';
import { slug } from '../index.js';
import { extractOne, type Job, type JobCounts, type JobResult } from './extract-one.js';
import { applyIdentity, resolveIdentity, type Merge, type Proposal } from './identity.js';
import type { ArticleMeta } from './metadata.js';
import { runPool } from './pool.js';
import { IN_PLACE_BELOW } from '../in-worker.js';
import { ARTICLE_EXTS } from './read.js';
import { looksLikeSidecar, readSidecar } from './sidecar.js';

/** Bumped when extraction changes what it produces: every article is extracted again. */
export const EXTRACTOR_VERSION = 1;
export const MANIFEST_FORMAT = 'narrative-lens-ingest/1';

export interface IngestOptions {
  inputs: string[];
  outDir: string;
  /** worker threads; default: one per core */
  workers?: number;
  /** files larger than this are refused (default 64 MB) */
  maxFileSize?: number;
  /** a file whose extraction takes longer is reported as failed (default 60 s) */
  timeoutMs?: number;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface Progress {
  done: number;
  total: number;
  failed: number;
  file?: string;
}

export interface Failure {
  file: string;
  reason: string;
}

export interface IngestSummary {
  outDir: string;
  manifest: string;
  /** articles in the corpus after this run */
  articles: number;
  extracted: number;
  unchanged: number;
  /** source files that are gone, whose articles were removed */
  removed: string[];
  quotes: { direct: number; indirect: number; term: number };
  actors: number;
  failures: Failure[];
  merges: Merge[];
  proposals: Proposal[];
  interrupted: boolean;
}

const Counts = z.object({
  direct: z.number(),
  indirect: z.number(),
  term: z.number(),
  actors: z.array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), kind: z.string() })),
  format: z.string(),
  charset: z.string().optional(),
  title: z.string(),
});

const Entry = z.object({
  id: z.string(),
  /** the source file, absolute */
  source: z.string(),
  hash: z.string(),
  counts: Counts,
  /** the identity mapping the article file was written with (local id → corpus id) */
  identity: z.record(z.string(), z.string()),
});
type Entry = z.infer<typeof Entry>;

const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  extractor: z.number(),
  updated: z.string(),
  articles: z.array(Entry),
  failures: z.array(z.object({ file: z.string(), reason: z.string() })),
  merges: z.array(z.unknown()),
  proposals: z.array(z.unknown()),
  /** actors in the corpus after identity */
  actors: z.number().optional(),
});
type Manifest = z.infer<typeof Manifest>;

export function manifestPath(outDir: string): string {
  return path.join(outDir, '.ingest', 'manifest.json');
}
const draftPath = (outDir: string, id: string) => path.join(outDir, '.ingest', 'drafts', `${id}.json`);
const articlePath = (outDir: string, id: string) => path.join(outDir, `${id}.json`);

const exists = (p: string) => stat(p).then((s) => s.size > 0, () => false);

/** A collection's own papers, not articles (skipped inside folders; named on the command line, read). */
const NOT_ARTICLES = /^(?:readme|licen[cs]e|copying|changelog|sources|notice|authors|contributing)(?:\.[a-z]+)?$/i;

/** An input path that names nothing ingestible is a usage error, thrown before anything is written. */
export class IngestInputError extends Error {}

interface Found {
  files: string[];
  sidecars: string[];
  failures: Failure[];
}

/** Files to ingest under the inputs (folders walked, dot entries and the output folder skipped). */
async function scan(inputs: string[], outDir: string): Promise<Found> {
  const found: Found = { files: [], sidecars: [], failures: [] };
  const seen = new Set<string>();
  const out = path.resolve(outDir);
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      if (explicit) throw new IngestInputError(`${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
      found.failures.push({ file: p, reason: (e as Error).message });
      return;
    }
    if (info.isDirectory()) {
      if (p === out || p.startsWith(`${out}${path.sep}`)) return;
      const key = `${info.dev}:${info.ino}`;
      if (seen.has(key)) return;
      seen.add(key);
      let entries: Dirent[];
      try {
        entries = await readdir(p, { withFileTypes: true });
      } catch (e) {
        found.failures.push({ file: p, reason: `cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const child = path.join(p, e.name);
        if (e.isDirectory() || e.isSymbolicLink()) await walk(child, false);
        else if (e.isFile() && !NOT_ARTICLES.test(e.name)) add(child, false);
      }
      return;
    }
    add(p, explicit);
  };
  const add = (p: string, explicit: boolean) => {
    if (looksLikeSidecar(p)) found.sidecars.push(p);
    else if (ARTICLE_EXTS.has(path.extname(p).toLowerCase())) found.files.push(p);
    else if (explicit) found.failures.push({ file: p, reason: 'not an article: expected .txt, .md or .html/.htm' });
  };
  for (const i of inputs) await walk(path.resolve(i), true);
  // an explicit file's own folder may hold the collection's sidecar
  for (const i of inputs) {
    const side = path.join(path.dirname(path.resolve(i)), 'articles.json');
    if (!found.sidecars.includes(side) && (await exists(side)) && !(await stat(path.resolve(i))).isDirectory()) found.sidecars.push(side);
  }
  found.files = [...new Set(found.files)];
  return found;
}

function slugOf(file: string): string {
  const base = slug(path.basename(file, path.extname(file)));
  return /^[a-z0-9]/.test(base) ? base : `article-${base || 'x'}`;
}

const sha = (...parts: Array<string | Uint8Array>) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

async function readManifest(file: string): Promise<{ entries: Entry[]; manifest?: Manifest; warning?: string }> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return { entries: [] };
  }
  try {
    const m = Manifest.parse(JSON.parse(raw));
    if (m.extractor !== EXTRACTOR_VERSION) return { entries: [], warning: 'the extractor changed since the last run: every article is extracted again' };
    return { entries: m.articles, manifest: m };
  } catch {
    return { entries: [], warning: `${file} is damaged: every article is extracted again` };
  }
}

/** Ingests the inputs into outDir. Throws IngestInputError for a missing input; everything else is a listed failure. */
export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  const outDir = path.resolve(opts.outDir);
  const maxSize = opts.maxFileSize ?? 64 * 1024 * 1024;
  const found = await scan(opts.inputs, outDir);
  const failures: Failure[] = [...found.failures];
  await mkdir(path.join(outDir, '.ingest', 'drafts'), { recursive: true });

  const sidecar = new Map<string, ArticleMeta>();
  for (const s of found.sidecars) {
    try {
      for (const [f, m] of await readSidecar(s)) sidecar.set(f, m);
    } catch (e) {
      failures.push({ file: s, reason: `sidecar not read: ${(e as Error).message}` });
    }
  }

  const mfile = manifestPath(outDir);
  const prev = await readManifest(mfile);
  if (prev.warning) failures.push({ file: mfile, reason: prev.warning });
  const bySource = new Map(prev.entries.map((e) => [e.source, e]));
  const usedIds = new Set(prev.entries.map((e) => e.id));

  // what to extract: new and changed files; unchanged ones keep their entry
  const jobs: Job[] = [];
  const entries = new Map<string, Entry>(); // source → entry, for the new manifest
  const hashes = new Map<string, string>();
  let unchanged = 0;
  for (const file of found.files) {
    let read;
    try {
      read = await readFileUpTo(file, maxSize);
    } catch (e) {
      failures.push({ file, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    if (read.kind !== 'bytes') {
      failures.push({ file, reason: read.kind === 'folder' ? 'is a folder' : `larger than ${Math.round(maxSize / 1024 / 1024)} MB` });
      continue;
    }
    const side = sidecar.get(file) ?? {};
    const hash = sha(String(EXTRACTOR_VERSION), '\0', JSON.stringify(side), '\0', read.bytes);
    hashes.set(file, hash);
    const old = bySource.get(file);
    if (old && old.hash === hash && (await exists(draftPath(outDir, old.id))) && (await exists(articlePath(outDir, old.id)))) {
      entries.set(file, old);
      unchanged++;
      continue;
    }
    let id = old?.id;
    if (!id) {
      id = slugOf(file);
      if (usedIds.has(id)) id = `${id}-${sha(file).slice(0, 8)}`;
      usedIds.add(id);
    }
    jobs.push({ file, id, source: path.relative(outDir, file) || file, bytes: read.bytes, sidecar: side });
  }

  // extraction: on worker threads when there is enough to share out, else here
  let done = 0;
  let failed = 0;
  const total = jobs.length;
  opts.onProgress?.({ done, total, failed });
  const byFile = new Map(jobs.map((j) => [j.file, j]));
  const freshIds = new Set<string>();
  const onResult = async (r: JobResult) => {
    const job = byFile.get(r.file)!;
    if (r.ok) {
      try {
        await writeFileAtomic(draftPath(outDir, job.id), r.draft, { overwrite: true, sync: false });
        entries.set(r.file, { id: job.id, source: r.file, hash: hashes.get(r.file)!, counts: r.counts as JobCounts, identity: {} });
        freshIds.add(job.id);
      } catch (e) {
        failed++;
        failures.push({ file: r.file, reason: `cannot write its draft (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      }
    } else {
      failed++;
      failures.push({ file: r.file, reason: r.reason });
    }
    done++;
    opts.onProgress?.({ done, total, failed, file: r.file });
  };
  const workers = opts.workers ?? availableParallelism();
  // here only when every article is short: a long one goes to a worker even alone, where a signal
  // still ends the run at once and running out of memory is a clear failure, not a native abort
  const short = jobs.every((j) => j.bytes.length < IN_PLACE_BELOW);
  if (short && (workers <= 1 || jobs.length <= 2)) {
    for (const job of jobs) {
      if (opts.signal?.aborted) break;
      let r: JobResult;
      try {
        r = extractOne(job);
      } catch (e) {
        r = { ok: false, file: job.file, reason: (e as Error).message || String(e) };
      }
      await onResult(r);
      await new Promise((res) => setImmediate(res)); // let a progress bar draw and a signal land
    }
  } else {
    await runPool(jobs, { workers: Math.max(1, workers), timeoutMs: opts.timeoutMs ?? 60_000, onResult, ...(opts.signal ? { signal: opts.signal } : {}) });
  }
  // a failed file that was ingested before keeps its last good article
  for (const f of failures) {
    const old = bySource.get(f.file);
    if (old && !entries.has(f.file) && (await exists(draftPath(outDir, old.id)))) entries.set(f.file, old);
  }

  // removed: sources that no longer exist; sources merely not named this time stay
  const removed: string[] = [];
  for (const e of prev.entries) {
    if (entries.has(e.source)) continue;
    if (await stat(e.source).then(() => true, () => false)) {
      entries.set(e.source, e);
      continue;
    }
    removed.push(e.source);
    await unlink(articlePath(outDir, e.id)).catch(() => undefined);
    await unlink(draftPath(outDir, e.id)).catch(() => undefined);
  }

  // nothing new, changed, removed or failed: the corpus is as the manifest says; nothing to write
  const unchangedRun = total === 0 && removed.length === 0 && failures.length === 0 && prev.manifest?.actors !== undefined && entries.size === prev.entries.length;
  if (unchangedRun && prev.manifest) {
    return summarize(outDir, mfile, prev.entries, { extracted: 0, unchanged, removed, failures, merges: prev.manifest.merges as Merge[], proposals: prev.manifest.proposals as Proposal[], actors: prev.manifest.actors!, interrupted: opts.signal?.aborted ?? false });
  }

  // actors across the corpus, then every article file whose mapping changed is written again
  const list = [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const identity = resolveIdentity(list.map((e) => ({ article: e.id, actors: e.counts.actors.map((a) => ({ ...a, kind: a.kind as 'person' })) })));
  const written: Entry[] = [];
  for (const e of list) {
    const map = Object.fromEntries([...(identity.ids.get(e.id) ?? new Map<string, string>())].sort());
    const same = JSON.stringify(map) === JSON.stringify(e.identity) && (await exists(articlePath(outDir, e.id)));
    const fresh = freshIds.has(e.id);
    if (same && !fresh) {
      written.push(e);
      continue;
    }
    try {
      const draft = CorpusFile.parse(JSON.parse(await readFile(draftPath(outDir, e.id), 'utf8')));
      const file = applyIdentity(draft, e.id, identity);
      await writeFileAtomic(articlePath(outDir, e.id), `${JSON.stringify(file, null, 1)}\n`, { overwrite: true, sync: false });
      written.push({ ...e, identity: map });
    } catch (err) {
      failures.push({ file: e.source, reason: `cannot write its article file (${(err as Error).message})` });
    }
  }

  const manifest = {
    format: MANIFEST_FORMAT,
    extractor: EXTRACTOR_VERSION,
    updated: new Date().toISOString(),
    articles: written,
    failures,
    merges: identity.merges,
    proposals: identity.proposals,
    actors: identity.names.size,
  };
  await writeFileAtomic(mfile, `${JSON.stringify(manifest, null, 1)}\n`, { overwrite: true });
  return summarize(outDir, mfile, written, { extracted: total - failed, unchanged, removed, failures, merges: identity.merges, proposals: identity.proposals, actors: identity.names.size, interrupted: opts.signal?.aborted ?? false });
}

function summarize(
  outDir: string,
  manifest: string,
  written: Entry[],
  rest: Pick<IngestSummary, 'extracted' | 'unchanged' | 'removed' | 'failures' | 'merges' | 'proposals' | 'actors' | 'interrupted'>,
): IngestSummary {
  const quotes = { direct: 0, indirect: 0, term: 0 };
  for (const e of written) {
    quotes.direct += e.counts.direct;
    quotes.indirect += e.counts.indirect;
    quotes.term += e.counts.term;
  }
  return { outDir, manifest, articles: written.length, quotes, ...rest };
}
