/**
 * How a study is stored: each coding (and every other item) once in the file, with undo and redo
 * intact across a restart; a narrative-lens/study-1 file (every item twice) still opens and is
 * written in the new shape at its next save; a history that points at an item the file lacks is
 * named by its place.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeQuotes, createNarrative, initStudy, openStudy, parseStudy } from '../../../src/core/study/index.js';
import { DataError as LoadError } from '../../../src/core/corpus/load.js';
import { ROOT, seedCopy, stamp } from './helpers.js';

const OLD = path.join(ROOT, 'test/fixtures/study/study-1.json');
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('the study file', () => {
  it('stores each coding once, and undo and redo still bring codings back after a restart', async () => {
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp());
    await s.edit((v) => createNarrative(v, { label: 'All' }), stamp());
    const ids = s.view.corpus.quotes.map((r) => r.quote.id);
    await s.edit((v) => codeQuotes(v, 'n-all', ids), stamp());
    const text = readFileSync(study, 'utf8');
    expect(JSON.parse(text).format).toBe('narrative-lens/study-2');
    // one anchor (its TextQuoteSelector) per coding: not a second copy in the history
    expect(count(text, '"selector"')).toBe(ids.length);
    for (const id of ids.slice(0, 5)) expect(count(text, `"quote": "${id}"`)).toBe(1);

    const t = await openStudy(study);
    await t.undo(stamp());
    expect(t.view.corpus.quotes.filter((r) => r.quote.narratives.includes('n-all'))).toHaveLength(0);
    // undone, the codings live on in the history alone: still once each
    expect(count(readFileSync(study, 'utf8'), '"selector"')).toBe(ids.length);
    const u = await openStudy(study);
    await u.redo(stamp());
    expect(u.view.corpus.quotes.filter((r) => r.quote.narratives.includes('n-all'))).toHaveLength(ids.length);
    expect(count(readFileSync(study, 'utf8'), '"selector"')).toBe(ids.length);
    const v = await openStudy(study);
    expect(v.study).toEqual(u.study);
  });

  it('opens a narrative-lens/study-1 file (every item twice) as it was, and writes the new shape at the next save', async () => {
    const { dir, study } = seedCopy();
    copyFileSync(OLD, study);
    const old = readFileSync(study, 'utf8');
    expect(JSON.parse(old).format).toBe('narrative-lens/study-1');
    expect(count(old, '"selector"')).toBe(11);

    const s = await openStudy(study);
    expect(s.changedSources).toEqual([]);
    expect(readFileSync(study, 'utf8')).toBe(old); // opening writes nothing
    const relief = s.view.corpus.quotes.filter((r) => r.quote.narratives.includes('n-relief-in-moscow')).map((r) => r.quote.text.slice(0, 24));
    expect(relief).toEqual(['breathe a sigh of relief', 'illegal pressure from We', 'The notorious method of ']);
    expect(s.view.memos.map((m) => m.memo.text)).toEqual(['Smagin, second-hand']);
    expect(s.view.corpus.positions.map((p) => p.stance)).toEqual(['secure']);
    const before = s.study;

    // the last edit in force is the position: undo it, the file is now study-2
    await s.undo(stamp());
    expect(s.view.corpus.positions).toEqual([]);
    const now = readFileSync(study, 'utf8');
    expect(JSON.parse(now).format).toBe('narrative-lens/study-2');
    // 3 codings, the memo's anchor, the undone position's evidence, the coding undone before: once each
    expect(count(now, '"selector"')).toBe(6);

    // redo both undone edits: everything the old file held is back, as it was
    const t = await openStudy(study);
    await t.redo(stamp());
    await t.redo(stamp());
    expect(t.view.corpus.positions.map((p) => p.stance)).toEqual(['secure']);
    expect(t.view.corpus.quotes.filter((r) => r.quote.narratives.includes('n-relief-in-moscow'))).toHaveLength(4);
    for (const coll of ['narratives', 'questions', 'positions', 'memos'] as const) expect(t.study[coll]).toEqual(before[coll]);
    expect(t.study.codings.slice(0, 3)).toEqual(before.codings);
    expect(t.study.history.slice(0, before.history.length)).toEqual(before.history);
    expect(path.dirname(study)).toBe(dir);
  });

  it('a history that names a current item the file lacks is refused, with the place', () => {
    const file = JSON.parse(readFileSync(OLD, 'utf8'));
    file.format = 'narrative-lens/study-2';
    const code = file.study.history.findIndex((h: { op?: string }) => h.op === 'code');
    file.study.history[code].changes[1] = { coll: 'codings', key: file.study.history[code].changes[1].key, before: null, current: 'after' };
    file.study.codings.splice(1, 1);
    let error: unknown;
    try {
      parseStudy(JSON.stringify(file), 'old.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).problems).toEqual([
      { file: 'old.json', where: `study.history[${code}].changes[1]`, message: expect.stringMatching(/^"current": "after" but codings has no item "code:n-relief-in-moscow:.*" now/) },
    ]);
  });
});
