/** `narrative-lens merge-actors FROM INTO`: one actor found twice becomes one. */
import { mergeActors } from '../../core/study/edits.js';
import { resolveActor } from '../lookup.js';
import type { Session } from '../session.js';
import { runEdit, type EditArgs } from '../study-edit.js';

export interface MergeArgs extends EditArgs {
  from: string;
  into: string;
}

export function run(a: MergeArgs, session: Session): Promise<number> {
  return runEdit(a, session, (v) => mergeActors(v, resolveActor(v.corpus, a.from).id, resolveActor(v.corpus, a.into).id));
}
