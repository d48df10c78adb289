/**
 * Sizes and encodings at the edges (issue 18, item 2): the place of the first invalid UTF-8 byte
 * is found piece by piece (a character straddling two pieces is no error), text on standard input
 * decodes whole whatever the pipe's chunks, and a file past what one string can hold is refused
 * with advice that does not lead to a second refusal.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, firstInvalidUtf8, overMessage } from '../../src/core/corpus/load.js';
import { tempDir } from '../temp.js';
import { BIN, ROOT, ensureBuilt, env, runAsync } from './helpers.js';

/**
 * By definition (Unicode, table 3-7): the offset where the first ill-formed sequence begins — a
 * byte that cannot start a character, or the lead byte of one that is not finished.
 */
function reference(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let k = 1; k < n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n;
  }
  return b.length;
}

const dir = tempDir('nl-sizes-');

describe('the first invalid UTF-8 byte', () => {
  it('is the same place, whatever the piece size, for any bytes', () => {
    // mostly valid text with multi-byte characters, and now and then a stray byte
    const unit = fc.oneof(fc.constantFrom('a', 'é', '€', '😀', '\u0800', '\uffff'), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc2, 0xe2, 0xed, 0xf0, 0xf4, 0xf5, 0xff));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (units, piece) => {
        const bytes = Buffer.concat(units.map((u) => (typeof u === 'string' ? Buffer.from(u) : Buffer.from([u]))));
        fc.pre(reference(bytes) < bytes.length); // the loader asks only about invalid bytes
        expect(firstInvalidUtf8(bytes, piece)).toBe(reference(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('is not put on a valid character before it (a "€" cut in two by the search)', () => {
    // before: named offset 0 here, the euro sign, instead of the 0xFF at offset 13
    const bytes = Buffer.concat([Buffer.from('€€€€'), Buffer.from([0x61, 0xff])]);
    expect(firstInvalidUtf8(bytes)).toBe(13);
  });

  it('is found in a large input past the first piece', () => {
    const bytes = Buffer.alloc(3_000_000, 0x61);
    bytes.write('é😀', 1_048_575); // straddles the first piece boundary: valid
    bytes[2_500_001] = 0xff;
    expect(firstInvalidUtf8(bytes)).toBe(2_500_001);
  });
});

describe('standard input', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('decodes multi-byte characters that straddle the pipe’s chunks (not "invalid UTF-8")', () => {
    // about 200 KB; a two-, three- and four-byte character across every 64 KB boundary a pipe cuts at
    const parts: Buffer[] = [Buffer.from('Talks resumed.\nThe minister said: "We will wait."\n')];
    let size = parts[0]!.length;
    for (let k = 1; k <= 3; k++) {
      const pad = k * 65536 - size - 2;
      parts.push(Buffer.from(`${'word '.repeat(Math.floor(pad / 5))}${'x'.repeat(pad % 5)}`));
      parts.push(Buffer.from(['é', '€', '😀'][k - 1]!));
      size = parts.reduce((n, b) => n + b.length, 0);
    }
    const input = Buffer.concat(parts);
    const r = spawnSync(process.execPath, [BIN, 'extract', '-'], { input, env: env(), maxBuffer: 1 << 28 });
    expect(r.stderr.toString()).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.toString()).articles[0].text).toBe(input.toString('utf8'));
  }, 120_000);
});

describe('past one string', () => {
  it('advice raises the limit only when that is enough', () => {
    const MB = 1024 * 1024;
    expect(overMessage(23 * 1024, 4 * 1024)).toBe('file is 23 KB, over the 4 KB limit (raise it with --max-file-size 1MB)');
    expect(overMessage(600 * MB, 256 * MB)).toBe('file is 600 MB, over the 256 MB limit and more than one text can hold (512 MB); split it into several files');
    expect(overMessage(600 * MB, 1024 * MB)).toBe('file is 600 MB, more than one text can hold (512 MB); split it into several files');
    expect(overMessage(undefined, 8 * MB)).toBe('file is over the 8 MB limit (raise it with --max-file-size 16MB)');
    expect(overMessage(undefined, 2048 * MB)).toBe('file is over 512 MB, more than one text can hold (512 MB); split it into several files');
    expect(MAX_TEXT_BYTES).toBeGreaterThan(500 * MB);
  });

  it('a sparse file past the string limit: one clear line, exit 2, on every path, without reading it', async () => {
    ensureBuilt();
    const big = path.join(dir, 'big.txt');
    const bigJson = path.join(dir, 'big.json');
    for (const f of [big, bigJson]) {
      const fd = openSync(f, 'w');
      writeSync(fd, 'a', MAX_TEXT_BYTES + 1000); // sparse: costs nothing on disk
      closeSync(fd);
    }
    writeFileSync(path.join(dir, 'small.txt'), 'x');
    const runs = [
      ['extract', big],
      ['extract', big, '--max-file-size', '1GB'],
      ['validate', bigJson, '--max-file-size', '1GB'],
      ['search', 'x', '--data', bigJson, '--max-file-size', '1GB'],
      ['search', 'x', '--data', big, '--max-file-size', '1GB'],
      ['actors', '--data', bigJson],
    ];
    for (const args of runs) {
      const r = await runAsync(args, { timeoutMs: 60_000 });
      expect(r.code, args.join(' ')).toBe(2);
      const text = r.stdout + r.stderr;
      expect(text, args.join(' ')).toMatch(/more than one text can hold \(512 MB\); split it into several files/);
      expect(text).not.toMatch(/raise it|internal error|Invalid string length|FATAL|Native stack/);
    }
  }, 300_000);
});

describe('more data than the heap can take', () => {
  /** A valid corpus of about `mb` megabytes: the mini corpus' article repeated with fresh ids. */
  function denseCorpus(file: string, mb: number): void {
    const mini = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/cli/mini/corpus.json'), 'utf8'));
    const art = mini.articles[0];
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < mb * 1024 * 1024; i++) {
      const a = {
        ...art,
        id: `${art.id}-${i}`,
        quotes: art.quotes.map((q: { id: string }) => ({ ...q, id: `${q.id}-${i}` })),
        events: art.events.map((e: { id: string }) => ({ ...e, id: `${e.id}-${i}` })),
        silences: art.silences.map((s: { id: string }) => ({ ...s, id: `${s.id}-${i}` })),
      };
      const s = JSON.stringify(a);
      parts.push(s);
      size += s.length;
    }
    const head = JSON.stringify({ format: mini.format, actors: mini.actors, narratives: mini.narratives, axes: mini.axes, positions: mini.positions });
    // positions point at the first copy's quotes
    const text = `${head.slice(0, -1)},"articles":[${parts.join(',')}]}`.replace(/"evidence":\[(.*?)\]/g, (_m, list: string) => `"evidence":[${list.replace(/"([^"]+)"/g, '"$1-0"')}]`);
    writeFileSync(file, text);
  }

  it('is refused before parsing, naming the memory it would take and the limit (before: a native out-of-memory abort)', async () => {
    ensureBuilt();
    const file = path.join(dir, 'dense.json');
    denseCorpus(file, 24);
    for (const args of [['search', 'minister', '--data', file], ['validate', file]]) {
      // a 120 MB heap, a smaller machine's share: before, the first `search` ended in "FATAL ERROR:
      // Reached heap limit", a native stack and signal 6 (it runs in a 160 MB one)
      const r = await runAsync(args, { env: { NODE_OPTIONS: '--max-old-space-size=120' }, timeoutMs: 120_000 });
      const text = r.stdout + r.stderr;
      expect(r.signal, args.join(' ')).toBeNull();
      expect(r.code, args.join(' ')).toBe(2);
      expect(text).toMatch(/dense\.json: file is 2\d MB; loading it takes about \d+ MB of memory, more than this process may use \(\d+ MB\); split it into several files/);
      expect(text).not.toMatch(/FATAL|Native stack|internal error/);
    }
  }, 300_000);
});

describe('--max-file-size and the search index', () => {
  it('holds on a second run too, when the index on disk already exists', async () => {
    ensureBuilt();
    const mini = path.join(ROOT, 'test/fixtures/cli/mini/corpus.json');
    const first = await runAsync(['search', 'colour', '--data', mini, '--max-file-size', '1MB']);
    expect(first.code).toBe(0); // builds the index
    // before: the index answered (exit 0, the quotes printed) although the file is over the limit
    const second = await runAsync(['search', 'colour', '--data', mini, '--max-file-size', '4KB']);
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/corpus\.json: file is 2\d KB, over the 4 KB limit \(raise it with --max-file-size 1MB\)/);
  }, 120_000);
});
