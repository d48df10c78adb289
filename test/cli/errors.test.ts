/** Exit codes and messages for mistakes: bad flags, bad values, broken data, signals, pipes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, env, FIXTURES, MINI, ROOT, run, start, STACK } from './helpers.js';
import { tempDir } from '../temp.js';

/** this file's temporary folders, removed when it ends */
const TMP = tempDir('nl-test-');

beforeAll(ensureBuilt, 120_000);

/** An error is one line plus (at most) one hint line, both prefixed, no stack trace. */
function expectUsageError(args: string[], message: RegExp, hint?: RegExp) {
  const r = run(args);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.stdout, args.join(' ')).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
  for (const l of lines) expect(l).toMatch(/^narrative-lens: /);
  expect(lines[0]).toMatch(message);
  if (hint) expect(lines[1]).toMatch(hint);
  expect(r.stderr).not.toMatch(STACK);
}

describe('usage errors: exit 2, one line and a hint', () => {
  it('unknown command, with a suggestion', () => {
    expectUsageError(['serch', 'colour'], /unknown command "serch"/, /did you mean narrative-lens search\?/);
    expectUsageError(['frobnicate'], /unknown command "frobnicate"/, /commands: search, actors/);
  });
  it('unknown option, with a suggestion', () => {
    expectUsageError(['search', 'x', '--fromat', 'json'], /unknown option --fromat/, /did you mean --format\?/);
    expectUsageError(['actors', '--limt', '3'], /unknown option --limt/, /did you mean --limit\?/);
    expectUsageError(['--serach', 'x'], /unknown option --serach/, /did you mean --search\?/);
  });
  it('bad values', () => {
    expectUsageError(['search', 'x', '--format', 'xml'], /invalid value "xml" for --format/, /text, json, ndjson, csv, markdown/);
    expectUsageError(['--pane', 'graphs'], /invalid value "graphs" for --pane/, /quotes, actors, narratives, timeline/);
    expectUsageError(['search', 'x', '--limit', 'many'], /--limit must be a whole number/);
    expectUsageError(['search', 'x', '--limit', '-2'], /--limit must be a whole number/);
    expectUsageError(['completion', 'fish'], /invalid value "fish" \(shell\)/, /bash, zsh/);
  });
  it('missing arguments', () => {
    expectUsageError(['search'], /search needs a query/);
    expectUsageError(['compare'], /compare needs two or more narratives/);
    expectUsageError(['search', 'x', '--data'], /--data needs a value/);
    expectUsageError(['-s'], /-s needs a value/);
  });
  it('too many arguments', () => {
    expectUsageError(['search', 'colour', 'revolution'], /unexpected argument: revolution/, /quote a query/);
  });
});

describe('data errors: exit 2, the file and the place', () => {
  it('a missing file', () => {
    const r = run(['search', 'x', '--data', 'no/such/file.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^narrative-lens: no\/such\/file\.json: no such file or folder\n$/);
  });
  it('broken JSON names line and column', () => {
    const r = run(['actors', '--data', path.join(FIXTURES, 'malformed.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^narrative-lens: test\/fixtures\/cli\/malformed\.json: line 4, column 3: /);
    expect(r.stderr).not.toMatch(STACK);
  });
  it('wrong types and spans name the JSON path', () => {
    const r = run(['timeline', '--data', 'test/fixtures/broken/span-off.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/span-off\.json: \$\.articles\[0\]\.quotes\[0\]\.span: /);
  });
  it('an empty file and a folder with junk', () => {
    expect(run(['narratives', '--data', 'test/fixtures/broken/empty.json']).stderr).toMatch(/empty\.json: .*empty/);
    expect(run(['narratives', '--data', 'test/fixtures/folder-with-junk']).code).toBe(2);
  });
  it('many problems: the first ten, then how to see them all', () => {
    const dir = mkdtempSync(path.join(TMP, 'nl-many-'));
    const quotes = Array.from({ length: 15 }, (_, i) => ({ id: `q${i}`, kind: 'direct', text: 'nope', span: { start: 0, end: 4 }, speaker: 'ghost' }));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ articles: [{ id: 'a', title: 't', text: 'text here', quotes }] }));
    const r = run(['search', 'x', '--data', dir]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/… and \d+ more problems; see them all with: narrative-lens validate /);
  });
  it('validate: the summary and 0, or every problem and 2', () => {
    const ok = run(['validate', MINI]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: 1 article, 19 quotes \(17 direct, 1 indirect, 1 terms\), 10 actors, 4 narratives, 5 questions, 9 positions, 4 events/);
    const bad = run(['validate', 'test/fixtures/broken/span-off.json', '--format', 'json']);
    expect(bad.code).toBe(2);
    const j = JSON.parse(bad.stdout);
    expect(j.ok).toBe(false);
    expect(j.problems[0]).toMatchObject({ file: 'test/fixtures/broken/span-off.json', where: '$.articles[0].quotes[0].span' });
    const text = run(['validate', 'test/fixtures/broken/span-off.json', path.join(FIXTURES, 'malformed.json')]);
    expect(text.code).toBe(2);
    expect(text.stdout.trimEnd().split('\n').length).toBeGreaterThanOrEqual(2);
    for (const l of text.stdout.trimEnd().split('\n')) expect(l).toMatch(/^test\/fixtures\/[\w/.-]+\.json: (\$|line )/);
    expect(text.stderr).toMatch(/^narrative-lens: \d+ problems in \d files?\n$/);
    expect(JSON.parse(run(['validate', MINI, '-f', 'json']).stdout)).toMatchObject({ ok: true, summary: { quotes: { total: 19 } } });
  });
  it('validate defaults to --data, then the bundled data', () => {
    expect(run(['validate', '--data', MINI, '-f', 'json']).stdout).toBe(run(['validate', MINI, '-f', 'json']).stdout);
    const bundled = run(['validate']);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toMatch(/data\/kremlin-iran-protests\.json/);
  });
});

describe('exit codes for interruption and pipes', () => {
  it('Ctrl-C (SIGINT) while loading: exit status 130 in a shell', async () => {
    const dir = mkdtempSync(path.join(TMP, 'nl-fifo-'));
    const fifo = path.join(dir, 'stuck.json');
    spawnSync('mkfifo', [fifo]);
    // the command blocks reading a FIFO nobody writes: a stand-in for a slow load
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" search x --data "${fifo}" & pid=$!; sleep 1; kill -INT $pid; wait $pid; echo "status=$?"`], {
      cwd: ROOT,
      env: env(),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stdout).toMatch(/status=130/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a closed pipe (| head -1) ends quietly with status 0', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" search "" --data "${MINI}" | head -1; echo "status=$?"`], {
      cwd: ROOT,
      env: env(),
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(/^Nikita Smagin .*\nstatus=0\n$/);
    expect(r.stderr).toBe('');
  });

  it('signalled by a parent process while loading: dies by SIGINT (a shell shows 130)', async () => {
    const dir = mkdtempSync(path.join(TMP, 'nl-fifo-'));
    const fifo = path.join(dir, 'stuck.json');
    spawnSync('mkfifo', [fifo]);
    const child = start(['actors', '--data', fifo]);
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('exit', (c, s) => res([c, s])));
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += String(b)));
    await new Promise((res) => setTimeout(res, 1000));
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect(code === 130 || signal === 'SIGINT', `code ${code} signal ${signal}`).toBe(true);
    expect(stderr).toBe('');
  });
});
