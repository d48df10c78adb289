/**
 * The corpus data format, as zod schemas; the TypeScript types are inferred from them so the
 * format is written down exactly once. docs/data-format.md explains every field with an example.
 *
 * A corpus file is one JSON object that may hold any of the top-level collections. Many files
 * (or a folder of them) make one corpus: actors, narratives and axes are shared by id across
 * files, so one article's file can quote an actor that another file defines.
 *
 * Offsets in a span count Unicode code points of the article's `text` (what Python, jq and most
 * tools mean by a string index), start inclusive, end exclusive.
 */
import { z } from 'zod';

export const FORMAT_ID = 'narrative-lens/1';
/** A study file (core/study/schema.ts): a corpus file whose `study` holds an analyst's work. */
export const STUDY_FORMAT = 'narrative-lens/study-2';
/** Study formats still read: study-1 stored each history item in full (core/study/stored.ts migrates it). */
export const STUDY_FORMATS = ['narrative-lens/study-1', STUDY_FORMAT] as const;

/** Ids are short, stable handles: lower-case letters, digits, and - _ . : */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'an id is lower-case letters, digits and - _ . : (e.g. "actor-zakharova")');
export type Id = z.infer<typeof Id>;

export const Span = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()
  .refine((s) => s.end > s.start, { message: 'span end must be greater than start' });
export type Span = z.infer<typeof Span>;

/** A date as the text gives it, and as resolved. Anything not stated outright is marked inferred. */
export const When = z
  .object({
    /** the expression as written, e.g. "On Tuesday"; null when the text gives none */
    text: z.string().nullable().default(null),
    /** resolved ISO date, as precise as known: "2026-01-13", "2025-06" or "2024" */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD')
      .refine(isCalendarDate, 'no such date: the month is 01-12 and the day must exist in it (2026-02-29 does not)')
      .nullable()
      .default(null),
    inferred: z.boolean().default(false),
    /** why the date resolves as it does; required when inferred */
    reason: z.string().optional(),
  })
  .strict()
  .refine((w) => !w.inferred || (w.reason !== undefined && w.reason.length > 0), {
    message: 'an inferred date must give its reason',
    path: ['reason'],
  });
export type When = z.infer<typeof When>;

/** YYYY, YYYY-MM or YYYY-MM-DD naming a month and day that exist (2026-13-45 does not). */
export function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined) return true;
  if (!(m >= 1 && m <= 12)) return false;
  if (d === undefined) return true;
  const leap = y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d >= 1 && d <= days;
}

export const QuoteKind = z.enum(['direct', 'indirect', 'term']);
export type QuoteKind = z.infer<typeof QuoteKind>;

/** How an attribution was made: by a person, or by the extractor with its rule and confidence. */
export const Attribution = z
  .object({
    rule: z.string(),
    confidence: z.number().min(0).max(1),
  })
  .strict();
export type Attribution = z.infer<typeof Attribution>;

/** Below this confidence an extractor's attribution is shown as unsure (in a module of its own: see there). */
export { LOW_CONFIDENCE } from './confidence.js';

export const Quote = z
  .object({
    id: Id,
    kind: QuoteKind,
    /** exactly the text at `span` in the article (for direct quotes: inside the quotation marks) */
    text: z.string().min(1),
    span: Span,
    /** actor id; null for a term nobody is quoted as saying */
    speaker: Id.nullable(),
    /** how it reached us: "told Al Jazeera", "wrote on Telegram"; null when not stated */
    channel: z.string().nullable().default(null),
    when: When.nullable().default(null),
    /** narratives this quote supports (narrative ids) */
    narratives: z.array(Id).default([]),
    /** free topic tags, searched as written */
    topics: z.array(z.string()).default([]),
    /** an analyst's note: nesting, paraphrase, what the term refers to */
    note: z.string().optional(),
    /** set on extractor drafts */
    attribution: Attribution.optional(),
  })
  .strict();
export type Quote = z.infer<typeof Quote>;

/** Another place in the text that names an actor. */
export const Mention = z
  .object({
    actor: Id,
    text: z.string().min(1),
    span: Span,
  })
  .strict();
export type Mention = z.infer<typeof Mention>;

/** Something an actor pointedly did not say ("Putin has not commented"), with its source span. */
export const Silence = z
  .object({
    id: Id,
    actor: Id,
    about: z.string().min(1),
    text: z.string().min(1),
    span: Span,
  })
  .strict();
export type Silence = z.infer<typeof Silence>;

export const Event = z
  .object({
    id: Id,
    label: z.string().min(1),
    when: When,
    /** the source sentence (or the part that states the event) */
    text: z.string().min(1),
    span: Span,
    actors: z.array(Id).default([]),
  })
  .strict();
export type Event = z.infer<typeof Event>;

/**
 * One piece of an article's metadata as found when it was ingested: the value, whether the page
 * stated it or it was inferred, and where it came from ("json-ld", "open-graph", "meta",
 * "front-matter", "sidecar", "url", …).
 */
export const MetaField = z
  .object({
    value: z.string(),
    stated: z.boolean(),
    from: z.string().min(1),
  })
  .strict();
export type MetaField = z.infer<typeof MetaField>;

export const Article = z
  .object({
    id: Id,
    title: z.string().min(1),
    /** true when the title is inferred (e.g. the first sentence) rather than given */
    titleInferred: z.boolean().default(false),
    outlet: z.string().nullable().default(null),
    url: z.string().nullable().default(null),
    published: When.nullable().default(null),
    language: z.string().default('en'),
    /** the raw text file this article came from, relative to the data file's folder or absolute */
    source: z.string().nullable().default(null),
    /** the full article text; every span points into it. Paragraphs are its lines. */
    text: z.string().min(1),
    /** true for an extractor draft that no person has checked */
    draft: z.boolean().default(false),
    /** ingested articles: each metadata field (title, outlet, url, published, author, language, …) with its provenance */
    metadata: z.record(z.string(), MetaField).optional(),
    quotes: z.array(Quote).default([]),
    mentions: z.array(Mention).default([]),
    silences: z.array(Silence).default([]),
    events: z.array(Event).default([]),
  })
  .strict();
export type Article = z.infer<typeof Article>;

export const ActorKind = z.enum(['person', 'organisation', 'state', 'outlet', 'group']);
export type ActorKind = z.infer<typeof ActorKind>;

export const Alignment = z
  .object({
    /** short label, e.g. "pro-Kremlin", "Kremlin critic", "Iranian government" */
    label: z.string().min(1),
    inferred: z.boolean(),
    reason: z.string().min(1),
  })
  .strict();
export type Alignment = z.infer<typeof Alignment>;

export const Actor = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    kind: ActorKind,
    role: z.string().nullable().default(null),
    affiliation: z.string().nullable().default(null),
    country: z.string().nullable().default(null),
    profile: z.string().default(''),
    alignment: Alignment.nullable().default(null),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

/**
 * A DISARM technique (https://www.disarm.foundation/) a narrative or a study is tagged with, by
 * the framework's id; names come from the framework (src/core/export/disarm/). An analyst's own
 * tag is not inferred; a tag someone else proposes (such as the curated dataset's) says why.
 */
export const TechniqueTag = z
  .object({
    id: z.string().regex(/^T\d{4}(\.\d{3})?$/, 'a DISARM technique id is T#### or T####.### (e.g. "T0022.001")'),
    inferred: z.boolean().default(false),
    reason: z.string().optional(),
  })
  .strict()
  .refine((t) => !t.inferred || (t.reason !== undefined && t.reason.length > 0), {
    message: 'an inferred technique must give its reason',
    path: ['reason'],
  });
export type TechniqueTag = z.infer<typeof TechniqueTag>;

export const Narrative = z
  .object({
    id: Id,
    label: z.string().min(1),
    summary: z.string().min(1),
    proponents: z.array(Id).default([]),
    keyTerms: z.array(z.string()).default([]),
    /** DISARM techniques the narrative's spread uses */
    techniques: z.array(TechniqueTag).default([]),
  })
  .strict();
export type Narrative = z.infer<typeof Narrative>;

export const Axis = z
  .object({
    id: Id,
    question: z.string().min(1),
  })
  .strict();
export type Axis = z.infer<typeof Axis>;

export const PositionStatus = z.enum(['supported', 'contested', 'unverified']);
export type PositionStatus = z.infer<typeof PositionStatus>;

export const Position = z
  .object({
    id: Id,
    narrative: Id,
    axis: Id,
    /**
     * A short normalised answer shared by positions that agree ("foreign-instigated"):
     * two narratives with the same stance on an axis agree, different stances conflict.
     */
    stance: z.string().min(1),
    /** the position in a sentence */
    summary: z.string().min(1),
    /** quote ids, strongest first */
    evidence: z.array(Id).default([]),
    status: PositionStatus.default('supported'),
    /** who contests it, or who says it cannot be verified (actor ids) */
    statusBy: z.array(Id).default([]),
    statusNote: z.string().optional(),
  })
  .strict();
export type Position = z.infer<typeof Position>;

export const CorpusFile = z
  .object({
    format: z.enum([FORMAT_ID, ...STUDY_FORMATS]).optional(),
    articles: z.array(Article).default([]),
    actors: z.array(Actor).default([]),
    narratives: z.array(Narrative).default([]),
    axes: z.array(Axis).default([]),
    positions: z.array(Position).default([]),
    /**
     * An analyst's study (narrative-lens/study-2, or study-1). Checked by load.ts against StudyBody in
     * core/study/schema.ts, which builds on this file's schemas (hence not named here: a cycle).
     */
    study: z.unknown().optional(),
  })
  .strict();
export type CorpusFile = z.infer<typeof CorpusFile>;
export type CorpusFileInput = z.input<typeof CorpusFile>;
