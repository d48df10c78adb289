/**
 * Creating and opening studies, and the session the shells edit through.
 *
 * A study names its sources by paths relative to its own folder (so a study and its articles
 * can be moved or shared together) with the hash of their bytes when the study was made; a
 * source that changed since is reported (its annotations re-anchor, or are listed as orphans).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus, type LoadOptions } from '../corpus/load.js';
import { sha256 } from './anchor.js';
import { applyStudy, type StudyView } from './apply.js';
import { perform, redo, undo, type Edit, type Stamp } from './history.js';
import { STUDY_FORMATS, type Source, type Study } from './schema.js';
import { FileStudyStore, type LoadedStudy, type SaveResult, type StudyStore } from './store.js';

/** The hash of a source: a file's bytes, or for a folder its corpus files' names and hashes. */
export async function sourceHash(abs: string): Promise<string> {
  const info = await stat(abs);
  if (!info.isDirectory()) return sha256(await readFile(abs));
  const lines: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(json|txt)$/i.test(e.name)) lines.push(`${path.relative(abs, p)}\u0000${sha256(await readFile(p))}`);
    }
  };
  await walk(abs);
  return sha256(lines.join('\n'));
}

/** Source paths as stored: relative to the study's folder, with forward slashes. */
function relativeTo(studyFile: string, p: string): string {
  return path.relative(path.dirname(path.resolve(studyFile)), path.resolve(p)).split(path.sep).join('/') || '.';
}

export function sourcePaths(studyFile: string, study: Study): string[] {
  return study.sources.map((s) => path.resolve(path.dirname(path.resolve(studyFile)), s.path));
}

/** A new, empty study over the given sources (which must load: a study of broken data helps nobody). */
export async function newStudy(studyFile: string, dataPaths: string[], stamp: Stamp, title?: string, options: LoadOptions = {}): Promise<{ study: Study; view: StudyView }> {
  const sources = await loadCorpus(dataPaths, options);
  const list: Source[] = [];
  for (const p of dataPaths) list.push({ path: relativeTo(studyFile, p), hash: await sourceHash(path.resolve(p)) });
  const study: Study = {
    title: title ?? path.basename(studyFile).replace(/\.json$/i, ''),
    created: stamp,
    techniques: [],
    threatActors: [],
    sources: list,
    narratives: [],
    questions: [],
    positions: [],
    codings: [],
    memos: [],
    corrections: [],
    actors: [],
    actorMerges: [],
    actorEdits: [],
    history: [],
  };
  return { study, view: applyStudy(study, sources) };
}

/** `narrative-lens init`: writes a new study file (never over an existing one). */
export async function initStudy(studyFile: string, dataPaths: string[], stamp: Stamp, title?: string, options: LoadOptions = {}): Promise<StudySession> {
  const { study, view } = await newStudy(studyFile, dataPaths, stamp, title, options);
  const store = new FileStudyStore(studyFile);
  const loaded = await store.create(study);
  return new StudySession(store, loaded, view, [], studyFile);
}

/** Opens a study with its sources. Throws DataError for a broken study or broken sources. */
export async function openStudy(studyFile: string, options: LoadOptions = {}, store: StudyStore = new FileStudyStore(studyFile)): Promise<StudySession> {
  const loaded = await store.load();
  const paths = sourcePaths(studyFile, loaded.study);
  const sources = await loadCorpus(paths, options);
  const changed: string[] = [];
  for (const [i, s] of loaded.study.sources.entries()) {
    const now = await sourceHash(paths[i]!).catch(() => undefined);
    if (now !== s.hash) changed.push(s.path);
  }
  return new StudySession(store, loaded, applyStudy(loaded.study, sources), changed, studyFile);
}

export type EditOutcome = SaveResult & { view: StudyView };

/**
 * One open study: the shells' single way to edit. Every edit is saved at once; the view is
 * re-applied from whatever was saved (mine, merged, or theirs after a conflict).
 */
export class StudySession {
  constructor(
    readonly store: StudyStore,
    public loaded: LoadedStudy,
    public view: StudyView,
    /** sources whose bytes changed since the study was made */
    readonly changedSources: string[],
    readonly file: string,
  ) {}

  get study(): Study {
    return this.loaded.study;
  }

  /** Runs an edit made from the current view, records it and saves it. */
  edit(make: (view: StudyView) => Edit, stamp: Stamp): Promise<EditOutcome> {
    return this.commit(perform(this.loaded.study, make(this.view), stamp));
  }

  undo(stamp: Stamp): Promise<EditOutcome> {
    return this.commit(undo(this.loaded.study, stamp));
  }

  redo(stamp: Stamp): Promise<EditOutcome> {
    return this.commit(redo(this.loaded.study, stamp));
  }

  /** Reads the study again (another window or a colleague changed it). */
  async reload(): Promise<StudyView> {
    this.loaded = await this.store.load();
    this.view = applyStudy(this.loaded.study, this.view.sources);
    return this.view;
  }

  private async commit(next: Study): Promise<EditOutcome> {
    const result = await this.store.save(next, this.loaded);
    if (result.loaded) {
      this.loaded = result.loaded;
      this.view = applyStudy(this.loaded.study, this.view.sources);
    }
    return { ...result, view: this.view };
  }
}

/** Whether a path is a study file (a .json file whose format is narrative-lens/study-2, or the older study-1). */
export async function isStudyFile(p: string): Promise<boolean> {
  if (!/\.json$/i.test(p)) return false;
  try {
    const info = await stat(p);
    if (!info.isFile() || info.size > 256 * 1024 * 1024) return false;
    const text = await readFile(p, 'utf8');
    // cheap before parsing: the format id must be in it
    if (!text.includes('narrative-lens/study-')) return false;
    const raw = JSON.parse(text) as { format?: unknown };
    return (STUDY_FORMATS as readonly unknown[]).includes(raw.format);
  } catch {
    return false; // unreadable or broken: the corpus loader says why
  }
}
