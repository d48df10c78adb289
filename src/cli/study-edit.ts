/**
 * What every study-editing command shares: open the study given with --study (refusing one with
 * problems: it is read-only until fixed), make the edit with the core's function for it, then
 * either show it (--dry-run) or save it, and print what happened. The same core functions make
 * the dashboard's edits.
 */
import { diff, preview, redo, redoable, stampNow, StudyEditError, undo, undoable, type Edit } from '../core/study/history.js';
import type { Change } from '../core/study/schema.js';
import { describeChanges } from '../core/study/describe.js';
import type { StudyView } from '../core/study/apply.js';
import type { EditOutcome, StudySession } from '../core/study/open.js';
import { inert } from '../core/sanitize.js';
import { EXIT, UsageError } from './errors.js';
import type { GlobalArgs } from './options.js';
import { stdoutOutput } from './print/output.js';
import { renderEdit, type EditReport } from './print/study.js';
import type { Session } from './session.js';
import { PROG } from './spec.js';

export interface EditArgs extends GlobalArgs {
  author?: string;
  dryRun?: boolean;
}

/** The study to edit; one whose references fail is refused (it opens read-only). */
export async function openForEdit(a: EditArgs, session: Session): Promise<StudySession> {
  if (a.data?.length) throw new UsageError('give --study, not --data, to edit', 'a study opens the sources it names');
  const study = await session.openStudy();
  const { problems } = study.view;
  if (problems.length) {
    for (const p of problems.slice(0, 10)) process.stderr.write(`${PROG}: ${inert(`${study.file}: ${p}`)}\n`);
    throw new UsageError(`the study has ${problems.length} problem${problems.length === 1 ? '' : 's'}: it is read-only until they are fixed`, `see them all with: ${PROG} validate --study ${study.file}`);
  }
  return study;
}

/** A refused edit as the command line says it: one line, exit 2. */
export function refuse<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof StudyEditError) throw new UsageError(err.message);
    throw err;
  }
}

/** Makes an edit from the study's view, then shows it (--dry-run) or saves it; returns the exit code. */
export async function runEdit(a: EditArgs, session: Session, make: (view: StudyView) => Edit, study?: StudySession): Promise<number> {
  const s = study ?? (await openForEdit(a, session));
  const edit = refuse(() => make(s.view));
  const stamp = stampNow(a.author);
  const changes = refuse(() => preview(s.study, edit, stamp));
  const lines = describeChanges(changes, s.view);
  if (a.dryRun) return show(a, { status: 'dry-run', summary: edit.summary, lines, changes, study: s.file });
  const result = await s.edit(() => edit, stamp).catch(asUsage);
  return saved(a, s, result, edit.summary, lines, changes);
}

/** Undo and redo: like an edit, but what they take back is in the history. */
export async function runHistoryStep(a: EditArgs, session: Session, step: 'undo' | 'redo'): Promise<number> {
  const s = await openForEdit(a, session);
  const target = (step === 'undo' ? undoable : redoable)(s.study);
  if (!target) throw new UsageError(`nothing to ${step}`, `see the history with: ${PROG} history --study ${s.file}`);
  const stamp = stampNow(a.author);
  const summary = `${step}: ${target.summary}`;
  const changes = diff(s.study, refuse(() => (step === 'undo' ? undo : redo)(s.study, stamp)));
  const lines = describeChanges(changes, s.view);
  if (a.dryRun) return show(a, { status: 'dry-run', summary, lines, changes, study: s.file });
  const result = await (step === 'undo' ? s.undo(stamp) : s.redo(stamp)).catch(asUsage);
  return saved(a, s, result, summary, lines, changes);
}

function asUsage(err: unknown): never {
  if (err instanceof StudyEditError) throw new UsageError(err.message);
  throw err;
}

async function show(a: EditArgs, r: EditReport): Promise<number> {
  await renderEdit(r, stdoutOutput(a.format));
  return EXIT.found;
}

/** Prints a saved (or merged) edit; a conflict is an error that says where the user's study is kept. */
function saved(a: EditArgs, s: StudySession, result: EditOutcome, summary: string, lines: string[], changes: Change[]): Promise<number> {
  if (result.status === 'conflict') {
    const what = result.conflicts.map((c) => `${c.coll} "${c.key}"`).join(', ');
    throw new UsageError(
      `not saved: ${s.file} ${result.reason ?? `was changed elsewhere since it was read, and the same things were changed there (${what})`}`,
      `nothing was overwritten; your version of the study is kept at ${result.keptAt}`,
    );
  }
  return show(a, { status: result.status, summary, lines, changes, study: s.file });
}

/** A quote by its id, by words that only one quote holds, or by a search that finds exactly one quote. */
export async function resolveQuote(view: StudyView, typed: string): Promise<string> {
  if (view.corpus.quoteById.has(typed)) return typed;
  const fold = (t: string) => t.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  const holding = view.corpus.quotes.filter((r) => fold(r.quote.text).includes(fold(typed)));
  if (holding.length === 1) return holding[0]!.quote.id;
  // a quote nested in a longer one: the words of exactly one quote win
  const whole = holding.filter((r) => fold(r.quote.text) === fold(typed));
  if (whole.length === 1) return whole[0]!.quote.id;
  const { buildSearchIndex, searchQuotes } = await import('../core/search/search.js');
  const found = searchQuotes(buildSearchIndex(view.corpus), typed, { limit: 3 });
  if (found.total === 1) return found.hits[0]!.ref.quote.id;
  const clip = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);
  if (found.total === 0) throw new UsageError(`no quote "${typed}" (neither an id nor a search that finds one)`, `find ids with: ${PROG} search QUERY --format json --study …`);
  throw new UsageError(
    `"${typed}" finds ${found.total} quotes (${found.hits.map((h) => `${h.ref.quote.id} “${clip(h.ref.quote.text)}”`).join(', ')}${found.total > 3 ? ', …' : ''})`,
    'give a quote id, or a search that finds only one',
  );
}
