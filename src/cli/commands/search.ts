/**
 * `narrative-lens search QUERY`: the dashboard's quote search, printed. This module is on the
 * fast path (bin → here without yargs), so it imports only the core and the printers.
 */
import type { Argv, CommandModule } from 'yargs';
import { buildSearchIndex, searchQuotes } from '../../core/search/search.js';
import { inert } from '../../core/sanitize.js';
import { openCorpus, PROG, status } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { stdoutOutput, type Format } from '../print/output.js';
import { renderQuotes } from '../print/quotes.js';

export interface SearchArgs {
  query: string;
  data?: string[];
  format: Format;
  limit?: number;
}

export const SYNTAX_HELP = `Query syntax (as fzf; case and accents are ignored):
  colour revolution    all words must match, each in any field
                       (quote, speaker, aliases, role, narrative, topic)
  sigh | relief        either word (| binds tighter than a space)
  'exact               an exact substring, no typos
  ^start  end$  =all   a field starts with, ends with, or is exactly
  !word                leave out quotes where any field contains the word
  "sigh of relief"     an exact phrase
  speaker:NAME  narrative:NAME  article:TITLE  kind:direct|indirect|term
                       filters; quote values with spaces: speaker:"donald trump";
                       negate with !: !speaker:trump`;

export async function runSearch(a: SearchArgs): Promise<number> {
  const corpus = await openCorpus(a.data);
  const index = buildSearchIndex(corpus);
  const result = searchQuotes(index, a.query, { limit: a.limit });
  if (result.error) throw new UsageError(`cannot understand the query: ${result.error}`, `see the syntax in: ${PROG} search --help`);
  const out = stdoutOutput(a.format);
  if (result.total === 0) {
    // Nothing on stdout in text (as grep); an empty but valid document for the other formats.
    if (a.format !== 'text') await renderQuotes({ corpus, items: [] }, out);
    process.stderr.write(`${PROG}: no quotes match ${JSON.stringify(inert(a.query))}\n`);
    return EXIT.nothing;
  }
  await renderQuotes({ corpus, items: result.hits }, out);
  if (a.format === 'text' && result.total > result.hits.length && result.hits.length > 0) {
    process.stderr.write(`${PROG}: showing ${result.hits.length} of ${result.total} quotes (--limit)\n`);
  }
  return EXIT.found;
}

export const searchCommand: CommandModule<object, SearchArgs> = {
  command: 'search <query>',
  describe: 'Search the quotes and print them (the dashboard’s search)',
  builder: (y) =>
    (y as Argv<object>)
      .positional('query', { type: 'string', describe: 'the query ("" for every quote)', coerce: String })
      .example('$0 search "colour revolution"', 'Zakharova’s quote (the text says "color")')
      .example('$0 search speaker:trump', 'everything Trump is quoted as saying')
      .example('$0 search kind:term', 'the scare-quoted terms')
      .example('$0 search "sigh of relief" -f csv', 'for a spreadsheet')
      .epilog(
        `${SYNTAX_HELP}\n\nFor scripts:\n  ${PROG} search "'reform speaker:markov" --format json | jq -r '.[].text'\n\nJSON/NDJSON fields: id, kind, text, speaker (actor id), speakerName, article, articleTitle, paragraph, span {start,end} (code points, end exclusive), channel, when, narratives, topics, score (0 best), matches.\n\nExit status: 0 quotes found, 1 none, 2 bad query or data.`,
      ) as unknown as Argv<SearchArgs>,
  handler: async (a) => {
    status.code = await runSearch({ query: String(a.query ?? ''), data: a.data, format: a.format, limit: a.limit });
  },
};
