/**
 * `narrative-lens tag TECHNIQUE... [--narrative N] [--remove] --study S.json`: DISARM techniques on a
 * narrative of the study, or on the study itself, by the framework's ids (checked against it; an
 * unknown id is refused with the closest techniques). Find ids with `narrative-lens techniques`.
 */
import { searchTechniques, techniqueById } from '../../core/export/disarm/index.js';
import { setStudyTags, updateNarrative } from '../../core/study/edits.js';
import { UsageError } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { openForEdit, runEdit, type EditArgs } from '../study-edit.js';

export interface TagArgs extends EditArgs {
  techniques: string[];
  narrative?: string;
  remove?: boolean;
}

/** "t22.1" → "T0022.001", checked against the framework. */
function techniqueId(typed: string): string {
  const hit = techniqueById(typed) ?? searchTechniques(typed, 1).find((h) => h.score === 0)?.technique;
  if (hit) return hit.id;
  const near = searchTechniques(typed, 3).map((h) => `${h.technique.id} ${h.technique.name}`);
  throw new UsageError(`"${typed}" is not a DISARM technique id`, near.length ? `closest: ${near.join('; ')} (see: ${PROG} techniques ${typed})` : `find one with: ${PROG} techniques WORDS`);
}

export async function run(a: TagArgs, session: Session): Promise<number> {
  const ids = [...new Set((a.techniques ?? []).map((t) => techniqueId(String(t))))];
  const study = await openForEdit(a, session);
  const merge = (current: readonly { id: string }[]) => {
    const have = current.map((t) => t.id);
    return a.remove ? have.filter((id) => !ids.includes(id)) : [...have, ...ids.filter((id) => !have.includes(id))];
  };
  if (a.narrative === undefined) return runEdit(a, session, (v) => setStudyTags(v, { techniques: merge(v.study.techniques) }), study);
  return runEdit(
    a,
    session,
    (v) => {
      const n = resolveNarrative(v.corpus, a.narrative!);
      return updateNarrative(v, n.id, { techniques: merge(n.techniques) });
    },
    study,
  );
}
