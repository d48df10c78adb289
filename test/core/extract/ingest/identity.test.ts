/** Actors across articles: spellings merged with evidence, uncertain merges proposed, generic names kept apart. */
import { describe, expect, it } from 'vitest';
import { applyIdentity, resolveIdentity, type ArticleActors } from '../../../../src/core/extract/ingest/identity.js';
import type { CorpusFile } from '../../../../src/core/corpus/schema.js';

const person = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases, kind: 'person' as const });
const org = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases, kind: 'organisation' as const });

describe('resolveIdentity', () => {
  it('merges transliterations, accents and a surname used alone, with the evidence for each', () => {
    const input: ArticleActors[] = [
      { article: 'a', actors: [person('mariya-zakharova', 'Mariya Zakharova', ['Zakharova']), person('hugo-chavez', 'Hugo Chávez')] },
      { article: 'b', actors: [person('maria-zakharova', 'Maria Zakharova'), person('hugo-chavez', 'Hugo Chavez')] },
      { article: 'c', actors: [person('zakharova', 'Zakharova'), person('konstantin-kosachyov', 'Konstantin Kosachyov')] },
      { article: 'd', actors: [person('konstantin-kosachev', 'Konstantin Kosachev')] },
    ];
    const id = resolveIdentity(input);
    const z = id.ids.get('a')!.get('mariya-zakharova')!;
    expect(id.ids.get('b')!.get('maria-zakharova')).toBe(z);
    expect(id.ids.get('c')!.get('zakharova')).toBe(z);
    expect(id.ids.get('b')!.get('hugo-chavez')).toBe(id.ids.get('a')!.get('hugo-chavez'));
    expect(id.ids.get('c')!.get('konstantin-kosachyov')).toBe(id.ids.get('d')!.get('konstantin-kosachev'));
    const merge = id.merges.find((m) => m.id === z)!;
    expect(merge.members.map((m) => m.name).sort()).toEqual(['Maria Zakharova', 'Mariya Zakharova', 'Zakharova']);
    expect(merge.evidence.join('\n')).toMatch(/first names 1 letter apart, same surname/);
    expect(merge.evidence.join('\n')).toMatch(/surname only/);
    expect(id.proposals).toEqual([]);
  });

  it('proposes, and does not make, merges it cannot be sure of', () => {
    const id = resolveIdentity([
      { article: 'a', actors: [person('gordon-brown', 'Gordon Brown')] },
      { article: 'b', actors: [person('james-brown', 'James Brown')] },
      { article: 'c', actors: [person('brown', 'Brown')] },
      { article: 'd', actors: [person('eduard-kokoity', 'Eduard Kokoity')] },
      { article: 'e', actors: [person('tarzan-kokoiti', 'Tarzan Kokoiti')] },
    ]);
    const ids = (art: string, local: string) => id.ids.get(art)!.get(local)!;
    expect(new Set([ids('a', 'gordon-brown'), ids('b', 'james-brown'), ids('c', 'brown')]).size).toBe(3);
    expect(ids('d', 'eduard-kokoity')).not.toBe(ids('e', 'tarzan-kokoiti'));
    const reasons = id.proposals.map((p) => `${p.a.name} ~ ${p.b.name}: ${p.reason}`);
    expect(reasons).toContain('Brown ~ Gordon Brown: "Brown" could be any of 2 people with that surname');
    expect(reasons).toContain('Brown ~ James Brown: "Brown" could be any of 2 people with that surname');
    expect(reasons.some((r) => /Kokoit.* ~ .*Kokoit.*first names differ/.test(r))).toBe(true);
    expect(id.merges).toEqual([]);
  });

  it('keeps generic organisations and groups apart, merges proper ones and acronyms given as aliases', () => {
    const id = resolveIdentity([
      { article: 'a', actors: [org('police', 'Police'), org('mdc', 'Movement for Democratic Change', ['MDC']), { ...org('protesters', 'protesters'), kind: 'group' as const }] },
      { article: 'b', actors: [org('police', 'Police'), org('mdc', 'MDC'), { ...org('protesters', 'protesters'), kind: 'group' as const }] },
    ]);
    expect(id.ids.get('a')!.get('police')).not.toBe(id.ids.get('b')!.get('police'));
    expect(id.ids.get('a')!.get('protesters')).not.toBe(id.ids.get('b')!.get('protesters'));
    expect(id.ids.get('a')!.get('mdc')).toBe(id.ids.get('b')!.get('mdc'));
    expect(id.names.get(id.ids.get('b')!.get('mdc')!)).toBe('Movement for Democratic Change');
  });
});

describe('applyIdentity', () => {
  it('renames speakers and mentions to corpus ids and keeps every spelling as an alias', () => {
    const draft = {
      format: 'narrative-lens/1',
      articles: [
        {
          id: 'b', title: 't', titleInferred: false, outlet: null, url: null, published: null, language: 'en', source: null, text: 'Maria Zakharova said “no.”', draft: true,
          quotes: [{ id: 'b.q1', kind: 'direct', text: 'no.', span: { start: 22, end: 25 }, speaker: 'maria-zakharova', channel: null, when: null, narratives: [], topics: [] }],
          mentions: [{ actor: 'maria-zakharova', span: { start: 0, end: 15 }, text: 'Maria Zakharova' }],
          silences: [], events: [],
        },
      ],
      actors: [{ id: 'maria-zakharova', name: 'Maria Zakharova', aliases: [], kind: 'person', role: null, affiliation: null, country: null, profile: '', alignment: null }],
    } as unknown as CorpusFile;
    const id = resolveIdentity([
      { article: 'a', actors: [person('mariya-zakharova', 'Mariya Zakharova')] },
      { article: 'b', actors: [person('maria-zakharova', 'Maria Zakharova')] },
    ]);
    const out = applyIdentity(draft, 'b', id);
    const gid = id.ids.get('a')!.get('mariya-zakharova')!;
    expect(out.articles[0]!.quotes[0]!.speaker).toBe(gid);
    expect(out.articles[0]!.mentions[0]!.actor).toBe(gid);
    expect(out.actors).toEqual([expect.objectContaining({ id: gid, name: 'Mariya Zakharova', aliases: ['Maria Zakharova'] })]);
  });
});
