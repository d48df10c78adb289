/**
 * One run of the command: what the parts of a run share, made in `main` (run.ts) and passed to
 * each command, instead of module-level variables. No React, no Ink, no yargs here: this is on
 * the fast print path (the study's code is loaded only when a study is opened).
 */
import { loadCorpus } from '../core/corpus/load.js';
import { inert } from '../core/sanitize.js';
import type { Corpus } from '../core/corpus/corpus.js';
import type { StudySession } from '../core/study/open.js';
import { UsageError } from './errors.js';
import { PROG } from './spec.js';

export interface Session {
  /** the largest file to read, in bytes (--max-file-size), once the flags are read */
  maxFileBytes?: number | undefined;
  /** the study to open (--study, or the file given to the dashboard), once the flags are read */
  study?: string | undefined;
  /** called just before the dashboard takes the terminal (run.ts drops its signal handlers) */
  readonly beforeDashboard: (() => void)[];
  /**
   * loads the corpus (--data, else the bundled data); cached on disk by content unless told not
   * to. With --study, the study's sources with the study applied: every command works on it.
   */
  openCorpus(data: readonly string[] | undefined, opts?: { cache?: boolean; textsOnDemand?: boolean; onNote?: (note: string) => void }): Promise<Corpus>;
  /** opens the study given with --study (once per run) */
  openStudy(): Promise<StudySession>;
}

export function makeSession(): Session {
  let opened: Promise<StudySession> | undefined;
  let warned = false;
  const session: Session = {
    beforeDashboard: [],
    openCorpus: async (data, opts = {}) => {
      if (session.study === undefined) {
        const onNote = opts.onNote ?? ((note: string) => process.stderr.write(`${PROG}: note: ${inert(note)}\n`));
        return loadCorpus([...(data ?? [])], { cache: opts.cache ?? true, maxFileBytes: session.maxFileBytes, onNote, textsOnDemand: opts.textsOnDemand });
      }
      if (data?.length) throw new UsageError('give --study or --data, not both', `a study opens the sources it names; add sources with a new study: ${PROG} init NEW.json --data …`);
      const study = await session.openStudy();
      if (!warned) warnAboutStudy(study);
      warned = true;
      return study.view.corpus;
    },
    openStudy: () => {
      const file = session.study;
      if (file === undefined) return Promise.reject(new UsageError('this command works on a study: give --study STUDY.json', `create one with: ${PROG} init STUDY.json --data PATH`));
      opened ??= import('../core/study/open.js').then(({ openStudy }) => openStudy(file, { cache: true, maxFileBytes: session.maxFileBytes }));
      return opened;
    },
  };
  return session;
}

/** What a reader of the study should know: annotations that no longer attach, references that fail. */
function warnAboutStudy(study: StudySession): void {
  const { orphans, problems } = study.view;
  const file = inert(study.file); // a path as typed: shown inert like any text
  if (orphans.length) {
    process.stderr.write(`${PROG}: ${file}: ${orphans.length} annotation${orphans.length === 1 ? ' is' : 's are'} orphaned (their text is no longer in the sources); list them with: ${PROG} validate --study ${file}\n`);
  }
  if (problems.length) process.stderr.write(`${PROG}: ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the study (read-only until fixed); list them with: ${PROG} validate --study ${file}\n`);
}
