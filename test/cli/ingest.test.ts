/**
 * `narrative-lens ingest` as a user runs it (the built command): a mixed folder becomes a corpus
 * the other commands open; the summary; no progress bar when stderr is not a terminal; failures
 * listed with file and reason and exit 2; a folder of someone else's files is never written to.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, run } from './helpers.js';
import { formatProgress } from '../../src/cli/print/progress.js';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'nl-cli-ingest-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeAll(() => ensureBuilt());

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry strike ends | Coast News</title>
<meta property="og:site_name" content="Coast News"><meta property="article:published_time" content="2024-05-02T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry strike ends</h1>
<p>Ferry workers returned to work on Thursday after the union and the operator agreed a new contract late on Wednesday night.</p>
<p>"It was a long week for everyone, and we are glad it is over," said Karin Dahl, the union's regional secretary, outside the terminal.</p>
</article><footer>© Coast News</footer></body></html>`;

function folder(): string {
  const src = temp();
  mkdirSync(path.join(src, 'pages'));
  writeFileSync(path.join(src, 'pages', 'ferry.html'), PAGE);
  writeFileSync(path.join(src, 'pier.md'), '---\ntitle: Pier to close\noutlet: Harbour Gazette\n---\n\n"We cannot risk anyone\'s safety on a structure that old," said Maria Lindqvist, the chief engineer.\n');
  writeFileSync(path.join(src, 'council.txt'), 'Council approves budget\n\n"This is a budget for the people who live here," said Anna Keller, the finance chair.\n');
  return src;
}

describe('narrative-lens ingest', () => {
  it('ingests a mixed folder, prints a summary, and the corpus opens in the other commands', () => {
    const out = path.join(temp(), 'corpus');
    const src = folder();
    const r = run(['ingest', src, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // not a terminal: no progress bar
    expect(r.stdout).toMatch(/^ingested: 3 articles in .*corpus \(3 extracted, 0 unchanged, 0 removed\)$/m);
    expect(r.stdout).toMatch(/^quotes: 3 direct, /m);
    expect(r.stdout).toContain(`open it: narrative-lens --data ${out}`);
    expect(readdirSync(out).sort()).toEqual(['.ingest', 'council.json', 'ferry.json', 'pier.json']);
    const s = run(['search', 'speaker:dahl', '--data', out, '-f', 'json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)[0].text).toBe('It was a long week for everyone, and we are glad it is over,');
    expect(run(['validate', out]).code).toBe(0);
    // again: nothing extracted
    const again = run(['ingest', src, '--out', out, '-f', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ articles: 3, extracted: 0, unchanged: 3 });
  });

  it('lists a file that fails with its reason, ingests the rest, and exits 2', () => {
    const src = folder();
    writeFileSync(path.join(src, 'broken.txt'), Buffer.from([0x48, 0x69, 0x0a, 0xff, 0x0a]));
    const out = path.join(temp(), 'c');
    const r = run(['ingest', src, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^ingested: 3 articles/m);
    expect(r.stdout).toMatch(/^failures: 1$/m);
    expect(r.stdout).toMatch(/broken\.txt: line 2, byte 1 \(offset 3\): not valid UTF-8/);
    expect(existsSync(path.join(out, 'ferry.json'))).toBe(true);
  });

  it('refuses a folder of other files, a missing input and a missing --out, with one line each and exit 2', () => {
    const mine = temp();
    writeFileSync(path.join(mine, 'notes.json'), '{"mine": true}');
    const r = run(['ingest', folder(), '--out', mine]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds other files and was not made by ingest/);
    expect(readFileSync(path.join(mine, 'notes.json'), 'utf8')).toBe('{"mine": true}');
    const m = run(['ingest', path.join(mine, 'nope'), '--out', path.join(mine, 'x')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/nope: no such file or folder/);
    expect(m.stderr).not.toMatch(/\n\s+at /);
    const o = run(['ingest', folder()]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/--out is required/);
  });
});

describe('the progress line', () => {
  it('shows count, bar, rate and time left within the width', () => {
    const line = formatProgress({ done: 250, total: 1000, failed: 2 }, 5000, 80);
    expect(line).toBe(`    250/1,000 ${'█'.repeat(8)}${'░'.repeat(22)}  50/s  0:15 left  2 failed`);
    expect(formatProgress({ done: 1000, total: 1000, failed: 0 }, 20_000, 40).length).toBeLessThan(40);
  });
});
