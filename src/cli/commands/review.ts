/** `narrative-lens review ARTICLE`: mark a draft article reviewed. */
import { markReviewed } from '../../core/study/edits.js';
import type { Session } from '../session.js';
import { runEdit, type EditArgs } from '../study-edit.js';

export interface ReviewArgs extends EditArgs {
  article: string;
}

export function run(a: ReviewArgs, session: Session): Promise<number> {
  return runEdit(a, session, (v) => markReviewed(v, a.article));
}
