/**
 * Extraction runs where a signal can be handled (issue 18, item 3): SIGTERM during `extract` of a
 * long article ends the command at once with 143, and nothing is left behind. Before, the
 * extractor held the event loop and the signal waited until the whole article was done (tens of
 * seconds here). The bound below is a generous ceiling, not a timing: it is far under the
 * extraction's own time.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { BIN, ROOT, ensureBuilt, env, runAsync } from './helpers.js';

const dir = tempDir('nl-interrupt-');
const article = path.join(dir, 'long.txt');

beforeAll(() => {
  ensureBuilt();
  // about 16 MB of the seed article, repeated: its extraction takes many seconds even on a quiet machine
  const seed = readFileSync(path.join(ROOT, 'seeds/000_77e29c8a411f06ba.txt'), 'utf8');
  writeFileSync(article, Array.from({ length: Math.ceil(16e6 / seed.length) }, () => seed).join('\n'));
}, 180_000);

it('SIGTERM during extract of a long article: ends at once, exit 143, no draft written', async () => {
  const out = path.join(dir, 'draft.json');
  const child = spawn(process.execPath, [BIN, 'extract', article, '-o', out], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  await new Promise((r) => setTimeout(r, 2500)); // started, reading and extracting
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  const result = await Promise.race([ended, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 5000))]);
  if (result === 'still running') child.kill('SIGKILL');
  expect(result).not.toBe('still running');
  expect(result === 'still running' ? null : result.code ?? result.signal).toSatisfy((v: unknown) => v === 143 || v === 'SIGTERM');
  expect(readdirSync(dir).sort()).toEqual(['long.txt']);
  expect(stderr).not.toMatch(/internal error/);
}, 60_000);

it('an article too long for the memory allowed: one clear line, exit 2, no native abort, nothing written', async () => {
  // NL_EXTRACT_HEAP_MB gives the worker the heap of a much smaller machine; the 16 MB article needs more
  const out = path.join(dir, 'oom.json');
  for (const args of [['extract', article, '-o', out], ['search', '--data', article, 'minister']]) {
    const r = await runAsync(args, { env: { NL_EXTRACT_HEAP_MB: '48' }, timeoutMs: 120_000 });
    expect(r.code).toBe(2);
    expect(r.signal).toBeNull();
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/long\.txt|could not extract/);
    expect(lines[0]).toMatch(/too long to extract in the memory this machine allows \(48 MB\); split it into shorter files$/);
    expect(r.stderr).not.toMatch(/internal error|FATAL|heap out of memory|Native stack|Aborted/i);
  }
  expect(readdirSync(dir).sort()).toEqual(['long.txt']);
}, 300_000);
