/**
 * Where a study is kept. The dashboard and the commands read and write a study only through
 * the StudyStore interface, so another store can be added without touching them: a team's
 * PostgreSQL store would keep the same body (a row per study with a version column, or a row
 * per item), implement `save` as "UPDATE … WHERE version = expected", fall back to the same
 * merge3 (merge.ts) when the version moved, and `watch` with LISTEN/NOTIFY (see docs/scaling.md).
 *
 * FileStudyStore keeps a study in one JSON file:
 * - every write is atomic (writeFileAtomic: the file is the old study or the new, never a part,
 *   even under kill -9 or a power cut);
 * - one writer at a time across processes (proper-lockfile: a lock folder beside the file; a
 *   lock left by a killed process goes stale after a few seconds);
 * - before writing, the file is read again: if it changed since this window read it, the edit
 *   is merged into what is there when nothing conflicts; otherwise nothing is overwritten, this
 *   window's study is kept beside it (STUDY.conflict-….json) and the conflicts are reported.
 */
import { realpathSync, statSync, watch as watchFs } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { readFileUpTo, writeFileAtomic } from '../corpus/files.js';
import { DataError, decodeText, parseJson, schemaProblems, type Problem } from '../corpus/load.js';
import { sha256 } from './anchor.js';
import { merge3, type Conflict } from './merge.js';
import { COLLECTIONS, STUDY_FORMAT_ID, StudyFile, keyOf, type Study } from './schema.js';
import { fromStored, toStored } from './stored.js';

export interface LoadedStudy {
  study: Study;
  /** opaque: changes whenever the stored study changes (for a file: the hash of its bytes) */
  version: string;
}

export type SaveResult =
  /** written as given */
  | { status: 'saved'; loaded: LoadedStudy }
  /** someone else changed the study since it was read; their changes and this edit are both in */
  | { status: 'merged'; loaded: LoadedStudy }
  /** both changed the same things: the store keeps theirs, this study is kept at `keptAt` */
  | { status: 'conflict'; conflicts: Conflict[]; keptAt: string; loaded: LoadedStudy | undefined; reason?: string };

export interface StudyStore {
  /** where the study is, for messages (a path, or a database and study name) */
  readonly location: string;
  /** reads the study; throws DataError when it is missing or not a valid study */
  load(): Promise<LoadedStudy>;
  /** creates a new study; refuses to replace one that exists */
  create(study: Study): Promise<LoadedStudy>;
  /** saves `next`, which was made from `base` (the expected version); merges or reports conflicts */
  save(next: Study, base: LoadedStudy): Promise<SaveResult>;
  /** whether the stored study is no longer at `version` */
  changedSince(version: string): Promise<boolean>;
  /** calls `onChange` when the stored study may have changed; returns a function that stops watching */
  watch(onChange: () => void): () => void;
}

/** The study as file text: two-space JSON, one final newline (diffs well in git); each item stored once (stored.ts). */
export function serializeStudy(study: Study): string {
  return `${JSON.stringify({ format: STUDY_FORMAT_ID, study: toStored(study) }, null, 2)}\n`;
}

/** Parses and checks a study file's text; problems name the file and the place. */
export function parseStudy(text: string, file: string): Study {
  const problems: Problem[] = [];
  // broken JSON is reported as in a corpus file: every mistake with its line and column
  const raw = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file, problems, 'a study');
  if (problems.length > 0) throw new DataError(problems);
  if (typeof raw !== 'object' || raw === null || !('study' in raw)) {
    throw new DataError([{ file, where: '$', message: `not a study: expected {"format": "${STUDY_FORMAT_ID}", "study": {…}} (create one with narrative-lens init)` }]);
  }
  const parsed = StudyFile.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new DataError(schemaProblems(parsed.error, file));
  const repeated = repeatedKeys(parsed.data.study, file);
  if (repeated.length > 0) throw new DataError(repeated);
  // a narrative-lens/study-1 file has nothing to put back: it is migrated as it is read
  return fromStored(parsed.data.study, file);
}

/**
 * Items of one collection under the same id (a hand edit, or two files pasted together): the
 * study is read by id, so one of them would vanish from every view and from the next save.
 */
function repeatedKeys(study: Study, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const coll of COLLECTIONS) {
    const first = new Map<string, number>();
    (study[coll] as unknown[]).forEach((item, i) => {
      const key = keyOf(coll, item);
      const at = first.get(key);
      if (at === undefined) first.set(key, i);
      else problems.push({ file, where: `$.study.${coll}[${i}]`, message: `${coll === 'sources' ? 'path' : 'id'} "${key}" repeated (first at $.study.${coll}[${at}]); each must be unique` });
    });
  }
  return problems;
}

/**
 * A study reached through a symbolic link is read, locked and saved where the link points: the
 * atomic save renames a new file into place, which would replace the link itself and leave the
 * real study without the edit.
 */
function realTarget(abs: string): string {
  try {
    const real = realpathSync(abs);
    // only a link to a file: /dev/fd/63 (a shell's <(…)) resolves to a pipe's name, not a path
    return statSync(real).isFile() ? real : abs;
  } catch {
    return abs; // not there yet (init), or a dangling link: create refuses to replace it
  }
}

const MAX_STUDY_BYTES = 256 * 1024 * 1024;

export class FileStudyStore implements StudyStore {
  readonly location: string;
  private readonly file: string;

  /** `staleMs`: how long a lock may go unrefreshed before it is taken as left by a killed process (at least 2000) */
  constructor(
    file: string,
    private readonly options: { staleMs?: number } = {},
  ) {
    this.file = realTarget(path.resolve(file));
    this.location = file;
  }

  private async read(): Promise<{ bytes: Buffer } | undefined> {
    let read;
    try {
      read = await readFileUpTo(this.file, MAX_STUDY_BYTES);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new DataError([{ file: this.location, where: '', message: `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})` }]);
    }
    if (read.kind === 'folder') throw new DataError([{ file: this.location, where: '', message: 'is a folder, expected a study file' }]);
    if (read.kind === 'over') throw new DataError([{ file: this.location, where: '', message: 'file is over the 256 MB limit for a study' }]);
    return { bytes: read.bytes };
  }

  private loaded(bytes: Buffer): LoadedStudy {
    // decoded as corpus files are: UTF-16/32, invalid UTF-8 and NUL bytes refused with where they
    // are (before, invalid bytes became U+FFFD, and the next save wrote them back so: lost)
    const problems: Problem[] = [];
    const text = decodeText(bytes, this.location, problems);
    if (text === undefined) throw new DataError(problems);
    return { study: parseStudy(text, this.location), version: sha256(bytes) };
  }

  async load(): Promise<LoadedStudy> {
    const got = await this.read();
    if (!got) throw new DataError([{ file: this.location, where: '', message: 'no such study (create one with narrative-lens init)' }]);
    return this.loaded(got.bytes);
  }

  async create(study: Study): Promise<LoadedStudy> {
    const text = serializeStudy(study);
    try {
      await writeFileAtomic(this.file, text, { overwrite: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new DataError([{ file: this.location, where: '', message: 'exists already; a study is never replaced (open it, or choose another name)' }]);
      throw err;
    }
    return { study, version: sha256(text) };
  }

  async save(next: Study, base: LoadedStudy): Promise<SaveResult> {
    const release = await this.lock();
    try {
      await this.sweep();
      const now = await this.read();
      const write = async (study: Study, status: 'saved' | 'merged'): Promise<SaveResult> => {
        const text = serializeStudy(study);
        await writeFileAtomic(this.file, text, { overwrite: true });
        return { status, loaded: { study, version: sha256(text) } };
      };
      // deleted since it was read: nothing of anyone's is lost by writing it again
      if (!now || sha256(now.bytes) === base.version) return await write(next, 'saved');
      let theirs: LoadedStudy;
      try {
        theirs = this.loaded(now.bytes);
      } catch (err) {
        const problem = err instanceof DataError ? err.message : String(err);
        return { status: 'conflict', conflicts: [], keptAt: await this.keep(next), loaded: undefined, reason: `the study on disk is no longer a valid study (${problem})` };
      }
      const merged = merge3(base.study, next, theirs.study);
      if (merged.ok) return await write(merged.study, 'merged');
      return { status: 'conflict', conflicts: merged.conflicts, keptAt: await this.keep(next), loaded: theirs };
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Keeps a study that could not be saved beside the file, under a new name. */
  private async keep(study: Study): Promise<string> {
    const ext = path.extname(this.file);
    const stem = this.file.slice(0, this.file.length - ext.length);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (let n = 1; ; n++) {
      const target = `${stem}.conflict-${stamp}${n > 1 ? `-${n}` : ''}${ext || '.json'}`;
      try {
        await writeFileAtomic(target, serializeStudy(study), { overwrite: false });
        return path.relative(process.cwd(), target) || target;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
  }

  /**
   * Removes what writes killed mid-way left (their temporary files, named by writeFileAtomic with
   * the writer's process id): only those of processes that are gone, and only under the lock.
   */
  private async sweep(): Promise<void> {
    const prefix = `.${path.basename(this.file)}.`;
    const names = await readdir(path.dirname(this.file)).catch(() => [] as string[]);
    for (const name of names) {
      const m = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
      if (!m || alive(Number(m[1]))) continue;
      await unlink(path.join(path.dirname(this.file), name)).catch(() => undefined);
    }
  }

  private lock(): Promise<() => Promise<void>> {
    return lockfile.lock(this.file, {
      realpath: false,
      lockfilePath: path.join(path.dirname(this.file), `.${path.basename(this.file)}.lock`),
      // a lock not refreshed for this long was left by a killed process
      stale: this.options.staleMs ?? 5000,
      update: Math.floor((this.options.staleMs ?? 5000) / 4),
      retries: { retries: 60, factor: 1.3, minTimeout: 10, maxTimeout: 250 },
      // the write itself is atomic and checked against the version; a lock taken over is no harm
      onCompromised: () => undefined,
    });
  }

  async changedSince(version: string): Promise<boolean> {
    const now = await this.read();
    return !now || sha256(now.bytes) !== version;
  }

  watch(onChange: () => void): () => void {
    // the folder, not the file: an atomic write replaces the file (a new inode) every time
    const name = path.basename(this.file);
    let timer: NodeJS.Timeout | undefined;
    const watcher = watchFs(path.dirname(this.file), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, 50);
    });
    watcher.on('error', () => undefined);
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: alive
  }
}
