/**
 * `narrative-lens ingest PATH... --out DIR`: files and folders of articles (.txt, .md, saved
 * .html) into a corpus folder, one file per article; re-running updates it (only what changed is
 * extracted again). A thin shell over core/extract/ingest: flags, the progress bar, the summary.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestInputError, ingest, manifestPath } from '../../core/extract/ingest/ingest.js';
import { fsReason } from '../../core/corpus/files.js';
import { EXIT, UsageError } from '../errors.js';
import { checkCount, type GlobalArgs } from '../options.js';
import { renderIngest } from '../print/ingest.js';
import { stdoutOutput } from '../print/output.js';
import { progressBar } from '../print/progress.js';
import type { Session } from '../session.js';

export interface IngestArgs extends GlobalArgs {
  paths: string[];
  out?: string;
  workers?: number;
}

/** The output folder must be new, empty, or one ingest made: a user's own files are never overwritten. */
async function checkOut(out: string): Promise<void> {
  let info;
  try {
    info = await stat(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`${out}: ${fsReason(e)}`);
  }
  if (!info.isDirectory()) throw new UsageError(`${out}: is a file; --out names the folder to write the corpus to`);
  const made = await stat(manifestPath(out)).then(() => true, () => false);
  const entries = (await readdir(out)).filter((n) => !n.startsWith('.'));
  if (!made && entries.length > 0) {
    throw new UsageError(`${out}: holds other files and was not made by ingest`, 'choose a new or empty folder for --out');
  }
}

export async function run(a: IngestArgs, _session: Session): Promise<number> {
  if (!a.paths?.length) throw new UsageError('no articles given: name files or folders of .txt, .md or .html', 'for example: narrative-lens ingest ~/articles --out corpus');
  if (!a.out) throw new UsageError('--out is required: the folder to write the corpus to', 'for example: narrative-lens ingest ~/articles --out corpus');
  checkCount('workers', a.workers);
  const out = path.resolve(a.out);
  await checkOut(out);
  const bar = progressBar(process.stderr);
  let summary;
  try {
    summary = await ingest({
      inputs: a.paths,
      outDir: out,
      ...(a.workers ? { workers: a.workers } : {}),
      ...(a.maxFileSize ? { maxFileSize: a.maxFileSize } : {}),
      onProgress: (p) => bar.update(p),
    });
  } catch (e) {
    if (e instanceof IngestInputError) throw new UsageError(e.message);
    throw e;
  } finally {
    bar.end();
  }
  await renderIngest(summary, stdoutOutput(a.format));
  // every file was tried; any that failed makes the run an error (the rest are in the corpus)
  return summary.failures.length ? EXIT.error : summary.articles ? EXIT.found : EXIT.nothing;
}
