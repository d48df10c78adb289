/** `narrative-lens alignment ACTOR LABEL --reason WHY` (or --clear): the analyst's alignment of an actor. */
import { setAlignment } from '../../core/study/edits.js';
import { UsageError } from '../errors.js';
import { resolveActor } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { runEdit, type EditArgs } from '../study-edit.js';

export interface AlignmentArgs extends EditArgs {
  actor: string;
  label?: string;
  reason?: string;
  clear?: boolean;
}

export function run(a: AlignmentArgs, session: Session): Promise<number> {
  if (a.clear && a.label !== undefined) throw new UsageError('give a label or --clear, not both');
  if (!a.clear && (a.label === undefined || a.reason === undefined)) {
    throw new UsageError('alignment needs a label and --reason (or --clear)', `e.g. ${PROG} alignment markov pro-Kremlin --reason "the article calls him a pro-Kremlin analyst" --study s.json`);
  }
  return runEdit(a, session, (v) => setAlignment(v, resolveActor(v.corpus, a.actor).id, a.clear ? null : { label: a.label!, reason: a.reason! }));
}
