import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile, cp, lstat, symlink, stat, unlink, chmod, truncate, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, summarize } from '../../../src/core/corpus/load.js';
import { tempDir } from '../../temp.js';
import { readsOnDemand } from '../../../src/core/corpus/texts-on-demand.js';

const valid = fileURLToPath(new URL('../../fixtures/valid/', import.meta.url));

const tmp = tempDir('nl-cache-');

async function setup() {
  const root = await mkdtemp(path.join(tmp, 'case-'));
  const data = path.join(root, 'data');
  const cacheDir = path.join(root, 'cache');
  await cp(valid, data, { recursive: true });
  return { data, cacheDir };
}

describe('the corpus cache', () => {
  it('stores a validated corpus and loads the same corpus from it', async () => {
    const { data, cacheDir } = await setup();
    const first = await loadCorpus([data], { cache: true, cacheDir });
    const entries = await readdir(cacheDir);
    expect(entries).toHaveLength(1);
    const second = await loadCorpus([data], { cache: true, cacheDir });
    expect(summarize(second)).toEqual(summarize(first));
    // texts come back exactly, sliced out of the article text (after an emoji: code points)
    expect(second.quoteById.get('qb-2')!.quote.text).toBe('again');
    expect(second.articles.map((a) => a.text)).toEqual(first.articles.map((a) => a.text));
    expect(second.articles[0]!.mentions).toEqual(first.articles[0]!.mentions);
  });

  it('misses when any file changes, and then refuses the changed data', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const file = path.join(data, 'article-b.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"text": "again"', '"text": "agian"'));
    await expect(loadCorpus([data], { cache: true, cacheDir })).rejects.toThrow(/span 47-52 holds "again", not the "agian"/);
  });

  it('ignores a damaged entry and rebuilds it', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const [entry] = await readdir(cacheDir);
    const p = path.join(cacheDir, entry!);
    const good = await readFile(p);
    await writeFile(p, good.subarray(0, good.length - 5)); // cut short: the texts' checksum fails
    const again = await loadCorpus([data], { cache: true, cacheDir });
    expect(again.articles).toHaveLength(2);
    expect(again.quoteById.get('qb-2')!.quote.text).toBe('again');
    expect((await readFile(p)).equals(good)).toBe(true); // rebuilt
  });

  it('a cache entry that does not belong to the files is never trusted', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const [entry] = await readdir(cacheDir);
    const p = path.join(cacheDir, entry!);
    const [seal, head, ...rest] = (await readFile(p, 'utf8')).split('\n');
    const forged = JSON.parse(head!);
    forged.key = 'someone-else';
    forged.parts.articles = [];
    await writeFile(p, [seal, JSON.stringify(forged), ...rest].join('\n'));
    expect((await loadCorpus([data], { cache: true, cacheDir })).articles).toHaveLength(2);
  });
});

/** The one entry of a cache folder. */
async function entryOf(cacheDir: string): Promise<string> {
  const names = (await readdir(cacheDir)).filter((n) => n.startsWith('corpus-'));
  expect(names).toHaveLength(1);
  return path.join(cacheDir, names[0]!);
}

describe('a cache that cannot lie (issue 18)', () => {
  it('one changed byte in the header ("end":145 -> 115) means rebuild, never a cut quote', async () => {
    const { data, cacheDir } = await setup();
    const fresh = await loadCorpus([data], { cache: true, cacheDir });
    const p = await entryOf(cacheDir);
    const good = await readFile(p);
    const quote = fresh.quoteById.get('qb-2')!.quote;
    const from = `"end":${quote.span.end}`;
    const to = `"end":${quote.span.end - 3}`;
    expect(good.includes(from)).toBe(true);
    await writeFile(p, Buffer.from(good.toString('latin1').replace(from, to), 'latin1'));
    const again = await loadCorpus([data], { cache: true, cacheDir });
    expect(again.quoteById.get('qb-2')!.quote).toEqual(quote);
    expect(again.articles).toEqual(fresh.articles);
    expect((await readFile(p)).equals(good)).toBe(true); // rebuilt
  });

  it('an entry of another version, or one that does not parse, is rebuilt, not an error', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const p = await entryOf(cacheDir);
    const good = await readFile(p);
    const bad = [
      Buffer.from(good.toString('latin1').replace('nl-corpus-cache/5', 'nl-corpus-cache/4'), 'latin1'),
      Buffer.from('{"format":'),
      Buffer.alloc(0),
      Buffer.from('\n\n\n'),
      Buffer.concat([good.subarray(0, 200), Buffer.from([0xff, 0xfe, 0x00]), good.subarray(203)]),
      // the header's articles, read one by one as they come: broken inside one, cut, not where expected
      Buffer.from(good.toString('latin1').replace('"mentions":[', '"mentions":{'), 'latin1'),
      Buffer.from(good.toString('latin1').replace('"mentions":[', '"mentions"}['), 'latin1'),
      Buffer.from(good.toString('latin1').replace('"articles":[', '"articlez":['), 'latin1'),
      Buffer.from(good.toString('latin1').replace('"textsLength":', '"textsLengthh":'), 'latin1'),
    ];
    for (const [i, b] of bad.entries()) {
      await writeFile(p, b);
      const c = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: i % 2 === 0 ? 1 : false });
      expect(c.articles).toHaveLength(2);
      expect((await readFile(p)).equals(good)).toBe(true);
    }
  });

  it('a link to /dev/zero, a huge entry and a FIFO in the entry\'s place are skipped, not read', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const p = await entryOf(cacheDir);
    const good = await readFile(p);
    await unlink(p);
    await symlink('/dev/zero', p);
    expect((await loadCorpus([data], { cache: true, cacheDir })).articles).toHaveLength(2);
    expect((await lstat(p)).isSymbolicLink()).toBe(false); // replaced by a real entry, the link not followed
    expect((await readFile(p)).equals(good)).toBe(true);
    await truncate(p, 4 * 1024 ** 3); // a sparse 4 GB file: reading it would take the memory
    expect((await loadCorpus([data], { cache: true, cacheDir })).articles).toHaveLength(2);
    expect((await readFile(p)).equals(good)).toBe(true);
    await rm(p);
    execFileSync('mkfifo', [p]);
    expect((await loadCorpus([data], { cache: true, cacheDir })).articles).toHaveLength(2); // did not wait for a writer
    expect((await readFile(p)).equals(good)).toBe(true);
  });

  it('writes entries owner-only, and never through a link in their place', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const p = await entryOf(cacheDir);
    expect((await stat(p)).mode & 0o777).toBe(0o600);
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
    // an entry someone made world-readable, damaged: the rebuilt one is owner-only again
    await writeFile(p, 'x');
    await chmod(p, 0o644);
    await loadCorpus([data], { cache: true, cacheDir });
    expect((await stat(p)).mode & 0o777).toBe(0o600);
    // a link in the entry's place pointing at someone's file: the file is untouched
    const victim = path.join(path.dirname(cacheDir), 'victim.txt');
    await writeFile(victim, 'precious');
    await unlink(p);
    await symlink(victim, p);
    await loadCorpus([data], { cache: true, cacheDir });
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect((await lstat(p)).isFile()).toBe(true);
  });
});

describe('knowing the cache entry without reading the files', () => {
  const settle = () => new Promise((r) => setTimeout(r, 3200)); // past the window in which a stamp cannot be trusted (stamps.ts)

  it('files unchanged since they were read are not read again; a file changed after is', async () => {
    const { data, cacheDir } = await setup();
    await settle();
    const first = await loadCorpus([data], { cache: true, cacheDir });
    const books = (await readdir(cacheDir)).filter((n) => n.startsWith('keys-'));
    expect(books).toHaveLength(1); // the files' content key, with their stamps
    expect((await stat(path.join(cacheDir, books[0]!))).mode & 0o777).toBe(0o600);
    const again = await loadCorpus([data], { cache: true, cacheDir });
    expect(summarize(again)).toEqual(summarize(first));
    expect(again.quoteById.get('qb-2')!.quote.text).toBe('again');
    expect(again.files).toEqual(first.files);
    // the same size, other bytes: the stamp no longer holds, the file is read and checked
    const file = path.join(data, 'article-b.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"text": "again"', '"text": "agian"'));
    await expect(loadCorpus([data], { cache: true, cacheDir })).rejects.toThrow(/span 47-52 holds "again", not the "agian"/);
  }, 20_000);

  it('a file just written is read every time: nothing is recorded for it', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    expect((await readdir(cacheDir)).filter((n) => n.startsWith('keys-'))).toEqual([]);
  });

  it('a file now over the size limit is not taken from the cache: the limit is still said', async () => {
    const { data, cacheDir } = await setup();
    await settle();
    await loadCorpus([data], { cache: true, cacheDir });
    const over = expect.objectContaining({ message: expect.stringMatching(/^file is .*, over the 100 bytes limit/) });
    await expect(loadCorpus([data], { cache: true, cacheDir, maxFileBytes: 100 })).rejects.toMatchObject({ problems: [over, over] });
  }, 20_000);
});

describe('texts on demand (the dashboard: a large corpus keeps its texts on disk until shown)', () => {
  it('a corpus from the cache reads each text when asked, and gives the same corpus', async () => {
    const { data, cacheDir } = await setup();
    const fresh = await loadCorpus([data], { cache: true, cacheDir });
    const eager = await loadCorpus([data], { cache: true, cacheDir }); // from the cache too, texts read at once
    const lazy = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: 1 });
    const article = lazy.articles[0]!;
    const quote = lazy.quoteById.get('qb-2')!.quote;
    expect(readsOnDemand(article)).toBe(true);
    expect(readsOnDemand(quote)).toBe(true);
    // after an emoji: the span counts code points, the text comes back exactly
    expect(quote.text).toBe('again');
    expect(lazy.articles.map((a) => a.text)).toEqual(fresh.articles.map((a) => a.text));
    // what printers, exports and spreads see: the texts as plain values, in the same places
    expect(JSON.stringify(lazy.articles)).toBe(JSON.stringify(eager.articles));
    expect({ ...quote }).toEqual({ ...fresh.quoteById.get('qb-2')!.quote });
    expect(Object.keys(quote)).toEqual(Object.keys(eager.quoteById.get('qb-2')!.quote));
    // an edit replaces the text as a plain value
    quote.text = 'edited';
    expect(quote.text).toBe('edited');
    expect(lazy.articles[1]!.text).toBe(fresh.articles[1]!.text);
  });

  it('below the size asked for, and from the files, the texts are read at once', async () => {
    const { data, cacheDir } = await setup();
    const fresh = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: 1 });
    expect(readsOnDemand(fresh.articles[0]!)).toBe(false); // read from the files: nothing on disk to point at
    const small = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: true });
    expect(readsOnDemand(small.articles[0]!)).toBe(false);
  });

  it('a damaged entry is found when it is opened, even though its texts are not decoded', async () => {
    const { data, cacheDir } = await setup();
    const fresh = await loadCorpus([data], { cache: true, cacheDir });
    const p = await entryOf(cacheDir);
    const good = await readFile(p);
    // one byte of a text (the last character of the last article) changed
    const bad = Buffer.from(good);
    bad.writeUInt8(bad[bad.length - 2]! ^ 1, bad.length - 2);
    await writeFile(p, bad);
    const again = await loadCorpus([data], { cache: true, cacheDir, textsOnDemand: 1 });
    expect(readsOnDemand(again.articles[0]!)).toBe(false); // rebuilt from the files
    expect(again.articles.map((a) => a.text)).toEqual(fresh.articles.map((a) => a.text));
    expect((await readFile(p)).equals(good)).toBe(true);
  });
});
