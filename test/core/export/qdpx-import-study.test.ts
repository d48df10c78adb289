import { describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { addMemo, applyStudy, codeQuotes, createNarrative, newStudy, perform, undo, type Edit, type Stamp, type StudyView } from '../../../src/core/study/index.js';
import { exchangeFromStudy } from '../../../src/core/export/input.js';
import { exportQdpx, guidOf } from '../../../src/core/export/qdpx.js';
import { importQdpx } from '../../../src/core/export/qdpx-import.js';
import { planQdpxImport } from '../../../src/core/export/qdpx-import-study.js';
import { FIXED_NOW, ROOT, tempDir } from './helpers.js';

const dir = tempDir('nl-qdpx-study-');
let clock = Date.UTC(2026, 0, 14, 9, 0, 0);
const stamp = (): Stamp => ({ by: 'analyst', at: new Date((clock += 1000)).toISOString() });
const run = (view: StudyView, edit: Edit) => applyStudy(perform(view.study, edit, stamp()), view.sources);

/** A study over the raw seed article (an extractor draft: no narratives of its own) with two narratives, codings and memos. */
async function codedStudy(name: string): Promise<StudyView> {
  const txt = path.join(dir, 'article.txt');
  copyFileSync(path.join(ROOT, 'seeds/000_77e29c8a411f06ba.txt'), txt);
  let view = (await newStudy(path.join(dir, `${name}.json`), [txt], stamp(), 'Kremlin on Iran')).view;
  if (name === 'empty') return view;
  const quote = (words: string) => view.corpus.quotes.find((r) => r.quote.text.startsWith(words))!.quote.id;
  view = run(view, createNarrative(view, { id: 'n-colour', label: 'Colour revolution', summary: 'The West stirs the unrest.', colour: '#D55E00' }));
  view = run(view, createNarrative(view, { id: 'n-grievances', label: 'Real grievances', summary: 'Hardship drives the protests.', colour: '#0072B2' }));
  view = run(view, codeQuotes(view, 'n-colour', [quote('The notorious method'), quote('a reduction in artificially')]));
  view = run(view, codeQuotes(view, 'n-grievances', [quote('Iran? What Iran?')]));
  view = run(view, addMemo(view, { quote: quote('The notorious method') }, 'The classic Kremlin frame.'));
  view = run(view, addMemo(view, { narrative: 'n-colour' }, 'Compare with 2011.'));
  view = run(view, addMemo(view, { study: true }, 'First pass, January.'));
  return view;
}

const coded = (v: StudyView) =>
  v.corpus.quotes.filter((r) => r.quote.narratives.length).map((r) => [r.quote.text, r.quote.narratives.map((n) => v.corpus.narrativeById.get(n)!.label)]);
const memos = (v: StudyView) =>
  v.memos.map(({ memo, target }) => [memo.on.kind, memo.on.kind === 'narrative' ? v.corpus.narrativeById.get(target)!.label : target, memo.text]).sort();

describe('a .qdpx into a study', () => {
  it("importing the study's own export changes nothing", async () => {
    const view = await codedStudy('a');
    const bytes = exportQdpx(exchangeFromStudy(view, { now: FIXED_NOW }));
    const plan = planQdpxImport(view, importQdpx(bytes, view.corpus), stamp());
    expect(plan.steps).toEqual([]);
    expect(plan.edit).toBeNull();
    expect(plan.warnings).toEqual([]);
  });

  it('into a fresh study over the same sources: the same narratives, colours, coded quotes and memos, as one undoable edit', async () => {
    const a = await codedStudy('a');
    const bytes = exportQdpx(exchangeFromStudy(a, { now: FIXED_NOW }));
    const b = await codedStudy('empty');
    const plan = planQdpxImport(b, importQdpx(bytes, b.corpus), stamp());
    expect(plan.warnings).toEqual([]);
    const after = applyStudy(perform(b.study, plan.edit!, stamp()), b.sources);
    // REFI-QDA carries no ids: a study that did not make the codes names them from their labels
    expect(after.corpus.narratives.map((n) => [n.id, n.label, n.summary])).toEqual([
      ['n-colour-revolution', 'Colour revolution', 'The West stirs the unrest.'],
      ['n-real-grievances', 'Real grievances', 'Hardship drives the protests.'],
    ]);
    expect([...after.narrativeExtras.values()].map((x) => x.colour)).toEqual([...a.narrativeExtras.values()].map((x) => x.colour));
    expect(coded(after)).toEqual(coded(a));
    expect(memos(after)).toEqual(memos(a));
    expect(after.study.history.filter((h) => h.action === 'edit')).toHaveLength(1);
    const undone = applyStudy(undo(after.study, stamp()), b.sources);
    expect(coded(undone)).toEqual([]);
    expect(undone.corpus.narratives).toEqual([]);
  });

  it('what the other tool added comes in: a new code, a new coding, a renamed code', async () => {
    const view = await codedStudy('a');
    const files = unzipSync(exportQdpx(exchangeFromStudy(view, { now: FIXED_NOW })));
    const quote = view.corpus.quotes.find((r) => r.quote.text.startsWith('Iran? What Iran?'))!.quote;
    let xml = strFromU8(files['project.qde']!);
    xml = xml.replace('name="Real grievances"', 'name="Real grievances (economy)"');
    xml = xml.replace('</Codes>', '<Code guid="aaaaaaaa-0000-4000-8000-000000000001" name="Indifference" isCodable="true" color="#999999"/></Codes>');
    xml = xml.replace(
      new RegExp(`(<PlainTextSelection guid="${guidOf.quote(quote.id)}"[^>]*>)`),
      '$1<Coding guid="aaaaaaaa-0000-4000-8000-000000000002"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/></Coding>',
    );
    const bytes = zipSync({ ...files, 'project.qde': strToU8(xml) });
    const plan = planQdpxImport(view, importQdpx(bytes, view.corpus), stamp());
    expect(plan.warnings).toEqual([]);
    expect(plan.steps).toEqual([
      'rename narrative “Real grievances” to “Real grievances (economy)”',
      'create narrative “Indifference” (n-indifference)',
      expect.stringMatching(/^code “Iran\? What Iran\?.*” to “Indifference”$/),
    ]);
  });
});
