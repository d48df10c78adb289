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
  StudyEditError,
} from '../../../src/core/study/index.js';
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
});
