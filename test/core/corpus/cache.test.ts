import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, summarize } from '../../../src/core/corpus/load.js';

const valid = fileURLToPath(new URL('../../fixtures/valid/', import.meta.url));

async function setup() {
  const root = await mkdtemp(path.join(tmpdir(), 'nl-cache-'));
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
    const [head, ...rest] = (await readFile(p, 'utf8')).split('\n');
    const forged = JSON.parse(head!);
    forged.key = 'someone-else';
    forged.parts.articles = [];
    await writeFile(p, [JSON.stringify(forged), ...rest].join('\n'));
    expect((await loadCorpus([data], { cache: true, cacheDir })).articles).toHaveLength(2);
  });
});
