/**
 * Words quoted from a document ("the letter reads", "said the ruling"): a document is no actor,
 * so its owner speaks through it when written (marked unsure), else nobody does, and never the
 * person quoted last. Made-up names.
 */
import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../src/core/corpus/schema.js';
import { draft } from './helpers.js';

const attr = (text: string, quote: string) => {
  const d = draft(text);
  const q = d.quote(quote);
  return { speaker: d.speaker(q), rule: q.attribution?.rule, kind: q.kind, confidence: q.attribution?.confidence ?? 1 };
};

describe('quotations from documents', () => {
  it('"“…,” the report says" after someone else spoke is not that person\'s', () => {
    const text = 'Taxes\n\n"We pay every dollar we owe," said Tom Reyes, the chief executive.\n\nThe agency "only requires that companies report large subsidiaries," the report says.\n';
    expect(attr(text, 'only requires that companies report large subsidiaries,')).toMatchObject({ speaker: null, rule: 'document', kind: 'term' });
  });

  it('"said the ruling", "the book said", "The clip says X “…”", "per the bylaws": nobody\'s', () => {
    const text =
      'Court\n\nJudge Ann Cole spoke to reporters.\n\n"A state cannot avoid the conclusion," said the ruling.\n\n"She was back within days," the book said.\n\n' +
      'The clip says Kane "has a passion for the wrong people."\n\nMembers may not vote by proxy "to fill a vacancy on the ticket," per the party\'s bylaws.\n';
    for (const q of ['A state cannot avoid the conclusion,', 'She was back within days,', 'has a passion for the wrong people.', 'to fill a vacancy on the ticket,']) {
      expect(attr(text, q).speaker, q).toBeNull();
    }
  });

  it('a passage standing alone after a document\'s words does not fall back to the last speaker', () => {
    const text = 'Schools\n\n"We need more schools," Dana Pruitt said.\n\n"Our children are thriving," the letter reads.\n\n"We ask you to reconsider."\n';
    expect(attr(text, 'We ask you to reconsider.').speaker).toBeNull();
  });

  it('the owner written in the phrase speaks through the document, marked unsure', () => {
    const text = 'Divorce\n\nThe judge sealed the file. However, Ivana Marsh\'s brief dismissed those reports as "previous misinterpreted statements."\n';
    const a = attr(text, 'previous misinterpreted statements.');
    expect(a).toMatchObject({ speaker: 'Ivana Marsh', rule: 'document-owner', kind: 'direct' });
    expect(a.confidence).toBeLessThan(LOW_CONFIDENCE);
  });

  it('"X released a statement … “…,” the statement said": the one who released it', () => {
    const text = 'Peace\n\nPrime Minister Gordon Bale released a statement on Monday.\n\n"The leaders have reached an agreement," the statement said.\n';
    expect(attr(text, 'The leaders have reached an agreement,')).toMatchObject({ speaker: 'Gordon Bale', rule: 'document-owner' });
  });

  it('a document that is the object of a verb is not the speaker ("released a statement calling X “…”")', () => {
    const text = 'Peace\n\nMinister Ruth Obi released a statement calling the signing "a triumph for peace."\n';
    expect(attr(text, 'a triumph for peace.').rule).not.toBe('document');
  });
});
