import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus, summarize } from '../../../src/core/corpus/load.js';
import { tempDir } from '../../temp.js';

/** this file's temporary folders, removed when it ends */
const TMP = tempDir('nl-test-');

describe('docs/data-format.md', () => {
  it('its full example is a valid corpus file', async () => {
    const doc = await readFile(new URL('../../../docs/data-format.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const example = blocks.find((b) => b.includes('"format"'));
    expect(example).toBeDefined();
    const dir = await mkdtemp(path.join(TMP, 'nl-doc-'));
    const file = path.join(dir, 'example.json');
    await writeFile(file, example!);
    const s = summarize(await loadCorpus([file]));
    expect(s.quotes).toEqual({ direct: 1, indirect: 0, term: 1, total: 2 });
    expect([s.actors, s.narratives, s.axes, s.positions]).toEqual([1, 1, 1, 1]);
  });
});
