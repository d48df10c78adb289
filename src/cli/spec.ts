/**
 * The one description of the command line: every command, its positionals and flags, the values
 * they take, what completion offers for them, the help text and examples. Everything else is
 * derived from it: the yargs program (program.ts), the fast paths that skip yargs (fast.ts),
 * shell completion (commands/completion.ts) and the "did you mean" checks.
 *
 * Adding a command: an entry in COMMANDS (with `load` pointing at its module) and the module,
 * which exports `run(args, session)`. Adding a flag: an entry in the command's `flags` (or
 * GLOBAL_FLAGS), read by the module as `args.<camelCaseName>`.
 *
 * Plain data and no imports beyond the list of formats: the fast path reads this module before
 * anything else.
 */
import type { Session } from './session.js';
import { SORT_KEYS } from '../core/search/sort.js';

export const PROG = 'narrative-lens';

export const FORMATS = ['text', 'json', 'ndjson', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const PANES = ['quotes', 'actors', 'narratives', 'timeline'] as const;
export type Pane = (typeof PANES)[number];

export const SHELLS = ['bash', 'zsh'] as const;

export const EXPORT_FORMATS = ['qdpx', 'stix', 'navigator'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const REPORT_FORMATS = ['html', 'markdown'] as const;
export type Shell = (typeof SHELLS)[number];

export const QUOTE_KINDS = ['direct', 'indirect', 'term'] as const;

/**
 * What shell completion offers for a value: file names, the corpus's actor or narrative names,
 * a comma-separated list of narratives, or the search query's `field:value` filters.
 */
export type Completes = 'files' | 'actors' | 'narratives' | 'narrative-list' | 'query';

export interface FlagSpec {
  /** the long name, without the dashes (`max-file-size`; the module reads `maxFileSize`) */
  name: string;
  /** a one-letter short name */
  alias?: string;
  type: 'string' | 'boolean';
  /** a whole number, 0 or more (`--limit`), or a size such as 512MB (`--max-file-size`) */
  value?: 'count' | 'size';
  /** may be given more than once; the values are collected */
  array?: boolean;
  choices?: readonly string[];
  default?: string | boolean;
  /** a value flag that yargs lets go without a value (then its choices decide); default false */
  valueOptional?: boolean;
  describe: string;
  completes?: Completes;
}

export interface PositionalSpec {
  name: string;
  describe: string;
  /** `<name..>` / `[name..]`: every remaining word */
  array?: boolean;
  /** `<name>`: must be given */
  required?: boolean;
  choices?: readonly string[];
  completes?: Completes;
}

/** What a command module exports. */
export interface CommandModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run(args: any, session: Session): Promise<number>;
}

export interface CommandSpec {
  /** the word typed; '$0' for the default command (the dashboard) */
  name: string;
  describe: string;
  positionals: PositionalSpec[];
  flags: FlagSpec[];
  /** [command line, $0 standing for the program, what it does] */
  examples: [string, string][];
  epilog?: string;
  /** said when a required positional is missing */
  missing?: string;
  /** parsed without yargs when every word on the line is understood (search, the dashboard) */
  fast?: boolean;
  load(): Promise<CommandModule>;
}

export const GLOBAL_FLAGS: FlagSpec[] = [
  {
    name: 'data',
    type: 'string',
    array: true,
    describe: 'corpus file or folder (.json corpus files, .txt articles); repeat for more [default: the bundled data]',
    completes: 'files',
  },
  { name: 'format', alias: 'f', type: 'string', choices: FORMATS, default: 'text', valueOptional: true, describe: 'output format' },
  { name: 'limit', alias: 'n', type: 'string', value: 'count', describe: 'print at most N results' },
  // the default is added to the description where the limit is known (program.ts)
  { name: 'max-file-size', type: 'string', value: 'size', describe: 'the largest file to read, e.g. 512MB or 1GB' },
];

/** Flags yargs adds to every command. */
export const BUILTIN_FLAGS: FlagSpec[] = [
  { name: 'help', alias: 'h', type: 'boolean', describe: 'Show help' },
  { name: 'version', alias: 'V', type: 'boolean', describe: 'Show version number' },
];

export const SYNTAX_HELP = `Query syntax (as fzf; case and accents are ignored):
  colour revolution    all words must match, each in any field
                       (quote, speaker, aliases, role, narrative, topic)
  sigh | relief        either word (| binds tighter than a space)
  'exact               an exact substring, no typos
  ^start  end$  =all   a field starts with, ends with, or is exactly
  !word                leave out quotes where any field contains the word
  "sigh of relief"     an exact phrase
  speaker:NAME  narrative:NAME  article:TITLE  outlet:NAME
  kind:direct|indirect|term  date:2026-01  date:2026-01-10..2026-01-14
                       filters; quote values with spaces: speaker:"donald trump";
                       negate with !: !speaker:trump; a name with a typo is read
                       as the closest name (and said on stderr)`;

export const COMMANDS: CommandSpec[] = [
  {
    name: '$0',
    describe: 'Open the dashboard (quotes, actors, narratives, timeline)',
    positionals: [],
    flags: [
      { name: 'search', alias: 's', type: 'string', describe: 'pre-fill the quote search (printed with --print)' },
      { name: 'pane', type: 'string', choices: PANES, describe: 'open this pane' },
      { name: 'actor', type: 'string', describe: 'open this actor’s profile (name, alias or id)', completes: 'actors' },
      { name: 'compare', type: 'string', array: true, describe: 'compare narratives: A,B[,C...] (labels, parts of labels or ids)', completes: 'narrative-list' },
      { name: 'print', type: 'boolean', describe: 'print the results of --search/--actor/--compare/--pane and exit (as fzf --filter)' },
    ],
    examples: [
      ['$0', 'the dashboard on the bundled data'],
      ['$0 -s "colour revolution"', 'open with the search filled in'],
      ['$0 --actor zakharova', 'open on Mariya Zakharova’s profile'],
      ['$0 --compare colour,home-grown', 'open two narratives side by side'],
      ['$0 -s speaker:smagin --print', 'print instead (as when piped)'],
      ['$0 --data my-corpus/', 'your own files or folders (repeat --data)'],
    ],
    epilog:
      'Keys in the dashboard: / search, ? help, q quit, Tab and 1-4 panes, ↑↓ or j/k move, Enter open, Esc back.\nWhen stdin or stdout is not a terminal nothing is drawn: the flags print, as with --print.',
    fast: true,
    load: () => import('./commands/dashboard.js'),
  },
  {
    name: 'search',
    describe: 'Search the quotes and print them (the dashboard’s search)',
    positionals: [{ name: 'query', required: true, describe: 'the query ("" for every quote)', completes: 'query' }],
    flags: [{ name: 'sort', type: 'string', choices: SORT_KEYS, default: 'relevance', describe: 'order of the results (date: oldest first, undated last)' }],
    examples: [
      ['$0 search "colour revolution"', 'Zakharova’s quote (the text says "color")'],
      ['$0 search speaker:trump', 'everything Trump is quoted as saying'],
      ['$0 search kind:term', 'the scare-quoted terms'],
      ['$0 search "sigh of relief" -f csv', 'for a spreadsheet'],
      ['$0 search "" --sort date', 'every quote, oldest first'],
    ],
    epilog: `${SYNTAX_HELP}\n\nFor scripts:\n  ${PROG} search "'reform speaker:markov" --format json | jq -r '.[].text'\n\nJSON/NDJSON fields: id, kind, text, speaker (actor id), speakerName, article, articleTitle, paragraph, span {start,end} (code points, end exclusive), channel, when, narratives, topics, score (0 best), matches.\n\nExit status: 0 quotes found, 1 none, 2 bad query or data.`,
    missing: `search needs a query, e.g. ${PROG} search "colour revolution" ("" prints every quote)`,
    fast: true,
    load: () => import('./commands/search.js'),
  },
  {
    name: 'actors',
    describe: 'List the actors, or show one actor’s profile, quotes and narratives',
    positionals: [{ name: 'name', describe: 'an actor’s name, alias or id (part of one is enough when it is unique)', completes: 'actors' }],
    flags: [],
    examples: [
      ['$0 actors', 'everyone, most quoted first'],
      ['$0 actors zakharova', 'Mariya Zakharova’s profile and quotes'],
      ['$0 actors "foreign ministry" -f json', 'the Russian Foreign Ministry as JSON'],
    ],
    epilog: 'An unknown or ambiguous name lists the closest actors and exits 2.',
    load: () => import('./commands/actors.js'),
  },
  {
    name: 'narratives',
    describe: 'List the competing narratives (or one, with its position on each question)',
    positionals: [{ name: 'name', describe: 'a narrative’s label (or part of it), key term or id', completes: 'narratives' }],
    flags: [],
    examples: [
      ['$0 narratives', 'labels, summaries, proponents, key terms'],
      ['$0 narratives colour', 'one narrative and its answer to each question'],
      ['$0 narratives --format markdown', 'a table for a report'],
    ],
    load: () => import('./commands/narratives.js'),
  },
  {
    name: 'compare',
    describe: 'Put two or more narratives side by side, a row per question',
    positionals: [{ name: 'narratives', required: true, array: true, describe: 'narrative labels (or parts, key terms, ids); two or more', completes: 'narratives' }],
    flags: [],
    examples: [
      ['$0 compare colour home-grown', 'the Kremlin line against the grievances story'],
      ['$0 compare colour us -f markdown', 'the grid for a report'],
    ],
    epilog:
      'Three or more: narrative-lens compare n-foreign-hand n-popular-uprising n-us-intervention\n\nEach cell: the narrative’s stance, its position, and its strongest quote with the speaker.\n[agree]/[conflict]: same/different stance as another chosen narrative; [contested]/[unverified]: the claim’s status and who says so; [silent]: no position. Questions on which all are silent are left out.',
    missing: `compare needs two or more narratives, e.g. ${PROG} compare "colour revolution" home-grown`,
    load: () => import('./commands/compare.js'),
  },
  {
    name: 'timeline',
    describe: 'The events in date order, with the date as written and as resolved',
    positionals: [],
    flags: [],
    examples: [
      ['$0 timeline', 'from the 2024 fall of Assad to the protests'],
      ['$0 timeline -f markdown', 'a table for a report'],
    ],
    epilog:
      'For scripts: narrative-lens timeline --format json | jq \'.[] | {date: .when.date, label}\'\n\nUndated events come last. A date marked ~ (text) or "inferred" was resolved from context; the reason is given.',
    load: () => import('./commands/timeline.js'),
  },
  {
    name: 'validate',
    describe: 'Check corpus files (schema, references, spans): print a summary, or every problem',
    positionals: [{ name: 'paths', array: true, describe: 'files or folders [default: --data, else the bundled data]', completes: 'files' }],
    flags: [],
    examples: [
      ['$0 validate', 'the bundled data'],
      ['$0 validate my-corpus/', 'your own files or folders'],
    ],
    epilog:
      'JSON (--format json): {ok, summary} or {ok: false, problems: [{file, where, message}]}.\nExit status: 0 valid, 2 problems (each as FILE: WHERE: MESSAGE, WHERE a JSON path or line and column).',
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'completion',
    describe: 'Print the bash or zsh completion script (commands, flags, actor and narrative names)',
    positionals: [{ name: 'shell', choices: SHELLS, describe: 'the shell [default: from $SHELL]' }],
    flags: [],
    examples: [
      ['$0 completion bash >> ~/.bashrc', 'bash: completes on the next shell'],
      ['$0 completion zsh > _narrative-lens', 'zsh: put it in a folder on $fpath'],
      ['source <($0 completion)', 'try it in this shell'],
    ],
    load: () => import('./commands/completion.js'),
  },
  {
    name: 'extract',
    describe: 'Draft a corpus file from a raw article: quotes, speakers, actors (JSON, marked as a draft)',
    positionals: [{ name: 'file', required: true, describe: 'a UTF-8 text file, or - for standard input', completes: 'files' }],
    flags: [
      { name: 'title', type: 'string', describe: 'the headline [default: the first line when it looks like one]' },
      { name: 'outlet', type: 'string', describe: 'the publication' },
      { name: 'date', type: 'string', describe: 'publication date, YYYY-MM-DD (resolves "on Tuesday")' },
      { name: 'url', type: 'string', describe: 'where the article was published' },
      { name: 'out', alias: 'o', type: 'string', describe: 'write the draft to this file (atomically) instead of stdout', completes: 'files' },
      { name: 'force', type: 'boolean', default: false, describe: 'overwrite --out if it exists' },
    ],
    examples: [
      ['$0 extract article.txt --date 2026-01-14 > draft.json', 'a draft on stdout'],
      ['pbpaste | $0 extract - --outlet "Al Jazeera" -o draft.json', 'from standard input to a file'],
    ],
    epilog:
      'Every quote carries attribution {rule, confidence}: how its speaker was found. Check the draft, then load it with --data.\n' +
      'Exit status: 0 written, 2 error (one line on stderr).',
    load: () => import('./commands/extract.js'),
  },
  {
    name: 'ingest',
    describe: 'Bring articles in: files and folders of .txt, .md and saved .html pages, one corpus file each',
    positionals: [{ name: 'paths', array: true, required: true, describe: 'article files or folders (walked recursively)', completes: 'files' }],
    flags: [
      { name: 'out', alias: 'o', type: 'string', describe: 'the corpus folder to write (created; running again updates it)', completes: 'files' },
      { name: 'workers', alias: 'j', type: 'string', value: 'count', describe: 'extraction threads [default: one per core]' },
    ],
    examples: [
      ['$0 ingest ~/saved-pages ~/notes/*.md --out ~/corpus', 'web pages and Markdown into a corpus folder'],
      ['$0 ingest ~/saved-pages --out ~/corpus && $0 --data ~/corpus', 'then open it'],
      ['$0 ingest ~/saved-pages --out ~/corpus -f json | jq .failures', 'the summary for scripts'],
    ],
    epilog:
      'Web pages: the article body by Readability; title, outlet, author, date, address and language from JSON-LD, Open Graph and meta tags, each marked stated or inferred. ' +
      'Text and Markdown: a YAML or "key: value" header is metadata. An articles.json list beside the files ({"file", "title", "outlet", "url", "published"}) adds metadata.\n' +
      'Running again extracts only new and changed files and reports removed ones. Actors found in several articles, or under several spellings, are merged (evidence and proposed merges in DIR/.ingest/manifest.json).\n' +
      'Exit status: 0 all ingested, 1 nothing to ingest, 2 error (a file that failed is listed with its reason; the others are ingested).',
    missing: 'no articles given: name files or folders of .txt, .md or .html',
    load: () => import('./commands/ingest.js'),
  },
  {
    name: 'export',
    describe: 'Export for other tools: a REFI-QDA project (.qdpx), a STIX 2.1 bundle, an ATT&CK Navigator layer',
    positionals: [],
    flags: [
      // the global --format's choices are for printing; these are what export writes (the module checks)
      { name: 'format', type: 'string', choices: EXPORT_FORMATS, describe: 'qdpx (QualCoder, NVivo, ATLAS.ti, MAXQDA), stix (OpenCTI, MISP), navigator (DISARM layer) [default: from --out’s name]' },
      { name: 'out', alias: 'o', type: 'string', describe: 'write to this file (atomically; - for stdout) [stix and navigator default: stdout]', completes: 'files' },
      { name: 'force', type: 'boolean', default: false, describe: 'overwrite --out if it exists' },
      { name: 'title', type: 'string', describe: 'the project’s name [default: the study’s title, or the article’s]' },
      { name: 'user', type: 'string', describe: 'the coder named in a .qdpx [default: narrative-lens]' },
    ],
    examples: [
      ['$0 export --format qdpx --out iran.qdpx', 'open it in QualCoder, NVivo, ATLAS.ti or MAXQDA'],
      ['$0 export --format stix > iran.stix.json', 'reports, identities, narratives, quotes as notes, DISARM techniques'],
      ['$0 export --format navigator -o iran.layer.json', 'the DISARM techniques as an ATT&CK Navigator layer'],
    ],
    epilog:
      'qdpx: articles as plain-text sources (UTF-8, LF line ends, positions in code points), narratives as codes with their colours and summaries, quotes as coded selections, actors as cases with variables, memos as notes. Import it back with: narrative-lens import FILE.qdpx.\n' +
      'stix: ids are UUIDv5 of the study’s ids, so exports of the same study merge. navigator: load DISARM’s STIX bundle as the Navigator’s custom data.\n' +
      'Exit status: 0 written, 2 error (one line on stderr).',
    load: () => import('./commands/export.js'),
  },
  {
    name: 'import',
    describe: 'Bring a REFI-QDA project (.qdpx) back: its codes as narratives, its coded passages as quotes',
    positionals: [{ name: 'file', required: true, describe: 'a .qdpx from QualCoder, NVivo, ATLAS.ti, MAXQDA or narrative-lens', completes: 'files' }],
    flags: [
      { name: 'out', alias: 'o', type: 'string', describe: 'write the corpus file here (atomically) [default: stdout]', completes: 'files' },
      { name: 'force', type: 'boolean', default: false, describe: 'overwrite --out if it exists' },
    ],
    examples: [
      ['$0 import coded.qdpx -o coded.json', 'a corpus file: open it with --data coded.json'],
      ['$0 import iran.qdpx --data data/ -o back.json', 'what narrative-lens exported comes back with its ids'],
    ],
    epilog: 'Positions are code points into the project’s plain texts (ATLAS.ti’s CRLF counted as one). What cannot be taken (a selection outside its text, a code applied to a whole source) is named on stderr.\nExit status: 0 imported, 1 no text in the project, 2 error.',
    missing: `import needs a .qdpx file, e.g. ${PROG} import coded.qdpx -o coded.json`,
    load: () => import('./commands/import.js'),
  },
  {
    name: 'report',
    describe: 'Write a report: the comparison, the timeline, who advances what, every quote in its paragraph (HTML or Markdown)',
    positionals: [],
    flags: [
      { name: 'format', type: 'string', choices: REPORT_FORMATS, describe: 'html (one self-contained page) or markdown [default: html, or markdown for a .md file]' },
      { name: 'out', alias: 'o', type: 'string', describe: 'write to this file (atomically) [default: stdout]', completes: 'files' },
      { name: 'force', type: 'boolean', default: false, describe: 'overwrite --out if it exists' },
      { name: 'compare', type: 'string', array: true, describe: 'the narratives to compare: A,B[,C...] [default: every narrative with a position]', completes: 'narrative-list' },
      { name: 'title', type: 'string', describe: 'the report’s title [default: the study’s title, or the article’s]' },
    ],
    examples: [
      ['$0 report --out iran.html', 'open it in any browser, print it, send it'],
      ['$0 report --compare colour,home-grown -o two.html', 'two narratives side by side'],
      ['$0 report --format markdown > iran.md', 'the same report as Markdown'],
    ],
    epilog: 'The HTML page has no script and loads nothing from the network; text from the data is shown, never run.\nExit status: 0 written, 2 error.',
    load: () => import('./commands/report.js'),
  },
  {
    name: 'techniques',
    describe: 'Find DISARM techniques by id or words (for tagging narratives)',
    positionals: [{ name: 'query', describe: 'an id (T0022, t22.1) or words (conspiracy, diplomatic) [default: list them all]' }],
    flags: [],
    examples: [
      ['$0 techniques conspiracy', 'T0022 Leverage Conspiracy Theory Narratives, …'],
      ['$0 techniques T0022 -f json', 'the technique and its sub-techniques'],
    ],
    epilog: 'DISARM Framework © DISARM Foundation, CC BY-SA 4.0.\nExit status: 0 found, 1 none.',
    load: () => import('./commands/techniques.js'),
  },
];

/** The default command (the dashboard). */
export const DEFAULT_COMMAND = COMMANDS.find((c) => c.name === '$0')!;

/** The commands typed by name, in the order completion and hints list them. */
export const NAMED_COMMANDS = COMMANDS.filter((c) => c.name !== '$0');

export function commandNamed(name: string | undefined): CommandSpec | undefined {
  return name === undefined ? undefined : NAMED_COMMANDS.find((c) => c.name === name);
}

/** Every flag a command accepts: its own, then the global ones. */
export function flagsOf(cmd: CommandSpec): FlagSpec[] {
  return [...cmd.flags, ...GLOBAL_FLAGS];
}

/** Every flag's long name (for "did you mean --format?"). */
export const ALL_FLAG_NAMES: string[] = [...new Set([...GLOBAL_FLAGS, ...BUILTIN_FLAGS, ...COMMANDS.flatMap((c) => c.flags)].map((f) => f.name))];

/** `--max-file-size` → `maxFileSize`: the key a module reads. */
export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The yargs command string: `search <query>`, `actors [name]`, `compare <narratives..>`. */
export function usageOf(cmd: CommandSpec): string {
  return [cmd.name, ...cmd.positionals.map((p) => (p.required ? `<${p.name}${p.array ? '..' : ''}>` : `[${p.name}${p.array ? '..' : ''}]`))].join(' ');
}
