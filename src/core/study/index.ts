/**
 * The analyst's study (issue 13), for the shells:
 *   schema.ts  the file format (narrative-lens/study-2)
 *   anchor.ts  anchors that survive re-extraction (TextQuoteSelector), finding them again
 *   apply.ts   study + sources → the Corpus every pane and command uses, plus orphans
 *   edits.ts   one function per edit (dashboard and commands share them)
 *   history.ts running and recording edits; undo and redo kept in the study
 *   merge.ts   three-way merge when the study changed on disk since it was read
 *   stored.ts  the study as its file holds it (each item once; study-1 files migrated on read)
 *   same.ts    whether two items are the same (undo, redo, merge)
 *   store.ts   the StudyStore interface and its file implementation (atomic, locked, merging)
 *   open.ts    init, open, and the StudySession the shells edit through
 *   describe.ts changes in words (dry runs, the history)
 *   suggest.ts uncoded quotes most like a narrative's coded quotes and key terms
 */
export * from './schema.js';
export * from './anchor.js';
export * from './apply.js';
export * from './edits.js';
export * from './history.js';
export * from './merge.js';
export * from './store.js';
export * from './open.js';
export * from './describe.js';
export * from './suggest.js';
