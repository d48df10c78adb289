/**
 * The default command when stdin or stdout is not a terminal (as in every test here: both are
 * pipes): nothing is drawn; the dashboard flags print instead, and without them one line points
 * to `search`.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, env, MINI, ROOT, run, STACK, TERMINAL_UNSAFE } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const d = ['--data', MINI];

describe('not a terminal', () => {
  it('with no flags: one line on stderr pointing to search, exit 2, nothing drawn', () => {
    for (const args of [[], d]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^narrative-lens: the dashboard needs a terminal .*narrative-lens search QUERY/);
      expect(r.stderr).not.toMatch(/raw mode/i);
      expect(r.stderr).not.toMatch(TERMINAL_UNSAFE); // no escape sequences (alternate screen, cursor)
    }
  });

  it('the plain dashboard’s fast path (no yargs) answers as the yargs path does', () => {
    for (const args of [[], d, [`--data=${MINI}`], ['--data', 'no/such/file.json'], ['--data', MINI, '--data', 'test/fixtures/valid/article-a.json']]) {
      const fast = run(args);
      const slow = run(args, { env: { NARRATIVE_LENS_NO_FAST_PATH: '1' } });
      expect(slow, args.join(' ')).toEqual(fast);
      expect(fast.code, args.join(' ')).toBe(2);
    }
  });

  it('--search prints what search prints', () => {
    const viaFlag = run(['-s', 'relief', ...d, '-f', 'json']);
    const viaCommand = run(['search', 'relief', ...d, '-f', 'json']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toBe(viaCommand.stdout);
    expect(run(['--search', 'xqzvw', ...d]).code).toBe(1);
  });

  it('--actor prints the profile, --compare the grid, --pane the pane’s list', () => {
    expect(JSON.parse(run(['--actor', 'smagin', ...d, '-f', 'json']).stdout).id).toBe('smagin');
    const grid = JSON.parse(run(['--compare', 'colour,us help', ...d, '-f', 'json']).stdout);
    expect(grid.narratives.map((n: { id: string }) => n.id)).toEqual(['n-colour', 'n-us-help']);
    expect(JSON.parse(run(['--pane', 'timeline', ...d, '-f', 'json']).stdout)[0].id).toBe('e-assad');
    expect(JSON.parse(run(['--pane', 'narratives', ...d, '-f', 'json']).stdout)).toHaveLength(4);
    expect(JSON.parse(run(['--pane', 'actors', ...d, '-f', 'json']).stdout)).toHaveLength(10);
    expect(JSON.parse(run(['--pane', 'quotes', ...d, '-f', 'json']).stdout)).toHaveLength(19);
  });

  it('--print does the same (and is needed in a terminal)', () => {
    expect(run(['-s', 'relief', '--print', ...d]).stdout).toBe(run(['search', 'relief', ...d]).stdout);
    const r = run(['--print', ...d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--print needs something to print/);
  });

  it('unknown names are refused with the closest ones', () => {
    const r = run(['--actor', 'nobody at all', ...d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown actor "nobody at all"/);
    expect(run(['--compare', 'colour,nothing-like-it', ...d]).stderr).toMatch(/unknown narrative "nothing-like-it"/);
  });

  it('stdin a terminal but stdout piped (and the reverse) still never draws', () => {
    // `script` gives the child a pseudo-terminal; its stdout is then a terminal and stdin is not
    // when we redirect it from /dev/null inside.
    const probe = spawnSync('script', ['-qec', 'true', '/dev/null'], { encoding: 'utf8' });
    if (probe.status !== 0) return; // no util-linux script here
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} --data ${MINI} < /dev/null; echo "[exit $?]"`, '/dev/null'], {
      cwd: ROOT,
      env: env(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stdout).toMatch(/the dashboard needs a terminal/);
    expect(r.stdout).toMatch(/\[exit 2\]/);
    expect(r.stdout).not.toMatch(/\u001b\[\?1049h/); // no alternate screen
  });
});

describe('in a terminal', () => {
  it('a bad --actor is refused before the screen is taken', () => {
    const probe = spawnSync('script', ['-qec', 'true', '/dev/null'], { encoding: 'utf8' });
    if (probe.status !== 0) return;
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} --data ${MINI} --actor zzzzzz; echo "[exit $?]"`, '/dev/null'], {
      cwd: ROOT,
      env: env(),
      input: '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stdout).toMatch(/unknown actor "zzzzzz"/);
    expect(r.stdout).toMatch(/\[exit 2\]/);
    expect(r.stdout).not.toMatch(/\u001b\[\?1049h/);
    expect(r.stdout).not.toMatch(STACK);
  });
});
