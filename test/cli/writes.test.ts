/**
 * Issue 18, the command line's part: writes that never clobber (--out onto a device, FIFO or
 * socket; - and /dev/stdout; a full disk), CSV cells starting with - guarded, completion that
 * never glob-expands, counts that are counts, messages that never echo a huge query.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, env, MINI, ROOT, run, STACK } from './helpers.js';

beforeAll(ensureBuilt, 120_000);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'nl-writes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ARTICLE = path.join(tmp, 'article.txt');
writeFileSync(ARTICLE, 'The minister, Ana Lobo, said on Tuesday: “We will not back down.”\n');

/** One line on stderr, exit 2, nothing else. */
function expectOneLineError(r: { code: number | null; stderr: string }, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|STACK/);
  expect(r.stderr).not.toMatch(STACK);
}

describe('--out never clobbers', () => {
  it('--out - means standard output; --out /dev/stdout works', () => {
    const plain = run(['extract', ARTICLE]).stdout;
    expect(plain).toMatch(/^\{\n {2}"format"/);
    for (const out of ['-', '/dev/stdout']) {
      const r = run(['extract', ARTICLE, '--out', out]);
      expect(r.code, out).toBe(0);
      expect(r.stdout, out).toBe(plain);
      expect(existsSync(path.join(ROOT, out === '-' ? '-' : 'stdout'))).toBe(false);
    }
  });

  it('onto a FIFO: written through to its reader, and it stays a FIFO', async () => {
    const fifo = path.join(tmp, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b) => (got += String(b)));
    const done = new Promise((res) => reader.on('close', res));
    const r = run(['extract', ARTICLE, '--out', fifo]);
    await done;
    expect(r.code).toBe(0);
    expect(JSON.parse(got).articles[0].quotes[0].text).toBe('We will not back down.');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('onto a device: /dev/null is written through and stays a device, even with --force', () => {
    for (const force of [[], ['--force']]) {
      const r = run(['extract', ARTICLE, '--out', '/dev/null', ...force]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('onto a socket: refused in one line, the socket left alone', async () => {
    const sock = path.join(tmp, 'sock');
    const server = net.createServer().listen(sock);
    await new Promise((res) => server.once('listening', res));
    try {
      expectOneLineError(run(['extract', ARTICLE, '--out', sock, '--force']), /sock: is a socket; not writing to it; give a file name, or - for standard output/);
      expect(statSync(sock).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk (> /dev/full, --out /dev/full): a one-line I/O error, exit 2', () => {
    for (const args of [['search', ''], ['actors', '-f', 'json'], ['extract', ARTICLE]]) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" "$@" > /dev/full`, 'x', ...args], { cwd: ROOT, env: env(), encoding: 'utf8' });
      expectOneLineError({ code: r.status, stderr: r.stderr }, /^narrative-lens: cannot write the output: no space left on the device\n$/);
    }
    expectOneLineError(run(['extract', ARTICLE, '--out', '/dev/full']), /^narrative-lens: \/dev\/full: cannot write: no space left on the device\n$/);
  });
});

describe('CSV cells a spreadsheet would run', () => {
  it('a cell starting with - is guarded like = + @ (OWASP)', () => {
    const corpus = JSON.parse(readFileSync(path.join(MINI, 'corpus.json'), 'utf8'));
    const names: Record<string, string> = { smagin: '-2+3', trump: '=1+1', markov: '@SUM(A1)', zakharova: '+cmd' };
    for (const a of corpus.actors) if (names[a.id]) a.name = names[a.id];
    const file = path.join(tmp, 'formulas.json');
    writeFileSync(file, JSON.stringify(corpus));
    const csv = run(['actors', '--data', file, '-f', 'csv']).stdout;
    for (const n of Object.values(names)) expect(csv).toContain(`,'${n},`);
    expect(csv).not.toMatch(/,-2\+3,/);
  });
});

describe('bash completion never glob-expands names', () => {
  it('an actor named with * is offered as written, not as the files it would match', () => {
    const dir = path.join(tmp, 'glob');
    mkdirSync(dir);
    for (const f of ['Zeta-one', 'Zeta-two']) writeFileSync(path.join(dir, f), '');
    const corpus = JSON.parse(readFileSync(path.join(MINI, 'corpus.json'), 'utf8'));
    corpus.actors.find((a: { id: string }) => a.id === 'smagin').name = 'Zeta*';
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify(corpus));
    const script = run(['completion', 'bash']).stdout;
    const r = spawnSync(
      'bash',
      ['-c', `${script}\nnarrative-lens() { "${process.execPath}" "${BIN}" "$@"; }\nCOMP_WORDS=(narrative-lens --data c.json actors Zet); COMP_CWORD=4; _narrative_lens_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: dir, env: env(), encoding: 'utf8' },
    );
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['Zeta\\*']);
  });
});

describe('counts and long input in messages', () => {
  it('--limit 1e400 is refused as not a count (the fast path and yargs alike)', () => {
    for (const fast of [undefined, '1']) {
      const r = run(['search', 'x', '--limit', '1e400'], { env: { NARRATIVE_LENS_NO_FAST_PATH: fast } });
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('narrative-lens: --limit must be a whole number, 0 or more (not 1e400)');
    }
    expect(run(['search', 'x', '--limit', '99999999999999999999']).code).toBe(2);
  });

  it('errors never echo a 100,000-character query in full', () => {
    const q = 'q'.repeat(100_000);
    for (const args of [['search', `speaker:${q}`], ['search', `kind:${q}`], ['search', `foo:${q}`], ['actors', q], ['--actor', q, '--print']]) {
      const r = run(args);
      expect(r.code, args[0]).not.toBe(0);
      expect(r.stderr.length, args[0]).toBeLessThan(1000);
      expect(r.stderr).not.toContain('q'.repeat(500));
    }
  });

  it('the hint to see every problem stays short: validate DIR, not every file name', () => {
    const dir = path.join(tmp, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `bad-file-with-a-long-name-${i}.json`), '{');
    const r = run(['actors', '--data', dir]);
    expect(r.code).toBe(2);
    const last = r.stderr.trimEnd().split('\n').at(-1)!;
    expect(last).toBe(`narrative-lens: … and 30 more problems; see them all with: narrative-lens validate ${dir}`);
  });
});
