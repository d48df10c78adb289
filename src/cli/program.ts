/**
 * The yargs program: every command, global options, help, version, and errors as one line with
 * a hint. Imported only when the fast path (fast.ts) does not apply, since yargs alone takes
 * longer to load than Node takes to start.
 */
import yargs, { type CommandModule } from 'yargs';
import { PROG, reportError, status } from './context.js';
import { EXIT, UsageError } from './errors.js';
import { globalOptions } from './options.js';
import { actorsCommand } from './commands/actors.js';
import { compareCommand } from './commands/compare.js';
import { completionCommand } from './commands/completion.js';
import { dashboardCommand } from './commands/dashboard.js';
import { narrativesCommand } from './commands/narratives.js';
import { searchCommand } from './commands/search.js';
import { timelineCommand } from './commands/timeline.js';
import { validateCommand } from './commands/validate.js';
import { extractCommand } from './commands/extract.js';
import { version } from './version.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<any, any>;

const KNOWN_FLAGS = ['data', 'format', 'limit', 'help', 'version', 'search', 'pane', 'actor', 'compare', 'print', 'title', 'outlet', 'date', 'url', 'out', 'force', 'max-file-size'];

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const COMMANDS = ['search', 'actors', 'narratives', 'compare', 'timeline', 'validate', 'completion', 'extract'];

function closest(word: string, pool: readonly string[]): string | undefined {
  const best = pool.map((f) => ({ f, d: editDistance(word, f) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(word.length / 3)) ? best.f : undefined;
}

/** yargs' message, made one line, lower-case after our prefix, with a hint. */
function explain(msg: string, argv: readonly string[], command: string | undefined): UsageError {
  const help = `${PROG}${command ? ` ${command}` : ''} --help`;
  const unknown = /^Unknown arguments?: (.*)$/s.exec(msg);
  if (unknown) {
    const words = unknown[1]!.split(',').map((w) => w.trim());
    for (const w of words) {
      const asFlag = argv.find((a) => a.replace(/^-+/, '').replace(/=.*$/s, '') === w && a.startsWith('-'));
      if (asFlag) {
        const meant = closest(w, KNOWN_FLAGS);
        return new UsageError(`unknown option ${asFlag.replace(/=.*$/s, '')}`, meant ? `did you mean --${meant}? See: ${help}` : `see: ${help}`);
      }
    }
    if (!command) {
      const meant = closest(words[0]!, COMMANDS);
      return new UsageError(
        `unknown command "${words[0]}"`,
        meant ? `did you mean ${PROG} ${meant}? See: ${PROG} --help` : `commands: ${COMMANDS.slice(0, 7).join(', ')}; see: ${PROG} --help`,
      );
    }
    return new UsageError(`unexpected argument${words.length > 1 ? 's' : ''}: ${words.join(', ')}`, `quote a query or name with spaces; see: ${help}`);
  }
  const invalid = /^Invalid values:\s*Argument: (\S+), Given: (.*?), Choices: (.*)$/s.exec(msg);
  if (invalid) {
    const what = KNOWN_FLAGS.includes(invalid[1]!) ? `for --${invalid[1]}` : `(${invalid[1]})`;
    return new UsageError(`invalid value ${invalid[2]} ${what}`, `choose one of ${invalid[3]!.replace(/"/g, '')}`);
  }
  if (/^Not enough non-option arguments/.test(msg)) {
    const needs: Record<string, string> = {
      search: `search needs a query, e.g. ${PROG} search "colour revolution" ("" prints every quote)`,
      compare: `compare needs two or more narratives, e.g. ${PROG} compare "colour revolution" home-grown`,
    };
    return new UsageError(needs[command ?? ''] ?? recase(msg), `see: ${help}`);
  }
  const following = /^Not enough arguments following: (\S+)$/.exec(msg);
  if (following) {
    const f = following[1]!;
    return new UsageError(`${f.length === 1 ? '-' : '--'}${f} needs a value`, `see: ${help}`);
  }
  return new UsageError(recase(msg), `see: ${help}`);
}

export async function runProgram(argv: string[]): Promise<number> {
  status.code = EXIT.found;
  const width = process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 110) : 100;
  const y = globalOptions(yargs(argv))
    .scriptName(PROG)
    .usage(`${PROG}: quotes, actors and competing narratives in news coverage\n\nUsage: $0 [command] [options]`)
    .command(dashboardCommand as AnyCommand)
    .command(searchCommand as AnyCommand)
    .command(actorsCommand as AnyCommand)
    .command(narrativesCommand as AnyCommand)
    .command(compareCommand as AnyCommand)
    .command(timelineCommand as AnyCommand)
    .command(validateCommand as AnyCommand)
    .command(extractCommand as AnyCommand)
    .command(completionCommand as AnyCommand)
    .strict()
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(version())
    .alias('version', 'V')
    .wrap(width)
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((msg, err) => {
      // A handler's error passes through; yargs' own validation becomes a UsageError.
      if (err && err.name !== 'YError') throw err;
      throw new UsageError(msg ?? err?.message ?? 'invalid usage');
    });
  try {
    await y.parseAsync();
    return status.code;
  } catch (err) {
    if (err instanceof UsageError && err.hint === undefined) {
      const command = argv.find((a) => !a.startsWith('-'));
      return reportError(explain(err.message, argv, command && COMMANDS.includes(command) ? command : undefined));
    }
    return reportError(err);
  }
}

/** yargs messages start with a capital; ours are lower-case after the program name. */
function recase(s: string): string {
  return s.replace(/\n+/g, '; ').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}
