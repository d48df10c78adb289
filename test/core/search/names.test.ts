/** One behaviour for names (issue 14): actors and narratives by name, typos forgiven as the quote search forgives them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load.js';
import type { Corpus } from '../../../src/core/corpus/corpus.js';
import { actorNames, editDistance, nearestNames, narrativeNames, probableSameActors, rankByName, resolveName, resolveQueryNames, typoBudget } from '../../../src/core/search/names.js';

let bundled: Corpus;
beforeAll(async () => {
  bundled = await loadCorpus([]);
});

const actor = (typed: string) => resolveName(bundled.actors, typed, actorNames);
const narrative = (typed: string) => resolveName(bundled.narratives, typed, narrativeNames);

describe('edit distance and nearest names', () => {
  it('counts edits and offers the nearest within a third of the length', () => {
    expect(editDistance('fromat', 'format')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(nearestNames('serch', ['search', 'actors'])).toEqual(['search']);
    expect(nearestNames('xyz', ['search', 'actors'])).toEqual([]);
    expect(nearestNames('validat', ['validate', 'extract'], { max: 2 })).toEqual(['validate']);
  });
  it('the typo budget is the quote search’s: none up to 3 letters, one in 4–6, two in 7–9', () => {
    expect([3, 4, 6, 7, 9, 10].map(typoBudget)).toEqual([0, 1, 1, 2, 2, 3]);
  });
});

describe('resolveName', () => {
  it('prefers a label that starts with what was typed: foreign → Foreign hand behind the unrest', () => {
    expect(narrative('foreign')).toMatchObject({ found: { id: 'n-foreign-hand' }, fit: 'start' });
  });
  it('forgives a typo within the budget, and says so: smagn → Nikita Smagin', () => {
    expect(actor('smagn')).toMatchObject({ found: { id: 'actor-smagin' }, fit: 'typo' });
    expect(actor('zakarova')).toMatchObject({ found: { id: 'actor-zakharova' }, fit: 'typo' });
    expect(narrative('colur')).toMatchObject({ found: { id: 'n-colour-revolution' }, fit: 'typo' });
    expect(narrative('homegrown')).toMatchObject({ found: { id: 'n-popular-uprising' } });
  });
  it('whole words and prefixes before typos: smag → Smagin first', () => {
    expect(rankByName(bundled.actors, 'smag', actorNames)[0]).toMatchObject({ item: { id: 'actor-smagin' }, fit: 'words' });
    expect(rankByName(bundled.actors, 'smagn', actorNames)[0]).toMatchObject({ item: { id: 'actor-smagin' } });
  });
  it('several equally good: ambiguous, with the candidates', () => {
    const r = actor('foreign');
    expect(r.found).toBeUndefined();
    expect(r.ambiguous).toBe(true);
    expect(r.closest.map((a) => a.id)).toEqual(expect.arrayContaining(['actor-zakharova', 'actor-russian-foreign-ministry']));
  });
  it('past the budget: nothing found, the closest offered', () => {
    const r = actor('zakhrv');
    expect(r.found).toBeUndefined();
    expect(r.ambiguous).toBeUndefined();
    expect(r.closest[0]?.id).toBe('actor-zakharova');
    expect(narrative('qqqqqq')).toEqual({ closest: [] });
  });
  it('ids, names and aliases exactly, ignoring case and accents', () => {
    expect(actor('actor-trump').found?.id).toBe('actor-trump');
    expect(actor('TRUMP').found?.id).toBe('actor-trump');
    expect(actor('Nicolas Maduro').found?.id).toBe('actor-maduro');
  });
});

describe('resolveQueryNames', () => {
  it('reads a speaker: or narrative: value that names nobody as the closest name', () => {
    expect(resolveQueryNames(bundled, 'relief speaker:smagn')).toEqual({
      query: 'relief speaker:"Nikita Smagin"',
      corrections: [{ typed: 'speaker:smagn', taken: 'speaker:"Nikita Smagin"' }],
    });
    expect(resolveQueryNames(bundled, '!narrative:"colr revolution"').query).toBe('!narrative:"Western-orchestrated colour revolution"');
  });
  it('leaves values that match, values with operators, and values that resolve to nothing', () => {
    for (const q of ['speaker:zakharova', 'speaker:^smagn', 'speaker:=smagn', 'speaker:qqqqqq', 'smagn', 'narrative:colour']) {
      expect(resolveQueryNames(bundled, q), q).toEqual({ query: q, corrections: [] });
    }
  });
});

describe('probableSameActors', () => {
  const person = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases, kind: 'person' }) as never;
  it('the same name, a name that is the other’s alias, the same surname with agreeing first names', () => {
    const pairs = (actors: never[]) => probableSameActors(actors).map(([a, b]) => `${(a as { id: string }).id}~${(b as { id: string }).id}`);
    expect(pairs([person('a', 'Nikita Smagin'), person('b', 'N. Smagin')])).toEqual(['a~b']);
    expect(pairs([person('a', 'Nikita Smagin'), person('b', 'Smagin')])).toEqual(['a~b']);
    expect(pairs([person('a', 'Mariya Zakharova'), person('b', 'Foreign Ministry spokeswoman', ['Mariya Zakharova'])])).toEqual(['a~b']);
    expect(pairs([person('a', 'Donald Trump'), person('b', 'Melania Trump')])).toEqual([]);
    expect(pairs([person('a', 'Li'), person('b', 'Li')])).toEqual(['a~b']);
    expect(pairs(bundled.actors as never[])).toEqual([]);
  });
});
