/**
 * STIX 2.1 bundle for threat-intelligence teams (OpenCTI, MISP):
 *
 * - the study          → grouping (context "unspecified") of everything below
 * - each article       → report (published: the article's date), its objects: the notes,
 *                        speakers, narratives, opinions and relationships from it
 * - each actor         → identity (individual / organization / group); also threat-actor, with
 *                        an attributed-to relationship, only for actors the study marks so
 * - each narrative     → OpenCTI's custom `narrative` object (extension ea279b3e…, "new-sdo";
 *                        id as pycti makes it from the name, so OpenCTI merges it with its own)
 * - each quote         → note: content is the verbatim text; where it is, in a custom property
 *                        `x_narrative_lens_quote` (article, code-point start/end, kind, speaker)
 * - each position      → opinion on the narrative and its evidence notes; the opinion value is the
 *                        position's status: supported = agree, unverified = neutral, contested = disagree
 * - who advances what  → identity related-to narrative (proponents and speakers of coded quotes),
 *                        threat-actor uses narrative
 * - DISARM tags        → the framework's own attack-pattern objects (same ids as DISARM.json, with
 *                        its identity and CC BY-SA marking) and narrative uses attack-pattern
 *
 * Ids are UUIDv5 of our ids (ids.ts): exporting the same study again gives the same ids. No list
 * is ever empty (the STIX schemas refuse []): empty ones are left out.
 */
import type { Actor, Article, Narrative, Position } from '../corpus/schema.js';
import { CATALOGUE, resolveTags, unknownTechniques } from './disarm/index.js';
import { inertJson } from '../sanitize.js';
import { openctiNameId, stixId } from './ids.js';
import type { CodedQuote, ExchangeInput } from './input.js';
import { count } from '../count.js';

export const OPENCTI_EXTENSION = 'extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba';

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** STIX timestamps need milliseconds. */
export function stixTime(iso: string): string {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString();
}

/** A date as precise as known ("2026-01", "2026-01-14") as a STIX timestamp at its start. */
function dateTime(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}T00:00:00.000Z`;
}

const IDENTITY_CLASS: Record<Actor['kind'], string> = {
  person: 'individual',
  organisation: 'organization',
  state: 'organization',
  outlet: 'organization',
  group: 'group',
};

const OPINION: Record<Position['status'], string> = { supported: 'agree', unverified: 'neutral', contested: 'disagree' };

/** Drops undefined values and empty lists, which STIX refuses. */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) as T;
}

function isUri(s: string): boolean {
  // RFC 3986 characters only (no controls, spaces or brackets), with a scheme and an authority
  return URL.canParse(s) && /^[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+$/i.test(s);
}

export class StixExportError extends Error {}

export function exportStix(input: ExchangeInput): StixBundle {
  const unknown = [...new Set([...input.narratives.flatMap((n) => unknownTechniques(n.techniques)), ...unknownTechniques(input.techniques)])];
  if (unknown.length) throw new StixExportError(`unknown DISARM technique${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (find the right id with: narrative-lens techniques QUERY)`);

  const now = stixTime(input.now);
  const common = { spec_version: '2.1', created: now, modified: now };
  const objects = new Map<string, StixObject>();
  const add = (o: StixObject) => (objects.set(o.id, o), o.id);

  const actorId = (a: Actor) => stixId('identity', 'actor', a.id);
  const threatId = (a: Actor) => stixId('threat-actor', 'actor', a.id);
  const narrativeId = (n: Narrative) => openctiNameId('narrative', n.label);
  const noteId = (r: CodedQuote) => stixId('note', 'quote', r.quote.id);
  const reportId = (a: Article) => stixId('report', 'article', a.id);
  const relationship = (type: string, source: string, target: string, description?: string) =>
    add(
      clean({
        type: 'relationship',
        id: stixId('relationship', 'relationship', `${type}\u0000${source}\u0000${target}`),
        ...common,
        relationship_type: type,
        source_ref: source,
        target_ref: target,
        description,
      }),
    );

  const actorById = new Map(input.actors.map((a) => [a.id, a]));
  const narrativeById = new Map(input.narratives.map((n) => [n.id, n]));
  const threat = new Set(input.threatActors);

  // ---- DISARM: the framework's objects, as published ----
  const tagged = [...input.narratives.flatMap((n) => resolveTags(n.techniques)), ...resolveTags(input.techniques)];
  if (tagged.length) {
    add(CATALOGUE.marking as StixObject);
    add({
      type: 'identity',
      spec_version: '2.1',
      id: CATALOGUE.identity.stixId,
      created: CATALOGUE.identity.created,
      modified: CATALOGUE.identity.modified,
      name: CATALOGUE.identity.name,
      identity_class: 'organization',
    });
    for (const { technique, tactic } of tagged) {
      if (objects.has(technique.stixId)) continue;
      add(
        clean({
          type: 'attack-pattern',
          spec_version: '2.1',
          id: technique.stixId,
          created_by_ref: CATALOGUE.identity.stixId,
          created: technique.created,
          modified: technique.modified,
          name: technique.name,
          description: technique.description,
          kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: tactic.shortname }],
          external_references: [
            { source_name: 'mitre-attack', external_id: technique.id, url: `https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/${technique.id}.md` },
          ],
          object_marking_refs: [(CATALOGUE.marking as { id: string }).id],
        }),
      );
    }
  }

  // ---- actors ----
  for (const a of input.actors) {
    const description = [a.profile, a.alignment ? `Alignment: ${a.alignment.label}${a.alignment.inferred ? ` (inferred: ${a.alignment.reason})` : ` (${a.alignment.reason})`}` : '']
      .filter(Boolean)
      .join('\n\n');
    add(clean({ type: 'identity', id: actorId(a), ...common, name: a.name, description: description || undefined, identity_class: IDENTITY_CLASS[a.kind], roles: a.role ? [a.role] : undefined }));
    if (threat.has(a.id)) {
      add(clean({ type: 'threat-actor', id: threatId(a), ...common, name: a.name, description: description || undefined, aliases: a.aliases.length ? a.aliases : undefined }));
      relationship('attributed-to', threatId(a), actorId(a), 'the study marks this actor as a threat actor');
    }
  }

  // ---- narratives, their techniques, their proponents ----
  for (const n of input.narratives) {
    add({
      type: 'narrative',
      id: narrativeId(n),
      ...common,
      name: n.label,
      description: n.summary,
      extensions: { [OPENCTI_EXTENSION]: { extension_type: 'new-sdo' } },
    });
    for (const { tag, technique } of resolveTags(n.techniques)) {
      relationship('uses', narrativeId(n), technique.stixId, tag.inferred ? `Inferred: ${tag.reason}` : tag.reason);
    }
  }
  const advances = new Map<string, { actor: Actor; narrative: Narrative; quotes: number; proponent: boolean }>();
  const advance = (actorIdValue: string | null, narrativeIdValue: string, quote: boolean, proponent: boolean) => {
    const actor = actorIdValue ? actorById.get(actorIdValue) : undefined;
    const narrative = narrativeById.get(narrativeIdValue);
    if (!actor || !narrative) return;
    const key = `${actor.id}\u0000${narrative.id}`;
    const e = advances.get(key) ?? { actor, narrative, quotes: 0, proponent: false };
    if (quote) e.quotes++;
    if (proponent) e.proponent = true;
    advances.set(key, e);
  };
  for (const n of input.narratives) for (const p of n.proponents) advance(p, n.id, false, true);
  for (const r of input.quotes) for (const n of r.narratives) advance(r.quote.speaker, n, true, false);

  // ---- articles: quotes as notes, positions as opinions, each article a report ----
  const reportObjects = new Map<Article, Set<string>>(input.articles.map((a) => [a, new Set<string>()]));
  for (const r of input.quotes) {
    const speaker = r.quote.speaker ? actorById.get(r.quote.speaker) : undefined;
    const narratives = r.narratives.map((id) => narrativeById.get(id)).filter((n): n is Narrative => !!n);
    const refs = [reportId(r.article), ...(speaker ? [actorId(speaker)] : []), ...narratives.map(narrativeId)];
    add(
      clean({
        type: 'note',
        id: noteId(r),
        ...common,
        abstract: `${speaker ? speaker.name : 'Unattributed'} (${r.quote.kind} quote)${r.quote.channel ? `, ${r.quote.channel}` : ''}`,
        content: r.quote.text,
        authors: speaker ? [speaker.name] : undefined,
        object_refs: refs,
        lang: r.article.language,
        x_narrative_lens_quote: clean({
          quote_id: r.quote.id,
          article_id: r.article.id,
          // code points of the article text, start inclusive, end exclusive
          start: r.quote.span.start,
          end: r.quote.span.end,
          kind: r.quote.kind,
          speaker_id: r.quote.speaker ?? undefined,
          channel: r.quote.channel ?? undefined,
          when: r.quote.when?.date ?? undefined,
        }),
      }),
    );
    const set = reportObjects.get(r.article);
    if (set) for (const id of [noteId(r), ...refs.slice(1)]) set.add(id);
  }
  // the articles where each speaker is quoted for each narrative, gathered once: scanning every
  // quote for every article and every actor–narrative pair made 4,000 quotes take 100 s
  const spokenIn = new Map<string, Set<(typeof input.quotes)[number]['article']>>();
  for (const r of input.quotes) {
    if (!r.quote.speaker) continue;
    for (const n of r.narratives) {
      const key = `${r.quote.speaker}\u0000${n}`;
      let articles = spokenIn.get(key);
      if (!articles) spokenIn.set(key, (articles = new Set()));
      articles.add(r.article);
    }
  }
  for (const e of advances.values()) {
    const why = [e.proponent ? 'a proponent' : '', e.quotes ? `${count(e.quotes, 'quote')} coded to it` : ''].filter(Boolean).join('; ');
    const rel = relationship('related-to', actorId(e.actor), narrativeId(e.narrative), `${e.actor.name} advances this narrative (${why})`);
    if (threat.has(e.actor.id)) relationship('uses', threatId(e.actor), narrativeId(e.narrative), `${e.actor.name} advances this narrative (${why})`);
    for (const article of spokenIn.get(`${e.actor.id}\u0000${e.narrative.id}`) ?? []) reportObjects.get(article)?.add(rel);
  }
  const quoteById = new Map(input.quotes.map((r) => [r.quote.id, r]));
  const axisById = new Map(input.axes.map((x) => [x.id, x]));
  for (const p of input.positions) {
    const n = narrativeById.get(p.narrative);
    if (!n) continue;
    const evidence = p.evidence.map((id) => quoteById.get(id)).filter((r): r is CodedQuote => !!r);
    const statusBy = p.statusBy.map((id) => actorById.get(id)?.name).filter(Boolean);
    const id = stixId('opinion', 'position', p.id);
    add(
      clean({
        type: 'opinion',
        id,
        ...common,
        opinion: OPINION[p.status],
        explanation: [
          `${axisById.get(p.axis)?.question ?? p.axis} — ${n.label}: ${p.summary}`,
          `Stance: ${p.stance}. Status: ${p.status}${statusBy.length ? ` (${statusBy.join(', ')})` : ''}${p.statusNote ? `: ${p.statusNote}` : ''}.`,
        ].join('\n'),
        authors: n.proponents.map((a) => actorById.get(a)?.name).filter((x): x is string => !!x),
        object_refs: [narrativeId(n), ...evidence.map(noteId)],
      }),
    );
    for (const r of evidence) reportObjects.get(r.article)?.add(id);
  }
  for (const [article, set] of reportObjects) {
    add(
      clean({
        type: 'report',
        id: reportId(article),
        ...common,
        name: article.title,
        description: [article.outlet ? `Outlet: ${article.outlet}` : '', article.url && !isUri(article.url) ? `URL as given: ${article.url}` : '', article.published?.inferred ? `Publication date inferred: ${article.published.reason}` : '', article.titleInferred ? 'Title inferred from the text.' : '']
          .filter(Boolean)
          .join('\n') || undefined,
        published: article.published?.date ? dateTime(article.published.date) : now,
        lang: article.language,
        // STIX wants a URI here; a url that is none (hostile or mistyped data) stays in the description
        external_references: article.url && isUri(article.url) ? [{ source_name: article.outlet ?? 'source', url: article.url }] : undefined,
        // a report must refer to something: an article with no quotes refers to itself being in the study
        object_refs: set.size ? [...set].sort() : [stixId('grouping', 'study', input.title)],
      }),
    );
  }

  // ---- the study ----
  const studyId = stixId('grouping', 'study', input.title);
  for (const { tag, technique } of resolveTags(input.techniques)) relationship('related-to', studyId, technique.stixId, `The study is tagged with this technique${tag.reason ? `: ${tag.reason}` : ''}`);
  const all = [...objects.keys()].filter((id) => !id.startsWith('marking-definition--'));
  add(clean({ type: 'grouping', id: studyId, ...common, name: input.title, context: 'unspecified', description: `Exported by narrative-lens on ${now}.`, object_refs: all.length ? all : [studyId] }));

  return { type: 'bundle', id: stixId('bundle', 'study', `${input.title}\u0000${now}`), objects: [...objects.values()] };
}

/** The bundle as a file: pretty JSON, inert if printed raw (see core/sanitize inertJson). */
export function stixJson(bundle: StixBundle): string {
  return inertJson(JSON.stringify(bundle, null, 2)) + '\n';
}
