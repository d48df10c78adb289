import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/core/corpus/load.js';
import type { Corpus } from '../../src/core/corpus/corpus.js';
import { compareNarratives, findActor, findNarrative, isFound } from '../../src/core/compare.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let mini: Corpus;
let bundled: Corpus;
beforeAll(async () => {
  mini = await loadCorpus([path.join(here, '../fixtures/cli/mini')]);
  bundled = await loadCorpus([]);
});

const marks = (c: ReturnType<typeof compareNarratives>) =>
  Object.fromEntries(c.rows.map((r) => [r.axis.id, r.cells.map((x) => x.marks.join('+'))]));

describe('compareNarratives', () => {
  it('a column per narrative in the order chosen, a row per axis where any of them speaks', () => {
    const c = compareNarratives(mini, ['n-us-help', 'n-colour']);
    expect(c.narratives.map((n) => n.id)).toEqual(['n-us-help', 'n-colour']);
    expect(c.rows.map((r) => r.axis.id)).toEqual(['x-behind', 'x-secure', 'x-outsiders']); // x-russia, x-toll: both silent
    for (const r of c.rows) expect(r.cells.map((x) => x.narrative.id)).toEqual(['n-us-help', 'n-colour']);
  });

  it('agree on the same stance, conflict on a different one, silent without a position', () => {
    const c = compareNarratives(mini, ['n-colour', 'n-us-help', 'n-powerless']);
    expect(marks(c)).toEqual({
      'x-behind': ['conflict', 'conflict', 'silent'],
      'x-secure': ['contested', 'silent', 'silent'],
      'x-outsiders': ['agree+conflict', 'conflict', 'agree+conflict'],
      'x-russia': ['silent', 'silent', ''],
    });
  });

  it('says which columns each cell agrees and conflicts with', () => {
    const c = compareNarratives(mini, ['n-colour', 'n-us-help', 'n-powerless']);
    const outsiders = c.rows.find((r) => r.axis.id === 'x-outsiders')!;
    expect(outsiders.cells.map((x) => [x.agreeWith, x.conflictWith])).toEqual([
      [[2], [1]],
      [[], [0, 2]],
      [[0], [1]],
    ]);
    // a silent column is in neither list, and has none of its own
    const behind = c.rows.find((r) => r.axis.id === 'x-behind')!;
    expect(behind.cells.map((x) => [x.agreeWith, x.conflictWith])).toEqual([
      [[], [1]],
      [[], [0]],
      [[], []],
    ]);
  });

  it('status marks with who says so; the strongest quote is the first evidence, with its speaker', () => {
    const c = compareNarratives(mini, ['n-colour', 'n-subsided']);
    const secure = c.rows.find((r) => r.axis.id === 'x-secure')!;
    expect(secure.cells[0]).toMatchObject({ marks: ['agree', 'contested'], strongest: { quote: { id: 'q-zakharova-unacceptable' } }, speaker: { id: 'zakharova' } });
    expect(secure.cells[1]).toMatchObject({ marks: ['agree', 'unverified'], strongest: { quote: { id: 'q-smagin-relief' } }, speaker: { id: 'smagin' } });
    expect(secure.cells[1]!.statusBy.map((a) => a.id)).toEqual(['smagin']);
    const silent = c.rows.find((r) => r.axis.id === 'x-russia')!.cells[0]!;
    expect(silent).toMatchObject({ position: null, marks: ['silent'], strongest: null, speaker: null });
  });

  it('stances compare ignoring case and spacing', () => {
    const c = compareNarratives({ ...mini, positions: mini.positions.map((p) => (p.id === 'p-powerless-outsiders' ? { ...p, stance: '  Stay   OUT ' } : p)) }, ['n-colour', 'n-powerless']);
    expect(c.rows.find((r) => r.axis.id === 'x-outsiders')!.cells.map((x) => x.marks)).toEqual([['agree'], ['agree']]);
  });

  it('unknown and repeated ids are skipped', () => {
    expect(compareNarratives(mini, ['n-colour', 'nope', 'n-colour']).narratives.map((n) => n.id)).toEqual(['n-colour']);
  });

  it('on the bundled data: the Kremlin line and the grievances story conflict on what drives the protests', () => {
    const c = compareNarratives(bundled, ['n-colour-revolution', 'n-popular-uprising']);
    const drivers = c.rows.find((r) => r.axis.id === 'x-drivers')!;
    expect(drivers.cells.map((x) => x.marks)).toEqual([['conflict'], ['conflict']]);
    expect(drivers.cells[0]!.speaker?.id).toBe('actor-zakharova');
  });
});

describe('findNarrative / findActor', () => {
  const id = <T extends { id: string }>(r: T | { closest: T[] }) => (isFound(r) ? r.id : { closest: r.closest.map((x) => x.id) });

  it('by id, label, part of a label, key term', () => {
    expect(id(findNarrative(bundled, 'n-foreign-hand'))).toBe('n-foreign-hand');
    expect(id(findNarrative(bundled, 'Foreign hand behind the unrest'))).toBe('n-foreign-hand');
    expect(id(findNarrative(bundled, 'colour'))).toBe('n-colour-revolution');
    expect(id(findNarrative(bundled, 'home-grown'))).toBe('n-popular-uprising');
    expect(id(findNarrative(bundled, 'us'))).toBe('n-us-intervention'); // a word, not the "us" in "Russia"
    expect(id(findNarrative(mini, 'color revolution'))).toBe('n-colour'); // a key term
  });

  it('by name, alias, part of a name, ignoring case and accents', () => {
    expect(id(findActor(bundled, 'zakharova'))).toBe('actor-zakharova');
    expect(id(findActor(bundled, 'TRUMP'))).toBe('actor-trump');
    expect(id(findActor(bundled, 'Nicolás Maduro'))).toBe('actor-maduro');
    expect(id(findActor(bundled, 'foreign ministry'))).toBe('actor-russian-foreign-ministry');
  });

  it('ambiguous or unknown: the closest to offer', () => {
    const amb = findActor(bundled, 'foreign');
    expect(isFound(amb)).toBe(false);
    expect(!isFound(amb) && amb.ambiguous).toBe(true);
    expect(id(amb)).toEqual({ closest: expect.arrayContaining(['actor-zakharova', 'actor-russian-foreign-ministry']) });
    // a typo within the quote search's budget is forgiven (issue 14); past it, the closest are offered
    expect(id(findActor(bundled, 'zakarova'))).toBe('actor-zakharova');
    const far = findActor(bundled, 'zakhrv');
    expect(!isFound(far) && far.ambiguous).toBeFalsy();
    expect(id(far)).toEqual({ closest: expect.arrayContaining(['actor-zakharova']) });
    expect(id(findNarrative(bundled, 'qqqqqq'))).toEqual({ closest: [] });
  });
});
