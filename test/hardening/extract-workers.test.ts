/**
 * Extraction of long articles (issue 18, item 3), as a user meets it:
 * - the draft the command writes for a long article (made on a worker, sent back in pieces, its
 *   quotes stringified in runs) is exactly the draft made in place and printed whole;
 * - the tokenizer's ASCII reading gives the tokens of its regular expression, whatever the text;
 * - Ctrl-C during `extract`, and SIGTERM during `ingest` of one long article, end the command at
 *   once with the usual exit code (ingest used to extract one or two files on its main thread);
 * - ingest's workers get the extract command's heap and, when an article needs more, the same one
 *   clear line for that file (it used to be a worker crash, or a native abort in place).
 * The waits below are generous ceilings, far under the extraction's own time, not timings.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDraft } from '../../src/core/extract/index.js';
import { IN_PLACE_BELOW } from '../../src/core/extract/in-worker.js';
import { tokenize } from '../../src/core/extract/doc.js';
import { jsonText } from '../../src/core/json-text.js';
import { tempDir } from '../temp.js';
import { BIN, ROOT, ensureBuilt, env, runAsync } from './helpers.js';

const dir = tempDir('nl-extract-workers-');
const seed = () => readFileSync(path.join(ROOT, 'seeds/000_77e29c8a411f06ba.txt'), 'utf8');
const repeated = (bytes: number) => {
  const s = seed();
  return Array.from({ length: Math.ceil(bytes / s.length) }, () => s).join('\n');
};

beforeAll(() => {
  ensureBuilt();
}, 180_000);

describe('the draft of a long article', () => {
  it('is the same written by the command (worker, pieces) as made in place and printed whole', async () => {
    // the seed and a Wikinews sample, alternating: many actors, quotes spread over paragraphs
    const sample = readFileSync(path.join(ROOT, 'samples/sources/wikinews/articles/kenya-power-sharing-agreement.txt'), 'utf8');
    const text = Array.from({ length: 60 }, (_, i) => (i % 2 ? sample : seed())).join('\n');
    expect(text.length).toBeGreaterThan(4 * IN_PLACE_BELOW); // past the size that is extracted in place
    const file = path.join(dir, 'long-mixed.txt');
    const out = path.join(dir, 'long-mixed.json');
    writeFileSync(file, text);
    const r = await runAsync(['extract', file, '-o', out, '--date', '2026-01-14'], { timeoutMs: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = jsonText(extractDraft(text, { date: '2026-01-14', source: 'long-mixed.txt' }));
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(JSON.parse(expected).articles[0].quotes.length).toBeGreaterThan(500);
  }, 300_000);
});

describe('the tokenizer', () => {
  const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}\p{M}]+(?:[-‐'’][\p{L}\p{N}\p{M}]+)*|\S/gu;
  // pieces where the ASCII reading and the expression could part: initials, joiners, marks, scripts
  const piece = fc.constantFrom('a', 'Z', 'U', 'S', '7', '.', '-', "'", '’', '‐', ' ', '\n', '\t', '\u00a0', '\u2003', 'é', 'e\u0301', '\u0301', 'ß', 'Ж', '٣', 'Ⅻ', '😀', '\ud800', '"', '“', ',', '(', '\u200b', '\ufeff', 'ab', '12', 'U.S.', 'e.g.');

  it('reads the same tokens as its regular expression, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const want = [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
        // a title or middle initial joined with its full stop ("Mr." before a name) is one token
        const got = tokenize(text).flatMap((t) => (text[t.e - 1] === '.' && t.e - t.s > 1 && !/^(?:\p{L}\.){2,}$/u.test(text.slice(t.s, t.e)) ? [[t.s, t.e - 1], [t.e - 1, t.e]] : [[t.s, t.e]]));
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('signals and memory', () => {
  const long = path.join(dir, 'long.txt');
  beforeAll(() => {
    // about 16 MB: its extraction takes many seconds even on a quiet machine
    writeFileSync(long, repeated(16e6));
  });

  async function interrupted(args: string[], sig: NodeJS.Signals): Promise<{ result: number | string | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    await new Promise((r) => setTimeout(r, 2000)); // started, reading and extracting
    const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.kill(sig);
    const result = await Promise.race([ended, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 5000))]);
    if (result === 'still running') child.kill('SIGKILL');
    return { result: result === 'still running' ? result : (result.code ?? result.signal), stderr };
  }

  it('Ctrl-C during extract of a long article ends it at once: exit 130, no draft written', async () => {
    const out = path.join(dir, 'interrupted.json');
    const { result, stderr } = await interrupted(['extract', long, '-o', out], 'SIGINT');
    expect(result).toSatisfy((v: unknown) => v === 130 || v === 'SIGINT');
    expect(existsSync(out)).toBe(false);
    expect(stderr).not.toMatch(/internal error/);
  }, 60_000);

  it('SIGTERM during ingest of one long article ends it at once: exit 143, no draft written', async () => {
    const out = path.join(dir, 'corpus-interrupted');
    const { result, stderr } = await interrupted(['ingest', long, '--out', out], 'SIGTERM');
    expect(result).toSatisfy((v: unknown) => v === 143 || v === 'SIGTERM');
    const drafts = existsSync(out) ? readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.json') && !f.includes('.ingest')) : [];
    expect(drafts).toEqual([]);
    expect(stderr).not.toMatch(/internal error/);
  }, 60_000);

  it('ingest of an article too long for the memory allowed: the file and one clear reason, exit 2, no native abort', async () => {
    // NL_EXTRACT_HEAP_MB gives the workers the heap of a much smaller machine; a 4 MB article needs more
    const small = path.join(dir, 'short.txt');
    writeFileSync(small, seed());
    const four = path.join(dir, 'four-mb.txt');
    writeFileSync(four, repeated(4e6));
    const out = path.join(dir, 'corpus-oom');
    const r = await runAsync(['ingest', four, small, '--out', out], { env: { NL_EXTRACT_HEAP_MB: '48' }, timeoutMs: 240_000 });
    expect(r.code).toBe(2);
    expect(r.signal).toBeNull();
    expect(r.stdout).toMatch(/failures: 1\n/);
    expect(r.stdout).toContain(`${four}: the article (3.9 MB) is too long to extract in the memory this machine allows (48 MB); split it into shorter files`);
    expect(r.stdout).toMatch(/ingested: 1 article/); // the short one is in the corpus
    expect(r.stdout + r.stderr).not.toMatch(/internal error|FATAL|heap out of memory|Native stack|Aborted|crashed/i);
  }, 300_000);
});
