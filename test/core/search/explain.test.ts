/** When a query finds nothing: which term, and the nearest correction that finds something (issue 14.4). */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import { buildSearchIndex, type SearchIndex } from '../../../src/core/search/search.js';
import { explainNoMatch } from '../../../src/core/search/explain.js';
import { transposeDistance } from '../../../src/core/search/names.js';

let index: SearchIndex;
beforeAll(async () => {
  index = buildSearchIndex(await loadCorpus([]));
});

describe('explainNoMatch', () => {
  it('a transposed short word: teh → the', () => {
    expect(transposeDistance('teh', 'the')).toBe(1);
    expect(explainNoMatch(index, 'teh colour')).toEqual({ term: 'teh', alone: false, suggestion: { term: 'the', query: 'the colour', total: expect.any(Number) } });
  });
  it('a word one typo past what the search forgives: revlutoin → revolution', () => {
    const help = explainNoMatch(index, 'revlutoin');
    expect(help).toMatchObject({ term: 'revlutoin', alone: true, suggestion: { term: 'revolution', query: 'revolution' } });
    expect(help.suggestion!.total).toBeGreaterThan(0);
  });
  it('a speaker who said nothing of the kind: the name that would find something', () => {
    expect(explainNoMatch(index, 'relief speaker:zakhrova')).toMatchObject({ term: 'speaker:zakhrova' });
    expect(explainNoMatch(index, 'colour speaker:zakhrv')).toMatchObject({ term: 'speaker:zakhrv', suggestion: { term: 'speaker:"Mariya Zakharova"' } });
  });
  it('nothing close: the term, no suggestion; a query that finds something or cannot be read: nothing to say', () => {
    expect(explainNoMatch(index, 'xqzvw')).toEqual({ term: 'xqzvw', alone: true });
    expect(explainNoMatch(index, 'colour')).toEqual({});
    expect(explainNoMatch(index, 'kind:quote')).toEqual({});
  });
});
