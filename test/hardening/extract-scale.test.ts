/**
 * The extractor on words and lengths its rules never meant (issue 18): a capitalised word that
 * is also a property of every JavaScript object ("Constructor") is no month; one actor named
 * thousands of times keeps each mention once; the speed work changed nothing in the draft.
 */
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../src/core/extract/index.js';
import { CorpusFile } from '../../src/core/corpus/schema.js';

describe('the extractor on unusual words', () => {
  it('reads "Constructor", "ToString" and "ValueOf" as words, not months', () => {
    for (const w of ['Constructor', 'ToString', 'ValueOf', 'HasOwnProperty', '__proto__']) {
      const text = `Talks resumed.\nOn ${w} 5, the minister said: "We will not give in to pressure from anyone at all."\n`;
      // before: the word was looked up in a plain object, found Object's method, and the draft
      // failed its own schema ("a date is YYYY, YYYY-MM or YYYY-MM-DD")
      const draft = extractDraft(text, { date: '2026-01-10' });
      expect(CorpusFile.safeParse(draft).success).toBe(true);
      const q = draft.articles[0]!.quotes[0]!;
      expect(q.text).toBe('We will not give in to pressure from anyone at all.');
      expect(q.when).toBeNull();
    }
  });

  it('still reads real month names, abbreviated or not', () => {
    for (const [w, date] of [['January 5', '2026-01-05'], ['Dec', '2025-12']]) {
      const text = `Talks resumed.\nOn ${w}, the minister said: "We will not give in to pressure from anyone at all."\n`;
      const q = extractDraft(text, { date: '2026-01-10' }).articles[0]!.quotes[0]!;
      expect(q.when).toMatchObject({ text: `On ${w}`, date });
    }
  });
});

describe('the extractor on a long article', () => {
  it('keeps each mention of an actor named thousands of times once, at its place', () => {
    const para = 'Foreign Ministry spokeswoman Mariya Zakharova said the talks had failed. Zakharova added that Moscow would wait.';
    const n = 3000;
    const text = Array.from({ length: n }, () => para).join('\n');
    const art = extractDraft(text).articles[0]!;
    const zak = art.mentions.filter((m) => m.text.endsWith('Zakharova'));
    expect(zak).toHaveLength(2 * n);
    expect(new Set(zak.map((m) => m.span.start)).size).toBe(2 * n);
    const chars = Array.from(art.text);
    for (const m of zak) expect(chars.slice(m.span.start, m.span.end).join('')).toBe(m.text);
  });
});
