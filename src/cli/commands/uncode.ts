/** `narrative-lens uncode QUERY --narrative N`: take the quotes a search finds off a narrative. */
import type { Session } from '../session.js';
import { runCoding, type CodeArgs } from './code.js';

export function run(a: CodeArgs, session: Session): Promise<number> {
  return runCoding(a, session, 'uncode');
}
