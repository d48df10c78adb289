/** Actors: found, merged across mentions, described by titles and appositives, every mention spanned. */
import { describe, expect, it } from 'vitest';
import { draft, fixture } from './helpers.js';

describe('actors', () => {
  const d = draft(fixture('actors.txt'));
  const art = d.file.articles[0]!;

  it('merges title + full name and surname into one person', () => {
    const a = d.actor('Anna Kowalczyk');
    expect(a.kind).toBe('person');
    expect(a.aliases).toEqual(expect.arrayContaining(['Kowalczyk', 'Defence Minister Anna Kowalczyk']));
    expect(a.role).toBe('Defence Minister');
    expect(d.file.actors.filter((x) => /Kowalczyk/.test(x.name))).toHaveLength(1);
  });

  it('takes the country from a demonym before the title', () => {
    expect(d.actor('Luis Ferreira')).toMatchObject({ kind: 'person', role: 'Brazilian President', country: 'Brazil' });
  });

  it('recognises organisations (with "of" in the name), outlets and groups', () => {
    expect(d.actor('Ministry of Foreign Affairs').kind).toBe('organisation');
    expect(d.actor('Daily Courier').kind).toBe('outlet');
    expect(d.actor('Opposition activists').kind).toBe('group');
  });

  it('records every mention with its exact span', () => {
    const ids = new Set(d.file.actors.map((a) => a.id));
    const kow = art.mentions.filter((m) => m.actor === d.actor('Anna Kowalczyk').id);
    expect(kow.map((m) => m.text)).toEqual(['Defence Minister Anna Kowalczyk', 'Kowalczyk']);
    const chars = Array.from(art.text);
    for (const m of art.mentions) {
      expect(ids.has(m.actor)).toBe(true);
      expect(chars.slice(m.span.start, m.span.end).join('')).toBe(m.text);
    }
  });

  it('mentions do not overlap', () => {
    const ms = [...art.mentions].sort((a, b) => a.span.start - b.span.start);
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.span.start).toBeGreaterThanOrEqual(ms[i - 1]!.span.end);
  });

  it('a role noun ("the minister") refers back to the named person with that role', () => {
    const x = draft('Finance Minister Karl Obst said taxes would rise.\n“We have no choice,” the minister said.\n');
    expect(x.speaker(x.quote('We have no choice,'))).toBe('Karl Obst');
  });

  it('ids are lower-case slugs, unique', () => {
    const ids = d.file.actors.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._:-]*$/);
  });

  it('an unnamed description merged into the person named next gives its role', () => {
    const x = draft('A former Russian diplomat says the words were not “sword-like.”\n“Why rattle the sabers?” Boris Bondarev, who quit the ministry, told the Daily Post.\n');
    const a = x.actor('Boris Bondarev');
    expect(a.aliases).toContain('former Russian diplomat');
    expect(a.role).toBe('former Russian diplomat');
    expect(x.speaker(x.quote('sword-like.'))).toBe('Boris Bondarev');
  });

  it('"the general" points back, never forward to the next named speaker', () => {
    const x = draft('“We will win,” the general said.\nOfficials said the deal was done.\n“It is over,” said Ali Rezaei.\n');
    expect(x.speaker(x.quote('We will win,'))).toBe('general');
    expect(x.actor('Officials').kind).toBe('group');
  });

  it('a clause after a comma is not an appositive', () => {
    const x = draft('After the collapse of the Soviet Union, Moscow became its main supporter.\n');
    for (const a of x.file.actors) expect(a.role ?? '').not.toMatch(/became/);
  });

  it('places mentioned in passing are not actors', () => {
    const x = draft('Irina, a mother of two from Yekaterinburg, a city in the Ural Mountains, told the Daily Post she was tired.\n');
    expect(x.file.actors.map((a) => a.name).sort()).toEqual(['Daily Post', 'Irina']);
    expect(x.actor('Irina').role).toBe('mother of two from Yekaterinburg');
  });
});
