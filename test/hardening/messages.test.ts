/**
 * Clear messages (issue 18, item 8): the same file or folder given twice is read once with one
 * note; span mismatches show where the texts differ, never halving a surrogate pair; impossible
 * dates are refused; UTF-32 is named as such.
 */
import { cpSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, loadCorpus } from '../../src/core/corpus/load.js';
import { tempDir } from '../temp.js';
import { ensureBuilt, runAsync } from './helpers.js';

const valid = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
const dir = tempDir('nl-messages-');
const folder = path.join(dir, 'valid');
cpSync(valid, folder, { recursive: true });
const fileA = path.join(folder, 'article-a.json');

async function problemsOf(paths: string[]): Promise<string[]> {
  try {
    await loadCorpus(paths);
  } catch (err) {
    if (err instanceof DataError) return err.problems.map((p) => `${p.where}: ${p.message}`);
    throw err;
  }
  return [];
}

/** A copy of article-a.json changed by `edit`, under a new name. */
function variant(name: string, edit: (data: { articles: { text: string; published?: unknown; quotes: { text: string; span: { start: number; end: number } }[] }[] }) => void): string {
  const data = JSON.parse(readFileSync(fileA, 'utf8'));
  edit(data);
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(data));
  return p;
}

describe('the same file or folder given twice', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('is read once, with one note (not a duplicate-id error for every id in it)', async () => {
    for (const paths of [[fileA, fileA], [folder, fileA], [folder, folder], [fileA, path.join(folder, '.', 'article-a.json')]]) {
      const notes: string[] = [];
      const corpus = await loadCorpus(paths, { onNote: (n) => notes.push(n) });
      expect(corpus.articles.length, paths.join(' ')).toBe(paths.every((p) => p === fileA || p.endsWith('article-a.json')) ? 1 : 2);
      expect(notes, paths.join(' ')).toHaveLength(1);
      expect(notes[0]).toMatch(/: given more than once; read once$/);
    }
    const notes: string[] = [];
    await loadCorpus([fileA, fileA, fileA], { onNote: (n) => notes.push(n) });
    expect(notes).toHaveLength(2);
  });

  it('validate FILE FILE: exit 0, the note on stderr', async () => {
    const r = await runAsync(['validate', fileA, fileA]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/given more than once; read once/g)).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toMatch(/duplicate/);
  });
});

describe('span mismatches', () => {
  it('show where the texts differ, never halving an emoji', async () => {
    // a long quote that differs near its end: the message shows the end, not the equal start
    const long = variant('long.json', (d) => {
      const q = d.articles[0]!.quotes[0]!;
      q.text = q.text.slice(0, -2) + 'XY';
    });
    const [msg] = await problemsOf([long]);
    expect(msg).toMatch(/they differ from character \d+/);
    expect(msg).toContain('XY');
    // emoji (two UTF-16 units each) around the cut: no lone surrogate in the message
    const emoji = variant('emoji.json', (d) => {
      const q = d.articles[0]!.quotes[0]!;
      q.text = '😀'.repeat(60);
    });
    const [m2] = await problemsOf([emoji]);
    expect(m2).toContain('😀');
    expect(m2).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('dates and encodings', () => {
  it('refuses impossible dates (2026-13-45, 2026-02-29)', async () => {
    for (const date of ['2026-13-45', '2026-02-29', '2026-00', '2026-04-31']) {
      const f = variant(`date-${date}.json`, (d) => {
        d.articles[0]!.published = { text: null, date, inferred: false };
      });
      const problems = await problemsOf([f]);
      expect(problems.join('\n'), date).toMatch(/published\.date: no such date/);
    }
    const leap = variant('leap.json', (d) => {
      d.articles[0]!.published = { text: null, date: '2024-02-29', inferred: false };
    });
    expect(await problemsOf([leap])).toEqual([]);
  });

  it('names UTF-32, with or without a byte-order mark, as UTF-32', async () => {
    const text = readFileSync(fileA, 'utf8');
    const utf32 = (le: boolean, bom: boolean) => {
      const cps = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.codePointAt(0)!)];
      const b = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => (le ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
      return b;
    };
    for (const [le, bom, says] of [
      [true, true, 'UTF-32 (little-endian, with a byte-order mark)'],
      [false, true, 'UTF-32 (big-endian, with a byte-order mark)'],
      [true, false, 'UTF-32 (little-endian)'],
      [false, false, 'UTF-32 (big-endian)'],
    ] as const) {
      const f = path.join(dir, `utf32-${le}-${bom}.json`);
      writeFileSync(f, utf32(le, bom));
      expect(await problemsOf([f])).toEqual([`: file is ${says}; save it as UTF-8`]);
    }
  });
});

describe('sizes', () => {
  it('--data article.txt is read under the article limit (32 MB), as extract reads it', async () => {
    const big = path.join(dir, 'big-article.txt');
    writeFileSync(big, '');
    truncateSync(big, 33 * 1024 * 1024); // sparse: nothing is written
    expect(await problemsOf([big])).toEqual([': file is 33 MB, over the 32 MB limit (raise it with --max-file-size 64MB)']);
  });

  it('never advises a size past what one text can hold: says to split the file instead', async () => {
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 2 * 1024 ** 3);
    const [msg] = await problemsOf([huge]);
    expect(msg).toMatch(/over the 256 MB limit and more than one text can hold \(\d+ MB\); split it into several files$/);
    expect(msg).not.toContain('--max-file-size');
  });
});

describe('options typed to the wrong command', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('another command’s option is named as such, never answered with "did you mean" the same option', async () => {
    // before: "unknown option --out" then "did you mean --out?"
    const r = await runAsync(['actors', '--out', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('narrative-lens: --out is not an option of actors\nnarrative-lens: it belongs to extract, ingest, export, import, report; see: narrative-lens actors --help\n');
    const typo = await runAsync(['actors', '--fromat', 'json']);
    expect(typo.stderr).toMatch(/unknown option --fromat\n.*did you mean --format\? See: narrative-lens actors --help/);
  });
});
