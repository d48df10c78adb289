/**
 * `narrative-lens tag TECHNIQUE... [--narrative N] [--remove] --study S.json`: DISARM techniques on a
 * narrative of the study, or on the study itself, by the framework's ids (checked against it; an
 * unknown id is refused with the closest techniques). Find ids with `narrative-lens techniques`.
 * `tag --threat-actor ACTOR`: the actors the study marks as threat actors (STIX threat-actor).
 */
import { searchTechniques, techniqueById } from '../../core/export/disarm/index.js';
import { setStudyTags, tagTechniques } from '../../core/study/edits.js';
import { UsageError } from '../errors.js';
import { resolveActor, resolveNarrative } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { openForEdit, runEdit, type EditArgs } from '../study-edit.js';

export interface TagArgs extends EditArgs {
  techniques?: string[];
  narrative?: string;
  threatActor?: string[];
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
  const actors = (a.threatActor ?? []).map(String);
  if (!ids.length && !actors.length) throw new UsageError('tag needs DISARM technique ids or --threat-actor', `e.g. ${PROG} tag T0022.001 --narrative colour --study s.json`);
  if (actors.length && (ids.length || a.narrative !== undefined)) throw new UsageError('--threat-actor marks actors of the study: give it without techniques or --narrative');
  const study = await openForEdit(a, session);
  if (actors.length) {
    // the study's threat actors are exported as STIX threat-actor objects (all others as identity only)
    return runEdit(
      a,
      session,
      (v) => {
        const chosen = actors.map((name) => resolveActor(v.corpus, name).id);
        const have = v.study.threatActors;
        return setStudyTags(v, { threatActors: a.remove ? have.filter((x) => !chosen.includes(x)) : [...have, ...chosen.filter((x) => !have.includes(x))] });
      },
      study,
    );
  }
  // only the named tags change: every other keeps its provenance (an inferred tag stays inferred, with its reason)
  const change = a.remove ? { remove: ids } : { add: ids };
  return runEdit(a, session, (v) => tagTechniques(v, a.narrative === undefined ? undefined : resolveNarrative(v.corpus, a.narrative).id, change), study);
}
