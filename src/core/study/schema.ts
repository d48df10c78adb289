/**
 * The study file format (`narrative-lens/study-2`; `study-1` files are read too), as zod schemas; docs/data-format.md explains
 * it for people. A study is the analyst's own work on a corpus: it names its sources and never
 * modifies them; everything it adds (narratives, questions, positions, codings, memos,
 * corrections, actors, merges, alignment edits) and its history live in the `study` object of
 * an otherwise ordinary corpus file, so `validate` accepts it like any other.
 *
 * Every annotation on a quote or passage points at it by an Anchor: the quote's id AND the
 * article's content hash, the span, and the exact text with a little context (the W3C Web
 * Annotation TextQuoteSelector), so that it survives re-extraction (see anchor.ts).
 */
import { z } from 'zod';
import { Actor, Alignment, Id, Position, QuoteKind, Span, STUDY_FORMAT, STUDY_FORMATS, TechniqueTag, isCalendarDate } from '../corpus/schema.js';

/** The format studies are written in; STUDY_FORMATS lists those that are read. */
export const STUDY_FORMAT_ID = STUDY_FORMAT;
export { STUDY_FORMATS };

/** "sha256:" and 64 hex digits: the hash of a source file's bytes or of an article's text. */
export const Hash = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a hash is "sha256:" and 64 hex digits');

/** W3C Web Annotation TextQuoteSelector: the exact text, and a little of what comes before and after it. */
export const TextQuoteSelector = z
  .object({
    exact: z.string().min(1),
    prefix: z.string().default(''),
    suffix: z.string().default(''),
  })
  .strict();
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** Where an annotation points: by id, and by the text itself (see anchor.ts for how it is found again). */
export const Anchor = z
  .object({
    /** the article's id when the anchor was made */
    article: Id,
    /** the hash of that article's text then: when it still matches, the span is trusted as is */
    articleHash: Hash,
    /** the quote's id then (absent for a passage that was not a quote) */
    quote: Id.optional(),
    /** code-point offsets then (a TextPositionSelector) */
    span: Span,
    selector: TextQuoteSelector,
  })
  .strict();
export type Anchor = z.infer<typeof Anchor>;

/** Who made an edit and when (ISO 8601). */
const By = z.string().min(1);
const At = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'a time is ISO 8601 UTC, e.g. 2026-01-14T09:30:00.000Z')
  // a day and a time that exist (2026-13-45T99:99:99Z has the shape, not the meaning)
  .refine((s) => isCalendarDate(s.slice(0, 10)) && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60 && Number(s.slice(17, 19)) < 61, 'no such day or time; a time is ISO 8601 UTC, e.g. 2026-01-14T09:30:00.000Z');
const stamped = { by: By, at: At };

export const Source = z
  .object({
    /** a corpus file (.json), a raw article (.txt) or a folder, relative to the study file's folder */
    path: z.string().min(1),
    /** the hash of the file's bytes when the study was made (for a folder: of its files' hashes) */
    hash: Hash,
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** DISARM technique ids: T0049, T0049.001. */
export const DisarmId = z.string().regex(/^T\d{4}(\.\d{3})?$/, 'a DISARM technique id is like T0049 or T0049.001');

export const StudyNarrative = z
  .object({
    id: Id,
    label: z.string().min(1),
    summary: z.string().default(''),
    keyTerms: z.array(z.string()).default([]),
    proponents: z.array(Id).default([]),
    /** #rrggbb (the edits turn colour names into these); null lets the shells choose from their palette */
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb').nullable().default(null),
    /** DISARM techniques, as the corpus format tags them (filled by the exchange commands or by hand) */
    techniques: z.array(TechniqueTag).default([]),
    ...stamped,
  })
  .strict();
export type StudyNarrative = z.infer<typeof StudyNarrative>;

/** A question the narratives answer differently (an axis of the comparison grid). */
export const Question = z.object({ id: Id, question: z.string().min(1), ...stamped }).strict();
export type Question = z.infer<typeof Question>;

/**
 * A narrative's position on a question: the corpus format's Position (the axis may be a question
 * of the study or an axis of the sources), with its evidence quotes anchored (strongest first)
 * instead of named by id, and who set it when.
 */
export const StudyPosition = Position.extend({ evidence: z.array(Anchor).default([]), ...stamped }).strict();
export type StudyPosition = z.infer<typeof StudyPosition>;

/** A quote coded to a narrative. */
export const Coding = z.object({ id: Id, narrative: Id, target: Anchor, ...stamped }).strict();
export type Coding = z.infer<typeof Coding>;

export const MemoTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('study') }).strict(),
  z.object({ kind: z.literal('article'), id: Id, articleHash: Hash }).strict(),
  z.object({ kind: z.literal('quote'), anchor: Anchor }).strict(),
  z.object({ kind: z.literal('actor'), id: Id }).strict(),
  z.object({ kind: z.literal('narrative'), id: Id }).strict(),
  z.object({ kind: z.literal('position'), id: Id }).strict(),
]);
export type MemoTarget = z.infer<typeof MemoTarget>;

export const Memo = z.object({ id: Id, on: MemoTarget, text: z.string().min(1), ...stamped }).strict();
export type Memo = z.infer<typeof Memo>;

/** Corrections of the sources (an extractor's draft, or anyone's data), applied over them. */
export const Correction = z.discriminatedUnion('kind', [
  z.object({ id: Id, kind: z.literal('speaker'), target: Anchor, speaker: Id, ...stamped }).strict(),
  z.object({ id: Id, kind: z.literal('quote-kind'), target: Anchor, quoteKind: QuoteKind, ...stamped }).strict(),
  z.object({ id: Id, kind: z.literal('reject'), target: Anchor, reason: z.string().optional(), ...stamped }).strict(),
  z
    .object({
      id: Id,
      kind: z.literal('add-quote'),
      /** the new quote's id */
      quote: Id,
      /** the located passage (found by its words, never typed as offsets) */
      anchor: Anchor,
      quoteKind: QuoteKind,
      speaker: Id.nullable(),
      channel: z.string().nullable().default(null),
      ...stamped,
    })
    .strict(),
  z.object({ id: Id, kind: z.literal('reviewed'), article: Id, articleHash: Hash, ...stamped }).strict(),
]);
export type Correction = z.infer<typeof Correction>;

/** Two actors that are one: `from`'s aliases join `into`, and every quote and mention moves. */
export const ActorMerge = z.object({ id: Id, from: Id, into: Id, ...stamped }).strict();
export type ActorMerge = z.infer<typeof ActorMerge>;

/** The analyst's alignment of an actor (null clears it). */
export const ActorEdit = z.object({ id: Id, actor: Id, alignment: Alignment.nullable(), ...stamped }).strict();
export type ActorEdit = z.infer<typeof ActorEdit>;

/**
 * One item of one collection, before and after an edit (null: absent). In the file, the side that
 * is the item as it stands now in its collection is not written again: `current` names it
 * ("after": the item is in `codings` as this edit left it) and that side is omitted; reading the
 * file puts it back (stored.ts). So each coding is stored once, and undo and redo still have both.
 */
export const Change = z
  .object({
    coll: z.string().min(1),
    key: z.string().min(1),
    // optional only in the file, where `current` stands for one side (stored.ts puts it back)
    before: z.unknown().nullable().optional(),
    after: z.unknown().nullable().optional(),
    current: z.enum(['before', 'after']).optional(),
  })
  .strict();
export type Change = z.infer<typeof Change>;

export const HistoryEntry = z.discriminatedUnion('action', [
  z
    .object({
      id: Id,
      action: z.literal('edit'),
      /** the edit's name ("code", "narrative-create", …) */
      op: z.string().min(1),
      /** what it did, in words an editor can read */
      summary: z.string(),
      changes: z.array(Change),
      ...stamped,
    })
    .strict(),
  z.object({ id: Id, action: z.enum(['undo', 'redo']), target: Id, summary: z.string(), ...stamped }).strict(),
]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const StudyBody = z
  .object({
    title: z.string().default('Untitled study'),
    created: z.object(stamped).strict(),
    /** DISARM techniques the study as a whole is tagged with */
    techniques: z.array(TechniqueTag).default([]),
    /** actors the study marks as threat actors (exported as STIX threat-actor) */
    threatActors: z.array(Id).default([]),
    sources: z.array(Source).default([]),
    narratives: z.array(StudyNarrative).default([]),
    questions: z.array(Question).default([]),
    positions: z.array(StudyPosition).default([]),
    codings: z.array(Coding).default([]),
    memos: z.array(Memo).default([]),
    corrections: z.array(Correction).default([]),
    /** actors the analyst created (for a speaker the draft missed) */
    actors: z.array(Actor).default([]),
    actorMerges: z.array(ActorMerge).default([]),
    actorEdits: z.array(ActorEdit).default([]),
    history: z.array(HistoryEntry).default([]),
  })
  .strict();
export type Study = z.infer<typeof StudyBody>;
export type StudyInput = z.input<typeof StudyBody>;

/** A whole study file: a corpus file whose `study` holds the work (its other collections stay empty). */
export const StudyFile = z
  .object({
    format: z.enum(STUDY_FORMATS),
    study: StudyBody,
  })
  .strict();
export type StudyFile = z.infer<typeof StudyFile>;

/** The collections an edit can change, each keyed by its items' `id` (sources by `path`). */
export const COLLECTIONS = [
  'sources',
  'narratives',
  'questions',
  'positions',
  'codings',
  'memos',
  'corrections',
  'actors',
  'actorMerges',
  'actorEdits',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Parts of the study that are one value each (changed, merged and undone as a whole). */
export const FIELDS = ['title', 'techniques', 'threatActors'] as const;
export type FieldName = (typeof FIELDS)[number];

export function keyOf(coll: CollectionName, item: unknown): string {
  const o = item as { id?: string; path?: string };
  return coll === 'sources' ? o.path! : o.id!;
}
