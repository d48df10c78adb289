/**
 * The search index on disk cannot lie either (issue 18, item 4, for the index that `search` reads
 * since format 4): its header is sealed, each section summed, each record checked. Any changed
 * byte — a span's end, a letter of a quote, an actor's name in the header, the folded text the
 * search scans, a column — means the index is built again and the output is the true one.
 * Before format 5 a changed `"end":145` → `115` and "The" → "TXe" were printed as exact.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { ROOT, ensureBuilt, runAsync } from './helpers.js';

const dir = tempDir('nl-index-seal-');
const data = path.join(ROOT, 'data/kremlin-iran-protests.json');
const args = ['search', 'confident peaked', '--data', data, '--format', 'json'];
const cacheEnv = { NARRATIVE_LENS_CACHE_DIR: dir };

const indexFile = () => path.join(dir, readdirSync(dir).find((n) => n.startsWith('search-') && n.endsWith('.idx'))!);

/** Changes bytes of the index file in place (same length, so only a check can notice). */
function tamper(edit: (b: Buffer, headerEnd: number) => void): void {
  const f = indexFile();
  const b = readFileSync(f);
  edit(b, b.indexOf(10));
  writeFileSync(f, b);
}

function replaceAfter(b: Buffer, from: number, find: string, put: string): void {
  const at = b.indexOf(find, from);
  expect(at, `"${find}" in the index`).toBeGreaterThan(0);
  b.write(put, at);
}

let truth = '';

beforeAll(async () => {
  ensureBuilt();
  const r = await runAsync(args, { env: cacheEnv });
  expect(r.code).toBe(0);
  truth = r.stdout;
  expect(truth).toContain('"end": 145');
  expect(truth).toContain('The Kremlin is confident');
}, 180_000);

describe('a tampered search index is rebuilt, never believed', () => {
  const cases: [string, (b: Buffer, headerEnd: number) => void][] = [
    ['a span end in a record ("end":145 → 115)', (b, h) => replaceAfter(b, h, '"end":145', '"end":115')],
    ['a letter of a quote in a record', (b, h) => replaceAfter(b, h, '"text":"The Kremlin is confident', '"text":"TXe Kremlin is confident')],
    ['an actor’s name in the header', (b) => replaceAfter(b, 0, '"name":"Nikita Smagin"', '"name":"Nikita Smogin"')],
    ['the folded text the search scans', (b, h) => replaceAfter(b, h, 'confident', 'confidant')],
    ['a byte of a column (the speakers)', (b) => {
      const h = JSON.parse(b.subarray(0, b.indexOf(10)).toString()) as { sections: Record<string, [number, number]> };
      const at = b.indexOf(10) + 1 + h.sections.speaker![0];
      b[at] = b[at]! ^ 1;
    }],
  ];
  for (const [what, edit] of cases) {
    it(what, async () => {
      tamper(edit);
      const r = await runAsync(args, { env: cacheEnv });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(truth);
      expect(r.stderr).toBe('');
      // built again: the changed bytes are gone
      const again = readFileSync(indexFile());
      for (const bad of ['"end":115', 'TXe Kremlin', 'Nikita Smogin', 'confidant']) expect(again.includes(bad)).toBe(false);
    }, 120_000);
  }

  it('an index of the previous format is rebuilt, not read', async () => {
    tamper((b) => replaceAfter(b, 0, 'nl-search-index/8', 'nl-search-index/7'));
    const r = await runAsync(args, { env: cacheEnv });
    expect(r.stdout).toBe(truth);
    expect(readFileSync(indexFile()).includes('nl-search-index/8')).toBe(true);
    rmSync(indexFile());
  }, 120_000);
});
