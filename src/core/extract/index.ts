/**
 * Extraction: a raw news article in, a draft corpus file out (one article marked `draft: true`,
 * its quotes, mentions and actors). Pure: no I/O, no terminal.
 *
 * Pipeline (each step linear in the text):
 *   doc.ts       tokens, paragraphs, quoted passages (every quotation style, apostrophes told
 *                apart from closing marks), sentences
 *   attribution/ discovery of named actors; attribution of each passage (rules as functions over
 *                one document context); indirect quotes
 *   actors.ts    merging of mentions into actors
 *   here         unnamed descriptions resolved to the person named next, ids, mentions, spans
 */
import { CorpusFile, FORMAT_ID, type Actor, type Mention, type MetaField, type Quote, type When } from '../corpus/schema.js';
import { OffsetMap } from '../corpus/text.js';
import { analyse, type Doc } from './doc.js';
import { canonical, nameWords, Registry, type ActorRec } from './actors.js';
import { repairMojibake } from './mojibake.js';
import { attributeAll, createContext, discoverActors } from './attribution/attribute.js';
import { resolveWhen, type TimeExpr } from './when.js';

export interface ExtractMeta {
  source?: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  id?: string;
  /** BCP 47 language tag; 'en' when not given */
  language?: string;
  /** provenance of each metadata field (ingest) */
  metadata?: Record<string, MetaField>;
}

/** A draft corpus file (articles: [one article with draft: true], actors) valid under CorpusFile. */
export function extractDraft(text: string, meta: ExtractMeta = {}): CorpusFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) throw new Error('the article is empty');
  const doc = analyse(text);
  const reg = new Registry(doc);
  const att = createContext(doc, reg);
  discoverActors(att);
  attributeAll(att);
  resolveDescriptions(doc, reg);

  const headline = detectHeadline(doc);
  const title = meta.title?.trim() || headline || inferTitle(doc);
  const titleInferred = !meta.title?.trim() && !headline;
  const articleId = meta.id ?? `${slug(title).slice(0, 40).replace(/-+$/, '') || 'article'}-${hash(text)}`;
  const published = parseDate(meta.date);
  const map = new OffsetMap(text);
  const cp = (u: number) => map.toCodePoint(u);

  // actors that matter: speakers, and everyone found by name
  const ids = new Map<ActorRec, string>();
  const used = new Set<string>();
  const live = reg.live();
  for (const a of live) {
    let base = slug(repairMojibake(a.name)) || `actor-${hash(a.name)}`;
    if (!/^[a-z0-9]/.test(base)) base = `actor-${base}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(a, id);
  }
  const idOf = (a: ActorRec | null) => (a ? ids.get(canonical(a))! : null);
  const when = (t: TimeExpr | null): When | null => (t ? resolveWhen(t, published?.date ?? null) : null);

  const quotes: Quote[] = [];
  const attrOf = new Map(att.attrs.map((y) => [y.quote, y]));
  for (const x of att.attrs) {
    const q = doc.quotes[x.quote]!;
    const parent = q.parent >= 0 ? attrOf.get(q.parent) : undefined;
    quotes.push({
      id: '',
      kind: x.kind,
      text: text.slice(q.start, q.end),
      span: { start: cp(q.start), end: cp(q.end) },
      speaker: idOf(x.speaker),
      channel: x.channel,
      when: when(x.when),
      narratives: [],
      topics: [],
      ...(x.note && parent ? { note: `nested inside the quotation at ${cp(doc.quotes[parent.quote]!.start)}` } : {}),
      attribution: { rule: x.rule, confidence: x.confidence },
    });
  }
  for (const x of att.indirect) {
    quotes.push({
      id: '',
      kind: 'indirect',
      text: text.slice(x.s, x.e),
      span: { start: cp(x.s), end: cp(x.e) },
      speaker: idOf(x.speaker),
      channel: x.channel,
      when: when(x.when),
      narratives: [],
      topics: [],
      attribution: { rule: x.rule, confidence: x.confidence },
    });
  }
  quotes.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  quotes.forEach((q, i) => (q.id = `${articleId}.q${String(i + 1).padStart(3, '0')}`));

  const mentions = collectMentions(doc, live, ids, cp);

  const actors: Actor[] = live.map((a) => ({
    id: ids.get(a)!,
    // a name in mojibake shown repaired; the form written stays an alias (search finds both)
    name: repairMojibake(a.name),
    aliases: [...new Set([a.name, ...a.aliases])].filter((x) => x !== repairMojibake(a.name) && x.trim().length > 0),
    kind: a.kind,
    role: a.role,
    affiliation: a.affiliation ? affiliationName(reg, a.affiliation) : null,
    country: a.country,
    profile: profileOf(a),
    alignment: null,
  }));

  const file = {
    format: FORMAT_ID,
    articles: [
      {
        id: articleId,
        title,
        titleInferred,
        outlet: meta.outlet ?? null,
        url: meta.url ?? null,
        published,
        language: meta.language ?? 'en',
        source: meta.source ?? null,
        text,
        draft: true,
        ...(meta.metadata ? { metadata: meta.metadata } : {}),
        quotes,
        mentions,
        silences: [],
        events: [],
      },
    ],
    actors,
  };
  return CorpusFile.parse(file);
}

/**
 * Unnamed descriptions ("a former Russian diplomat says …") that the next paragraph names
 * ("… Boris Bondarev told Al Jazeera") become that person.
 */
function resolveDescriptions(doc: Doc, reg: Registry): void {
  const named = reg.live().filter((a) => a.kind === 'person' && !a.placeholder);
  for (const p of reg.list) {
    if (p.merged || !p.placeholder || p.kind !== 'person') continue;
    let target: ActorRec | null = null;
    // a bare or definite description ("former diplomat says", "the spokeswoman"): a named person with that role
    // "the President of Ruritania" is only someone whose role or ties name Ruritania
    const fitsOf = (n: ActorRec) => !p.of || [n.role, n.affiliation, n.country].some((x) => (x ?? '').toLowerCase().includes(p.of!));
    if (!p.indefinite) {
      for (const n of named) {
        if (n.roleBase && n.roleBase === p.roleBase && !n.merged && fitsOf(n) && !(n.gender && p.gender && n.gender !== p.gender)) {
          target = n;
          break;
        }
      }
    }
    if (!target && !p.definite) {
      const paras = [...p.speakerParas].sort((a, b) => a - b);
      outer: for (const x of paras) {
        for (const n of [...named].sort((a, b) => a.firstPos - b.firstPos)) {
          if (n.merged) continue;
          const np = n.para;
          if (np < x || np > x + 1) continue;
          if (n.firstPos < p.firstPos) continue;
          if (![...n.speakerParas].some((sp) => sp === np || sp === np + 1)) continue;
          if (n.roleBase) continue; // introduced with a description of their own: someone else
          if (n.gender && p.gender && n.gender !== p.gender) continue;
          if (!fitsOf(n)) continue;
          target = n;
          break outer;
        }
      }
    }
    if (target) {
      const role = target.role;
      reg.merge(p, target);
      if (!role) target.role = p.role;
    }
  }
}

function affiliationName(reg: Registry, aff: string): string {
  const a = reg.findByWords(nameWords(aff), 'organisation');
  return a ? canonical(a).name : aff;
}

/** A one-line profile from what the article says about the actor (role, affiliation, country). */
function profileOf(a: ActorRec): string {
  const parts: string[] = [];
  if (a.role) parts.push(a.role);
  if (a.affiliation && !(a.role ?? '').includes(a.affiliation)) parts.push(a.affiliation);
  if (a.country && !(a.role ?? '').toLowerCase().includes(a.country.toLowerCase())) parts.push(a.country);
  return parts.join(', ');
}

/** Every place the text names an actor: parsed mentions plus a scan for names and aliases. */
function collectMentions(doc: Doc, live: ActorRec[], ids: Map<ActorRec, string>, cp: (u: number) => number): Mention[] {
  const spans: Array<{ s: number; e: number; actor: ActorRec }> = [];
  for (const a of live) for (const m of a.mentions) spans.push({ ...m, actor: a });
  // alias scan: capitalised names (and multi-word descriptions) anywhere, longest match first
  const surnameCount = new Map<string, number>();
  for (const a of live) if (a.kind === 'person' && a.words.length > 1) surnameCount.set(a.words.at(-1)!, (surnameCount.get(a.words.at(-1)!) ?? 0) + 1);
  const table = new Map<string, Array<{ words: string[]; actor: ActorRec; cased: boolean }>>();
  const add = (words: string[], actor: ActorRec, cased: boolean) => {
    if (words.length === 0) return;
    const list = table.get(words[0]!) ?? [];
    list.push({ words, actor, cased });
    table.set(words[0]!, list);
  };
  for (const a of live) {
    const names = new Set([a.name, ...a.aliases]);
    for (const n of names) {
      const w = nameWords(n);
      const cased = /^\p{Lu}/u.test(n);
      if (!cased && w.length < 2) continue;
      add(w, a, cased);
    }
    if (a.kind === 'person' && a.words.length > 1 && !a.placeholder) {
      const sur = a.words.at(-1)!;
      if (surnameCount.get(sur) === 1 && sur.length >= 3) add([sur], a, true);
    }
  }
  for (const list of table.values()) list.sort((x, y) => y.words.length - x.words.length);
  const toks = doc.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.word) continue;
    const cands = table.get(t.lower);
    if (!cands) continue;
    for (const c of cands) {
      let ok = true;
      for (let k = 0; k < c.words.length; k++) {
        const x = toks[i + k];
        if (!x || x.lower !== c.words[k] || (c.cased && k === 0 && !x.cap) || (k < c.words.length - 1 && x.poss)) {
          ok = false;
          break;
        }
        if (k > 0 && x.s - toks[i + k - 1]!.e > 1) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const last = toks[i + c.words.length - 1]!;
      spans.push({ s: t.s, e: last.poss ? last.e - 2 : last.e, actor: c.actor });
      i += c.words.length - 1;
      break;
    }
  }
  // non-overlapping, longest first
  spans.sort((a, b) => a.s - b.s || b.e - a.e);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const m of spans) {
    if (m.s < lastEnd) continue;
    const actor = ids.get(canonical(m.actor));
    if (!actor || m.e <= m.s) continue;
    const text = doc.text.slice(m.s, m.e);
    if (text.trim().length === 0) continue;
    out.push({ actor, text, span: { start: cp(m.s), end: cp(m.e) } });
    lastEnd = m.e;
  }
  return out;
}

/** The first line is a headline when it is short and does not end like a sentence. */
function detectHeadline(doc: Doc): string | null {
  if (doc.paras.length < 2) return null;
  const p = doc.paras[0]!;
  const line = doc.text.slice(p.s, p.e).trim();
  const words = line.split(/\s+/).length;
  if (words > 25 || line.length > 200) return null;
  if (/[.:;,]$/.test(line.replace(/[”"’'»›)\]]+$/, ''))) return null;
  return line;
}

function inferTitle(doc: Doc): string {
  const s = doc.sents[0];
  const raw = s ? doc.text.slice(doc.toks[s.a]!.s, doc.toks[s.b - 1]!.e) : doc.text.trim();
  const line = raw.replace(/\s+/g, ' ').trim();
  if (line.length <= 100) return line;
  const cut = line.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

function parseDate(d: string | undefined): When | null {
  if (!d) return null;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) return { text: null, date: d, inferred: false };
  const t = Date.parse(d);
  if (Number.isNaN(t)) return null;
  return { text: d, date: new Date(t).toISOString().slice(0, 10), inferred: false };
}

/** Lower-case ASCII slug: "Mariya Zakharova" → "mariya-zakharova". */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** FNV-1a, 8 hex digits: a stable short id for the text. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 8);
}
