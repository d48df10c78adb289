/** `extract FILE|-` through runExtract (the handler's core), with in-memory standard streams. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtract, type ExtractArgs, type ExtractIO } from '../../../src/cli/commands/extract.js';
import { CorpusFile } from '../../../src/core/corpus/schema.js';
import { tempDir } from '../../temp.js';

/** this file's temporary folders, removed when it ends */
const TMP = tempDir('nl-test-');

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const x: ExtractIO = { readStdin: async () => Buffer.from(stdin), stdout: (s) => out.push(s), stderr: (s) => err.push(s) };
  return { x, out: () => out.join(''), err: () => err.join('') };
}

const args = (a: Partial<ExtractArgs>): ExtractArgs => ({ format: 'text', file: '-', ...a }) as ExtractArgs;
const ARTICLE = 'Minister: ‘We will not yield’\nThe minister, Ana Lobo, said on Tuesday: “We will not back down.”\n';

describe('extract', () => {
  const dir = mkdtempSync(path.join(TMP, 'nl-extract-'));
  const file = path.join(dir, 'article.txt');
  writeFileSync(file, ARTICLE);

  it('writes a valid draft to stdout, with the metadata given', async () => {
    const t = io();
    expect(await runExtract(args({ file, date: '2026-01-14', outlet: 'Example', url: 'https://e.org/a' }), t.x)).toBe(0);
    const draft = CorpusFile.parse(JSON.parse(t.out()));
    const a = draft.articles[0]!;
    expect(a).toMatchObject({ draft: true, title: 'Minister: ‘We will not yield’', outlet: 'Example', url: 'https://e.org/a', source: file });
    expect(a.quotes.find((q) => q.text === 'We will not back down.')?.when?.date).toBe('2026-01-13');
    expect(t.err()).toBe('');
  });

  it('reads standard input for -', async () => {
    const t = io(ARTICLE);
    expect(await runExtract(args({ file: '-', title: 'Given title' }), t.x)).toBe(0);
    const a = JSON.parse(t.out()).articles[0];
    expect(a.title).toBe('Given title');
    expect(a.source).toBeNull();
  });

  it('writes --out atomically and refuses to overwrite it without --force', async () => {
    const out = path.join(dir, 'draft.json');
    expect(await runExtract(args({ file, out }), io().x)).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(JSON.parse(first).articles[0].source).toBe('article.txt'); // relative to the draft's folder

    const t = io();
    writeFileSync(file, ARTICLE.replace('Lobo', 'Lopes'));
    expect(await runExtract(args({ file, out }), t.x)).toBe(2);
    expect(t.err()).toBe(`narrative-lens: ${out}: already exists; use --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe(first);

    expect(await runExtract(args({ file, out, force: true }), io().x)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Lopes');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [{ file: path.join(dir, 'missing.txt') }, /missing\.txt: no such file or folder/],
    [{ file: dir }, /is a folder/],
    [{ file: '-', date: 'last week' }, /--date must be YYYY-MM-DD/],
    [{ file: '-' }, /standard input: the article is empty/],
    [{ file, out: path.join(dir, 'no-such-folder', 'x.json') }, /folder .*no such file or folder/],
  ])('fails with one line and exit 2: %o', async (a, message) => {
    const t = io();
    expect(await runExtract(args(a), t.x)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    expect(t.out()).toBe('');
  });

  it('refuses text that is not UTF-8', async () => {
    const bad = path.join(dir, 'latin1.txt');
    writeFileSync(bad, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const t = io();
    expect(await runExtract(args({ file: bad }), t.x)).toBe(2);
    expect(t.err()).toMatch(/not valid UTF-8/);
  });

  it('keeps control characters in file names inert in messages', async () => {
    const t = io();
    await runExtract(args({ file: path.join(dir, 'evil\u001b[2J.txt') }), t.x);
    expect(t.err()).not.toContain('\u001b');
  });
});
