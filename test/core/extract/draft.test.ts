/** The draft as a whole: valid corpus file, exact spans, ids, titles, robustness on any input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../../src/core/extract/index.js';
import { CorpusFile } from '../../../src/core/corpus/schema.js';
import { fixture } from './helpers.js';

const ID = /^[a-z0-9][a-z0-9._:-]*$/;

function checkValid(file: CorpusFile): void {
  expect(CorpusFile.safeParse(file).success).toBe(true);
  const art = file.articles[0]!;
  expect(art.draft).toBe(true);
  const chars = Array.from(art.text);
  const actorIds = new Set(file.actors.map((a) => a.id));
  const quoteIds = new Set<string>();
  for (const q of art.quotes) {
    expect(chars.slice(q.span.start, q.span.end).join('')).toBe(q.text);
    expect(q.id).toMatch(ID);
    expect(quoteIds.has(q.id)).toBe(false);
    quoteIds.add(q.id);
    if (q.speaker !== null) expect(actorIds.has(q.speaker)).toBe(true);
  }
  for (const m of art.mentions) expect(chars.slice(m.span.start, m.span.end).join('')).toBe(m.text);
  for (const a of file.actors) expect(a.id).toMatch(ID);
  expect(art.id).toMatch(ID);
}

describe('the draft', () => {
  it('is a valid corpus file for every fixture', () => {
    for (const f of ['quote-styles.txt', 'split-and-paragraphs.txt', 'attribution.txt', 'indirect.txt', 'actors.txt']) {
      checkValid(extractDraft(fixture(f)));
    }
  });

  it('takes the first line as the headline when it looks like one', () => {
    const a = extractDraft(fixture('attribution.txt')).articles[0]!;
    expect(a).toMatchObject({ title: 'Officials meet as crisis deepens', titleInferred: false });
    const b = extractDraft(fixture('indirect.txt')).articles[0]!;
    expect(b.titleInferred).toBe(true);
    expect(b.title).toBe('Health officials said more than 300 people had been taken to hospital.');
  });

  it('uses the metadata it is given', () => {
    const a = extractDraft('He said: “Yes.”\n', { title: 'T', outlet: 'O', url: 'https://example.org/a', date: '2026-01-14', source: 'a.txt', id: 'my-article' }).articles[0]!;
    expect(a).toMatchObject({
      id: 'my-article',
      title: 'T',
      titleInferred: false,
      outlet: 'O',
      url: 'https://example.org/a',
      source: 'a.txt',
      published: { text: null, date: '2026-01-14', inferred: false },
    });
    expect(a.quotes[0]!.id.startsWith('my-article.')).toBe(true);
  });

  it('is deterministic, and ids differ between articles', () => {
    const t = fixture('attribution.txt');
    expect(extractDraft(t)).toEqual(extractDraft(t));
    expect(extractDraft(t).articles[0]!.id).not.toBe(extractDraft(`${t}\nMore.`).articles[0]!.id);
  });

  it('refuses an empty article', () => {
    expect(() => extractDraft('   \n ')).toThrow(/empty/);
  });

  it('keeps Windows line endings and a byte-order mark out of the way', () => {
    const file = extractDraft('\uFEFFMinister: ‘No’\r\nThe minister said: “We will not go.”\r\n');
    checkValid(file);
    expect(file.articles[0]!.quotes.map((q) => q.text)).toContain('We will not go.');
  });

  it('never fails and stays valid on arbitrary text', () => {
    const piece = fc.oneof(
      fc.constantFrom('“', '”', '"', "'", '‘', '’', '«', '»', '„', ',', '.', ':', '\n', ' ', ' said ', ' told ', 'Mr ', 'the minister', 'according to ', '🌕', 'Smith', 'He', 'she'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 60 }), (parts) => {
        const text = parts.join('');
        if (text.trim().length === 0) return;
        checkValid(extractDraft(text));
      }),
      { numRuns: 300 },
    );
  });

  it('copes with pathological input (each of these was once quadratic; timing is measured in the bench, not here)', () => {
    for (const text of ["'a' ".repeat(5000), '« a » '.repeat(5000), 'he said '.repeat(5000), 'X, '.repeat(8000) + 'said “hi there friend”.', '“'.repeat(10000)]) {
      checkValid(extractDraft(text));
    }
  }, 60000);
});
