/** `narrative-lens history`: every edit, undo and redo of the study, with who and when. */
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderHistory } from '../print/study.js';
import type { Session } from '../session.js';

export async function run(a: GlobalArgs, session: Session): Promise<number> {
  const s = await session.openStudy();
  await renderHistory(s.study, stdoutOutput(a.format), a.limit);
  return s.study.history.length ? EXIT.found : EXIT.nothing;
}
