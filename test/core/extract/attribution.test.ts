/** Attribution: who said each quoted passage, by which rule, through which channel and when. */
import { describe, expect, it } from 'vitest';
import { draft, fixture } from './helpers.js';

describe('attribution patterns', () => {
  const d = draft(fixture('attribution.txt'), { date: '2026-01-14' });
  const said = (t: string) => {
    const q = d.quote(t);
    return { speaker: d.speaker(q), rule: q.attribution?.rule, confidence: q.attribution?.confidence };
  };

  it('"Q," X said — with a title before the name', () => {
    expect(said('We are running out of time,')).toMatchObject({ speaker: 'Olav Lindgren', rule: 'quote-speaker-verb' });
  });

  it('"Q," said X, appositive', () => {
    expect(said('The talks have collapsed,')).toMatchObject({ speaker: 'Maria Costa', rule: 'quote-verb-speaker' });
    expect(d.actor('Maria Costa').role).toBe('spokeswoman for the opposition Green Party');
  });

  it('X told Y that … "Q"', () => {
    expect(said('do whatever is necessary.')).toMatchObject({ speaker: 'Tomas Berg' });
    expect(d.quote('do whatever is necessary.').channel).toBe('told reporters');
  });

  it('according to X', () => {
    expect(said('organised from abroad.')).toMatchObject({ speaker: 'Tomas Berg', rule: 'according-to' });
  });

  it('X, who …, wrote on Y: "Q" — with the channel', () => {
    const q = d.quote('Calm heads will prevail.');
    expect(d.speaker(q)).toBe('Olav Lindgren');
    expect(q.channel).toBe('wrote on Facebook');
  });

  it('a surname continues the named speaker', () => {
    expect(said('temporary.')).toMatchObject({ speaker: 'Tomas Berg' });
  });

  it('a pronoun continues the last named speaker, with lower confidence', () => {
    const r = said('Will they listen?');
    expect(r.speaker).toBe('Tomas Berg');
    expect(r.rule).toMatch(/pronoun/);
    expect(r.confidence).toBeLessThan(said('We are running out of time,').confidence!);
  });

  it('a scare-quoted term has no speaker', () => {
    const q = d.quote('peace plan');
    expect(q.kind).toBe('term');
    expect(q.speaker).toBeNull();
  });

  it('records the time expression, resolved against the publication date', () => {
    expect(d.quote('We are running out of time,').when).toEqual({
      text: 'on Monday',
      date: '2026-01-12',
      inferred: true,
      reason: 'the monday on or before the publication date 2026-01-14',
    });
    expect(d.quote('small minority').when?.text).toBe('on Tuesday');
  });

  it('every quote says how it was attributed', () => {
    for (const q of d.quotes) {
      expect(q.attribution?.rule).toBeTruthy();
      expect(q.attribution!.confidence).toBeGreaterThan(0);
      expect(q.attribution!.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('speakers across sentences and paragraphs', () => {
  const d = draft(fixture('split-and-paragraphs.txt'));

  it('gives both halves of a split quotation to the speaker between them', () => {
    expect(d.speaker(d.quote('The plan is dead,'))).toBe('Jane Porter');
    expect(d.speaker(d.quote('and everyone knows it.'))).toBe('Jane Porter');
  });

  it('attributes a quotation over paragraphs by the attribution where it closes', () => {
    expect(d.speaker(d.quote('I have seen this before. It never ends well.\n"The only question is who pays,'))).toBe('Jane Porter');
  });

  it('takes the role from an appositive', () => {
    expect(d.actor('Jane Porter').role).toBe('senior fellow at the Lowell Institute');
  });

  it('gives a quotation standing alone to the speaker of the paragraph before', () => {
    const x = draft('Smith said the vote was rigged.\n“There is no other word for it.”\n');
    const q = x.quote('There is no other word for it.');
    expect(x.speaker(q)).toBe('Smith');
    expect(q.attribution?.rule).toBe('follows-speaker');
  });

  it('X said: "Q" with a description before the name', () => {
    const x = draft('Foreign Ministry spokeswoman Ana Lobo said: “The claims are absurd.”\n');
    expect(x.speaker(x.quote('The claims are absurd.'))).toBe('Ana Lobo');
    expect(x.actor('Ana Lobo')).toMatchObject({ role: 'Foreign Ministry spokeswoman', affiliation: 'Foreign Ministry' });
  });

  it('"The X, Name," names the person and gives the role', () => {
    const x = draft('The health secretary, Margaret Ellis, said the offer was ‘fair and final’.\n‘We will not be bullied,’ she added.\n');
    expect(x.speaker(x.quote('fair and final'))).toBe('Margaret Ellis');
    expect(x.speaker(x.quote('We will not be bullied,'))).toBe('Margaret Ellis');
    expect(x.actor('Margaret Ellis').role).toBe('health secretary');
  });

  it('a pronoun skips a speaker of the other gender', () => {
    const x = draft('Ms Hale said: “We are ready.”\nMr Soto said the army would stay.\n“We have no choice,” she said.\n');
    expect(x.speaker(x.quote('We have no choice,'))).toBe('Hale');
  });

  it('a pronoun takes the latest speaker whose gender is not known to differ', () => {
    const x = draft('Spokesman Tom Hill said: “We are ready.”\nDr Sami Nasser described the ward as a “slow death”.\n“We have no milk,” he said.\n');
    expect(x.speaker(x.quote('We have no milk,'))).toBe('Sami Nasser');
  });

  it('an unnamed description is resolved to the person named next', () => {
    const x = draft('A former diplomat says the talks were “doomed.”\n“Nobody wanted them to work,” Ivan Petrov told the Daily Post.\n');
    expect(x.speaker(x.quote('doomed.'))).toBe('Ivan Petrov');
    expect(x.actor('Ivan Petrov').aliases).toContain('former diplomat');
  });

  it('names joined by "and" speak together', () => {
    const x = draft('Iran, Russia and China said in a joint statement that sanctions were “illegal”.\nOfficials visited Moscow and Putin said nothing.\n');
    const q = x.quote('illegal');
    expect(x.speaker(q)).toBe('Iran, Russia and China');
    expect(x.actor('Iran, Russia and China').kind).toBe('group');
    expect(x.file.actors.map((a) => a.name)).not.toContain('Moscow and Putin');
  });

  it('"X was quoted by Y as saying …" gives X, through Y', () => {
    const x = draft('Dmitry Orlov, the deputy chairman, was quoted by the state news agency TASS as saying there could be “no more talk of peace”.\n');
    const q = x.quote('no more talk of peace');
    expect(x.speaker(q)).toBe('Dmitry Orlov');
    expect(q.channel).toBe('quoted by the state news agency TASS');
  });

  it('a headline "…, X says" and "X: ‘…’"', () => {
    const x = draft('Sanctions ‘will not work’, minister says\nThe minister, Petra Lund, said sanctions would fail.\n');
    expect(x.speaker(x.quote('will not work'))).toBe('Petra Lund');
    const y = draft('Mayor: ‘We will rebuild’\nMayor Tom Reid visited the site on Sunday.\n');
    expect(y.speaker(y.quote('We will rebuild'))).toBe('Tom Reid');
  });
});

describe('direct versus term', () => {
  it('a short quotation with no speech verb nearby is a term', () => {
    const x = draft('The latter included the “advanced” missile system and a “strategic partnership” with Moscow.\n');
    expect(x.quotes.map((q) => q.kind)).toEqual(['term', 'term']);
  });

  it('a short quotation governed by a speech verb is direct', () => {
    const x = draft('The president promised to “respect” the deal and called the critics “cowards.”\n');
    expect(x.quotes.filter((q) => q.kind !== 'indirect').map((q) => q.kind)).toEqual(['direct', 'direct']);
  });

  it('"so-called" makes a term even next to a speech verb', () => {
    const x = draft('Managers describe the so-called ‘efficiency savings’ as a fantasy.\n');
    expect(x.quote('efficiency savings').kind).toBe('term');
  });
});
