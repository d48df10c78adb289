/**
 * REFI-QDA project import (.qdpx): codes and codings made in QualCoder, NVivo, ATLAS.ti or MAXQDA
 * come back as narratives and coded quotes.
 *
 * - Code (codable)       → narrative (name → label, Description → summary, colour kept)
 * - TextSource           → article (its plain text from sources/, or PlainTextContent)
 * - PlainTextSelection   → quote (the text at its positions), coded to the narratives of its Codings
 * - Case with SelectionRefs → the actor who said those quotes (variables → kind, role, …)
 * - Note                 → memo, about whatever holds a NoteRef to it
 *
 * Things this tool exported itself carry GUIDs derived from our ids (qdpx.ts guidOf); given the
 * corpus they came from (`known`), the importer recognises them and keeps their ids and every
 * field REFI-QDA has no place for (a quote's kind, channel, date; a narrative's key terms and
 * techniques; …). Anything made in the other tool gets a new id from its name.
 *
 * Positions: code points from 0, end exclusive (REFI-QDA §10.2), into the text as the exporter
 * wrote it. A UTF-8 BOM is not text. ATLAS.ti counts a CRLF line end as one character, so its
 * sources are read with LF line ends; other tools' CRLF counts two (QualCoder does the same).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { MAX_TEXT_BYTES } from '../corpus/load.js';
import { formatSize } from '../corpus/size.js';
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import type { Actor, ActorKind, Article, Narrative, Quote } from '../corpus/schema.js';
import { ActorKind as ActorKindSchema } from '../corpus/schema.js';
import { OffsetMap, codePointLength } from '../corpus/text.js';
import { slug } from '../study/edits.js';
import type { Memo } from './input.js';
import { ACTOR_VARIABLES, guidOf } from './qdpx.js';

export interface KnownCorpus {
  articles: Article[];
  actors: Actor[];
  narratives: Narrative[];
  memos?: Memo[];
}

export interface ImportedProject {
  title: string;
  origin: string | null;
  articles: Article[];
  actors: Actor[];
  narratives: Narrative[];
  memos: Memo[];
  /** narrative id → colour of its code */
  colours: Record<string, string>;
  /** what could not be taken, one line each (a selection outside its text, a coding to a missing code, …) */
  warnings: string[];
}

/** A .qdpx that cannot be read at all. `where` names the entry or element. */
export class QdpxError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(message);
  }
}

// ---- small DOM helpers (element names compared without a namespace prefix) ----

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const isEl = (n: unknown): n is Element => typeof n === 'object' && n !== null && (n as Element).type === 'tag';
const kids = (e: Element | Document, name?: string): Element[] =>
  (e.children as unknown[]).filter(isEl).filter((c) => name === undefined || local(c.name) === name);
const kid = (e: Element | Document, name: string): Element | undefined => kids(e, name)[0];
const text = (e: Element | undefined): string => {
  if (!e) return '';
  let s = '';
  for (const c of e.children as unknown[]) {
    const n = c as { type: string; data?: string };
    if (n.type === 'text' || n.type === 'cdata') s += n.type === 'cdata' ? text(c as Element) : (n.data ?? '');
    else if (isEl(c)) s += text(c);
  }
  return s;
};
const guidKey = (g: string | undefined) => (g ?? '').replace(/[{}]/g, '').toLowerCase();

/**
 * `maxBytes`: the most the entries read may unpack to (default 256 MB). Only what is read is
 * unpacked — the project file at the top and the plain texts (.txt) — and only when their sizes
 * fit: a 3 MB archive holding 3 GB of zeros took 3.2 GB of memory (a "zip bomb").
 */
export function importQdpx(bytes: Uint8Array, known?: KnownCorpus, maxBytes = 256 * 1024 * 1024): ImportedProject {
  let entries: Record<string, Uint8Array>;
  // each text becomes one string: never more than one can hold, whatever the limit
  const cap = Math.min(maxBytes, MAX_TEXT_BYTES);
  let unpacked = 0;
  let over: string | undefined;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const name = f.name.toLowerCase();
        if (!(name.endsWith('.qde') && !name.includes('/')) && !name.endsWith('.txt')) return false;
        unpacked += f.originalSize;
        if (unpacked > cap) over ??= f.name;
        return over === undefined;
      },
    });
  } catch (e) {
    throw new QdpxError(`not a .qdpx (zip) archive: ${(e as Error).message}`, 'archive');
  }
  if (over !== undefined) {
    const advice = cap < MAX_TEXT_BYTES ? 'raise the limit with --max-file-size' : 'more than one text can hold';
    throw new QdpxError(`its texts unpack to more than ${formatSize(cap)} (at ${over}); not read (${advice})`, 'archive');
  }
  // Spec: project.qde and sources/; vendors write Project.qde and Sources/ too.
  const byLower = new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), v]));
  const qde = [...byLower.entries()].find(([k]) => k.endsWith('.qde') && !k.includes('/'));
  if (!qde) throw new QdpxError('the archive holds no project.qde', 'archive');
  const file = (internalPath: string): Uint8Array | undefined => {
    const name = internalPath.replace(/^internal:\/\//i, '').toLowerCase();
    return byLower.get(`sources/${name}`) ?? byLower.get(name);
  };
  return importProjectXml(strFromU8(qde[1]), file, known);
}

/** Reads a UTF-8 plain-text file as the REFI-QDA positions count it. */
export function decodePlainText(bytes: Uint8Array, crlfIsOneCharacter: boolean): string {
  let s = new TextDecoder('utf-8').decode(bytes); // drops a BOM, replaces invalid bytes with U+FFFD
  if (crlfIsOneCharacter) s = s.replace(/\r\n/g, '\n');
  return s;
}

export function importProjectXml(xml: string, file: (internalPath: string) => Uint8Array | undefined, known?: KnownCorpus): ImportedProject {
  const doc = parseDocument(xml, { xmlMode: true });
  const project = kid(doc, 'Project');
  if (!project) throw new QdpxError('project.qde has no <Project> element', 'project.qde');
  const origin = project.attribs.origin ?? null;
  const warnings: string[] = [];
  const crlfIsOne = /atlas/i.test(origin ?? '');

  const knownArticle = new Map((known?.articles ?? []).map((a) => [guidOf.article(a.id), a]));
  const knownNarrative = new Map((known?.narratives ?? []).map((n) => [guidOf.narrative(n.id), n]));
  const knownActor = new Map((known?.actors ?? []).map((a) => [guidOf.actor(a.id), a]));
  const knownQuote = new Map((known?.articles ?? []).flatMap((a) => a.quotes.map((q) => [guidOf.quote(q.id), q] as const)));
  const knownMemo = new Map((known?.memos ?? []).map((m) => [guidOf.memo(m.id), m]));

  const usedIds = new Set<string>();
  const newId = (prefix: string, name: string) => {
    const base = `${prefix}-${slug(name) || 'x'}`;
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    return id;
  };
  const claim = (id: string) => (usedIds.add(id), id);

  // ---- codes → narratives (nested codes flattened; folders that cannot be coded are skipped) ----
  const narratives: Narrative[] = [];
  const colours: Record<string, string> = {};
  const narrativeByGuid = new Map<string, string>();
  const noteTargets = new Map<string, NonNullable<Memo['about']>>();
  const walkCodes = (parent: Element, path: string[]) => {
    for (const code of kids(parent, 'Code')) {
      const name = code.attribs.name ?? '';
      const label = [...path, name].join(' / ');
      const guid = guidKey(code.attribs.guid);
      if (code.attribs.isCodable !== 'false') {
        const base = knownNarrative.get(guid);
        const id = base ? claim(base.id) : newId('n', label);
        const summary = text(kid(code, 'Description')).trim() || base?.summary || label;
        narratives.push({ ...(base ?? { proponents: [], keyTerms: [], techniques: [] }), id, label: label || id, summary });
        narrativeByGuid.set(guid, id);
        if (code.attribs.color) colours[id] = normaliseColour(code.attribs.color);
        for (const ref of kids(code, 'NoteRef')) noteTargets.set(guidKey(ref.attribs.targetGUID), { kind: 'narrative', id });
      }
      walkCodes(code, [...path, name]);
    }
  };
  const codes = kid(kid(project, 'CodeBook') ?? project, 'Codes');
  if (codes) walkCodes(codes, []);

  // ---- variables (by guid → name) ----
  const variableName = new Map<string, string>();
  for (const v of kids(kid(project, 'Variables') ?? project, 'Variable')) variableName.set(guidKey(v.attribs.guid), v.attribs.name ?? '');

  // ---- cases → actors; which selection each actor said ----
  const actors: Actor[] = [];
  const speakerOf = new Map<string, string>();
  for (const c of kids(kid(project, 'Cases') ?? project, 'Case')) {
    const guid = guidKey(c.attribs.guid);
    const base = knownActor.get(guid);
    const name = c.attribs.name || base?.name || 'unnamed case';
    const values = new Map<string, string>();
    for (const vv of kids(c, 'VariableValue')) {
      const ref = kid(vv, 'VariableRef');
      const vname = variableName.get(guidKey(ref?.attribs.targetGUID));
      const value = kids(vv).find((e) => local(e.name) !== 'VariableRef');
      if (vname && value) values.set(vname, text(value));
    }
    const id = base ? claim(base.id) : newId('actor', name);
    actors.push(actorFrom(id, name, text(kid(c, 'Description')), values, base));
    for (const ref of kids(c, 'SelectionRef')) speakerOf.set(guidKey(ref.attribs.targetGUID), id);
  }

  // ---- sources → articles, selections → quotes ----
  const articles: Article[] = [];
  const inlineMemos: Memo[] = [];
  for (const src of kids(kid(project, 'Sources') ?? project, 'TextSource')) {
    const guid = guidKey(src.attribs.guid);
    const where = `TextSource "${src.attribs.name ?? guid}"`;
    let body: string;
    const inline = kid(src, 'PlainTextContent');
    if (src.attribs.plainTextPath && /^internal:\/\//i.test(src.attribs.plainTextPath)) {
      const bytes = file(src.attribs.plainTextPath);
      if (!bytes) {
        warnings.push(`${where}: its text ${src.attribs.plainTextPath} is not in the archive; source skipped`);
        continue;
      }
      body = decodePlainText(bytes, crlfIsOne);
    } else if (inline) {
      body = text(inline);
    } else {
      warnings.push(`${where}: no plain text inside the archive (external or rich-text only); source skipped`);
      continue;
    }
    if (!body) {
      warnings.push(`${where}: its text is empty; source skipped`);
      continue;
    }
    const base = knownArticle.get(guid);
    const id = base ? claim(base.id) : newId('art', src.attribs.name ?? 'source');
    const map = new OffsetMap(body);
    const length = codePointLength(body);
    const quotes: Quote[] = [];
    for (const sel of kids(src, 'PlainTextSelection')) {
      const start = Number(sel.attribs.startPosition);
      const end = Number(sel.attribs.endPosition);
      const sguid = guidKey(sel.attribs.guid);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || end <= start) {
        warnings.push(`${where}: selection ${sel.attribs.guid} at ${sel.attribs.startPosition}–${sel.attribs.endPosition} lies outside its ${length}-character text; skipped`);
        continue;
      }
      const quoteText = body.slice(map.toUnit(start), map.toUnit(end));
      const narrativesOf: string[] = [];
      for (const coding of kids(sel, 'Coding')) {
        const target = guidKey(kid(coding, 'CodeRef')?.attribs.targetGUID);
        const n = narrativeByGuid.get(target);
        if (n && !narrativesOf.includes(n)) narrativesOf.push(n);
        else if (!n) warnings.push(`${where}: a coding refers to code ${target}, which is not in the codebook (or is a folder); coding skipped`);
      }
      const kb = knownQuote.get(sguid);
      const qid = kb ? claim(kb.id) : newId('q', `${id}-${start}-${end}`);
      quotes.push({
        ...(kb ?? { kind: guessKind(body, map, start, end), channel: null, when: null, topics: [] }),
        id: qid,
        text: quoteText,
        span: { start, end },
        speaker: speakerOf.get(sguid) ?? null,
        narratives: narrativesOf,
      });
      for (const ref of kids(sel, 'NoteRef')) noteTargets.set(guidKey(ref.attribs.targetGUID), { kind: 'quote', id: qid });
      // QualCoder and MAXQDA keep a coding's memo as the selection's Description
      const described = text(kid(sel, 'Description')).trim();
      if (described) inlineMemos.push({ id: newId('memo', `${qid}-description`), title: `Memo on ${qid}`, text: described, about: { kind: 'quote', id: qid } });
    }
    // Codings of a whole source (no selection) code the article: kept as a quote of all its text would mislead; reported instead.
    if (kids(src, 'Coding').length) warnings.push(`${where}: codes applied to the whole source are not imported (narrative-lens codes quotes)`);
    for (const ref of kids(src, 'NoteRef')) noteTargets.set(guidKey(ref.attribs.targetGUID), { kind: 'article', id });
    quotes.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    articles.push({
      ...(base ?? { titleInferred: false, outlet: null, url: null, published: null, language: 'en', source: null, draft: false, mentions: [], silences: [], events: [] }),
      id,
      title: src.attribs.name || base?.title || id,
      text: body,
      quotes,
      // mentions, silences and events of a known article stay only while the text is the same one
      ...(base && base.text !== body ? { mentions: [], silences: [], events: [] } : {}),
    });
  }

  // ---- notes → memos ----
  const memos: Memo[] = [];
  for (const note of kids(kid(project, 'Notes') ?? project, 'Note')) {
    const guid = guidKey(note.attribs.guid);
    let body = text(kid(note, 'PlainTextContent'));
    if (!body && note.attribs.plainTextPath) {
      const bytes = file(note.attribs.plainTextPath);
      if (bytes) body = decodePlainText(bytes, false);
    }
    if (!body) body = text(kid(note, 'Description'));
    if (!body) continue;
    const base = knownMemo.get(guid);
    // Unreferenced or project-level notes are about the whole study; REFI-QDA cases take no
    // notes, so a memo of ours about an actor hangs from the project and keeps what it was about.
    const about = noteTargets.get(guid) ?? (base?.about && ['actor', 'position', 'study'].includes(base.about.kind) ? base.about : null);
    memos.push({
      id: base ? claim(base.id) : newId('memo', note.attribs.name ?? 'note'),
      title: note.attribs.name ?? base?.title ?? 'Note',
      text: body,
      about,
      ...(note.attribs.creationDateTime ? { created: note.attribs.creationDateTime } : {}),
      // one of our own quote notes from the sources comes back as such
      ...(base?.fromSources ? { fromSources: true } : {}),
    });
  }

  memos.push(...inlineMemos);
  // a proponent whose case was deleted in the other tool is no longer in the study
  const actorIds = new Set(actors.map((a) => a.id));
  for (const n of narratives) n.proponents = n.proponents.filter((id) => actorIds.has(id));
  return { title: project.attribs.name ?? 'imported project', origin, articles, actors, narratives, memos, colours, warnings };
}

function actorFrom(id: string, name: string, profile: string, values: Map<string, string>, base: Actor | undefined): Actor {
  const get = (k: (typeof ACTOR_VARIABLES)[number]) => values.get(k)?.trim() || null;
  const kindValue = get('kind');
  const kind: ActorKind = ActorKindSchema.safeParse(kindValue).success ? (kindValue as ActorKind) : (base?.kind ?? 'person');
  const alignmentLabel = get('alignment');
  return {
    id,
    name,
    aliases: get('aliases')?.split(/;\s*/).filter(Boolean) ?? base?.aliases ?? [],
    kind,
    role: get('role') ?? (values.size ? null : (base?.role ?? null)),
    affiliation: get('affiliation') ?? (values.size ? null : (base?.affiliation ?? null)),
    country: get('country') ?? (values.size ? null : (base?.country ?? null)),
    profile: profile || base?.profile || '',
    alignment: alignmentLabel
      ? { label: alignmentLabel, inferred: get('alignment inferred') !== 'false', reason: get('alignment reason') ?? 'imported without a reason' }
      : values.size
        ? null
        : (base?.alignment ?? null),
  };
}

/** A selection between quotation marks is a direct quote; anything else is reported speech. */
function guessKind(body: string, map: OffsetMap, start: number, end: number): Quote['kind'] {
  const before = body.slice(Math.max(0, map.toUnit(start) - 1), map.toUnit(start));
  const after = body.slice(map.toUnit(end), map.toUnit(end) + 1);
  return /["“«„']/.test(before) && /["”»“']/.test(after) ? 'direct' : 'indirect';
}

function normaliseColour(c: string): string {
  const m = /^#([0-9a-f]{3})$/i.exec(c);
  return m ? `#${[...m[1]!].map((x) => x + x).join('')}`.toUpperCase() : c.toUpperCase();
}
