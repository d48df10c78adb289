/** `narrative-lens undo`: take back the study's latest edit in force. */
import type { Session } from '../session.js';
import { runHistoryStep, type EditArgs } from '../study-edit.js';

export function run(a: EditArgs, session: Session): Promise<number> {
  return runHistoryStep(a, session, 'undo');
}
