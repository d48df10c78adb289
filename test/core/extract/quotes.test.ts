/** Quoted passages: every quotation style, exact spans, apostrophes that are not quotation marks. */
import { describe, expect, it } from 'vitest';
import { draft, fixture, passages } from './helpers.js';

describe('quotation styles', () => {
  const d = draft(fixture('quote-styles.txt'));

  it('finds a passage in each style, with the span inside the marks', () => {
    expect(passages(d)).toEqual([
      'We will not be moved', // headline, curly single
      'We will hold the line.', // curly double
      'We have the votes.', // straight double
      'Nothing is decided yet.', // guillemets
      'Wir schaffen das', // German „…“
      'This is a mixed pair.', // “…"
      'And this one too.', // "…”
      'We are ready.', // straight single
    ]);
  });

  it('does not take apostrophes for quotation marks', () => {
    // Tehran’s, doesn’t, Russians’, ’90s, rock 'n' roll, it's
    expect(passages(d).some((t) => /Tehran|Russians|90s|roll/.test(t))).toBe(false);
  });

  it('spans point at exactly the quoted characters', () => {
    const text = d.file.articles[0]!.text;
    for (const q of d.quotes) {
      expect(Array.from(text).slice(q.span.start, q.span.end).join('')).toBe(q.text);
      if (q.kind !== 'indirect') {
        expect('“"«„‘\''.includes(Array.from(text)[q.span.start - 1]!)).toBe(true);
      }
    }
  });
});

describe('passages that are hard to delimit', () => {
  it('keeps a possessive s’ inside a single-quoted passage', () => {
    const d = draft('She accused the board of ‘playing politics with patients’ lives’ and left.\n');
    expect(passages(d)).toEqual(['playing politics with patients’ lives']);
  });

  it('closes at a plural possessive only when nothing later can close', () => {
    const d = draft('Critics called it a ‘victory for the generals’ and moved on.\n');
    expect(passages(d)).toEqual(['victory for the generals']);
  });

  it('reads nested quotations as passages of their own', () => {
    const d = draft('He said: “They keep telling us there is ‘no money left’, and we believe them.”\n');
    expect(passages(d)).toEqual(['They keep telling us there is ‘no money left’, and we believe them.', 'no money left']);
    const nested = d.quote('no money left');
    expect(nested.kind).toBe('term');
    expect(nested.note).toMatch(/nested/);
  });

  it('splits a quotation interrupted by its attribution into two passages', () => {
    const d = draft(fixture('split-and-paragraphs.txt'));
    expect(passages(d).slice(0, 2)).toEqual(['The plan is dead,', 'and everyone knows it.']);
  });

  it('runs a quotation over paragraphs when the next paragraph reopens it', () => {
    const d = draft(fixture('split-and-paragraphs.txt'));
    expect(passages(d)[2]).toBe('I have seen this before. It never ends well.\n"The only question is who pays,');
  });

  it('drops an opening mark that is never closed', () => {
    const d = draft('He said: “We will win.\nThe crowd cheered.\n');
    expect(passages(d)).toEqual([]);
  });

  it("reads two apostrophes (''…'', archive copy) as one quotation mark, span inside both", () => {
    const d = draft("Taxes\n\n''I admire the mechanics'' of the plan, Mr. Dorrin said. ''They are detailed.''\n\n''Their aim is clear,'' Ann Kell, a fellow at the institute, said.\n");
    expect(passages(d)).toEqual(['I admire the mechanics', 'They are detailed.', 'Their aim is clear,']);
    const text = d.file.articles[0]!.text;
    for (const q of d.quotes.filter((x) => x.kind !== 'indirect')) expect(text.slice(q.span.start - 2, q.span.start)).toBe("''");
    expect(d.speaker(d.quote('Their aim is clear,'))).toBe('Ann Kell');
    expect(d.speaker(d.quote('I admire the mechanics'))).toBe('Dorrin');
  });

  it('counts offsets in code points, also after astral characters', () => {
    const d = draft('🚀🚀 The minister said: “We go to 🌕 now.”\n');
    const q = d.quote('We go to 🌕 now.');
    // 2 astral characters before it: UTF-16 would say 25..40
    expect(q.span).toEqual({ start: 23, end: 38 });
  });
});
