/**
 * Re-audit of 2026-12-01 (issue 18, writes and the terminal): a .qdpx project is a zip, and its
 * bytes on a terminal are read as escape sequences. `--out -`, `--out /dev/stdout` and
 * `--out /dev/tty` onto a terminal are refused in one line; into a pipe or a file they still work.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { BIN, MINI, env } from '../cli/helpers.js';
import { ensureBuilt, runAsync } from './helpers.js';

// util-linux `script` gives the command a terminal of its own
const hasScript = spawnSync('script', ['--version']).status === 0;
const dir = tempDir('nl-reaudit-export-');

describe.skipIf(!hasScript)('a .qdpx project onto a terminal', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it.each(['-', '/dev/stdout', '/dev/tty'])('--out %s on a terminal: refused, exit 2, no zip bytes on the screen', (out) => {
    const log = path.join(dir, `tty${out.replace(/\W/g, '_')}.log`);
    const line = `node "$B" export --format qdpx --data "$D" --out ${out}; echo "exit=$?"`;
    const r = spawnSync('script', ['-qec', line, log], { env: env({ B: BIN, D: path.join(MINI, 'corpus.json') }), encoding: 'latin1', timeout: 60_000 });
    expect(r.status).toBe(0);
    const screen = readFileSync(log, 'latin1');
    expect(screen).toContain(`a .qdpx project is a zip archive: not writing it to the terminal (${out})`);
    expect(screen).toContain('exit=2');
    expect(screen).not.toContain('PK\u0003\u0004'); // a zip's first bytes
  });
});

describe('import of a .qdpx "zip bomb"', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('texts that unpack past the limit are refused before they are unpacked (before: a 3 MB archive of 3 GB of zeros took 3.2 GB); entries never read (a PDF) are not unpacked', async () => {
    const corpus = path.join(MINI, 'corpus.json');
    const qdpx = path.join(dir, 'x.qdpx');
    expect((await runAsync(['export', '--format', 'qdpx', '--data', corpus, '--out', qdpx])).code).toBe(0);
    const entries = unzipSync(readFileSync(qdpx));
    const zeros = new Uint8Array(24 * 1024 * 1024);
    const bomb = path.join(dir, 'bomb.qdpx');
    writeFileSync(bomb, zipSync({ ...entries, 'sources/zeros.txt': zeros }));
    expect(statSync(bomb).size).toBeLessThan(1024 * 1024); // 24 MB of text in under a megabyte
    const r = await runAsync(['import', bomb, '-o', path.join(dir, 'bomb.json'), '--max-file-size', '4MB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.qdpx: its texts unpack to more than 4 MB \(at sources\/zeros\.txt\); not read \(raise the limit with --max-file-size\)/);
    const pdf = path.join(dir, 'pdf.qdpx');
    writeFileSync(pdf, zipSync({ ...entries, 'sources/scan.pdf': zeros }));
    const r2 = await runAsync(['import', pdf, '-o', path.join(dir, 'pdf.json'), '--max-file-size', '4MB']);
    expect(r2.code, r2.stderr).toBe(0);
  });
});

describe('a .qdpx project into a pipe', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('--out - into a pipe is the zip, whole', async () => {
    const r = await runAsync(['export', '--format', 'qdpx', '--data', path.join(MINI, 'corpus.json'), '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('PK\u0003\u0004')).toBe(true);
  });
});
