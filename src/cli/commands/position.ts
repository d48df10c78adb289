/** `narrative-lens position set|remove --narrative N --question X …`: a narrative's answer to a question. */
import { removePosition, setPosition } from '../../core/study/edits.js';
import { UsageError } from '../errors.js';
import { resolveActor, resolveNarrative } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { openForEdit, resolveQuote, runEdit, type EditArgs } from '../study-edit.js';

export interface PositionArgs extends EditArgs {
  action: 'set' | 'remove';
  narrative?: string;
  question?: string;
  stance?: string;
  summary?: string;
  status?: 'supported' | 'contested' | 'unverified';
  statusBy?: string[];
  statusNote?: string;
  evidence?: string[];
}

export async function run(a: PositionArgs, session: Session): Promise<number> {
  if (a.narrative === undefined || a.question === undefined) throw new UsageError(`position ${a.action} needs --narrative and --question`, `e.g. ${PROG} position set --narrative colour --question x-who --stance foreign --summary "The West" --study s.json`);
  const s = await openForEdit(a, session);
  const narrative = resolveNarrative(s.view.corpus, a.narrative).id;
  if (a.action === 'remove') return runEdit(a, session, (v) => removePosition(v, narrative, a.question!), s);
  if (a.stance === undefined || a.summary === undefined) throw new UsageError('position set needs --stance and --summary');
  const evidence: string[] = [];
  for (const e of a.evidence ?? []) evidence.push(await resolveQuote(s.view, String(e)));
  const statusBy = (a.statusBy ?? []).map((x) => resolveActor(s.view.corpus, String(x)).id);
  return runEdit(
    a,
    session,
    (v) =>
      setPosition(v, {
        narrative,
        axis: a.question!,
        stance: a.stance!,
        summary: a.summary!,
        ...(a.status ? { status: a.status } : {}),
        statusBy,
        ...(a.statusNote ? { statusNote: a.statusNote } : {}),
        evidence,
      }),
    s,
  );
}
