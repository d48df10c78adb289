/**
 * Shell completion for bash and zsh. `narrative-lens completion [bash|zsh]` prints a script; the
 * script asks `narrative-lens __complete WORDS...` for candidates, one per line, which completes
 * commands, flags, flag values, and the names of the actors and narratives in the corpus
 * (the one --data on the line names, else the bundled data).
 */
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { fold } from '../../core/search/query.js';
import { isInert } from '../../core/sanitize.js';
import { openCorpus, PROG, status } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { FORMATS } from '../print/output.js';
import type { GlobalArgs } from '../options.js';

export const SHELLS = ['bash', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

/** Commands and their own flags (global flags apply to all). Kept in step with the yargs program by a test. */
export const COMMAND_FLAGS: Record<string, string[]> = {
  search: [],
  actors: [],
  narratives: [],
  compare: [],
  timeline: [],
  validate: [],
  completion: [],
  extract: ['--title', '--outlet', '--date', '--url', '--out', '--force'],
};
export const GLOBAL_FLAGS = ['--data', '--format', '--limit', '--max-file-size', '--help', '--version'];
export const DEFAULT_FLAGS = ['--search', '--pane', '--actor', '--compare', '--print'];
const PANES = ['quotes', 'actors', 'narratives', 'timeline'];
const VALUE_FLAGS = new Set(['--data', '--format', '-f', '--limit', '-n', '--max-file-size', '--search', '-s', '--pane', '--actor', '--compare', '--title', '--outlet', '--date', '--url', '--out', '-o']);

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
    COMPREPLY=( $(compgen -f -- "$cur") )
    return 0
  fi
  # bash splits words at ':' (COMP_WORDBREAKS): complete only the part after the last one
  local token="\${COMP_LINE:0:COMP_POINT}"; token="\${token##*[[:space:]]}"
  local drop=""; [[ "$token" == *:* && "$COMP_WORDBREAKS" == *:* ]] && drop="\${token%:*}:"
  for c in $out; do COMPREPLY+=( "$(printf '%q' "\${c#"$drop"}")" ); done
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
export async function complete(words: string[]): Promise<string[]> {
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
      const corpus = await openCorpus(dataPaths);
      const all = what === 'actors' ? corpus.actors.flatMap((a) => [a.name, ...a.aliases, a.id]) : corpus.narratives.flatMap((n) => [n.label, n.id]);
      // the shell prints candidates as they are: a name that could drive the terminal (or break
      // the one-per-line protocol) is not offered; its id, always plain, still is
      return all.filter(isInert);
    } catch {
      return [];
    }
  };

  switch (prev) {
    case '--format':
    case '-f':
      return matching(FORMATS, cur);
    case '--pane':
      return matching(PANES, cur);
    case '--data':
    case '--out':
    case '-o':
      return [FILES];
    case '--limit':
    case '-n':
    case '--max-file-size':
    case '--search':
    case '-s':
      return [];
    case '--actor':
      return matching(await names('actors'), cur);
    case '--compare': {
      const head = cur.includes(',') ? cur.slice(0, cur.lastIndexOf(',') + 1) : '';
      return matching(await names('narratives'), cur.slice(head.length)).map((c) => head + c);
    }
  }
  if (cur.startsWith('-')) {
    const own = command ? (COMMAND_FLAGS[command] ?? []) : DEFAULT_FLAGS;
    return [...GLOBAL_FLAGS, ...own].filter((f) => f.startsWith(cur));
  }
  switch (command) {
    case undefined:
      return Object.keys(COMMAND_FLAGS).filter((c) => c.startsWith(cur));
    case 'actors':
      return matching(await names('actors'), cur);
    case 'narratives':
    case 'compare':
      return matching(await names('narratives'), cur);
    case 'validate':
    case 'extract':
      return [FILES];
    case 'completion':
      return SHELLS.filter((s) => s.startsWith(cur));
    case 'search': {
      const q = /^(!?)(speaker|narrative|kind):(.*)$/.exec(cur);
      if (!q) return [];
      const [, neg, field, typed] = q;
      const cands = field === 'kind' ? ['direct', 'indirect', 'term'] : await names(field === 'speaker' ? 'actors' : 'narratives');
      return matching(cands, typed!).map((c) => `${neg}${field}:${/\s/.test(c) ? `"${c}"` : c}`);
    }
    default:
      return [];
  }
}

export async function runCompletion(words: string[]): Promise<number> {
  const out = await complete(words);
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  return EXIT.found;
}

export const completionCommand: CommandModule<GlobalArgs, GlobalArgs & { shell?: string }> = {
  command: 'completion [shell]',
  describe: 'Print the bash or zsh completion script (commands, flags, actor and narrative names)',
  builder: (y) =>
    (y as Argv<GlobalArgs>)
      .positional('shell', { choices: SHELLS, describe: 'the shell [default: from $SHELL]' })
      .example('$0 completion bash >> ~/.bashrc', 'bash: completes on the next shell')
      .example('$0 completion zsh > _narrative-lens', 'zsh: put it in a folder on $fpath')
      .example('source <($0 completion)', 'try it in this shell') as Argv<GlobalArgs & { shell?: string }>,
  handler: (a) => {
    const shell = (a.shell as Shell | undefined) ?? detectShell();
    if (!SHELLS.includes(shell)) throw new UsageError(`no completion for ${shell}`, 'bash and zsh are supported');
    process.stdout.write(shell === 'zsh' ? zshScript() : bashScript());
    status.code = EXIT.found;
  },
};
