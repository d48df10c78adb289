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
  { name: 'study', type: 'string', describe: 'open this study: its sources with the analyst’s narratives, codings, positions and corrections', completes: 'files' },
];

/** The order of a list of quotes: one flag, one meaning (core/search/sort.ts), wherever quotes are listed. */
const sortFlag = (relevance: string): FlagSpec => ({
  name: 'sort',
  type: 'string',
  choices: SORT_KEYS,
  default: 'relevance',
  describe: `order of the quotes: relevance (${relevance}), date (oldest first, undated last), speaker (by name), article (by title, then text order)`,
});

/** Flags of every command that edits a study. */
const EDIT_FLAGS: FlagSpec[] = [
  { name: 'author', type: 'string', describe: 'who makes the edit, for the study’s history [default: the login name]' },
  { name: 'dry-run', type: 'boolean', describe: 'show what would change, and change nothing' },
];

const STUDY_EPILOG =
  'Every edit is saved at once (atomically) into the study given with --study, with who and when; undo it with: narrative-lens undo --study S.\n' +
  'If the study changed on disk since it was read, the edit is merged; if the same things changed there, nothing is overwritten: your study is kept beside it and the conflict named (exit 2).\n' +
  'Exit status: 0 done (or shown, with --dry-run), 2 refused (one line saying why).';

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
    // `narrative-lens STUDY.json` is read as `--study STUDY.json` (run.ts), so that a mistyped
    // command stays an unknown command rather than a missing study
    positionals: [],
    flags: [
      { name: 'search', alias: 's', type: 'string', describe: 'pre-fill the quote search (printed with --print)' },
      { name: 'pane', type: 'string', choices: PANES, describe: 'open this pane' },
      { name: 'actor', type: 'string', describe: 'open this actor’s profile (name, alias or id)', completes: 'actors' },
      { name: 'compare', type: 'string', array: true, describe: 'compare narratives: A,B[,C...] (labels, parts of labels or ids)', completes: 'narrative-list' },
      { name: 'print', type: 'boolean', describe: 'print the results of --search/--actor/--compare/--pane and exit (as fzf --filter)' },
      sortFlag('best match first; in the dashboard s changes it'),
    ],
    examples: [
      ['$0', 'the dashboard on the bundled data'],
      ['$0 -s "colour revolution"', 'open with the search filled in'],
      ['$0 --actor zakharova', 'open on Mariya Zakharova’s profile'],
      ['$0 --compare colour,home-grown', 'open two narratives side by side'],
      ['$0 -s speaker:smagin --print', 'print instead (as when piped)'],
      ['$0 --data my-corpus/', 'your own files or folders (repeat --data)'],
      ['$0 study.json', 'a study (made with init): its sources and your work'],
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
    flags: [sortFlag('best match first')],
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
    flags: [sortFlag('as in the articles')],
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
      { name: 'out', alias: 'o', type: 'string', describe: 'write the draft to this file (atomically; - for stdout) instead of stdout', completes: 'files' },
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
    name: 'init',
    describe: 'Create a study: a file for your own work (narratives, codings, positions, corrections) on sources it names',
    positionals: [{ name: 'file', required: true, describe: 'the new study file (.json); never replaces one that exists', completes: 'files' }],
    flags: [
      { name: 'title', type: 'string', describe: 'the study’s title [default: the file name]' },
      { name: 'author', type: 'string', describe: 'who creates it [default: the login name]' },
    ],
    examples: [
      ['$0 init study.json --data article.txt', 'a study of one raw article (extracted as a draft)'],
      ['$0 init iran.json --data corpus/ --data notes.json', 'of folders and corpus files'],
    ],
    epilog: 'The sources are named by paths relative to the study file, with the hash of their bytes; they are never modified.\nThen: narrative-lens iran.json (the dashboard), or any command with --study iran.json.\nExit status: 0 created, 2 refused (the file exists, or a source does not load).',
    missing: `init needs the new study's file name, e.g. ${PROG} init study.json --data article.txt`,
    load: () => import('./commands/init.js'),
  },
  {
    name: 'narrative',
    describe: 'Create, rename, edit or delete a narrative of the study',
    positionals: [
      { name: 'action', required: true, choices: ['create', 'rename', 'edit', 'delete'], describe: 'what to do' },
      { name: 'words', array: true, describe: 'create LABEL | rename NARRATIVE LABEL | edit NARRATIVE | delete NARRATIVE', completes: 'narratives' },
    ],
    flags: [
      { name: 'summary', type: 'string', describe: 'what the narrative says, in a sentence' },
      { name: 'key-term', type: 'string', array: true, describe: 'a key term or frame (repeat for more)' },
      { name: 'colour', type: 'string', describe: 'orange, sky, green, yellow, blue, red, purple, grey… or #rrggbb' },
      { name: 'technique', type: 'string', array: true, describe: 'a DISARM technique id, e.g. T0022.001 (repeat for more)' },
      ...EDIT_FLAGS,
    ],
    examples: [
      ['$0 narrative create "Colour revolution" --summary "The West stirs the unrest" --study s.json', 'a new narrative'],
      ['$0 narrative rename colour "Western-backed colour revolution" --study s.json', 'by label (or part of it) or id'],
      ['$0 narrative edit colour --key-term "color revolution" --colour red --study s.json', 'key terms, colour, summary, techniques'],
      ['$0 narrative delete colour --study s.json', 'with its codings and positions (undo brings them back)'],
    ],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/narrative.js'),
  },
  {
    name: 'code',
    describe: 'Code every quote a search finds to a narrative (try --dry-run first)',
    positionals: [{ name: 'query', required: true, describe: 'the search, as in narrative-lens search', completes: 'query' }],
    flags: [{ name: 'narrative', type: 'string', describe: 'the narrative (label, part of one, or id)', completes: 'narratives' }, ...EDIT_FLAGS],
    examples: [
      ['$0 code "color revolution" --narrative colour --study s.json --dry-run', 'what would be coded'],
      ['$0 code "speaker:zakharova" --narrative colour --study s.json', 'every quote of one speaker'],
    ],
    epilog: `${SYNTAX_HELP}\n\n${STUDY_EPILOG}`,
    missing: `code needs a query and --narrative, e.g. ${PROG} code "color revolution" --narrative colour --study s.json`,
    load: () => import('./commands/code.js'),
  },
  {
    name: 'uncode',
    describe: 'Take every quote a search finds off a narrative (codings this study made)',
    positionals: [{ name: 'query', required: true, describe: 'the search, as in narrative-lens search', completes: 'query' }],
    flags: [{ name: 'narrative', type: 'string', describe: 'the narrative (label, part of one, or id)', completes: 'narratives' }, ...EDIT_FLAGS],
    examples: [['$0 uncode "sigh of relief" --narrative colour --study s.json', 'take one quote off']],
    epilog: STUDY_EPILOG,
    missing: `uncode needs a query and --narrative, e.g. ${PROG} uncode "sigh of relief" --narrative colour --study s.json`,
    load: () => import('./commands/uncode.js'),
  },
  {
    name: 'memo',
    describe: 'Write a memo on a quote, an actor, a narrative, a position, an article or the study',
    positionals: [{ name: 'text', required: true, describe: 'the memo' }],
    flags: [
      { name: 'on', type: 'string', describe: 'quote:ID, actor:NAME, narrative:NAME, position:ID, article:ID or study' },
      ...EDIT_FLAGS,
    ],
    examples: [
      ['$0 memo "Second-hand: an embassy cable" --on quote:art.q003 --study s.json', 'on a quote (ids: search -f json)'],
      ['$0 memo "Left Russia in 2022" --on actor:smagin --study s.json', 'on an actor'],
    ],
    epilog: STUDY_EPILOG,
    missing: `memo needs its text and --on, e.g. ${PROG} memo "check this" --on actor:smagin --study s.json`,
    load: () => import('./commands/memo.js'),
  },
  {
    name: 'correct',
    describe: 'Correct the draft: a quote’s speaker or kind, reject a false quote, add a missed one',
    positionals: [
      { name: 'what', required: true, choices: ['speaker', 'kind', 'reject', 'add-quote'], describe: 'what to correct' },
      { name: 'words', array: true, describe: 'speaker QUOTE ACTOR | kind QUOTE KIND | reject QUOTE | add-quote ARTICLE WORDS' },
    ],
    flags: [
      { name: 'new-actor', type: 'string', choices: ['person', 'organisation', 'state', 'outlet', 'group'], describe: 'speaker: create the actor, of this kind' },
      { name: 'reason', type: 'string', describe: 'reject: why the quote is false' },
      { name: 'kind', type: 'string', choices: QUOTE_KINDS, describe: 'add-quote: the new quote’s kind' },
      { name: 'speaker', type: 'string', describe: 'add-quote: who said it (name, alias or id)', completes: 'actors' },
      { name: 'occurrence', type: 'string', value: 'count', describe: 'add-quote: which occurrence of the words (1, 2, …) when they occur more than once' },
      ...EDIT_FLAGS,
    ],
    examples: [
      ['$0 correct speaker art.q050 markov --study s.json', 'give a quote to another actor'],
      ['$0 correct speaker art.q050 "Irina Petrova" --new-actor person --study s.json', 'to an actor the draft missed'],
      ['$0 correct kind art.q052 term --study s.json', 'direct, indirect or term'],
      ['$0 correct reject art.q042 --reason "an adjective in quotation marks" --study s.json', 'a false quote'],
      ['$0 correct add-quote ARTICLE "has not commented on the protests" --kind indirect --speaker putin --study s.json', 'found by its words, never by offsets'],
    ],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/correct.js'),
  },
  {
    name: 'review',
    describe: 'Mark a draft article reviewed (its draft flag is cleared in the study)',
    positionals: [{ name: 'article', required: true, describe: 'the article id' }],
    flags: [...EDIT_FLAGS],
    examples: [['$0 review the-kremlin-is-confident-43ab9228 --study s.json', 'after checking its quotes']],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/review.js'),
  },
  {
    name: 'merge-actors',
    describe: 'Merge two actors: the first one’s aliases join the second, and every quote and mention moves',
    positionals: [
      { name: 'from', required: true, describe: 'the actor merged away (name, alias or id)', completes: 'actors' },
      { name: 'into', required: true, describe: 'the actor kept', completes: 'actors' },
    ],
    flags: [...EDIT_FLAGS],
    examples: [['$0 merge-actors "foreign ministry spokeswoman" zakharova --study s.json', 'one person found twice']],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/merge-actors.js'),
  },
  {
    name: 'alignment',
    describe: 'Set an actor’s alignment with the reason for it (or clear it)',
    positionals: [
      { name: 'actor', required: true, describe: 'the actor (name, alias or id)', completes: 'actors' },
      { name: 'label', describe: 'the alignment, e.g. pro-Kremlin' },
    ],
    flags: [{ name: 'reason', type: 'string', describe: 'why (required with a label)' }, { name: 'clear', type: 'boolean', describe: 'remove the alignment' }, ...EDIT_FLAGS],
    examples: [['$0 alignment markov pro-Kremlin --reason "the article calls him a pro-Kremlin analyst" --study s.json', '']],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/alignment.js'),
  },
  {
    name: 'question',
    describe: 'Add a question the narratives answer differently (a row of the comparison)',
    positionals: [
      { name: 'action', required: true, choices: ['add'], describe: 'what to do' },
      { name: 'text', required: true, describe: 'the question' },
    ],
    flags: [{ name: 'id', type: 'string', describe: 'its id [default: from the question]' }, ...EDIT_FLAGS],
    examples: [['$0 question add "Who is behind the unrest?" --study s.json', '']],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/question.js'),
  },
  {
    name: 'position',
    describe: 'Set (or remove) a narrative’s position on a question, with its evidence and status',
    positionals: [{ name: 'action', required: true, choices: ['set', 'remove'], describe: 'what to do' }],
    flags: [
      { name: 'narrative', type: 'string', describe: 'the narrative (label, part of one, or id)', completes: 'narratives' },
      { name: 'question', type: 'string', describe: 'the question’s id' },
      { name: 'stance', type: 'string', describe: 'a short answer; narratives with the same stance agree' },
      { name: 'summary', type: 'string', describe: 'the position in a sentence' },
      { name: 'status', type: 'string', choices: ['supported', 'contested', 'unverified'], describe: 'contested: others dispute it; unverified: nobody can confirm it' },
      { name: 'status-by', type: 'string', array: true, describe: 'who contests it or cannot verify it (repeat for more)', completes: 'actors' },
      { name: 'status-note', type: 'string', describe: 'what they say' },
      { name: 'evidence', type: 'string', array: true, describe: 'a quote id coded to the narrative, strongest first (repeat for more)' },
      ...EDIT_FLAGS,
    ],
    examples: [
      ['$0 position set --narrative colour --question x-who --stance foreign --summary "The West" --evidence art.q010 --study s.json', ''],
      ['$0 position set --narrative foreign --question x-toll --stance low --summary "100 died" --status unverified --status-by al-jazeera --study s.json', 'a claim nobody can verify'],
    ],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/position.js'),
  },
  {
    name: 'undo',
    describe: 'Take back the study’s latest edit (kept in the study: works after a restart)',
    positionals: [],
    flags: [...EDIT_FLAGS],
    examples: [['$0 undo --study s.json', '']],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/undo.js'),
  },
  {
    name: 'redo',
    describe: 'Bring back the edit undo took back',
    positionals: [],
    flags: [...EDIT_FLAGS],
    examples: [['$0 redo --study s.json', '']],
    epilog: STUDY_EPILOG,
    load: () => import('./commands/redo.js'),
  },
  {
    name: 'history',
    describe: 'The study’s history: every edit, undo and redo, with who and when',
    positionals: [],
    flags: [],
    examples: [
      ['$0 history --study s.json', 'oldest first'],
      ['$0 history --study s.json -f json', 'for scripts (each edit with its changes)'],
    ],
    load: () => import('./commands/history.js'),
  },
  {
    name: 'suggest',
    describe: 'The uncoded quotes most like a narrative’s coded quotes and key terms',
    positionals: [{ name: 'narrative', required: true, describe: 'the narrative (label, part of one, or id)', completes: 'narratives' }],
    flags: [sortFlag('most like the narrative first')],
    examples: [['$0 suggest colour --study s.json -n 5', 'then: narrative-lens code "\'…" --narrative colour']],
    load: () => import('./commands/suggest.js'),
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
      ...EDIT_FLAGS,
    ],
    examples: [
      ['$0 import coded.qdpx --study iran.json --dry-run', 'what coding in another tool would add to the study'],
      ['$0 import coded.qdpx --study iran.json', 'codes as narratives, codings as coded quotes, memos: one edit (undo takes it back)'],
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
    name: 'tag',
    describe: 'Tag a narrative of the study (or the study) with DISARM techniques by id, or mark threat actors',
    positionals: [{ name: 'techniques', array: true, describe: 'DISARM technique ids (T0022.001, t22.1)' }],
    flags: [
      { name: 'narrative', type: 'string', describe: 'the narrative (label, part of one, or id) [default: the study itself]', completes: 'narratives' },
      { name: 'threat-actor', type: 'string', array: true, describe: 'mark an actor of the study as a threat actor (exported as STIX threat-actor); repeat for more', completes: 'actors' },
      { name: 'remove', type: 'boolean', describe: 'take these techniques (or threat actors) off instead' },
      ...EDIT_FLAGS,
    ],
    examples: [
      ['$0 tag T0022.001 T0110 --narrative colour --study iran.json', 'two techniques on a narrative'],
      ['$0 tag T0002 --study iran.json', 'the study as a whole'],
      ['$0 tag T0110 --narrative colour --remove --study iran.json', 'take one off'],
      ['$0 tag --threat-actor zakharova --study iran.json', 'a threat actor in the STIX export'],
    ],
    epilog: `The tags go into export --format stix and --format navigator. Find ids with: ${PROG} techniques WORDS.\n${STUDY_EPILOG}`,
    load: () => import('./commands/tag.js'),
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
