/**
 * Re-audit of 2026-12-01 (issue 18, "a second set of hostile inputs"): study files broken or
 * reached in odd ways. Each must give one clear message naming the file and the place, exit 2,
 * and lose nothing; or work.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { BIN, MINI, STACK, env } from '../cli/helpers.js';
import { ensureBuilt, runAsync } from './helpers.js';

const dir = tempDir('nl-reaudit-study-');
const corpus = path.join(dir, 'corpus.json');
cpSync(path.join(MINI, 'corpus.json'), corpus);
const study = path.join(dir, 's.json');
let good = '';

/** A copy of the study under `name`, its parsed JSON changed by `edit`. */
interface StudyJson {
  study: { narratives: Record<string, unknown>[]; questions: Record<string, unknown>[]; created: { at: string } };
}
function variant(name: string, edit: (s: StudyJson) => void): string {
  const data = JSON.parse(good);
  edit(data);
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(data, null, 2));
  return p;
}

function clean(r: { stdout: string; stderr: string }): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/internal error/i);
}

describe('study files, broken or reached in odd ways', () => {
  beforeAll(async () => {
    ensureBuilt();
    const r = await runAsync(['init', study, '--data', corpus]);
    expect(r.code, r.stderr).toBe(0);
    expect((await runAsync(['narrative', 'create', 'Colour', '--study', study])).code).toBe(0);
    expect((await runAsync(['question', 'add', 'Who is behind it?', '--study', study])).code).toBe(0);
    good = readFileSync(study, 'utf8');
  }, 180_000);

  it('a cut-short study names the line and column of the break, as a corpus file does', async () => {
    const p = path.join(dir, 'cut.json');
    writeFileSync(p, good.slice(0, 300));
    for (const args of [['search', 'x', '--study', p], ['validate', p]]) {
      const r = await runAsync(args);
      expect(r.code).toBe(2);
      clean(r);
      expect(r.stdout + r.stderr).toMatch(/cut\.json: line \d+, column \d+: broken JSON/);
      expect(r.stdout + r.stderr).not.toMatch(/at position/);
    }
  });

  it('a study saved as UTF-16 or UTF-32 is named so, not "Unexpected token"', async () => {
    const u16 = path.join(dir, 'u16.json');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]));
    const r = await runAsync(['search', 'x', '--study', u16]);
    expect(r.code).toBe(2);
    clean(r);
    expect(r.stderr).toMatch(/u16\.json: file is UTF-16 \(little-endian, with a byte-order mark\); save it as UTF-8/);
    const u32 = path.join(dir, 'u32.json');
    const b = Buffer.alloc(good.length * 4);
    for (let i = 0; i < good.length; i++) b.writeUInt32LE(good.charCodeAt(i), i * 4);
    writeFileSync(u32, b);
    const r2 = await runAsync(['validate', u32]);
    expect(r2.code).toBe(2);
    expect(r2.stdout + r2.stderr).toMatch(/u32\.json: file is UTF-32 \(little-endian\)/);
  });

  it('a Latin-1 study is refused with its line and byte, and an edit leaves it byte for byte (before: é became U+FFFD and the save wrote it so)', async () => {
    const p = path.join(dir, 'latin.json');
    const bytes = Buffer.from(good.replace('"title": "s"', '"title": "caf\u00e9"'), 'latin1');
    writeFileSync(p, bytes);
    const r = await runAsync(['question', 'add', 'Anything?', '--study', p]);
    expect(r.code).toBe(2);
    clean(r);
    expect(r.stderr).toMatch(/latin\.json: line \d+, byte \d+ \(offset \d+\): not valid UTF-8/);
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('an empty study says it is empty', async () => {
    const p = path.join(dir, 'empty.json');
    writeFileSync(p, '');
    const r = await runAsync(['search', 'x', '--study', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty\.json: file is empty; a study is a JSON object/);
  });

  it('two narratives (or questions) under one id are refused by validate, naming both places (before: "ok", and one of them vanished from every view)', async () => {
    const p = variant('twice.json', (s) => {
      s.study.narratives.push({ ...s.study.narratives[0], label: 'Another label' });
    });
    const r = await runAsync(['validate', p]);
    expect(r.code).toBe(2);
    clean(r);
    expect(r.stdout).toMatch(/twice\.json: \$\.study\.narratives\[1\]: id "n-[a-z0-9-]+" repeated \(first at \$\.study\.narratives\[0\]\)/);
    const q = variant('twice-q.json', (s) => {
      s.study.questions.push(s.study.questions[0]!);
    });
    const r2 = await runAsync(['search', 'x', '--study', q]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/\$\.study\.questions\[1\]: id "[^"]+" repeated/);
  });

  it('an impossible time in a study (2026-13-45T99:99:99Z) is refused by validate', async () => {
    const p = variant('date.json', (s) => {
      s.study.created.at = '2026-13-45T99:99:99Z';
    });
    const r = await runAsync(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/date\.json: \$\.study\.created\.at: no such day or time/);
  });

  it('a study reached through a symbolic link is saved into the file it points to; the link stays a link (before: replaced by a file, the real study never got the edit)', async () => {
    const real = path.join(dir, 'real.json');
    writeFileSync(real, good);
    const link = path.join(dir, 'link.json');
    symlinkSync(real, link);
    const r = await runAsync(['question', 'add', 'Through the link?', '--study', link]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('Through the link?');
  });
});

describe('a corpus on a pipe', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('search --data /dev/stdin and --data <(cat FILE) find the quotes (before: "file is empty": the search index read the pipe first)', () => {
    // a shell's pipe (node's own stdio pipes are sockets, which /dev/stdin cannot open)
    for (const line of [`cat "$C" | node "$B" search the --data /dev/stdin -f json`, `node "$B" search the --data <(cat "$C") -f json`]) {
      const r = spawnSync('bash', ['-c', line], { env: env({ C: corpus, B: BIN }), encoding: 'utf8' });
      expect(r.stderr, line).not.toMatch(/file is empty/);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
    }
  });
});
