/**
 * A quoted passage nobody in the text is said to say: the corpus format gives a direct quote a
 * speaker always, so the draft keeps it as a term marked unattributed, and the article opens.
 * (Before, an ingested article with one such passage could not be opened at all.)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { tempDir } from '../../temp.js';
import { draft } from './helpers.js';

describe('a passage nobody is said to say', () => {
  const text = 'Weather\n\nThe weather was fine.\n\n"Something is very wrong here today, and we all know it."\n';

  it('is kept with no speaker, as a term the rule marks unattributed', () => {
    const d = draft(text);
    const q = d.quote('Something is very wrong here today, and we all know it.');
    expect(q).toMatchObject({ kind: 'term', speaker: null, attribution: { rule: 'unattributed' } });
  });

  it('and the draft opens as a corpus', async () => {
    const dir = tempDir('nl-unattributed-');
    const file = path.join(dir, 'weather.json');
    writeFileSync(file, JSON.stringify(draft(text).file));
    const corpus = await loadCorpus([file]);
    expect(corpus.articles).toHaveLength(1);
  });
});
