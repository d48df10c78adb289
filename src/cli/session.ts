/**
 * One run of the command: what the parts of a run share, made in `main` (run.ts) and passed to
 * each command, instead of module-level variables. No React, no Ink, no yargs here: this is on
 * the fast print path.
 */
import { loadCorpus } from '../core/corpus/load.js';
import type { Corpus } from '../core/corpus/corpus.js';

export interface Session {
  /** the largest file to read, in bytes (--max-file-size), once the flags are read */
  maxFileBytes?: number | undefined;
  /** called just before the dashboard takes the terminal (run.ts drops its signal handlers) */
  readonly beforeDashboard: (() => void)[];
  /** loads the corpus (--data, else the bundled data); cached on disk by content unless told not to */
  openCorpus(data: readonly string[] | undefined, opts?: { cache?: boolean }): Promise<Corpus>;
}

export function makeSession(): Session {
  const session: Session = {
    beforeDashboard: [],
    openCorpus: (data, opts = {}) => loadCorpus([...(data ?? [])], { cache: opts.cache ?? true, maxFileBytes: session.maxFileBytes }),
  };
  return session;
}
