/**
 * The fast path: commands marked `fast` in the spec (`search QUERY` and the dashboard) are parsed
 * here, from the spec, without loading yargs (which alone takes longer to import than Node takes
 * to start). Anything this parser is not sure about (help, unknown flags, a missing or extra
 * positional, a bad value, a flag given twice) returns null, and the full yargs program handles
 * it, with its messages. Both paths call the same command module, and a test checks that they
 * print the same.
 */
import { parseCount, parseMaxFileSize } from './options.js';
import { camel, commandNamed, DEFAULT_COMMAND, flagsOf, type CommandSpec, type FlagSpec } from './spec.js';

export interface FastParse {
  command: CommandSpec;
  args: Record<string, unknown>;
}

/** yargs reads a numeric-looking word as a number ("1e3" → 1000): leave such words to yargs. */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A flag's value as the command receives it, or undefined when it is not one yargs would accept. */
function valueOf(flag: FlagSpec, v: string): unknown {
  if (v === '') return undefined;
  if (flag.choices) return flag.choices.includes(v) ? v : undefined;
  if (flag.value === 'count') return parseCount(v);
  if (flag.value === 'size') {
    try {
      return parseMaxFileSize(v);
    } catch {
      return undefined;
    }
  }
  return v;
}

/** The command line, parsed as yargs would parse it; null when only yargs can say. */
export function parseFast(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): FastParse | null {
  if (env.NARRATIVE_LENS_NO_FAST_PATH) return null;
  const named = commandNamed(argv[0]);
  const command = named ?? (argv[0] === undefined || argv[0].startsWith('-') ? DEFAULT_COMMAND : undefined);
  if (!command?.fast) return null;
  const flags = flagsOf(command);
  const args: Record<string, unknown> = {};
  const words: string[] = [];
  for (let i = named ? 1 : 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    const m = /^(--[\w-]+|-\w)(?:=(.*))?$/s.exec(a);
    const flag = m && flags.find((f) => m[1] === `--${f.name}` || (f.alias !== undefined && m[1] === `-${f.alias}`));
    if (!m || !flag) return null;
    const key = camel(flag.name);
    if (!flag.array && key in args) return null;
    let value: unknown = true;
    if (flag.type === 'boolean') {
      if (m[2] !== undefined) return null;
    } else {
      // written inline (`--data=P`) or as the next word, which must not look like a flag
      let raw = m[2];
      if (raw === undefined) {
        raw = argv[i + 1];
        if (raw === undefined || raw.startsWith('-')) return null;
        i++;
      }
      value = valueOf(flag, raw);
      if (value === undefined) return null;
    }
    args[key] = flag.array ? [...((args[key] as unknown[] | undefined) ?? []), value] : value;
  }
  const positionals = command.positionals;
  if (positionals.some((p) => p.array) || words.length > positionals.length) return null;
  for (const [i, p] of positionals.entries()) {
    const w = words[i];
    if (w === undefined) {
      if (p.required) return null;
      continue;
    }
    if (NUMERIC.test(w)) return null;
    args[camel(p.name)] = w;
  }
  for (const f of flags) if (f.default !== undefined && !(camel(f.name) in args)) args[camel(f.name)] = f.default;
  return { command, args };
}
