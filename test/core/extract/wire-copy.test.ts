/**
 * Attribution patterns of wire copy from other outlets (found on the Wikinews development set,
 * written here with made-up names): each a sentence or two, with the speaker a reader would name.
 */
import { describe, expect, it } from 'vitest';
import { draft } from './helpers.js';

const speakerOf = (text: string, quote: string) => {
  const d = draft(text);
  const q = d.quote(quote);
  return { speaker: d.speaker(q), rule: q.attribution?.rule, kind: q.kind };
};

describe('speakers in wire copy', () => {
  it('a passive speech verb: the agent after "by" speaks', () => {
    expect(speakerOf('The plan was called "reckless" by Senator Ray Holt on Monday.\n', 'reckless')).toMatchObject({ speaker: 'Ray Holt', rule: 'passive-by', kind: 'direct' });
  });

  it('a participle after a comma shares the subject of the speech verb before it, not a name in an "including" list', () => {
    const r = speakerOf('Forty city leaders, including Ann Lee and Bo Park, criticised the plan in a letter, demanding "an immediate halt".\n', 'an immediate halt');
    expect(r.speaker).toMatch(/leaders/i);
  });

  it('an appositive whose closing comma is missing', () => {
    expect(speakerOf('Maria Costa, head of the city\'s transport committee told reporters: "We will not wait for the ministry."\n', 'We will not wait for the ministry.').speaker).toBe('Maria Costa');
  });

  it('a capitalised role in apposition marks a person, and the subject is found past it', () => {
    expect(speakerOf('Ray Holt, Canadian Deputy Minister of Transport, noted "serious delays" at the border.\n', 'serious delays').speaker).toBe('Ray Holt');
  });

  it('a speech verb inside what an earlier speaker reports: the reporting speaker\'s words', () => {
    expect(speakerOf('Budget vote\n\nRay Holt spoke after the vote. He said the council had called the budget "a disgrace to the city".\n', 'a disgrace to the city')).toMatchObject({ speaker: 'Ray Holt', rule: 'reported-within:pronoun' });
  });

  it('but not across a comma or a subordinator', () => {
    expect(speakerOf('Ray Holt accused the mayor of lying, after Maria Costa called for "calm and patience" on Friday.\n', 'calm and patience').speaker).toBe('Maria Costa');
  });

  it('a time adverb between the subject and the verb', () => {
    expect(speakerOf('Ray Holt yesterday described the plan as "a fantasy".\n', 'a fantasy').speaker).toBe('Ray Holt');
  });

  it('an abbreviation in capitals is a name, not the pronoun "us"', () => {
    expect(speakerOf('The US called the vote "a sham" and recalled its envoy.\n', 'a sham').speaker).toBe('US');
  });

  it('"Mr." with its full stop stays with the name', () => {
    const d = draft('Mr. Holt spoke to the council. "It is over," Mr. Holt said.\n');
    expect(d.speaker(d.quote('It is over,'))).toBe('Holt');
    expect(d.file.actors.map((a) => a.name)).not.toContain('Mr');
  });

  it('the owner of "remarks calling …" speaks', () => {
    expect(speakerOf("Maria Costa's remarks calling the plan \"a disaster for families\" drew criticism.\n", 'a disaster for families').speaker).toBe('Maria Costa');
  });

  it('"the President of X" is not whichever president was named last', () => {
    const d = draft('President Ray Holt arrived on Monday. His speech was hailed as "historic" by the President of Ruritania.\n');
    expect(d.speaker(d.quote('historic'))).not.toBe('Ray Holt');
    expect(d.quote('historic').attribution?.rule).toBe('passive-by:description');
  });

  it('reported speech before its speaker: "…, said X, an economist." / "…, the ministry said."', () => {
    const d = draft('Prices rose sharply in March, said Anna Keller, an economist at the bank.\n\nThe talks will resume next week, the ministry said.\n\nAfter the meeting ended late on Friday, Keller said.\n');
    const ind = d.quotes.filter((q) => q.kind === 'indirect');
    expect(ind.map((q) => [q.text, d.speaker(q)])).toEqual([
      ['Prices rose sharply in March', 'Anna Keller'],
      ['The talks will resume next week', expect.stringMatching(/ministry/i)],
    ]);
  });
});
