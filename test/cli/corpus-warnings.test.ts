/** Corpus warnings (issue 14.8): the same article loaded twice is reported once and loaded once; probable duplicate actors are merge candidates. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, MINI, run } from './helpers.js';

beforeAll(ensureBuilt, 120_000);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nl-warnings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SEED = 'seeds/000_77e29c8a411f06ba.txt';
const NOTE = /^narrative-lens: note: seeds\/000_77e29c8a411f06ba\.txt: article "[\w-]+" has the same text as "kremlin-iran-protests" in data\/kremlin-iran-protests\.json; loaded once$/;

describe('the same article twice', () => {
  it('--data data --data the seed text: one note, one article, the curated one', () => {
    const v = run(['validate', '--data', 'data', '--data', SEED]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^ok: 1 article, 63 quotes /);
    const notes = v.stderr.trimEnd().split('\n').filter((l) => / loaded once$/.test(l));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(NOTE);
    const a = run(['actors', '--data', 'data', '--data', SEED, '-f', 'json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toHaveLength(JSON.parse(run(['actors', '-f', 'json']).stdout).length);
    expect(a.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(NOTE)]);
  });
});

describe('actors that are probably the same person', () => {
  it('validate names them as merge candidates, with the command that merges them', () => {
    const other = path.join(tmp, 'other.json');
    writeFileSync(other, JSON.stringify({ actors: [{ id: 'n-smagin', name: 'N. Smagin', kind: 'person' }] }));
    const r = run(['validate', MINI, other]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('narrative-lens: note: "Nikita Smagin" (smagin) and "N. Smagin" (n-smagin) are probably the same; merge them in a study with: narrative-lens merge-actors n-smagin smagin\n');
    expect(run(['validate', MINI]).stderr).toBe('');
  });
});
