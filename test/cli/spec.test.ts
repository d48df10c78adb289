/**
 * The one spec of the command line (src/cli/spec.ts) and what is derived from it: the fast-path
 * parser and completion read the same flags, values and choices that yargs is built from.
 */
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/cli/fast.js';
import { complete } from '../../src/cli/commands/completion.js';
import { COMMANDS, GLOBAL_FLAGS, NAMED_COMMANDS, usageOf } from '../../src/cli/spec.js';

const env = {};

describe('the fast path, derived from the spec', () => {
  it('parses search and the dashboard as yargs would', () => {
    expect(parseFast(['search', 'colour', '--data', 'x', '--data=y', '-f', 'csv', '-n', '3'], env)).toMatchObject({
      command: { name: 'search' },
      args: { query: 'colour', data: ['x', 'y'], format: 'csv', limit: 3 },
    });
    expect(parseFast(['search', 'x', '--max-file-size', '1GB'], env)?.args).toMatchObject({ maxFileSize: 1024 ** 3, format: 'text' });
    expect(parseFast([], env)).toMatchObject({ command: { name: '$0' }, args: { format: 'text' } });
    expect(parseFast(['-s', 'relief', '--print', '--pane', 'actors'], env)?.args).toMatchObject({ search: 'relief', print: true, pane: 'actors' });
    expect(parseFast(['--compare', 'a,b', '--compare', 'c'], env)?.args).toMatchObject({ compare: ['a,b', 'c'] });
  });

  it('leaves to yargs whatever it is not sure of', () => {
    for (const argv of [
      ['search'], // the query is missing
      ['search', 'a', 'b'], // one positional too many
      ['search', 'x', '--fromat', 'json'], // unknown flag
      ['search', 'x', '--format', 'xml'], // not a choice
      ['search', 'x', '--limit', 'many'], // not a count
      ['search', 'x', '--limit', '1', '--limit', '2'], // given twice
      ['search', 'x', '--data'], // no value
      ['search', 'x', '--data', '--format'], // a flag where the value should be
      ['search', '1e3'], // yargs would read a number
      ['search', 'x', '--help'],
      ['actors'], // not a fast command
      ['--pane', 'graphs'],
      ['--print=yes'],
      ['frobnicate'],
    ]) {
      expect(parseFast(argv, env), argv.join(' ')).toBeNull();
    }
    expect(parseFast(['search', 'x'], { NARRATIVE_LENS_NO_FAST_PATH: '1' })).toBeNull();
  });
});

describe('completion, derived from the spec', () => {
  it('offers every command and every flag the spec names', async () => {
    expect(await complete([''])).toEqual(NAMED_COMMANDS.map((c) => c.name));
    for (const cmd of NAMED_COMMANDS) {
      const offered = await complete([cmd.name, '--']);
      for (const f of [...cmd.flags, ...GLOBAL_FLAGS]) expect(offered, cmd.name).toContain(`--${f.name}`);
    }
    const dashboard = await complete(['--']);
    for (const f of COMMANDS[0]!.flags) expect(dashboard).toContain(`--${f.name}`);
  });

  it('offers a flag’s choices and files where the spec says', async () => {
    expect(await complete(['--pane', ''])).toEqual(['quotes', 'actors', 'narratives', 'timeline']);
    expect(await complete(['extract', 'a.txt', '-o', ''])).toEqual(['__files__']);
    // a value flag with nothing to offer (a title) offers nothing, not file names
    expect(await complete(['extract', 'a.txt', '--title', ''])).toEqual([]);
  });
});

describe('the spec', () => {
  it('writes yargs command strings from the positionals', () => {
    expect(NAMED_COMMANDS.map(usageOf)).toEqual([
      'search <query>',
      'actors [name]',
      'narratives [name]',
      'compare <narratives..>',
      'timeline',
      'validate [paths..]',
      'completion [shell]',
      'extract <file>',
      'init <file>',
      'narrative <action> [words..]',
      'code <query>',
      'uncode <query>',
      'memo <text>',
      'correct <what> [words..]',
      'review <article>',
      'merge-actors <from> <into>',
      'alignment <actor> [label]',
      'question <action> <text>',
      'position <action>',
      'undo',
      'redo',
      'history',
      'suggest <narrative>',
      'ingest <paths..>',
      'export',
      'import <file>',
      'report',
      'tag [techniques..]',
      'techniques [query]',
    ]);
  });
});
