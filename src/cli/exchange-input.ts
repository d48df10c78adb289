/**
 * What export and report read: the study given with --study (its narratives, codings, memos,
 * colours, DISARM tags and threat actors), else the corpus of --data.
 */
import { exchangeFromCorpus, exchangeFromStudy, type ExchangeInput } from '../core/export/input.js';
import type { Session } from './session.js';

export async function exchangeInput(data: readonly string[] | undefined, session: Session, title?: string): Promise<ExchangeInput> {
  if (session.study === undefined) return exchangeFromCorpus(await session.openCorpus(data), title ? { title } : {});
  await session.openCorpus(data); // refuses --data beside --study; warns about orphans
  const input = exchangeFromStudy((await session.openStudy()).view);
  return title ? { ...input, title } : input;
}
