/** --help on every command, with examples from the bundled data that really work; --version. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, run } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const COMMANDS = ['search', 'actors', 'narratives', 'compare', 'timeline', 'validate', 'completion', 'extract'];

describe('help', () => {
  it('the top level lists every command and the dashboard flags', () => {
    for (const args of [['--help'], ['-h']]) {
      const r = run(args);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`narrative-lens ${c}\\b`));
      for (const f of ['--search', '--pane', '--actor', '--compare', '--print', '--data', '--format', '--limit']) expect(r.stdout).toContain(f);
      expect(r.stdout).toMatch(/Examples:/);
    }
  });

  it('every command has help with examples', () => {
    for (const c of COMMANDS) {
      const r = run([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`^narrative-lens ${c}`));
      expect(r.stdout, c).toMatch(/Examples:/);
      expect(r.stderr).toBe('');
    }
    expect(run(['search', '--help']).stdout).toMatch(/Query syntax/);
  });

  it('the examples’ names exist in the bundled data', () => {
    // each example that names an actor or narrative resolves (exit 0), printed as JSON
    const examples: string[][] = [
      ['search', 'colour revolution'],
      ['search', 'speaker:trump'],
      ['search', 'kind:term'],
      ['search', "'reform speaker:markov"],
      ['search', 'sigh of relief'],
      ['actors', 'zakharova'],
      ['actors', 'foreign ministry'],
      ['narratives', 'colour'],
      ['compare', 'colour', 'home-grown'],
      ['compare', 'n-foreign-hand', 'n-popular-uprising', 'n-us-intervention'],
      ['-s', 'colour revolution', '--print'],
      ['--actor', 'zakharova', '--print'],
      ['--compare', 'colour,home-grown', '--print'],
      ['-s', 'speaker:smagin', '--print'],
    ];
    for (const e of examples) {
      const r = run([...e, '--format', 'json']);
      expect(r.code, `${e.join(' ')}: ${r.stderr}`).toBe(0);
    }
    // and the help shows them
    expect(run(['compare', '--help']).stdout).toContain('narrative-lens compare colour home-grown ');
    expect(run(['actors', '--help']).stdout).toContain('actors zakharova');
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
    for (const f of ['--version', '-V']) {
      const r = run([f]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(pkg.version);
    }
  });
});
