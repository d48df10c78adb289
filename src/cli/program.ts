/**
 * The yargs program, built from the spec (spec.ts): every command, global options, help, version,
 * and errors as one line with a hint. Imported only when the fast path (fast.ts) does not apply,
 * since yargs alone takes longer to load than Node takes to start.
 */
import yargs, { type Argv, type Options } from 'yargs';
import { DEFAULT_MAX_FILE_BYTES } from '../core/corpus/load.js';
import { formatSize } from '../core/corpus/size.js';
import { nearestNames } from '../core/search/names.js';
import { EXIT, reportError, UsageError } from './errors.js';
import { coerceCount, parseMaxFileSize } from './options.js';
import type { Session } from './session.js';
import { ALL_FLAG_NAMES, commandNamed, COMMANDS, flagsOf, GLOBAL_FLAGS, NAMED_COMMANDS, PROG, usageOf, type CommandSpec, type FlagSpec } from './spec.js';
import { version } from './version.js';

/** A flag of the spec as yargs wants it. */
function yargsOption(f: FlagSpec, global: boolean): Options {
  const o: Options = { describe: f.describe };
  if (f.name === 'max-file-size') o.describe = `${f.describe} [default: ${formatSize(DEFAULT_MAX_FILE_BYTES)}]`;
  if (f.alias) o.alias = f.alias;
  // a flag with choices shows them instead of its type, as yargs does when no type is given
  if (!f.choices) o.type = f.type;
  if (f.value === 'size') o.coerce = parseMaxFileSize;
  if (f.value === 'count') o.coerce = coerceCount(f.name);
  if (f.array) o.array = true;
  if (f.choices) o.choices = f.choices as string[];
  if (f.default !== undefined) o.default = f.default;
  if (f.type !== 'boolean' && !f.valueOptional) o.requiresArg = true;
  if (global) o.global = true;
  return o;
}

/** The yargs builder of one command: its positionals, flags, examples and epilog. */
function builder(cmd: CommandSpec) {
  return (y: Argv) => {
    for (const p of cmd.positionals) {
      y = y.positional(p.name, {
        describe: p.describe,
        ...(p.choices ? { choices: p.choices as string[] } : { type: 'string' as const }),
        ...(p.array ? { array: true } : {}),
        // yargs reads a numeric-looking word as a number ("search 100" → 100): keep the text
        ...(!p.array && !p.choices ? { coerce: (v: unknown) => (v === undefined ? v : String(v)) } : {}),
      });
    }
    for (const f of cmd.flags) y = y.option(f.name, yargsOption(f, false));
    for (const [line, what] of cmd.examples) y = y.example(line, what);
    if (cmd.epilog) y = y.epilog(cmd.epilog);
    return y;
  };
}

/** yargs' message, made one line, lower-case after our prefix, with a hint. */
function explain(msg: string, argv: readonly string[], command: CommandSpec | undefined): UsageError {
  const help = `${PROG}${command ? ` ${command.name}` : ''} --help`;
  const unknown = /^Unknown arguments?: (.*)$/s.exec(msg);
  if (unknown) {
    const words = unknown[1]!.split(',').map((w) => w.trim());
    for (const w of words) {
      const asFlag = argv.find((a) => a.replace(/^-+/, '').replace(/=.*$/s, '') === w && a.startsWith('-'));
      if (asFlag) {
        const typed = asFlag.replace(/=.*$/s, '');
        // another command's option ("actors --out"): say whose it is, never "did you mean --out?"
        const owners = ALL_FLAG_NAMES.includes(w) ? NAMED_COMMANDS.filter((c) => c.flags.some((f) => f.name === w)).map((c) => c.name) : [];
        if (owners.length) return new UsageError(`${typed} is not an option of ${command ? command.name : 'this command'}`, `it belongs to ${owners.join(', ')}; see: ${help}`);
        const own = command ? flagsOf(command).map((f) => f.name) : ALL_FLAG_NAMES;
        const [meant] = nearestNames(w, own).filter((m) => m !== w);
        return new UsageError(`unknown option ${typed}`, meant ? `did you mean --${meant}? See: ${help}` : `see: ${help}`);
      }
    }
    if (!command) {
      const commands = NAMED_COMMANDS.map((c) => c.name);
      const [meant] = nearestNames(words[0]!, commands);
      return new UsageError(
        `unknown command "${words[0]}"`,
        meant ? `did you mean ${PROG} ${meant}? See: ${PROG} --help` : `commands: ${commands.slice(0, 7).join(', ')}; see: ${PROG} --help`,
      );
    }
    return new UsageError(`unexpected argument${words.length > 1 ? 's' : ''}: ${words.join(', ')}`, `quote a query or name with spaces; see: ${help}`);
  }
  const invalid = /^Invalid values:\s*Argument: (\S+), Given: (.*?), Choices: (.*)$/s.exec(msg);
  if (invalid) {
    const what = ALL_FLAG_NAMES.includes(invalid[1]!) ? `for --${invalid[1]}` : `(${invalid[1]})`;
    return new UsageError(`invalid value ${invalid[2]} ${what}`, `choose one of ${invalid[3]!.replace(/"/g, '')}`);
  }
  if (/^Not enough non-option arguments/.test(msg)) {
    return new UsageError(command?.missing ?? recase(msg), `see: ${help}`);
  }
  const following = /^Not enough arguments following: (\S+)$/.exec(msg);
  if (following) {
    const f = following[1]!;
    return new UsageError(`${f.length === 1 ? '-' : '--'}${f} needs a value`, `see: ${help}`);
  }
  return new UsageError(recase(msg), `see: ${help}`);
}

export async function runProgram(argv: string[], session: Session): Promise<number> {
  let code: number = EXIT.found;
  const width = process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 110) : 100;
  let y = yargs(argv);
  for (const f of GLOBAL_FLAGS) y = y.option(f.name, yargsOption(f, true));
  y = y
    .middleware((a) => {
      // read by session.openCorpus, whichever command runs
      session.maxFileBytes = a.maxFileSize as number | undefined;
      session.study = a.study as string | undefined;
    })
    .scriptName(PROG)
    .usage(`${PROG}: quotes, actors and competing narratives in news coverage\n\nUsage: $0 [command] [options]`);
  for (const cmd of COMMANDS) {
    y = y.command(usageOf(cmd), cmd.describe, builder(cmd), async (a) => {
      code = await (await cmd.load()).run(a, session);
    });
  }
  y = y
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
    return code;
  } catch (err) {
    if (err instanceof UsageError && err.hint === undefined) {
      const command = argv.find((a) => !a.startsWith('-'));
      return reportError(explain(err.message, argv, commandNamed(command)));
    }
    return reportError(err);
  }
}

/** yargs messages start with a capital; ours are lower-case after the program name. */
function recase(s: string): string {
  return s.replace(/\n+/g, '; ').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}
