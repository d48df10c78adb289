/**
 * Broken and huge inputs through the BUILT command: each gets one clear message naming the file
 * (and the place) and exit 2, or loads; memory stays bounded by the size limit, which the message
 * states and --max-file-size overrides. (The 200 MB file and the 100,000-file folder are measured
 * by hand: docs/robustness.md.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, ensureBuilt, env, runAll, runAsync, unsafeIn, type Result } from './helpers.js';

const MINI = path.join(ROOT, 'test/fixtures/cli/mini/corpus.json');
const MINI_TEXT = readFileSync(MINI, 'utf8');
const STACK = /^\s+at /m;

const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-inputs-'));
chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
const at = (name: string) => path.join(dir, name);
function file(name: string, content: string | Uint8Array): string {
  const p = at(name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 2, nothing on stdout, every stderr line names the file, no stack trace, inert. */
function refused(r: Result, name: string, message: RegExp): void {
  const what = `${r.args.join(' ')}\n${r.stderr}`;
  expect(r.code, what).toBe(2);
  expect(r.stdout, what).toBe('');
  expect(r.stderr, what).toMatch(message);
  expect(r.stderr, what).toContain(name);
  expect(r.stderr, what).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(unsafeIn(r.stderr)).toBeNull();
}

describe('broken files: one clear message naming the file and the place, exit 2', () => {
  it('truncated JSON, wrong encodings, NUL bytes, empty; a UTF-8 byte-order mark loads', async () => {
    const utf16le = Buffer.from(MINI_TEXT, 'utf16le');
    const utf16be = Buffer.from(utf16le).swap16();
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['truncated.json', MINI_TEXT.slice(0, 500), /truncated\.json: line \d+, column \d+: broken JSON: /],
      ['utf16le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), /utf16le-bom\.json: file is UTF-16 \(little-endian, with a byte-order mark\); save it as UTF-8/],
      ['utf16be-bom.json', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), /utf16be-bom\.json: file is UTF-16 \(big-endian, with a byte-order mark\); save it as UTF-8/],
      ['utf16le.json', utf16le, /utf16le\.json: file is UTF-16 \(little-endian\); save it as UTF-8/],
      ['utf16be.json', utf16be, /utf16be\.json: file is UTF-16 \(big-endian\); save it as UTF-8/],
      ['latin1.json', Buffer.from('{"actors": [{"id": "a", "name": "Caf\u00e9", "kind": "person"}]}', 'latin1'), /latin1\.json: line 1, byte 37 \(offset 36\): not valid UTF-8 \(Latin-1 or another encoding\?\); save it as UTF-8/],
      ['nul.json', MINI_TEXT.replace('"Kremlin', '"Krem\u0000lin'), /nul\.json: line \d+, column \d+: holds a NUL byte: not a text file/],
      ['nul-outside.json', `{"articles": []}\u0000\u0000`, /nul-outside\.json: line 1, column 17: holds a NUL byte/],
      ['empty.json', '', /empty\.json: file is empty/],
      ['blank.json', '  \n\t\n', /blank\.json: file is empty; a corpus file is a JSON object/],
      ['array.json', '[]', /array\.json: \$: expected a JSON object/],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('He said: “No.”\n', 'utf16le')]), /utf16\.txt: file is UTF-16/],
    ];
    const results = await runAll(cases.map(([name, content]) => ({ args: ['search', 'x', '--data', file(name, content)], cwd: dir })));
    results.forEach((r, i) => {
      const [name, , message] = cases[i]!;
      refused(r, name, message);
      // one message (broken JSON: one per mistake, at most 20), each naming the file
      for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(new RegExp(`^narrative-lens: ${name.replace('.', '\\.')}: `));
      if (!name.startsWith('truncated')) expect(r.stderr.trimEnd().split('\n').length, r.stderr).toBe(1);
    });
    const bom = await runAsync(['validate', file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MINI_TEXT)]))]);
    expect(bom.code, bom.stderr).toBe(0);
    expect(bom.stdout).toMatch(/^ok: 1 article, 19 quotes/);
  }, 60_000);

  it('deeply nested JSON (100,000 levels), valid or broken, is a message, not a stack overflow', async () => {
    const n = 100_000;
    const cases: [string, string, RegExp][] = [
      ['deep.json', '['.repeat(n) + ']'.repeat(n), /deep\.json: \$: expected a JSON object with "articles"/],
      ['deep-broken.json', '['.repeat(n), /deep-broken\.json: line 1, column 100001: broken JSON \(nested too deeply to list every mistake\): unexpected end of input/],
      ['deep-objects.json', '{"a":'.repeat(n) + '1' + '}'.repeat(n - 1), /deep-objects\.json: line 1, column \d+: broken JSON/],
      ['deep-field.json', `{"articles": ${'['.repeat(n)}${']'.repeat(n)}}`, /deep-field\.json: \$\.articles\[0\]: expected object, got array/],
      ['deep-unknown.json', `{"x": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`, /deep-unknown\.json: \$: unknown field "x"/],
    ];
    const results = await runAll(cases.map(([name, content]) => ({ args: ['validate', file(name, content)], cwd: dir })));
    results.forEach((r, i) => {
      const [name, , message] = cases[i]!;
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout + r.stderr).toMatch(message);
      expect(r.stdout + r.stderr).toContain(name);
      expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
    });
  }, 60_000);

  it('folders: a symbolic link loop is walked once; a dangling link, a non-corpus file and an empty folder are named', async () => {
    const loop = at('loop');
    mkdirSync(path.join(loop, 'sub'), { recursive: true });
    writeFileSync(path.join(loop, 'sub', 'corpus.json'), MINI_TEXT);
    symlinkSync('..', path.join(loop, 'sub', 'up'));
    const looped = await runAsync(['validate', loop]);
    expect(looped.code, looped.stderr).toBe(0);
    expect(looped.stdout).toMatch(/^ok: 1 article/);

    const odd = at('odd');
    mkdirSync(odd);
    mkdirSync(at('empty'));
    symlinkSync('missing.json', path.join(odd, 'dangling.json'));
    writeFileSync(path.join(odd, 'notes.md'), '# notes');
    const r = await runAsync(['search', 'x', '--data', odd, '--data', at('empty')], { cwd: dir });
    refused(r, 'odd', /odd\/dangling\.json: no such file or folder/);
    expect(r.stderr).toMatch(/odd\/notes\.md: not a corpus file/);
    expect(r.stderr).toMatch(/: empty: folder holds no corpus files/);
  });

  it('a folder of 2,000 files loads (100,000 are measured by hand)', async () => {
    const many = at('many');
    mkdirSync(many);
    for (let i = 0; i < 2000; i++) {
      writeFileSync(path.join(many, `a${String(i).padStart(5, '0')}.json`), JSON.stringify({ articles: [{ id: `a${i}`, title: `T${i}`, text: `He said: “number ${i}”.`, quotes: [{ id: `q${i}`, kind: 'direct', text: `number ${i}`, span: { start: 10, end: 10 + `number ${i}`.length }, speaker: 'he' }] }], actors: [{ id: 'he', name: 'He', kind: 'person' }] }));
    }
    const r = await runAsync(['validate', many, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { summary: { articles: number; quotes: { total: number } } }).summary).toMatchObject({ articles: 2000, quotes: { total: 2000 } });
  }, 60_000);
});

describe('size: a limit stated in the message, overridable with --max-file-size, and memory bounded by it', () => {
  it('a file over the limit is refused before it is read; the flag the message names lets it load', async () => {
    const [small, raised, bad] = await runAll([
      { args: ['search', 'colour', '--data', MINI, '--max-file-size', '4KB'] },
      { args: ['search', 'colour', '--data', MINI, '--max-file-size', '1MB', '-f', 'json'] },
      { args: ['search', 'colour', '--data', MINI, '--max-file-size', 'huge'] },
    ]);
    refused(small!, 'corpus.json', /corpus\.json: file is 2\d KB, over the 4 KB limit \(raise it with --max-file-size 1MB\)/);
    expect(raised!.code, raised!.stderr).toBe(0);
    expect(JSON.parse(raised!.stdout)).not.toHaveLength(0);
    expect(bad!.code).toBe(2);
    expect(bad!.stderr).toMatch(/--max-file-size must be a size such as 512MB or 1GB/);
  });

  it('every command and the validate command take the flag', async () => {
    const results = await runAll(
      [['actors'], ['narratives'], ['timeline'], ['compare', 'colour', 'grievance'], ['--pane', 'actors', '--print'], ['validate']].map((args) => ({ args: [...args, '--data', MINI, '--max-file-size', '2k'] })),
    );
    for (const r of results) {
      // validate prints the problems on stdout (they are its output), the others on stderr
      if (r.args[0] === 'validate') r.stderr = r.stdout + r.stderr.replace(/^narrative-lens: 1 problem in 1 file\n$/m, '');
      if (r.args[0] === 'validate') r.stdout = '';
      refused(r, 'corpus.json', /over the 2 KB limit \(raise it with --max-file-size 1MB\)/);
    }
  });

  it('endless input (/dev/zero) stops at the limit instead of filling memory', async () => {
    const [load, extract] = await runAll([
      { args: ['validate', '/dev/zero', '--max-file-size', '8MB'] },
      { args: ['extract', '/dev/zero', '--max-file-size', '8MB'] },
    ]);
    expect(load!.code).toBe(2);
    expect(load!.stdout + load!.stderr).toMatch(/\/dev\/zero: file is over the 8 MB limit \(raise it with --max-file-size 16MB\)/);
    refused(extract!, '/dev/zero', /\/dev\/zero: over the 8 MB limit for an article \(raise it with --max-file-size 16MB\)/);
  });

  it('extract: an article over its limit says so and how to raise it, from a file or from stdin', async () => {
    const big = file('big.txt', 'He said: “yes”. '.repeat(4000));
    const [fromFile, fromStdin, raised] = await Promise.all([
      runAsync(['extract', big, '--max-file-size', '16k']),
      runAsync(['extract', '-', '--max-file-size', '16k'], { input: 'He said: “yes”. '.repeat(4000) }),
      runAsync(['extract', big, '--max-file-size', '1MB']),
    ]);
    refused(fromFile, 'big.txt', /big\.txt: is \d+ KB, over the 16 KB limit for an article \(raise it with --max-file-size 1MB\)/);
    refused(fromStdin, 'standard input', /standard input: over the 16 KB limit for an article/);
    expect(raised.code, raised.stderr).toBe(0);
  });
});

describe('files that change or cannot be read', () => {
  it('files removed while a folder loads: loads, or names the missing file; never a crash', async () => {
    const racy = at('racy');
    const staging = at('racy-staging');
    mkdirSync(racy);
    mkdirSync(staging);
    const names = Array.from({ length: 300 }, (_, i) => path.join(racy, `f${i}.json`));
    const content = (i: number) => JSON.stringify({ actors: [{ id: `a${i}`, name: `A ${i}`, kind: 'person' }] });
    names.forEach((n, i) => writeFileSync(n, content(i)));
    let outcomes = { loaded: 0, named: 0 };
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [BIN, 'validate', racy], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (b: Buffer) => (out += b));
      child.stderr.on('data', (b: Buffer) => (err += b));
      // remove and restore files while it runs
      const churn = setInterval(() => {
        for (let k = 0; k < 20; k++) {
          const i = Math.floor(Math.random() * names.length);
          try {
            unlinkSync(names[i]!);
          } catch {
            // put it back whole (written beside, then renamed in): a reader sees the file or no
            // file, never a half-written one, which is what this test is about
            const staged = path.join(staging, `f${i}.json`);
            writeFileSync(staged, content(i));
            renameSync(staged, names[i]!);
          }
        }
      }, 1);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearInterval(churn);
      names.forEach((n, i) => writeFileSync(n, content(i)));
      expect(err + out).not.toMatch(/internal error|STACK/);
      expect(err).not.toMatch(STACK);
      if (code === 0) outcomes.loaded++;
      else {
        expect(code).toBe(2);
        expect(out).toMatch(/racy\/f\d+\.json: no such file or folder/);
        outcomes.named++;
      }
    }
    expect(outcomes.loaded + outcomes.named).toBe(6);
    outcomes = { loaded: 0, named: 0 };
  }, 60_000);

  // Tests run as root in CI, where file permissions do not stop reading: then the command runs
  // as the unprivileged user "nobody" (uid 65534), which they do stop.
  const root = process.getuid?.() === 0;
  const asNobody = root && spawnSync(process.execPath, ['-e', '0'], { uid: 65534, gid: 65534 }).status === 0;
  const canTest = process.platform !== 'win32' && (!root || asNobody);
  it.skipIf(!canTest)(`a file or folder without permission is named (${root ? 'run as uid 65534, since tests run as root' : 'as this user'})`, async () => {
    const locked = file('locked/corpus.json', MINI_TEXT);
    chmodSync(locked, 0o000);
    const lockedDir = at('locked-dir');
    mkdirSync(lockedDir);
    writeFileSync(path.join(lockedDir, 'corpus.json'), MINI_TEXT);
    chmodSync(lockedDir, 0o000);
    chmodSync(path.dirname(locked), 0o755);
    const cache = mkdtempSync(path.join(os.tmpdir(), 'nl-nobody-cache-'));
    chmodSync(cache, 0o777);
    const run = (args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: env({ NARRATIVE_LENS_CACHE_DIR: cache, HOME: cache }), encoding: 'utf8', ...(root ? { uid: 65534, gid: 65534 } : {}) });
    const a = run(['search', 'x', '--data', locked]);
    expect(a.status, a.stderr).toBe(2);
    expect(a.stderr).toMatch(/locked\/corpus\.json: permission denied\n$/);
    const b = run(['validate', lockedDir]);
    expect(b.status, b.stderr).toBe(2);
    expect(b.stdout).toMatch(/locked-dir: permission denied/);
    const c = run(['extract', locked]);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/locked\/corpus\.json: permission denied/);
    chmodSync(lockedDir, 0o755);
    rmSync(cache, { recursive: true, force: true });
  });
});
