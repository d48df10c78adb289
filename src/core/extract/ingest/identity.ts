/**
 * Actors across articles: the same person or organisation found in several articles, under the
 * same or a different spelling, becomes one actor (one id) with the evidence for each merge;
 * merges the rules are not sure of are proposed, not made. Pure: actor lists in, a mapping out.
 *
 * Made (certain enough):
 *   same-name        the same name, accents and case aside ("Hugo Chávez" / "Hugo Chavez")
 *   alias            one actor's name is another's alias ("MDC" / "Movement for Democratic Change")
 *   first-name       same surname, first names one or two letters apart ("Mariya"/"Maria",
 *                    "Mikheil"/"Mikhail": transliterations)
 *   surname          same first name, surnames a letter or two apart ("Kosachev"/"Kosachyov")
 *   surname-only     a bare surname ("Zakharova") and the only person in the corpus with it
 * Proposed: a bare surname shared by several people; a surname one or two letters from another
 * person's whose first name differs or is missing.
 */
import type { Actor, CorpusFile } from '../../corpus/schema.js';
import { slug } from '../index.js';

export interface ArticleActors {
  /** the article file (its id in the manifest) */
  article: string;
  actors: Array<Pick<Actor, 'id' | 'name' | 'aliases' | 'kind'>>;
}

export interface Merge {
  id: string;
  name: string;
  members: Array<{ article: string; id: string; name: string }>;
  evidence: string[];
}

export interface Proposal {
  a: { id: string; name: string };
  b: { id: string; name: string };
  reason: string;
}

export interface Identity {
  /** article → local actor id → corpus actor id */
  ids: Map<string, Map<string, string>>;
  /** corpus actor id → the name it goes by (the fullest) */
  names: Map<string, string>;
  merges: Merge[];
  proposals: Proposal[];
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'prof', 'professor', 'president', 'prime', 'minister', 'senator', 'general', 'gen', 'chancellor', 'ambassador', 'judge', 'king', 'queen', 'prince', 'sheikh']);

/** Lower case, accents and punctuation gone, titles dropped: "Mr. Saakashvili" → "saakashvili". */
export function foldName(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && !TITLES.has(w));
}

/** Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Two spellings of one name: same first letter, one or two letters apart, not too short. */
function variant(a: string, b: string): number | null {
  if (a === b || a[0] !== b[0] || Math.min(a.length, b.length) < 4) return null;
  const d = editDistance(a, b, 2);
  return d <= 2 && d <= Math.floor(Math.min(a.length, b.length) / 3) ? d : null;
}

const isPerson = (k: string) => k === 'person';

/** Words that name no one in particular: "Police" in two articles are two police forces. */
const GENERIC = new Set([
  'police', 'government', 'officials', 'official', 'authorities', 'military', 'army', 'ministry', 'court', 'parliament',
  'opposition', 'protesters', 'sources', 'source', 'reports', 'report', 'spokesman', 'spokeswoman', 'spokesperson',
  'analysts', 'experts', 'critics', 'residents', 'witnesses', 'officers', 'lawmakers', 'delegates', 'delegate', 'prosecutors',
  'the', 'a', 'an', 'of', 'state', 'media', 'foreign', 'defence', 'defense', 'interior', 'health', 'national', 'security', 'committee',
]);

/** A name that can be the same actor in another article: a group never is; an organisation needs a proper name. */
function proper(n: { kind: string; name: string; words: string[] }): boolean {
  if (n.kind === 'group') return false;
  if (n.kind === 'person') return true;
  return /^\p{Lu}/u.test(n.name) && n.words.some((w) => !GENERIC.has(w));
}

interface Node {
  article: string;
  id: string;
  name: string;
  kind: string;
  words: string[];
  aliases: string[][];
}

export function resolveIdentity(input: ArticleActors[]): Identity {
  const nodes: Node[] = [];
  for (const a of [...input].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : 0))) {
    for (const act of a.actors) {
      nodes.push({ article: a.article, id: act.id, name: act.name, kind: act.kind, words: foldName(act.name), aliases: act.aliases.map(foldName).filter((w) => w.length > 0) });
    }
  }
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const evidence = new Map<number, string[]>();
  /** joins two groups; the reason is only written when they were apart */
  const union = (i: number, j: number, why: () => string) => {
    const a = find(i);
    const b = find(j);
    if (a === b) return;
    parent[b] = a;
    const ev = evidence.get(a) ?? [];
    const eb = evidence.get(b);
    if (eb) {
      for (const e of eb) ev.push(e);
      evidence.delete(b);
    }
    ev.push(why());
    evidence.set(a, ev);
  };
  const cls = (n: Node) => (isPerson(n.kind) ? 'p' : 'o');
  const show = (n: Node) => `"${n.name}" (${n.article})`;
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };

  // same name (a person's of two words or more: a bare surname is decided below); a name that is another's alias
  const byName = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!n.words.length || !proper(n) || (isPerson(n.kind) && n.words.length < 2)) return;
    const k = `${cls(n)}|${n.words.join(' ')}`;
    const j = byName.get(k);
    if (j === undefined) byName.set(k, i);
    else union(j, i, () => `same name: ${show(nodes[j]!)} and ${show(n)}`);
  });
  nodes.forEach((n, i) => {
    if (!proper(n)) return;
    for (const al of n.aliases) {
      // only names, not descriptions: a person's alias of two or more words, an organisation's any
      if (isPerson(n.kind) && al.length < 2) continue;
      const j = byName.get(`${cls(n)}|${al.join(' ')}`);
      if (j !== undefined && nodes[j]!.article !== n.article) union(j, i, () => `alias: ${show(nodes[j]!)} is an alias of ${show(n)}`);
    }
  });

  // people: first-name and surname spellings, compared once per distinct full name
  const fullNames = new Map<string, number>(); // full name → its first node (all of them share a group)
  const bySurname = new Map<string, string[]>(); // surname → distinct full names
  nodes.forEach((n, i) => {
    if (!isPerson(n.kind) || n.words.length < 2) return;
    const k = n.words.join(' ');
    if (fullNames.has(k)) return;
    fullNames.set(k, i);
    push(bySurname, n.words.at(-1)!, k);
  });
  const proposals: Proposal[] = [];
  const proposed = new Set<string>();
  const propose = (i: number, j: number, reason: () => string) => {
    const [ri, rj] = [find(i), find(j)];
    const key = ri < rj ? `${ri}:${rj}` : `${rj}:${ri}`;
    if (ri === rj || proposed.has(key)) return;
    proposed.add(key);
    proposals.push({ a: { id: nodes[i]!.id, name: nodes[i]!.name }, b: { id: nodes[j]!.id, name: nodes[j]!.name }, reason: reason() });
  };
  const letters = (d: number) => `${d} letter${d > 1 ? 's' : ''} apart`;
  for (const names of bySurname.values()) {
    for (let x = 0; x < names.length; x++) {
      for (let y = x + 1; y < names.length; y++) {
        const [i, j] = [fullNames.get(names[x]!)!, fullNames.get(names[y]!)!];
        const [a, b] = [nodes[i]!, nodes[j]!];
        if (a.words.length !== b.words.length || a.words.slice(1, -1).join(' ') !== b.words.slice(1, -1).join(' ')) continue;
        const d = variant(a.words[0]!, b.words[0]!);
        if (d !== null) union(i, j, () => `first name: ${show(a)} and ${show(b)}, first names ${letters(d)}, same surname`);
      }
    }
  }
  const surnames = [...bySurname.keys()].sort();
  const variantsOf = new Map<string, Array<[string, number]>>();
  for (let x = 0; x < surnames.length; x++) {
    // variants share their first letter: sorted, the comparisons stop at the next letter
    for (let y = x + 1; y < surnames.length && surnames[y]![0] === surnames[x]![0]; y++) {
      const d = variant(surnames[x]!, surnames[y]!);
      if (d === null) continue;
      push(variantsOf, surnames[x]!, [surnames[y]!, d] as [string, number]);
      push(variantsOf, surnames[y]!, [surnames[x]!, d] as [string, number]);
      for (const ka of bySurname.get(surnames[x]!)!) {
        for (const kb of bySurname.get(surnames[y]!)!) {
          const [i, j] = [fullNames.get(ka)!, fullNames.get(kb)!];
          const [a, b] = [nodes[i]!, nodes[j]!];
          if (a.words.slice(0, -1).join(' ') === b.words.slice(0, -1).join(' ')) union(i, j, () => `surname: ${show(a)} and ${show(b)}, same first name, surnames ${letters(d)}`);
          else propose(i, j, () => `surnames ${letters(d)} but first names differ`);
        }
      }
    }
  }

  // a bare surname: the only person with that surname (or a spelling of it); several, a proposal each
  const byLetter = new Map<string, string[]>();
  for (const sn of surnames) push(byLetter, sn[0]!, sn);
  const spellings = (w: string): Array<[string, number]> => {
    if (bySurname.has(w)) return [[w, 0], ...(variantsOf.get(w) ?? [])];
    const out: Array<[string, number]> = [];
    for (const sn of byLetter.get(w[0]!) ?? []) {
      const d = variant(sn, w);
      if (d !== null) out.push([sn, d]);
    }
    return out;
  };
  const memo = new Map<string, Array<[string, number]>>();
  nodes.forEach((n, i) => {
    if (!isPerson(n.kind) || n.words.length !== 1) return;
    const w = n.words[0]!;
    if (!memo.has(w)) memo.set(w, spellings(w));
    const cands = new Map<number, number>(); // group root → a node of it
    for (const [sn] of memo.get(w)!) for (const k of bySurname.get(sn)!) cands.set(find(fullNames.get(k)!), fullNames.get(k)!);
    if (cands.size === 1) {
      const j = [...cands.values()][0]!;
      if (nodes[j]!.words.at(-1) === w) union(j, i, () => `surname only: ${show(n)} is the surname of ${show(nodes[j]!)}, the only person so named`);
      else propose(i, j, () => `"${n.name}" is a spelling of the surname of "${nodes[j]!.name}"`);
    } else if (cands.size <= 5) {
      for (const j of cands.values()) propose(i, j, () => `"${n.name}" could be any of ${cands.size} people with that surname`);
    }
    // more than five people with that surname: too common to propose anyone
  });

  // corpus ids: the fullest name of each group
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => push(groups, find(i), i));
  const ids = new Map<string, Map<string, string>>();
  const names = new Map<string, string>();
  const used = new Set<string>();
  const merges: Merge[] = [];
  const ordered = [...groups.entries()].sort((a, b) => a[1][0]! - b[1][0]!);
  for (const [root, members] of ordered) {
    const best = members.map((i) => nodes[i]!).reduce((a, b) => (b.words.length > a.words.length || (b.words.length === a.words.length && b.name.length > a.name.length) ? b : a));
    // a single local actor keeps its id when free (ids stay stable as articles come and go)
    let id = members.length === 1 ? nodes[members[0]!]!.id : slug(best.name) || 'actor';
    const base = id;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    names.set(id, best.name);
    for (const i of members) {
      const n = nodes[i]!;
      if (!ids.has(n.article)) ids.set(n.article, new Map());
      ids.get(n.article)!.set(n.id, id);
    }
    const articles = new Set(members.map((i) => nodes[i]!.article));
    if (articles.size > 1 || new Set(members.map((i) => nodes[i]!.name)).size > 1) {
      merges.push({ id, name: best.name, members: members.map((i) => ({ article: nodes[i]!.article, id: nodes[i]!.id, name: nodes[i]!.name })), evidence: evidence.get(root) ?? [] });
    }
  }
  return { ids, names, merges, proposals };
}

/** An article's draft with its actors renamed to corpus ids (actors that became one, joined). */
export function applyIdentity(draft: CorpusFile, article: string, identity: Identity): CorpusFile {
  const map = identity.ids.get(article) ?? new Map<string, string>();
  const to = (id: string) => map.get(id) ?? id;
  const actors = new Map<string, Actor>();
  for (const a of draft.actors) {
    const id = to(a.id);
    const name = identity.names.get(id) ?? a.name;
    const prev = actors.get(id);
    const aliases = new Set([...(prev?.aliases ?? []), a.name, ...a.aliases]);
    aliases.delete(name);
    actors.set(id, {
      ...(prev ?? a),
      id,
      name,
      aliases: [...aliases],
      role: prev?.role ?? a.role,
      affiliation: prev?.affiliation ?? a.affiliation,
      country: prev?.country ?? a.country,
      profile: prev?.profile || a.profile,
    });
  }
  return {
    ...draft,
    articles: draft.articles.map((art) => ({
      ...art,
      quotes: art.quotes.map((q) => ({ ...q, speaker: q.speaker === null ? null : to(q.speaker) })),
      mentions: art.mentions.map((m) => ({ ...m, actor: to(m.actor) })),
      silences: art.silences.map((s) => ({ ...s, actor: to(s.actor) })),
      events: art.events.map((e) => ({ ...e, actors: [...new Set(e.actors.map(to))] })),
    })),
    actors: [...actors.values()],
  };
}
