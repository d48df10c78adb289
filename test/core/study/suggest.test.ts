/**
 * Suggestions for a narrative: uncoded quotes ranked by likeness to its coded quotes and key
 * terms, with the words they share; accepting one is the ordinary code edit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyStudy, codeQuotes, createNarrative, newStudy, perform, suggestQuotes, type StudyView } from '../../../src/core/study/index.js';
import { seedCopy, stamp } from './helpers.js';

let view: StudyView;
const run = (e: Parameters<typeof perform>[1]) => (view = applyStudy(perform(view.study, e, stamp()), view.sources));

beforeAll(async () => {
  const { txt, study } = seedCopy();
  view = (await newStudy(study, [txt], stamp())).view;
});

describe('suggestQuotes', () => {
  it('ranks the uncoded quotes that share the narrative’s words first, and never suggests a coded one', () => {
    run(createNarrative(view, { label: 'Western-orchestrated colour revolution', keyTerms: ['color revolution', 'external forces'] }));
    const zakharova = view.corpus.quotes.find((r) => r.quote.text.startsWith('The notorious method'))!.quote.id;
    run(codeQuotes(view, 'n-western-orchestrated-colour-revolution', [zakharova]));
    const got = suggestQuotes(view, 'n-western-orchestrated-colour-revolution', 5);
    expect(got.length).toBe(5);
    expect(got.map((s) => s.ref.quote.id)).not.toContain(zakharova);
    // the best ones are about colour revolutions or external forces, and say so
    for (const s of got.slice(0, 3)) expect(s.shared.some((w) => ['color', 'revolution', 'revolutions', 'external', 'forces'].includes(w))).toBe(true);
    expect(got.map((s) => s.score)).toEqual([...got.map((s) => s.score)].sort((a, b) => b - a));
    // accepting the first is the ordinary code edit; it is then no longer suggested
    const first = got[0]!.ref.quote.id;
    run(codeQuotes(view, 'n-western-orchestrated-colour-revolution', [first]));
    expect(suggestQuotes(view, 'n-western-orchestrated-colour-revolution', 50).map((s) => s.ref.quote.id)).not.toContain(first);
  });

  it('suggests nothing for an unknown narrative or one whose words no quote shares', () => {
    expect(suggestQuotes(view, 'n-nope')).toEqual([]);
    run(createNarrative(view, { label: 'Zzyzx', keyTerms: ['qwertyuiop'] }));
    expect(suggestQuotes(view, 'n-zzyzx')).toEqual([]);
  });
});
