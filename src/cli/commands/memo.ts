/** `narrative-lens memo TEXT --on WHAT`: a memo on a quote, actor, narrative, position, article or the study. */
import { addMemo, type MemoOn } from '../../core/study/edits.js';
import { UsageError } from '../errors.js';
import { resolveActor, resolveNarrative } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { openForEdit, resolveQuote, runEdit, type EditArgs } from '../study-edit.js';

export interface MemoArgs extends EditArgs {
  text: string;
  on?: string;
}

export async function run(a: MemoArgs, session: Session): Promise<number> {
  const usage = `--on quote:ID, actor:NAME, narrative:NAME, position:ID, article:ID or study`;
  if (a.on === undefined) throw new UsageError(`memo needs what it is on: ${usage}`, `e.g. ${PROG} memo "${a.text}" --on actor:smagin --study s.json`);
  const m = /^(quote|actor|narrative|position|article):(.+)$/s.exec(a.on);
  if (!m && a.on !== 'study') throw new UsageError(`--on ${a.on}: use ${usage}`);
  const s = await openForEdit(a, session);
  const v = s.view;
  let on: MemoOn;
  if (!m) on = { study: true };
  else {
    const value = m[2]!;
    switch (m[1]) {
      case 'quote':
        on = { quote: await resolveQuote(v, value) };
        break;
      case 'actor':
        on = { actor: resolveActor(v.corpus, value).id };
        break;
      case 'narrative':
        on = { narrative: resolveNarrative(v.corpus, value).id };
        break;
      case 'position':
        on = { position: value };
        break;
      default:
        on = { article: value };
    }
  }
  return runEdit(a, session, (view) => addMemo(view, on, a.text), s);
}
