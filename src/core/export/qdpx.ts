/**
 * REFI-QDA project export (.qdpx): the study as QualCoder, NVivo, ATLAS.ti and MAXQDA read it.
 *
 * - each article  → a TextSource whose plain text is sources/<GUID>.txt (UTF-8, no BOM, LF)
 * - each narrative → a Code (colour; summary as its Description)
 * - each quote    → a PlainTextSelection (named by its text, as ATLAS.ti does), with one Coding
 *                   per narrative it is coded to
 * - each actor    → a Case with Variables (kind, role, …) and a SelectionRef to every quote they said
 * - each memo     → a Note (its text in sources/<GUID>.txt), referenced from what it is about
 *
 * The trap: selection positions are offsets into the plain text exactly as the importer reads
 * it. REFI-QDA counts Unicode code points from 0 (as our spans do), end exclusive. QualCoder reads
 * the .txt in Python's text mode, which turns CRLF into LF, and reads it as "utf-8" (a BOM would
 * become a character); ATLAS.ti counts CRLF as one character, MAXQDA as two. So the sources are
 * written with LF line ends and no BOM, and every position is counted in that text: an article
 * whose text holds CRLF is written with LF and its spans moved to match.
 *
 * Every GUID is a UUIDv5 of our id (ids.ts), so exporting again gives the same GUIDs and the
 * importer recognises its own things (qdpx-import.ts).
 */
import { zipSync, strToU8 } from 'fflate';
import type { Actor, Article } from '../corpus/schema.js';

import { stableUuid } from './ids.js';
import { narrativeColour, type ExchangeInput, type Memo } from './input.js';
import { el, xmlText } from './xml.js';
import { count } from '../count.js';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const ORIGIN = 'narrative-lens';

/** GUIDs of our things, one function so that the importer derives the same ones. */
export const guidOf = {
  user: (name: string) => stableUuid('refi:user', name),
  article: (id: string) => stableUuid('refi:source', id),
  narrative: (id: string) => stableUuid('refi:code', id),
  quote: (id: string) => stableUuid('refi:selection', id),
  coding: (quoteId: string, narrativeId: string) => stableUuid('refi:coding', `${quoteId}\u0000${narrativeId}`),
  actor: (id: string) => stableUuid('refi:case', id),
  variable: (name: string) => stableUuid('refi:variable', name),
  memo: (id: string) => stableUuid('refi:note', id),
};

/** The actor fields carried as case variables (REFI-QDA has no other place for them). */
export const ACTOR_VARIABLES = ['kind', 'role', 'affiliation', 'country', 'aliases', 'alignment', 'alignment inferred', 'alignment reason'] as const;
export type ActorVariable = (typeof ACTOR_VARIABLES)[number];

export function actorVariables(a: Actor): Partial<Record<ActorVariable, string | boolean>> {
  const v: Partial<Record<ActorVariable, string | boolean>> = { kind: a.kind };
  if (a.role) v.role = a.role;
  if (a.affiliation) v.affiliation = a.affiliation;
  if (a.country) v.country = a.country;
  if (a.aliases.length) v.aliases = a.aliases.join('; ');
  if (a.alignment) {
    v.alignment = a.alignment.label;
    v['alignment inferred'] = a.alignment.inferred;
    v['alignment reason'] = a.alignment.reason;
  }
  return v;
}

/**
 * The text as written to sources/<GUID>.txt (CRLF as LF; a lone CR stays: readers that turn it
 * into LF keep its length), and a map from code-point
 * offsets in the article's text to code-point offsets in it.
 */
export function plainText(text: string): { text: string; position: (cp: number) => number } {
  if (!text.includes('\r')) return { text, position: (cp) => cp };
  // removedBefore[cp] = CRs dropped before code point cp (only CRs of CRLF pairs are dropped)
  const removed: number[] = [];
  let dropped = 0;
  let cp = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++, cp++) {
    removed.push(dropped);
    if (chars[i] === '\r' && chars[i + 1] === '\n') dropped++;
  }
  removed.push(dropped);
  return {
    text: text.replace(/\r\n/g, '\n'),
    position: (p) => p - (removed[Math.min(p, removed.length - 1)] ?? 0),
  };
}

export interface QdpxOptions {
  /** the name of the person exporting (the REFI-QDA User); default "narrative-lens" */
  user?: string;
}

export function exportQdpx(input: ExchangeInput, options: QdpxOptions = {}): Uint8Array {
  const { xml, files } = buildProject(input, options);
  const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  for (const [name, text] of files) entries[`sources/${name}`] = strToU8(text);
  // A fixed mtime keeps the archive byte-for-byte repeatable (zip dates cannot precede 1980).
  return zipSync(entries, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}

/** The project.qde XML and the files for sources/ (file name → text). Exposed for tests. */
export function buildProject(input: ExchangeInput, options: QdpxOptions = {}): { xml: string; files: Map<string, string> } {
  const userName = options.user ?? ORIGIN;
  const user = guidOf.user(userName);
  const when = refiDateTime(input.now);
  const stamp = { creatingUser: user, creationDateTime: when };
  const files = new Map<string, string>();
  const narrativeIds = new Set(input.narratives.map((n) => n.id));

  const memosAbout = (kind: NonNullable<Memo['about']>['kind'], id: string) =>
    input.memos.filter((m) => m.about?.kind === kind && m.about.id === id).map((m) => el('NoteRef', { targetGUID: guidOf.memo(m.id) }));

  const codes = input.narratives.map((n) =>
    el('Code', { guid: guidOf.narrative(n.id), name: n.label, isCodable: true, color: narrativeColour(input, n.id) }, [
      el('Description', {}, xmlText(n.summary)),
      ...memosAbout('narrative', n.id),
    ]),
  );

  const variables = ACTOR_VARIABLES.map((name) =>
    el('Variable', { guid: guidOf.variable(name), name, typeOfVariable: name === 'alignment inferred' ? 'Boolean' : 'Text' }),
  );

  const quotesBy = new Map<string, typeof input.quotes>();
  for (const r of input.quotes) {
    if (!r.quote.speaker) continue;
    const list = quotesBy.get(r.quote.speaker) ?? [];
    list.push(r);
    quotesBy.set(r.quote.speaker, list);
  }
  const cases = input.actors.map((a) => {
    const values = Object.entries(actorVariables(a)).map(([name, value]) =>
      el('VariableValue', {}, [
        el('VariableRef', { targetGUID: guidOf.variable(name) }),
        typeof value === 'boolean' ? el('BooleanValue', {}, String(value)) : el('TextValue', {}, xmlText(value)),
      ]),
    );
    const refs = (quotesBy.get(a.id) ?? []).map((r) => el('SelectionRef', { targetGUID: guidOf.quote(r.quote.id) }));
    return el('Case', { guid: guidOf.actor(a.id), name: a.name }, [a.profile ? el('Description', {}, xmlText(a.profile)) : '', ...values, ...refs]);
  });

  const sources = input.articles.map((article) => {
    const guid = guidOf.article(article.id);
    const plain = plainText(article.text);
    files.set(`${guid}.txt`, plain.text);
    const selections = input.quotes
      .filter((r) => r.article === article)
      .map((r) => {
        const q = r.quote;
        const codings = r.narratives
          .filter((id) => narrativeIds.has(id))
          .map((id) => el('Coding', { guid: guidOf.coding(q.id, id), ...stamp }, el('CodeRef', { targetGUID: guidOf.narrative(id) })));
        return el(
          'PlainTextSelection',
          {
            guid: guidOf.quote(q.id),
            name: q.text,
            startPosition: plain.position(q.span.start),
            endPosition: plain.position(q.span.end),
            ...stamp,
          },
          [...codings, ...memosAbout('quote', q.id)],
        );
      });
    return el('TextSource', { guid, name: article.title, plainTextPath: `internal://${guid}.txt`, ...stamp }, [
      el('Description', {}, xmlText(articleDescription(article))),
      ...selections,
      ...memosAbout('article', article.id),
    ]);
  });

  const notes = input.memos.map((m) => {
    const guid = guidOf.memo(m.id);
    files.set(`${guid}.txt`, m.text.replace(/\r\n?/g, '\n'));
    return el('Note', {
      guid,
      name: m.title,
      plainTextPath: `internal://${guid}.txt`,
      creatingUser: user,
      creationDateTime: refiDateTime(m.created ?? input.now),
    });
  });
  // Memos on actors, positions and the study hang from the project: REFI-QDA has no place for them.
  const projectNotes = input.memos.filter((m) => !m.about || m.about.kind === 'study' || m.about.kind === 'actor' || m.about.kind === 'position');

  const body = [
    el('Users', {}, el('User', { guid: user, name: userName })),
    codes.length ? el('CodeBook', {}, el('Codes', {}, codes)) : '',
    cases.length ? el('Variables', {}, variables) : '',
    cases.length ? el('Cases', {}, cases) : '',
    sources.length ? el('Sources', {}, sources) : '',
    notes.length ? el('Notes', {}, notes) : '',
    el('Description', {}, xmlText(`Exported by narrative-lens on ${input.now}: ${count(input.articles.length, 'article')}, ${count(input.narratives.length, 'narrative')} (codes), ${count(input.quotes.length, 'quote')} (selections), ${count(input.actors.length, 'actor')} (cases).`)),
    ...projectNotes.map((m) => el('NoteRef', { targetGUID: guidOf.memo(m.id) })),
  ];
  const project = el(
    'Project',
    {
      xmlns: QDA_NAMESPACE,
      name: input.title,
      origin: ORIGIN,
      creatingUserGUID: user,
      creationDateTime: when,
      modifyingUserGUID: user,
      modifiedDateTime: when,
    },
    body,
  );
  return { xml: `<?xml version="1.0" encoding="utf-8"?>\n${project}\n`, files };
}

function articleDescription(a: Article): string {
  const parts = [a.outlet ? `Outlet: ${a.outlet}` : '', a.url ? `URL: ${a.url}` : '', a.published?.date ? `Published: ${a.published.date}${a.published.inferred ? ' (inferred)' : ''}` : '', `narrative-lens article id: ${a.id}`];
  return parts.filter(Boolean).join('\n');
}

/** xsd:dateTime in UTC without fractions (QualCoder strips "T" and "Z" and expects seconds). */
export function refiDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '2000-01-01T00:00:00Z' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
