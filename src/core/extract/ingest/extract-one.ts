/**
 * One ingest job: a file's bytes (and its sidecar metadata) to a draft corpus file, as JSON text,
 * with the counts the summary needs. Runs in a worker thread or, for a handful of files, in-process.
 */
import { extractDraft } from '../index.js';
import type { ArticleMeta } from './metadata.js';
import { toExtractMeta } from './metadata.js';
import { readArticle } from './read.js';

export interface Job {
  file: string;
  /** the article's id (stable across runs) */
  id: string;
  /** the source path as the draft records it (relative to the output folder) */
  source: string;
  bytes: Uint8Array;
  sidecar: ArticleMeta;
}

export interface JobCounts {
  direct: number;
  indirect: number;
  term: number;
  actors: Array<{ id: string; name: string; aliases: string[]; kind: string }>;
  format: string;
  charset?: string;
  title: string;
}

export type JobResult = { ok: true; file: string; draft: string; counts: JobCounts } | { ok: false; file: string; reason: string };

export function extractOne(job: Job): JobResult {
  const read = readArticle(job.file, job.bytes, job.sidecar);
  const draft = extractDraft(read.text, toExtractMeta(read.meta, job.source, job.id));
  const art = draft.articles[0]!;
  const count = (k: string) => art.quotes.filter((q) => q.kind === k).length;
  return {
    ok: true,
    file: job.file,
    draft: `${JSON.stringify(draft, null, 1)}\n`,
    counts: {
      direct: count('direct'),
      indirect: count('indirect'),
      term: count('term'),
      actors: draft.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, kind: a.kind })),
      format: read.format,
      ...(read.charset ? { charset: read.charset } : {}),
      title: art.title,
    },
  };
}
