/** bash and zsh completion: the scripts, and the candidates they ask the command for. */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, env, MINI, ROOT, run } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const complete = (...words: string[]) => run(['__complete', ...words]).stdout.split('\n').filter(Boolean);

describe('completion', () => {
  it('prints a bash and a zsh script', () => {
    const bash = run(['completion', 'bash']);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toMatch(/complete -o default -F _narrative_lens_complete narrative-lens nlens/);
    const zsh = run(['completion', 'zsh']);
    expect(zsh.stdout).toMatch(/^#compdef narrative-lens nlens/);
    expect(run(['completion'], { env: { SHELL: '/usr/bin/zsh' } }).stdout).toBe(zsh.stdout);
    expect(run(['completion'], { env: { SHELL: '/bin/bash' } }).stdout).toBe(bash.stdout);
  });

  it('the bash script is valid bash and completes through the command', () => {
    const script = run(['completion', 'bash']).stdout;
    const r = spawnSync(
      'bash',
      ['-c', `${script}\nnarrative-lens() { "${process.execPath}" "${BIN}" "$@"; }\nCOMP_WORDS=(narrative-lens actors zak); COMP_CWORD=2; _narrative_lens_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: ROOT, env: env(), encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['Mariya\\ Zakharova', 'Zakharova', 'actor-zakharova']));
  });

  it('bash: a qualifier value after speaker: replaces only what follows the colon', () => {
    const script = run(['completion', 'bash']).stdout;
    const line = 'narrative-lens search speaker:mark';
    const r = spawnSync(
      'bash',
      ['-c', `${script}\nnarrative-lens() { "${process.execPath}" "${BIN}" "$@"; }\nCOMP_WORDBREAKS=':= '; COMP_WORDS=(narrative-lens search speaker : mark); COMP_CWORD=4; COMP_LINE='${line}'; COMP_POINT=${line.length}; _narrative_lens_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: ROOT, env: env(), encoding: 'utf8' },
    );
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['\\"Sergei\\ Markov\\"', 'Markov', 'actor-markov']);
  });

  it('the zsh script parses', () => {
    const probe = spawnSync('zsh', ['-c', 'true']);
    if (probe.error) return; // zsh not installed
    const r = spawnSync('zsh', ['-n', '-c', run(['completion', 'zsh']).stdout], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  });

  it('commands, flags and flag values', () => {
    expect(complete('')).toEqual(['search', 'actors', 'narratives', 'compare', 'timeline', 'validate', 'completion', 'extract', 'init', 'narrative', 'code', 'uncode', 'memo', 'correct', 'review', 'merge-actors', 'alignment', 'question', 'position', 'undo', 'redo', 'history', 'suggest', 'ingest', 'export', 'import', 'report', 'tag', 'techniques']);
    expect(complete('co')).toEqual(['compare', 'completion', 'code', 'correct']);
    expect(complete('search', 'x', '--f')).toEqual(['--format']);
    expect(complete('--')).toEqual(expect.arrayContaining(['--search', '--pane', '--actor', '--compare', '--print', '--data']));
    expect(complete('search', 'x', '--format', '')).toEqual(['text', 'json', 'ndjson', 'csv', 'markdown']);
    expect(complete('search', 'x', '--format=', 'nd')).toEqual(['ndjson']);
    expect(complete('search', 'x', '--format', '=', 'nd')).toEqual(['ndjson']); // as bash splits it
    expect(complete('--pane', 't')).toEqual(['timeline']);
    expect(complete('--data', '')).toEqual(['__files__']);
    expect(complete('validate', '')).toEqual(['__files__']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh']);
  });

  it('actor and narrative names, from --data when given', () => {
    expect(complete('actors', 'smag')).toEqual(['Nikita Smagin', 'Smagin', 'actor-smagin']);
    expect(complete('--actor', 'trump')).toEqual(expect.arrayContaining(['Donald Trump', 'Trump']));
    expect(complete('--data', MINI, 'actors', 'smag')).toEqual(['Nikita Smagin', 'Smagin', 'smagin']);
    expect(complete('--data', MINI, 'compare', 'colour', '')).toEqual(expect.arrayContaining(['Western-orchestrated colour revolution', 'n-colour', 'US help for the protesters']));
    expect(complete('--data', MINI, '--compare', 'n-colour,us')).toEqual(['n-colour,US help for the protesters', 'n-colour,n-us-help']);
    expect(complete('--data', MINI, 'search', 'speaker:mark')).toEqual(['speaker:"Sergei Markov"', 'speaker:Markov', 'speaker:markov']);
    expect(complete('search', 'kind:')).toEqual(['kind:direct', 'kind:indirect', 'kind:term']);
  });

  it('every flag offered exists in --help', () => {
    const help = run(['--help']).stdout + run(['extract', '--help']).stdout;
    for (const f of [...complete('--'), ...complete('extract', 'x', '--')]) expect(help).toContain(f);
  });
});
