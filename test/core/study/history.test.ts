/**
 * Undo and redo: kept in the study file, so they work across a restart; every step records who
 * and when; a new edit after an undo ends the redo; an undo that would overwrite a later change
 * is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  applyStudy,
  codeQuotes,
  createNarrative,
  initStudy,
  newStudy,
  openStudy,
  perform,
  redo,
  redoable,
  undo,
  undoable,
  updateNarrative,
  addQuestion,
  setPosition,
  StudyEditError,
} from '../../../src/core/study/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { seedCopy, stamp } from './helpers.js';

const labels = (s: { view: { corpus: { narratives: { label: string }[] } } }) => s.view.corpus.narratives.map((n) => n.label);

describe('undo and redo', () => {
  it('undoes and redoes every edit, across a restart, recording who and when', async () => {
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp('ana'));
    await s.edit((v) => createNarrative(v, { label: 'One' }), stamp('ana'));
    await s.edit((v) => createNarrative(v, { label: 'Two' }), stamp('ana'));
    const sigh = s.view.corpus.quotes.find((r) => r.quote.text === 'breathe a sigh of relief.')!.quote.id;
    await s.edit((v) => codeQuotes(v, 'n-two', [sigh]), stamp('ana'));
    await s.edit((v) => updateNarrative(v, 'n-one', { label: 'One, renamed' }), stamp('ana'));
    expect(labels(s)).toEqual(['One, renamed', 'Two']);

    await s.undo(stamp('ana'));
    expect(labels(s)).toEqual(['One', 'Two']);
    await s.undo(stamp('ana'));
    expect(s.view.corpus.quoteById.get(sigh)!.quote.narratives).toEqual([]);

    // quit and reopen: the undone edits can still be redone, oldest first
    const t = await openStudy(study);
    expect(labels(t)).toEqual(['One', 'Two']);
    expect(redoable(t.study)!.summary).toMatch(/^code/);
    await t.redo(stamp('ben'));
    expect(t.view.corpus.quoteById.get(sigh)!.quote.narratives).toEqual(['n-two']);
    await t.redo(stamp('ben'));
    expect(labels(t)).toEqual(['One, renamed', 'Two']);
    expect(() => redo(t.study, stamp())).toThrow('nothing to redo');

    // undo all the way back to an empty study, then nothing more
    for (let i = 0; i < 4; i++) await t.undo(stamp('ben'));
    expect(t.view.corpus.narratives).toEqual([]);
    expect(() => undo(t.study, stamp())).toThrow('nothing to undo');

    // the audit trail: who did what, when, in words
    const trail = t.study.history.map((h) => `${h.by} ${h.action} ${h.summary}`);
    expect(trail.slice(0, 4)).toEqual([
      'ana edit create narrative “One” (n-one)',
      'ana edit create narrative “Two” (n-two)',
      'ana edit code “breathe a sigh of relief.” to “Two”',
      'ana edit rename narrative “One” to “One, renamed”',
    ]);
    expect(trail.slice(4, 8)).toEqual([
      'ana undo undo: rename narrative “One” to “One, renamed”',
      'ana undo undo: code “breathe a sigh of relief.” to “Two”',
      'ben redo redo: code “breathe a sigh of relief.” to “Two”',
      'ben redo redo: rename narrative “One” to “One, renamed”',
    ]);
    expect(t.study.history.every((h) => /^\d{4}-\d\d-\d\dT/.test(h.at))).toBe(true);
  });

  it('a new edit after an undo ends the redo (the undone edit stays in the log)', async () => {
    const { txt, study } = seedCopy();
    let { study: s, view } = await newStudy(study, [txt], stamp());
    s = perform(s, createNarrative(view, { label: 'A' }), stamp());
    view = applyStudy(s, view.sources);
    s = perform(s, createNarrative(view, { label: 'B' }), stamp());
    s = undo(s, stamp());
    expect(redoable(s)!.summary).toMatch(/“B”/);
    view = applyStudy(s, view.sources);
    s = perform(s, createNarrative(view, { label: 'C' }), stamp());
    expect(redoable(s)).toBeUndefined();
    expect(undoable(s)!.summary).toMatch(/“C”/);
    expect(s.history.filter((h) => h.action === 'edit')).toHaveLength(3);
  });

  it('refuses an edit that changes nothing, and an undo that would overwrite a later change', async () => {
    const { txt, study } = seedCopy();
    let { study: s, view } = await newStudy(study, [txt], stamp());
    s = perform(s, createNarrative(view, { label: 'A' }), stamp());
    const created = s.history[0]!;
    view = applyStudy(s, view.sources);
    expect(() => perform(s, updateNarrative(view, 'n-a', { label: 'A' }), stamp())).toThrow(/nothing to change/);
    s = perform(s, updateNarrative(view, 'n-a', { label: 'A2' }), stamp());
    // taking back the creation directly would discard the rename made since
    expect(() => applyChanges(s, created.action === 'edit' ? created.changes : [], 'backward')).toThrow(StudyEditError);
    expect(() => applyChanges(s, created.action === 'edit' ? created.changes : [], 'backward')).toThrow(/narrative "n-a" was changed since/);
  });

  it("undoes a position after a restart (the file's key order is not the edit's)", async () => {
    const { txt, study } = seedCopy();
    const s = await initStudy(study, [txt], stamp('ana'));
    await s.edit((v) => createNarrative(v, { label: 'Relief' }), stamp('ana'));
    const sigh = s.view.corpus.quotes.find((r) => r.quote.text === 'breathe a sigh of relief.')!.quote.id;
    await s.edit((v) => codeQuotes(v, 'n-relief', [sigh]), stamp('ana'));
    const axis = addQuestion(s.view, 'Is the leadership secure?').axisId;
    await s.edit((v) => addQuestion(v, 'Is the leadership secure?'), stamp('ana'));
    await s.edit((v) => setPosition(v, { narrative: 'n-relief', axis, stance: 'secure', summary: 'The Kremlin is relieved.', status: 'unverified', statusNote: 'no source', evidence: [sigh] }), stamp('ana'));

    const t = await openStudy(study);
    expect(t.view.corpus.positions.map((p) => p.stance)).toEqual(['secure']);
    const undone = await t.undo(stamp('ana'));
    expect(undone.status).toBe('saved');
    expect(t.view.corpus.positions).toEqual([]);

    // another tool rewrote the file with its keys sorted: the items are the same, undo still works
    await t.redo(stamp('ana'));
    const sortKeys = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(sortKeys) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)])) : x;
    writeFileSync(study, JSON.stringify(sortKeys(JSON.parse(readFileSync(study, 'utf8'))), null, 2));
    const u = await openStudy(study);
    await u.undo(stamp('ana'));
    expect(u.view.corpus.positions).toEqual([]);
    await u.undo(stamp('ana'));
    expect(u.view.corpus.axes.map((x) => x.id)).not.toContain(axis);
  });
});
