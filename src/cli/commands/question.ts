/** `narrative-lens question add TEXT`: a question the narratives answer differently. */
import { addQuestion } from '../../core/study/edits.js';
import type { Session } from '../session.js';
import { runEdit, type EditArgs } from '../study-edit.js';

export interface QuestionArgs extends EditArgs {
  action: 'add';
  text: string;
  id?: string;
}

export function run(a: QuestionArgs, session: Session): Promise<number> {
  return runEdit(a, session, (v) => addQuestion(v, a.text, a.id));
}
