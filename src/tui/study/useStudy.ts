/**
 * The open study, for the dashboard: runs the queued edits through the StudySession one at a
 * time (each saved at once by the store: atomic, locked, merged with what another window wrote,
 * or reported as a conflict with both versions kept), and follows the file on disk: when
 * another window or a colleague changes it, the study is read again and the panes show it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Corpus } from '../../core/corpus/corpus.js';
import type { EditOutcome, StudySession, StudyView } from '../../core/study/index.js';
import { isStudyEditError, studyCore } from './core.js';
import type { Action } from '../state.js';
import type { StudyData } from './commands.js';
import type { Effect } from './flows.js';
import type { ConflictReport, StudyMode, StudyStatus, StudyUiState } from './state.js';

/** How the dashboard was opened on a study. */
export type DashboardStudy =
  /** a study open for editing; `author` is recorded with every edit (default: the login name) */
  | { session: StudySession; author?: string }
  /** a study file that failed validation: its sources are shown, nothing can be edited */
  | { readOnly: { file: string; problems: string[] } };

export function studyMode(study: DashboardStudy | undefined): StudyMode {
  return !study ? null : 'session' in study ? 'edit' : 'read-only';
}

const NAMES: Record<string, string> = { narratives: 'narrative', questions: 'question', positions: 'position', codings: 'coding', memos: 'memo', corrections: 'correction', actors: 'actor', actorMerges: 'actor merge', actorEdits: 'alignment' };

/** The status line after a save, and the conflict to list in the overlay. */
export function saveStatus(summary: string, out: EditOutcome): { status: StudyStatus; conflict: ConflictReport | null } {
  switch (out.status) {
    case 'saved':
      return { status: { text: `saved: ${summary}`, tone: 'ok' }, conflict: null };
    case 'merged':
      return { status: { text: `saved, merged with changes made elsewhere: ${summary}`, tone: 'ok' }, conflict: null };
    case 'conflict': {
      const items = out.conflicts.map((c) => `${NAMES[c.coll] ?? c.coll} ${c.key}`);
      const what = out.reason ?? `${items.slice(0, 3).join(', ')}${items.length > 3 ? ` and ${items.length - 3} more` : ''} changed here and in the file`;
      return {
        status: { text: `CONFLICT, not saved: ${what}; yours kept at ${out.keptAt} (O for details)`, tone: 'bad' },
        conflict: { items, keptAt: out.keptAt, ...(out.reason ? { reason: out.reason } : {}) },
      };
    }
  }
}

async function run(session: StudySession, effect: Effect, author: string | undefined): Promise<{ summary: string; out: EditOutcome }> {
  const stamp = studyCore().stampNow(author);
  if (effect.kind === 'undo') {
    const summary = `undo ${studyCore().undoable(session.study)?.summary ?? ''}`;
    return { summary, out: await session.undo(stamp) };
  }
  if (effect.kind === 'redo') {
    const summary = `redo ${studyCore().redoable(session.study)?.summary ?? ''}`;
    return { summary, out: await session.redo(stamp) };
  }
  const edit = effect.make(session.view);
  return { summary: edit.summary, out: await session.edit(() => edit, stamp) };
}

export function useStudy(study: DashboardStudy | undefined, ui: StudyUiState, dispatch: (a: Action) => void): { data: StudyData | undefined; corpus: Corpus | undefined } {
  const session = study && 'session' in study ? study.session : undefined;
  const author = study && 'session' in study ? study.author : undefined;
  const [view, setView] = useState<StudyView | undefined>(session?.view);
  const busy = useRef(false);
  const status = (s: StudyStatus | null, conflict?: ConflictReport | null) => dispatch({ type: 'study', action: { type: 'status', status: s, ...(conflict !== undefined ? { conflict } : {}) } });

  // the queue: one batch at a time, in order; a refused edit stops its batch
  const batch = ui.queue[0];
  useEffect(() => {
    if (!session || !batch || busy.current) return;
    busy.current = true;
    void (async () => {
      for (const effect of batch) {
        try {
          const { summary, out } = await run(session, effect, author);
          setView(session.view);
          const next = saveStatus(summary, out);
          status(next.status, next.conflict);
          if (out.status === 'conflict') break;
        } catch (err) {
          const message = isStudyEditError(err) ? err.message : `could not save: ${(err as Error).message}`;
          status({ text: message, tone: 'bad' });
          break;
        }
      }
      setView(session.view);
      busy.current = false;
      dispatch({ type: 'study', action: { type: 'dequeue' } });
    })();
  }, [session, batch]);

  // the file changed on disk (another window, a colleague, git pull): read it again
  useEffect(() => {
    if (!session) return;
    return session.store.watch(() => {
      if (busy.current) return; // our own save, or one that will merge with it
      void (async () => {
        try {
          if (!(await session.store.changedSince(session.loaded.version))) return;
          if (busy.current) return;
          await session.reload();
          setView(session.view);
          status({ text: 'the study changed on disk (another window?): read again', tone: 'warn' });
        } catch (err) {
          status({ text: `the study on disk cannot be read now: ${(err as Error).message.split('\n')[0]}; your edits will be kept beside it`, tone: 'bad' });
        }
      })();
    });
  }, [session]);

  const data = useMemo<StudyData | undefined>(() => {
    if (!study) return undefined;
    if ('readOnly' in study) return { view: undefined, file: study.readOnly.file, problems: study.readOnly.problems, changedSources: [] };
    return { view, file: study.session.file, problems: [], changedSources: study.session.changedSources };
  }, [study, view]);
  return { data, corpus: view?.corpus };
}
