/** `narrative-lens code QUERY --narrative N`: code every quote the search finds (uncode: take them off). */
import { codeQuotes, uncodeQuotes } from '../../core/study/edits.js';
import { buildSearchIndex, searchQuotes } from '../../core/search/search.js';
import { inert } from '../../core/sanitize.js';
import { EXIT, UsageError } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { openForEdit, runEdit, type EditArgs } from '../study-edit.js';
import { count } from '../../core/count.js';

export interface CodeArgs extends EditArgs {
  query: string;
  narrative?: string;
}

export async function runCoding(a: CodeArgs, session: Session, how: 'code' | 'uncode'): Promise<number> {
  if (a.narrative === undefined) throw new UsageError(`${how} needs the narrative: --narrative NAME`, `e.g. ${PROG} ${how} "${a.query}" --narrative colour --study s.json`);
  const s = await openForEdit(a, session);
  const narrative = resolveNarrative(s.view.corpus, a.narrative);
  const result = searchQuotes(buildSearchIndex(s.view.corpus), a.query, { limit: a.limit });
  if (result.error) throw new UsageError(`cannot understand the query: ${result.error}`, `see the syntax in: ${PROG} search --help`);
  if (result.total === 0) {
    process.stderr.write(`${PROG}: no quotes match ${JSON.stringify(inert(a.query))}\n`);
    return EXIT.nothing;
  }
  let ids = result.hits.map((h) => h.ref.quote.id);
  if (how === 'uncode') {
    // only what this study coded can be taken off; the rest of the results are left alone
    ids = ids.filter((id) => s.view.codedByStudy.get(id)?.has(narrative.id));
    if (ids.length === 0) throw new UsageError(`${result.total === 1 ? 'the quote found is not' : `none of the ${count(result.total, 'quote')} found is`} coded to “${narrative.label}” by this study`);
  } else if (ids.every((id) => s.view.corpus.quoteById.get(id)!.quote.narratives.includes(narrative.id))) {
    process.stderr.write(`${PROG}: ${ids.length === 1 ? 'the quote found is' : `all ${count(ids.length, 'quote')} found are`} coded to “${inert(narrative.label)}” already\n`);
    return EXIT.found;
  }
  return runEdit(a, session, (v) => (how === 'code' ? codeQuotes(v, narrative.id, ids) : uncodeQuotes(v, narrative.id, ids)), s);
}

export function run(a: CodeArgs, session: Session): Promise<number> {
  return runCoding(a, session, 'code');
}
