/**
 * Shell completion for bash and zsh. `narrative-lens completion [bash|zsh]` prints a script; the
 * script asks `narrative-lens __complete WORDS...` for candidates, one per line, which completes
 * commands, flags, flag values, and the names of the actors and narratives in the corpus
 * (the one --data on the line names, else the bundled data).
 */
import path from 'node:path';
import { fold } from '../../core/search/query.js';
import { isInert } from '../../core/sanitize.js';
import { EXIT, UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { makeSession, type Session } from '../session.js';
import {
  BUILTIN_FLAGS,
  COMMANDS,
  commandNamed,
  DEFAULT_COMMAND,
  flagsOf,
  GLOBAL_FLAGS,
  NAMED_COMMANDS,
  PROG,
  QUOTE_KINDS,
  SHELLS,
  type Completes,
  type FlagSpec,
  type Shell,
} from '../spec.js';

/** A flag as typed: `--name`, and `-x` for its short name. */
const typed = (f: FlagSpec) => [`--${f.name}`, ...(f.alias ? [`-${f.alias}`] : [])];

/** The flags that take a value (the next word is that value, not a command or a name). */
const VALUE_FLAGS = new Set(COMMANDS.flatMap(flagsOf).filter((f) => f.type !== 'boolean').flatMap(typed));

/** The flag a word names (`--format`, `-f`), among those the command line accepts. */
function flagNamed(word: string): FlagSpec | undefined {
  return COMMANDS.flatMap(flagsOf).find((f) => typed(f).includes(word));
}

/** Printed instead of candidates when the shell should complete file names. */
export const FILES = '__files__';

export function bashScript(): string {
  return `###-begin-${PROG}-completions-###
# bash completion for ${PROG}. Install:  ${PROG} completion bash >> ~/.bashrc
_narrative_lens_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" IFS=$'\\n' out c
  out=$("\${COMP_WORDS[0]}" __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ "$out" == "${FILES}" ]]; then
    compopt -o filenames 2>/dev/null
    # read line by line: an unquoted $(...) would glob-expand a name such as * or [a]
    while IFS= read -r c; do COMPREPLY+=( "$c" ); done < <(compgen -f -- "$cur")
    return 0
  fi
  # bash splits words at ':' (COMP_WORDBREAKS): complete only the part after the last one
  local token="\${COMP_LINE:0:COMP_POINT}"; token="\${token##*[[:space:]]}"
  local drop=""; [[ "$token" == *:* && "$COMP_WORDBREAKS" == *:* ]] && drop="\${token%:*}:"
  while IFS= read -r c; do [[ -n "$c" ]] && COMPREPLY+=( "$(printf '%q' "\${c#"$drop"}")" ); done <<< "$out"
}
complete -o default -F _narrative_lens_complete ${PROG} nlens
###-end-${PROG}-completions-###
`;
}

export function zshScript(): string {
  return `#compdef ${PROG} nlens
# zsh completion for ${PROG}. Install:  ${PROG} completion zsh > "\${fpath[1]}/_${PROG}"
# (or add  source <(${PROG} completion zsh)  to ~/.zshrc after compinit)
_narrative_lens() {
  local out
  local -a cands
  out=$("\${words[1]}" __complete "\${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  if [[ "$out" == "${FILES}" ]]; then _files; return; fi
  cands=("\${(@f)out}")
  (( \${#cands} )) && compadd -U -- "\${cands[@]}"
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _narrative_lens "$@"
else
  compdef _narrative_lens ${PROG} nlens
fi
`;
}

function detectShell(env = process.env): Shell {
  return path.basename(env.SHELL ?? '') === 'zsh' ? 'zsh' : 'bash';
}

/** Case- and accent-insensitive: the candidate, or any word of it, starts with what was typed. */
function matching(cands: Iterable<string>, typed: string): string[] {
  const t = fold(typed.replace(/^["']/, ''));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of cands) {
    if (!c || seen.has(c)) continue;
    const f = fold(c);
    if (!t || f.startsWith(t) || f.split(/[\s\-–—,.:;()]+/).some((w) => w.startsWith(t))) {
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}

/** Candidates for the last word of `words` (the words after the program name). */
export async function complete(words: string[], session: Session = makeSession()): Promise<string[]> {
  // bash splits --flag=value (and a:b) into separate words; join them back
  const ws: string[] = [];
  let glue = false;
  for (const w of words) {
    if ((w === '=' || w === ':') && ws.length) {
      ws[ws.length - 1] += w;
      glue = true;
    } else if (glue || (ws.length && ws[ws.length - 1]!.startsWith('-') && ws[ws.length - 1]!.endsWith('='))) {
      ws[ws.length - 1] += w;
      glue = false;
    } else ws.push(w);
  }
  let cur = ws.length ? ws[ws.length - 1]! : '';
  let prev = ws.length > 1 ? ws[ws.length - 2]! : '';
  const eq = /^(--?[\w-]+)=(.*)$/.exec(cur);
  if (eq) {
    prev = eq[1]!;
    cur = eq[2]!;
  }
  const before = ws.slice(0, -1);
  const dataPaths: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    const m = /^--data=(.*)$/.exec(w);
    if (m) dataPaths.push(m[1]!);
    else if (w === '--data' && i + 1 < before.length) dataPaths.push(before[i + 1]!);
    if (w.startsWith('-')) {
      if (VALUE_FLAGS.has(w)) i++;
      continue;
    }
    if (command === undefined) command = w;
  }
  const names = async (what: 'actors' | 'narratives') => {
    try {
      const corpus = await session.openCorpus(dataPaths);
      const all = what === 'actors' ? corpus.actors.flatMap((a) => [a.name, ...a.aliases, a.id]) : corpus.narratives.flatMap((n) => [n.label, n.id]);
      // the shell prints candidates as they are: a name that could drive the terminal (or break
      // the one-per-line protocol) is not offered; its id, always plain, still is
      return all.filter(isInert);
    } catch {
      return [];
    }
  };

  const offer = async (what: Completes | undefined, choices: readonly string[] | undefined, typedNow: string): Promise<string[]> => {
    if (choices) return matching(choices, typedNow);
    switch (what) {
      case 'files':
        return [FILES];
      case 'actors':
        return matching(await names('actors'), typedNow);
      case 'narratives':
        return matching(await names('narratives'), typedNow);
      case 'narrative-list': {
        const head = typedNow.includes(',') ? typedNow.slice(0, typedNow.lastIndexOf(',') + 1) : '';
        return matching(await names('narratives'), typedNow.slice(head.length)).map((c) => head + c);
      }
      case 'query': {
        const q = /^(!?)(speaker|narrative|kind):(.*)$/.exec(typedNow);
        if (!q) return [];
        const [, neg, field, value] = q;
        const cands = field === 'kind' ? QUOTE_KINDS : await names(field === 'speaker' ? 'actors' : 'narratives');
        return matching(cands, value!).map((c) => `${neg}${field}:${/\s/.test(c) ? `"${c}"` : c}`);
      }
      default:
        return [];
    }
  };

  const flag = VALUE_FLAGS.has(prev) ? flagNamed(prev) : undefined;
  if (flag) return offer(flag.completes, flag.choices, cur);
  const spec = commandNamed(command);
  if (cur.startsWith('-')) {
    const own = (spec ?? DEFAULT_COMMAND).flags;
    return [...GLOBAL_FLAGS, ...BUILTIN_FLAGS, ...own]
      .map((f) => `--${f.name}`)
      .filter((f) => f.startsWith(cur));
  }
  if (command === undefined) return NAMED_COMMANDS.map((c) => c.name).filter((c) => c.startsWith(cur));
  const positional = spec?.positionals[0];
  return positional ? offer(positional.completes, positional.choices, cur) : [];
}

export async function runCompletion(words: string[], session: Session): Promise<number> {
  const out = await complete(words, session);
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  return EXIT.found;
}

export function run(a: GlobalArgs & { shell?: string }): Promise<number> {
  const shell = (a.shell as Shell | undefined) ?? detectShell();
  if (!SHELLS.includes(shell)) throw new UsageError(`no completion for ${shell}`, 'bash and zsh are supported');
  process.stdout.write(shell === 'zsh' ? zshScript() : bashScript());
  return Promise.resolve(EXIT.found);
}
