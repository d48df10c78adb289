/** `narrative-lens redo`: bring back what undo took back. */
import type { Session } from '../session.js';
import { runHistoryStep, type EditArgs } from '../study-edit.js';

export function run(a: EditArgs, session: Session): Promise<number> {
  return runHistoryStep(a, session, 'redo');
}
