/**
 * `narrative-lens search QUERY`: the dashboard's quote search, printed. This module is on the
 * fast path (bin → here without yargs), so it imports only the core and the printers.
 */
import { searchFiles } from '../../core/search/disk-index.js';
import { inert } from '../../core/sanitize.js';
import { EXIT, UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderQuotes } from '../print/quotes.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';

export interface SearchArgs extends GlobalArgs {
  query: string;
}

export async function run(a: SearchArgs, session: Session): Promise<number> {
  // yargs reads a numeric-looking query as a number; the query is text
  const query = String(a.query ?? '');
  // through the search index on disk: only what the search needs is read (core/search/disk-index.ts);
  // a study (--study) is its sources with the analyst's work applied, searched in memory
  const { corpus, result } = session.study === undefined ? await searchFiles(a.data ?? [], query, { limit: a.limit, maxFileBytes: session.maxFileBytes }) : await searchStudy(session, a, query);
  if (result.error) throw new UsageError(`cannot understand the query: ${result.error}`, `see the syntax in: ${PROG} search --help`);
  const out = stdoutOutput(a.format);
  if (result.total === 0) {
    // Nothing on stdout in text (as grep); an empty but valid document for the other formats.
    if (a.format !== 'text') await renderQuotes({ corpus, items: [] }, out);
    process.stderr.write(`${PROG}: no quotes match ${JSON.stringify(inert(query))}\n`);
    return EXIT.nothing;
  }
  await renderQuotes({ corpus, items: result.hits }, out);
  if (a.format === 'text' && result.total > result.hits.length && result.hits.length > 0) {
    process.stderr.write(`${PROG}: showing ${result.hits.length} of ${result.total} quotes (--limit)\n`);
  }
  return EXIT.found;
}

async function searchStudy(session: Session, a: SearchArgs, query: string) {
  const corpus = await session.openCorpus(a.data);
  const { buildSearchIndex, searchQuotes } = await import('../../core/search/search.js');
  return { corpus, result: searchQuotes(buildSearchIndex(corpus), query, { limit: a.limit }) };
}
