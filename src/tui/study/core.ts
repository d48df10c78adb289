/**
 * The study's core (edits, undo and redo, the store), for the dashboard's editing flows: loaded
 * only when a study is open (run.ts awaits loadStudyCore before the first frame then). Imported
 * statically, it made every dashboard — most are opened on a corpus, with no study — load zod
 * and build the study's and the corpus's schemas before its first frame: more than a third of
 * the JavaScript it loaded. A flow, a command or a save runs only on an open study, so the core
 * is always loaded by then; studyCore() says so loudly if that ever stops being true.
 */
type StudyCore = typeof import('../../core/study/index.js');

let core: StudyCore | undefined;

export async function loadStudyCore(): Promise<StudyCore> {
  return (core ??= await import('../../core/study/index.js'));
}

export function studyCore(): StudyCore {
  if (!core) throw new Error('the study module was used before it was loaded (loadStudyCore, when a study is opened)');
  return core;
}

/** An edit refused by the study (a message for the user); never true before a study was loaded. */
export function isStudyEditError(err: unknown): err is Error {
  return core !== undefined && err instanceof core.StudyEditError;
}
