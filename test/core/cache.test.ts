import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, summarize } from '../../src/core/load.js';

const valid = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));

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
    expect(second.quoteById.get('qb-2')!.quote.text).toBe('again');
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
    await writeFile(path.join(cacheDir, entry!), '{"format":"nl-corpus-cache/1","key":"x","parts":{"articles":');
    const again = await loadCorpus([data], { cache: true, cacheDir });
    expect(again.articles).toHaveLength(2);
    expect(JSON.parse(await readFile(path.join(cacheDir, entry!), 'utf8')).parts.articles).toHaveLength(2);
  });

  it('a cache entry that does not belong to the files is never trusted', async () => {
    const { data, cacheDir } = await setup();
    await loadCorpus([data], { cache: true, cacheDir });
    const [entry] = await readdir(cacheDir);
    const p = path.join(cacheDir, entry!);
    const forged = JSON.parse(await readFile(p, 'utf8'));
    forged.key = 'someone-else';
    forged.parts.articles = [];
    await writeFile(p, JSON.stringify(forged));
    expect((await loadCorpus([data], { cache: true, cacheDir })).articles).toHaveLength(2);
  });
});
