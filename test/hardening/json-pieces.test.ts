/**
 * A draft's JSON in pieces (core/json-text.ts), so that a long article's draft never has to be
 * one string (V8's limit is about 512 million characters): joined, the pieces are exactly the
 * JSON every command prints, for any value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, jsonText } from '../../src/core/json-text.js';
import { extractDraft } from '../../src/core/extract/index.js';

const runs = Number(process.env.NL_FUZZ_SCALE ?? 1);

describe('jsonPieces', () => {
  it('joins to exactly jsonText for any JSON-like value, whatever the piece size', () => {
    const value = fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: true, withBoxedValues: false })).filter(
      (v) => JSON.stringify(v) !== undefined, // a document is never undefined itself
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 64 }), (v, size) => {
        const pieces = jsonPieces(v, size);
        expect(pieces.join('')).toBe(jsonText(v));
      }),
      { numRuns: 500 * runs },
    );
  });

  it('splits between values, never inside a string, and escapes as the printer does', () => {
    const v = { a: ['line\none', '\u009b[31m', '\u202e', { deep: [[{ x: 'y\n' }]] }], b: undefined, c: () => 1, d: [undefined, 1], e: {}, f: [] };
    const pieces = jsonPieces(v, 1);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(jsonText(v));
    for (const p of pieces) expect(p).not.toMatch(/[\u009b\u202e]/);
  });

  it('gives a draft the same text as printing it whole', () => {
    const text = 'Talks resumed.\nForeign Ministry spokeswoman Mariya Zakharova said: "The notorious method is used."\n'.repeat(50);
    const draft = extractDraft(text, { date: '2026-01-14' });
    expect(jsonPieces(draft, 100).join('')).toBe(jsonText(draft));
  });
});
