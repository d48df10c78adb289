import { describe, expect, it } from 'vitest';
import { json, jsonArrayPieces } from '../../src/cli/print/json.js';

/** Records like a search's hits: nested lists, nulls, missing values, text a terminal would act on. */
function records(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `q-${i}`,
    text: i % 7 === 0 ? `bidi \u202e and C1 \u0085 and “marks” ${i}` : `plain ${i}`,
    speaker: i % 5 === 0 ? null : `actor-${i % 13}`,
    when: i % 3 === 0 ? undefined : { text: null, date: '2026-01-02', inferred: false },
    narratives: i % 2 ? [] : ['n-1', 'n-2'],
    score: i / 1000,
    matches: [{ field: 'text', indices: [[0, 3], [5, 9]] }],
  }));
}

describe('a large JSON array printed in pieces', () => {
  it('is, joined, exactly the JSON printed whole', () => {
    for (const n of [0, 1, 1023, 1024, 1025, 2048, 3001]) {
      const items = records(n);
      expect([...jsonArrayPieces(items)].join(''), `${n} records`).toBe(json(items));
    }
  });

  it('comes in several pieces when large, one when small', () => {
    expect([...jsonArrayPieces(records(3001))].length).toBeGreaterThan(2);
    expect([...jsonArrayPieces(records(10))].length).toBe(1);
  });

  it('gives elements with toJSON (and holes) the text JSON.stringify gives them', () => {
    const items: unknown[] = [...records(1500), new Date(0), undefined, () => 1];
    expect([...jsonArrayPieces(items)].join('')).toBe(json(items));
    const holes: unknown[] = [...records(1500)];
    holes[1200] = undefined;
    expect([...jsonArrayPieces(holes)].join('')).toBe(json(holes));
  });
});
