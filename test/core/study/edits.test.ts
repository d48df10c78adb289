/**
 * Each edit, as the dashboard and the commands make it: run through perform() on a study of the
 * seed article's raw text (an extractor draft), then applied to the sources, checking what an
 * analyst would see in the panes (the corpus) and that refusals say why.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  addMemo,
  addQuestion,
  addQuote,
  applyStudy,
  codeQuotes,
  correctKind,
  correctSpeaker,
  createActor,
  createNarrative,
  deleteMemo,
  describeChanges,
  deleteNarrative,
  editMemo,
  markReviewed,
  mergeActors,
  newStudy,
  perform,
  preview,
  rejectQuote,
  removePosition,
  setAlignment,
  setPosition,
  setStudyTags,
  undo,
  StudyEditError,
  uncodeQuotes,
  updateNarrative,
  type Edit,
  type StudyView,
} from '../../../src/core/study/index.js';
import { compareNarratives } from '../../../src/core/compare.js';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { CURATED, seedCopy, stamp } from './helpers.js';

let view: StudyView;

/** Runs an edit the way a shell does and returns the new view. */
function run(edit: Edit): StudyView {
  view = applyStudy(perform(view.study, edit, stamp()), view.sources);
  return view;
}

/** The id of the quote whose text starts with `words`. */
function q(words: string): string {
  const hit = view.corpus.quotes.filter((r) => r.quote.text.startsWith(words));
  expect(hit, `one quote starting "${words}"`).toHaveLength(1);
  return hit[0]!.quote.id;
}
const quote = (id: string) => view.corpus.quoteById.get(id)?.quote;

function refused(make: () => Edit, message: RegExp): void {
  expect(make).toThrow(StudyEditError);
  expect(make).toThrow(message);
}

beforeEach(async () => {
  const { txt, study } = seedCopy();
  view = (await newStudy(study, [txt], stamp())).view;
});

describe('narratives', () => {
  it('creates one with colour and DISARM techniques; the corpus shows it, the extras keep the colour, which the corpus format has no field for', () => {
    run(createNarrative(view, { label: 'Western-orchestrated colour revolution', summary: 'The West stirs the unrest.', keyTerms: ['color revolution'], colour: 'red', techniques: ['T0049'] }));
    const n = view.corpus.narrativeById.get('n-western-orchestrated-colour-revolution')!;
    expect(n.label).toBe('Western-orchestrated colour revolution');
    expect(n.keyTerms).toEqual(['color revolution']);
    expect(n.techniques).toEqual([{ id: 'T0049', inferred: false }]);
    expect(view.narrativeExtras.get(n.id)).toEqual({ colour: '#D55E00', fromStudy: true });
    // a second with the same label gets its own id
    run(createNarrative(view, { label: 'Western-orchestrated colour revolution' }));
    expect(view.corpus.narrativeById.get('n-western-orchestrated-colour-revolution-2')?.summary).toBe('(no summary yet)');
  });

  it('refuses a bad colour, a bad technique id and an empty label', () => {
    refused(() => createNarrative(view, { label: 'x', colour: 'puce' }), /colour "puce"/);
    refused(() => createNarrative(view, { label: 'x', techniques: ['49'] }), /DISARM technique id/);
    refused(() => createNarrative(view, { label: '  ' }), /needs a label/);
  });

  it('renames and edits a narrative; the history says what in words', () => {
    run(createNarrative(view, { label: 'Home-grown' }));
    run(updateNarrative(view, 'n-home-grown', { label: 'Home-grown grievances' }));
    run(updateNarrative(view, 'n-home-grown', { summary: 'Economic hardship drives it.', keyTerms: ['economic hardship'] }));
    expect(view.corpus.narrativeById.get('n-home-grown')).toMatchObject({ label: 'Home-grown grievances', summary: 'Economic hardship drives it.', keyTerms: ['economic hardship'] });
    expect(view.study.history.map((h) => h.summary)).toEqual([
      'create narrative “Home-grown” (n-home-grown)',
      'rename narrative “Home-grown” to “Home-grown grievances”',
      'edit summary, keyTerms of narrative “Home-grown grievances”',
    ]);
  });

  it('deletes a narrative with its codings and positions; a source narrative cannot be deleted, but can be renamed in the study', async () => {
    run(createNarrative(view, { label: 'Doomed' }));
    run(codeQuotes(view, 'n-doomed', [q('breathe a sigh')]));
    run(addQuestion(view, 'Is the leadership secure?'));
    run(setPosition(view, { narrative: 'n-doomed', axis: 'x-is-the-leadership-secure', stance: 'no', summary: 'It will fall.', evidence: [q('breathe a sigh')] }));
    run(deleteNarrative(view, 'n-doomed'));
    expect(view.corpus.narrativeById.has('n-doomed')).toBe(false);
    expect(view.study.codings).toEqual([]);
    expect(view.study.positions).toEqual([]);
    expect(quote(q('breathe a sigh'))!.narratives).toEqual([]);

    // a curated corpus as the source: its narratives are not the study's to delete
    const curated = await loadCorpus([CURATED]);
    const before = readFileSync(CURATED);
    view = applyStudy(view.study, curated);
    const first = curated.narratives[0]!;
    refused(() => deleteNarrative(view, first.id), /comes from the sources/);
    run(updateNarrative(view, first.id, { label: 'Renamed in the study' }));
    expect(view.corpus.narrativeById.get(first.id)!.label).toBe('Renamed in the study');
    expect(view.corpus.narratives.filter((n) => n.id === first.id)).toHaveLength(1);
    expect(readFileSync(CURATED).equals(before)).toBe(true);
  });
});

describe('coding', () => {
  beforeEach(() => {
    run(createNarrative(view, { label: 'Colour revolution' }));
  });

  it('codes quotes to a narrative, skipping those already coded, and takes them off again', () => {
    const a = q('The notorious method');
    const b = q('illegal pressure');
    const first = codeQuotes(view, 'n-colour-revolution', [a]);
    expect(first.summary).toBe('code “The notorious method of ‘color revoluti…” to “Colour revolution”');
    run(first);
    const again = codeQuotes(view, 'n-colour-revolution', [a, b]);
    expect(again.coded).toEqual([b]);
    expect(again.already).toEqual([a]);
    run(again);
    expect(quote(a)!.narratives).toEqual(['n-colour-revolution']);
    expect(quote(b)!.narratives).toEqual(['n-colour-revolution']);
    expect(view.codedByStudy.get(a)).toEqual(new Set(['n-colour-revolution']));
    run(uncodeQuotes(view, 'n-colour-revolution', [a]));
    expect(quote(a)!.narratives).toEqual([]);
    expect(quote(b)!.narratives).toEqual(['n-colour-revolution']);
    refused(() => uncodeQuotes(view, 'n-colour-revolution', [a]), /is not coded to/);
  });

  it('a dry run (preview) shows the changes without recording them', () => {
    const edit = codeQuotes(view, 'n-colour-revolution', [q('The notorious method'), q('illegal pressure')]);
    const changes = preview(view.study, edit, stamp());
    expect(describeChanges(changes, view)).toEqual([
      '+ coding of “illegal pressure from Western countries” to “Colour revolution”',
      '+ coding of “The notorious method of ‘color revolution’ is being used by…” to “Colour revolution”',
    ]);
    expect(view.study.codings).toEqual([]);
  });

  it('refuses unknown narratives and quotes with the names it knows', () => {
    refused(() => codeQuotes(view, 'n-nope', [q('illegal pressure')]), /no narrative "n-nope" \(the study has: n-colour-revolution\)/);
    refused(() => codeQuotes(view, 'n-colour-revolution', ['no-such-quote']), /no quote "no-such-quote"/);
  });

  it('code every result of a search at once: the same edit with many quotes', () => {
    const ids = view.corpus.quotes.filter((r) => /color revolution/i.test(r.quote.text)).map((r) => r.quote.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    run(codeQuotes(view, 'n-colour-revolution', ids));
    expect(view.corpus.quotes.filter((r) => r.quote.narratives.includes('n-colour-revolution')).map((r) => r.quote.id)).toEqual(ids);
    expect(view.study.history.at(-1)!.summary).toBe(`code ${ids.length} quotes to “Colour revolution”`);
  });
});

describe('memos', () => {
  it('on a quote, an actor, a narrative and a position; edited and deleted', () => {
    run(createNarrative(view, { label: 'Relief' }));
    const sigh = q('breathe a sigh');
    run(codeQuotes(view, 'n-relief', [sigh]));
    run(addQuestion(view, 'Have the protests peaked?', 'x-peaked'));
    run(setPosition(view, { narrative: 'n-relief', axis: 'x-peaked', stance: 'yes', summary: 'They have.', evidence: [sigh] }));
    const position = view.study.positions[0]!.id;
    run(addMemo(view, { quote: sigh }, 'Embassy cable, second hand.'));
    run(addMemo(view, { actor: 'nikita-smagin' }, 'Left Russia in 2022.'));
    run(addMemo(view, { narrative: 'n-relief' }, 'Check Russian-language media.'));
    run(addMemo(view, { position }, 'Only one source.'));
    const article = view.corpus.articles[0]!.id;
    run(addMemo(view, { article }, 'Al Jazeera, January 2026.'));
    run(addMemo(view, { study: true }, 'Pilot study.'));
    expect(view.memos.map((m) => [m.target, m.memo.text])).toEqual([
      [sigh, 'Embassy cable, second hand.'],
      ['nikita-smagin', 'Left Russia in 2022.'],
      ['n-relief', 'Check Russian-language media.'],
      [position, 'Only one source.'],
      [article, 'Al Jazeera, January 2026.'],
      ['', 'Pilot study.'],
    ]);
    const id = view.study.memos[0]!.id;
    run(editMemo(view, id, 'Embassy cable, reported by Smagin.'));
    expect(view.memos[0]!.memo.text).toBe('Embassy cable, reported by Smagin.');
    run(deleteMemo(view, id));
    expect(view.memos).toHaveLength(5);
    refused(() => addMemo(view, { actor: 'nobody-at-all' }, 'x'), /no actor "nobody-at-all"/);
    refused(() => addMemo(view, { quote: sigh }, '  '), /needs some text/);
  });
});

describe('corrections', () => {
  it('changes a speaker (to an existing actor or one created for it) and drops the extractor attribution', () => {
    const id = q('Iran? What Iran?');
    expect(quote(id)!.attribution).toBeDefined();
    run(correctSpeaker(view, id, 'sergei-markov'));
    expect(quote(id)!.speaker).toBe('sergei-markov');
    expect(quote(id)!.attribution).toBeUndefined();
    const created = createActor(view, { name: 'Irina Petrova', kind: 'person', role: 'Moscow resident' });
    run(created);
    run(correctSpeaker(view, id, created.actorId));
    expect(view.corpus.actorById.get('irina-petrova')!.role).toBe('Moscow resident');
    expect(quote(id)!.speaker).toBe('irina-petrova');
    // one correction per quote and kind: the second replaced the first
    expect(view.study.corrections).toHaveLength(1);
    refused(() => correctSpeaker(view, id, 'no-one'), /no actor "no-one"/);
  });

  it('changes a kind, and refuses a quote kind without a speaker', () => {
    const term = q('Soviet republic');
    refused(() => correctKind(view, term, 'direct'), /needs a speaker/);
    const id = q('reform');
    run(correctKind(view, id, 'term'));
    expect(quote(id)!.kind).toBe('term');
  });

  it('rejects a false quote: it is gone from every pane, and the source file is untouched', () => {
    const id = q('advanced');
    const before = view.corpus.quotes.length;
    run(rejectQuote(view, id, 'a scare-quoted adjective'));
    expect(view.corpus.quotes).toHaveLength(before - 1);
    expect(quote(id)).toBeUndefined();
    expect(view.sources.quoteById.has(id)).toBe(true);
  });

  it('adds a missed quote by finding its words: the span holds exactly them', () => {
    const article = view.corpus.articles[0]!;
    const words = 'has not commented on the protests';
    const added = addQuote(view, article.id, words, { kind: 'indirect', speaker: 'vladimir-putin' });
    run(added);
    const got = quote(added.quoteId)!;
    expect(got.text).toBe(words);
    expect([...article.text].slice(got.span.start, got.span.end).join('')).toBe(words);
    expect(got.speaker).toBe('vladimir-putin');
    // straight quotes typed for the article's curly ones still find the words
    const curly = addQuote(view, article.id, "doesn't think there's anything", { kind: 'direct', speaker: 'nikita-smagin' });
    run(curly);
    expect(quote(curly.quoteId)!.text).toBe('doesn’t think there’s anything');
    refused(() => addQuote(view, article.id, 'Smagin', { kind: 'term', speaker: null }), /occur \d+ times/);
    refused(() => addQuote(view, article.id, 'words nobody wrote', { kind: 'term', speaker: null }), /are not in article/);
    refused(() => addQuote(view, article.id, 'breathe a sigh of relief.', { kind: 'direct', speaker: 'nikita-smagin' }), /already quote/);
  });

  it('marks a draft article reviewed', () => {
    const article = view.corpus.articles[0]!;
    expect(article.draft).toBe(true);
    run(markReviewed(view, article.id));
    expect(view.corpus.articles[0]!.draft).toBe(false);
    refused(() => markReviewed(view, article.id), /not a draft/);
  });
});

describe('actors', () => {
  it('merges two actors: aliases joined, every quote and mention moved, the merged one gone', () => {
    const markovQuotes = view.corpus.quotes.filter((r) => r.quote.speaker === 'sergei-markov').length;
    const irinaQuotes = view.corpus.quotes.filter((r) => r.quote.speaker === 'irina').length;
    run(mergeActors(view, 'irina', 'sergei-markov'));
    expect(view.corpus.actorById.has('irina')).toBe(false);
    expect(view.corpus.actorById.get('sergei-markov')!.aliases).toContain('Irina');
    expect(view.corpus.quotes.filter((r) => r.quote.speaker === 'sergei-markov')).toHaveLength(markovQuotes + irinaQuotes);
    expect(view.corpus.articles[0]!.mentions.some((m) => m.actor === 'irina')).toBe(false);
    refused(() => mergeActors(view, 'sergei-markov', 'sergei-markov'), /itself/);
  });

  it('sets an alignment with its reason, as the analyst’s (not inferred), and clears it', () => {
    run(setAlignment(view, 'sergei-markov', { label: 'pro-Kremlin', reason: 'the article calls him a pro-Kremlin analyst' }));
    expect(view.corpus.actorById.get('sergei-markov')!.alignment).toEqual({ label: 'pro-Kremlin', inferred: false, reason: 'the article calls him a pro-Kremlin analyst' });
    run(setAlignment(view, 'sergei-markov', null));
    expect(view.corpus.actorById.get('sergei-markov')!.alignment).toBeNull();
    refused(() => setAlignment(view, 'sergei-markov', { label: 'x', reason: ' ' }), /reason/);
  });
});

describe('the study as a whole', () => {
  it('is tagged with DISARM techniques and threat actors, and undoes like any edit', () => {
    run(setStudyTags(view, { techniques: ['T0022.001'], threatActors: ['russian-foreign-ministry'] }));
    expect(view.study.techniques).toEqual([{ id: 'T0022.001', inferred: false }]);
    expect(view.study.threatActors).toEqual(['russian-foreign-ministry']);
    view = applyStudy(undo(view.study, stamp()), view.sources);
    expect([view.study.techniques, view.study.threatActors]).toEqual([[], []]);
    refused(() => setStudyTags(view, { threatActors: ['nobody'] }), /no actor "nobody"/);
  });
});

describe('questions and positions', () => {
  it('adds a question, sets positions (supported, unverified with who says so); the comparison grid shows them', () => {
    run(createNarrative(view, { label: 'Foreign hand' }));
    run(createNarrative(view, { label: 'Home-grown' }));
    const foreign = q('foreign agents');
    const hardship = q('Iran? What Iran?');
    run(codeQuotes(view, 'n-foreign-hand', [foreign]));
    run(codeQuotes(view, 'n-home-grown', [hardship]));
    const question = addQuestion(view, 'Who is behind the unrest?');
    run(question);
    refused(() => setPosition(view, { narrative: 'n-home-grown', axis: question.axisId, stance: 'x', summary: 'y', evidence: [foreign] }), /not coded to “Home-grown”/);
    refused(() => setPosition(view, { narrative: 'n-home-grown', axis: 'x-nope', stance: 'x', summary: 'y' }), /no question "x-nope"/);
    run(setPosition(view, { narrative: 'n-foreign-hand', axis: question.axisId, stance: 'foreign', summary: 'Foreign agents armed them.', status: 'unverified', statusBy: ['al-jazeera'], statusNote: 'cannot verify', evidence: [foreign] }));
    run(setPosition(view, { narrative: 'n-home-grown', axis: question.axisId, stance: 'domestic', summary: 'Hardship.', evidence: [hardship] }));
    const grid = compareNarratives(view.corpus, ['n-foreign-hand', 'n-home-grown']);
    expect(grid.rows).toHaveLength(1);
    const [a, b] = grid.rows[0]!.cells;
    expect(a!.marks).toEqual(['conflict', 'unverified']);
    expect(a!.strongest!.quote.id).toBe(foreign);
    expect(a!.statusBy.map((x) => x.id)).toEqual(['al-jazeera']);
    expect(b!.marks).toEqual(['conflict']);
    // setting it again replaces it (one cell per narrative and question)
    run(setPosition(view, { narrative: 'n-home-grown', axis: question.axisId, stance: 'foreign', summary: 'Changed mind.' }));
    expect(view.study.positions).toHaveLength(2);
    expect(compareNarratives(view.corpus, ['n-foreign-hand', 'n-home-grown']).rows[0]!.cells[1]!.marks).toEqual(['agree']);
    run(removePosition(view, 'n-home-grown', question.axisId));
    expect(view.corpus.positions.map((p) => p.narrative)).toEqual(['n-foreign-hand']);
  });
});
