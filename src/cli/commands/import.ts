/**
 * `narrative-lens import FILE.qdpx --out corpus.json`: a REFI-QDA project from QualCoder, NVivo,
 * ATLAS.ti or MAXQDA as a corpus file: its texts as articles, its codes as narratives, its coded
 * selections as quotes coded to them, its cases as actors. Things this tool exported come back
 * with their ids and every field (given the corpus they came from, --data).
 */
import { fsReason, readFileUpTo } from '../../core/corpus/files.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../core/corpus/load.js';
import { CorpusFile, FORMAT_ID } from '../../core/corpus/schema.js';
import { importQdpx, QdpxError } from '../../core/export/qdpx-import.js';
import { inert } from '../../core/sanitize.js';
import { EXIT, UsageError } from '../errors.js';
import { planQdpxImport } from '../../core/export/qdpx-import-study.js';
import { stampNow } from '../../core/study/history.js';
import { openForEdit, runEdit, type EditArgs } from '../study-edit.js';
import { json } from '../print/json.js';
import { writeOutFile } from '../out-file.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { count } from '../../core/count.js';

export interface ImportArgs extends EditArgs {
  file: string;
  out?: string;
  force?: boolean;
}

export async function readQdpx(file: string, limit: number): Promise<Uint8Array> {
  let read;
  try {
    read = await readFileUpTo(file, limit);
  } catch (err) {
    throw new UsageError(`${file}: ${fsReason(err, 'read')}`);
  }
  if (read.kind === 'folder') throw new UsageError(`${file}: is a folder, expected a .qdpx file`);
  if (read.kind === 'over') throw new UsageError(`${file}: larger than the ${Math.round(limit / 1e6)} MB limit`, 'raise it with --max-file-size');
  return read.bytes;
}

export async function run(a: ImportArgs, session: Session): Promise<number> {
  const limit = a.maxFileSize ?? session.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bytes = await readQdpx(a.file, limit);
  const read = (known: Parameters<typeof importQdpx>[1]) => {
    try {
      return importQdpx(bytes, known, limit);
    } catch (err) {
      if (err instanceof QdpxError) throw new UsageError(`${a.file}: ${err.message}`, 'a .qdpx is a zip archive holding project.qde and sources/');
      throw err;
    }
  };
  if (session.study !== undefined) {
    if (a.out) throw new UsageError('give --study or --out, not both', 'into a study (its narratives and codings), or out to a corpus file');
    // into the study: its own edits, one step in its history (undo takes it all back)
    const study = await openForEdit(a, session);
    const plan = planQdpxImport(study.view, read({ ...study.view.corpus, memos: [] }), stampNow(a.author));
    for (const w of plan.warnings) process.stderr.write(`${PROG}: ${a.file}: ${inert(w)}\n`);
    if (!plan.edit) {
      process.stderr.write(`${PROG}: ${a.file}: nothing new: the study has every code, coding and memo in it\n`);
      return EXIT.found;
    }
    const edit = plan.edit;
    return runEdit(a, session, () => edit, study);
  }
  const imported = read(await session.openCorpus(a.data));
  for (const w of imported.warnings) process.stderr.write(`${PROG}: ${a.file}: ${inert(w)}\n`);
  const file = CorpusFile.parse({ format: FORMAT_ID, articles: imported.articles, actors: imported.actors, narratives: imported.narratives, axes: [], positions: [] });
  const out = json(file);
  if (a.out && a.out !== '-') {
    await writeOutFile(a.out, out, a.force ?? false);
  } else {
    process.stdout.write(out);
  }
  const quotes = file.articles.flatMap((x) => x.quotes);
  process.stderr.write(
    `${PROG}: ${a.file}${imported.origin ? ` (from ${inert(imported.origin)})` : ''}: ${count(file.articles.length, 'text')}, ${count(file.narratives.length, 'code')} as narratives, ${count(quotes.length, 'coded passage')}, ${count(file.actors.length, 'case')} as actors${a.out && a.out !== '-' ? ` → ${a.out}` : ''}\n`,
  );
  // a quote's own note comes back as its note; other memos have no place in a corpus file
  const notes = new Map(quotes.map((q) => [q.id, q.note]));
  const lost = imported.memos.filter((m) => !(m.about?.kind === 'quote' && notes.get(m.about.id) === m.text));
  if (lost.length) process.stderr.write(`${PROG}: ${count(lost.length, 'memo')} cannot be kept in a corpus file; import into a study to keep them\n`);
  return file.articles.length ? EXIT.found : EXIT.nothing;
}
