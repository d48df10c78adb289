/**
 * `narrative-lens search QUERY`: the dashboard's quote search, printed. This module is on the
 * fast path (bin → here without yargs), so it imports only the core and the printers.
 */
import { explainFiles, searchFiles } from '../../core/search/disk-index.js';
import { buildSearchIndex } from '../../core/search/search.js';
import { resolveQueryNames } from '../../core/search/names.js';
import { sortHits, type SortKey } from '../../core/search/sort.js';
import { inert } from '../../core/sanitize.js';
import { clip, EXIT, UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderQuotes } from '../print/quotes.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';

export interface SearchArgs extends GlobalArgs {
  query: string;
  sort?: SortKey;
}

export async function run(a: SearchArgs, session: Session): Promise<number> {
  // yargs reads a numeric-looking query as a number; the query is text
  const query = String(a.query ?? '');
  const sort = a.sort ?? 'relevance';
  // through the search index on disk: only what the search needs is read (core/search/disk-index.ts);
  // another order than relevance is applied to every hit, then cut to --limit. A study (--study)
  // is its sources with the analyst's work applied, searched in memory.
  const limit = sort === 'relevance' ? a.limit : undefined;
  const search = (q: string) => (session.study === undefined ? searchFiles(a.data ?? [], q, { limit, maxFileBytes: session.maxFileBytes }) : searchStudy(session, a, q, limit));
  let { corpus, result } = await search(query);
  // speaker:/narrative: values that name nobody are read as the closest name, and the user told
  const names = resolveQueryNames(corpus, query);
  if (names.corrections.length) {
    for (const c of names.corrections) process.stderr.write(`${PROG}: ${inert(`${clip(c.typed)} taken as ${c.taken}`)}\n`);
    ({ corpus, result } = await search(names.query));
  }
  if (sort !== 'relevance') result.hits = sortHits(result.hits, sort).slice(0, a.limit ?? Infinity);
  if (result.error) throw new UsageError(`cannot understand the query: ${result.error}`, `see the syntax in: ${PROG} search --help`);
  const out = stdoutOutput(a.format);
  if (result.total === 0) {
    // Nothing on stdout in text (as grep); an empty but valid document for the other formats.
    if (a.format !== 'text') await renderQuotes({ corpus, items: [] }, out);
    process.stderr.write(`${PROG}: no quotes match ${JSON.stringify(inert(clip(query)))}\n`);
    // the words and names a correction comes from: from the index on disk (a study: its corpus in memory)
    const help =
      session.study === undefined
        ? await explainFiles(a.data ?? [], names.query, { maxFileBytes: session.maxFileBytes, knownEmpty: names.corrections.length > 0 || names.query === query })
        : (await import('../../core/search/explain.js')).explainNoMatch(buildSearchIndex(await session.openCorpus(a.data)), names.query);
    if (help.term !== undefined) {
      const fix = help.suggestion ? `; did you mean ${help.suggestion.term}? (${help.suggestion.total} quote${help.suggestion.total === 1 ? '' : 's'} with: ${PROG} search ${shellWord(clip(help.suggestion.query))})` : '';
      const term = clip(help.term);
      const what = help.alone ? `${term} matches nothing` : `nothing matches ${term} with the rest of the query`;
      process.stderr.write(`${PROG}: ${inert(what + fix)}\n`);
    }
    return EXIT.nothing;
  }
  if (a.format === 'markdown' && result.hits.some((h) => h.ref.quote.kind !== 'indirect' && !h.ref.article.text)) {
    // Markdown shows quotes in the marks their source used, which only the article's text
    // tells (the index on disk keeps no texts): read the corpus for them
    const full = await session.openCorpus(a.data);
    for (const h of result.hits) h.ref = full.quoteById.get(h.ref.quote.id) ?? h.ref;
  }
  await renderQuotes({ corpus, items: result.hits }, out);
  if (a.format === 'text' && result.total > result.hits.length && result.hits.length > 0) {
    process.stderr.write(`${PROG}: showing ${result.hits.length} of ${result.total} quotes (--limit)\n`);
  }
  return EXIT.found;
}

async function searchStudy(session: Session, a: SearchArgs, query: string, limit: number | undefined) {
  const corpus = await session.openCorpus(a.data);
  const { searchQuotes } = await import('../../core/search/search.js');
  return { corpus, result: searchQuotes(buildSearchIndex(corpus), query, { limit }) };
}

/** A query as one shell word, for a line the user may copy. */
function shellWord(s: string): string {
  return /^[\w.:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
