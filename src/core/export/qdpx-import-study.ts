/**
 * A .qdpx brought into a study: codes become the study's narratives and codings its coded
 * quotes, through the study's own edits, combined into one edit (one step in the history, undone
 * at once). What the study already has is left alone, so importing the study's own export changes
 * nothing; what the other tool added or changed (a new code, a renamed one, a new coding, a new
 * selection, a memo) comes in.
 *
 * A study never changes its sources: an imported text that is not one of them is reported, not
 * added (bring it in with `ingest` first).
 */
import type { Article } from '../corpus/schema.js';
import { codePointLength } from '../corpus/text.js';
import { applyStudy, type StudyView } from '../study/apply.js';
import { addMemo, addQuote, codeQuotes, createNarrative, updateNarrative, type MemoOn } from '../study/edits.js';
import type { Edit, Stamp } from '../study/history.js';
import type { ImportedProject } from './qdpx-import.js';
import { count } from '../count.js';

export interface StudyImport {
  /** the whole import as one edit (null when there is nothing to change) */
  edit: Edit | null;
  /** what it does, one line each, in words */
  steps: string[];
  /** what could not be brought in, one line each */
  warnings: string[];
}

export function planQdpxImport(view: StudyView, imported: ImportedProject, stamp: Stamp): StudyImport {
  const edits: Edit[] = [];
  const warnings = [...imported.warnings];
  let study = view.study;
  let current = view;
  const run = (make: (v: StudyView) => Edit) => {
    const e = make(current);
    edits.push(e);
    study = e.apply(study, stamp);
    current = applyStudy(study, view.sources);
    return e;
  };

  // ---- narratives ----
  for (const n of imported.narratives) {
    const colour = imported.colours[n.id];
    const have = current.corpus.narrativeById.get(n.id);
    if (!have) {
      run((v) => createNarrative(v, { id: n.id, label: n.label, summary: n.summary, keyTerms: n.keyTerms, colour: colour ?? null }));
      continue;
    }
    const haveColour = current.narrativeExtras.get(n.id)?.colour ?? null;
    const changed = {
      ...(have.label !== n.label ? { label: n.label } : {}),
      ...(have.summary !== n.summary && n.summary !== n.label ? { summary: n.summary } : {}),
      ...(colour && haveColour && colour.toLowerCase() !== haveColour.toLowerCase() ? { colour } : {}),
    };
    if (Object.keys(changed).length) run((v) => updateNarrative(v, n.id, changed));
  }

  // ---- quotes and their codings ----
  const articleFor = (a: Article): Article | undefined => current.corpus.articleById.get(a.id) ?? current.corpus.articles.find((x) => x.text === a.text);
  const quoteIds = new Map<string, string>(); // imported quote id → the study's quote id
  for (const imp of imported.articles) {
    const article = articleFor(imp);
    if (!article) {
      warnings.push(`"${imp.title}" is not among the study's sources: its ${count(imp.quotes.length, 'coded passage')} ${imp.quotes.length === 1 ? 'was' : 'were'} not imported (add the text with ingest first)`);
      continue;
    }
    if (article.text !== imp.text) {
      warnings.push(`"${imp.title}": the text differs from the study's article ${article.id}; its passages are found again by their words`);
    }
    for (const q of imp.quotes) {
      let quote = article.text === imp.text ? current.corpus.articleById.get(article.id)!.quotes.find((x) => x.span.start === q.span.start && x.span.end === q.span.end) : undefined;
      quote ??= current.corpus.quoteById.get(q.id)?.quote;
      if (!quote) {
        const occurrence = countBefore(article.text, q.text, article.text === imp.text ? q.span.start : 0);
        if (occurrence === 0) {
          warnings.push(`passage “${clip(q.text)}” is not in article ${article.id}; not imported`);
          continue;
        }
        const speaker = q.speaker && current.corpus.actorById.has(q.speaker) ? q.speaker : null;
        if (!speaker) warnings.push(`passage “${clip(q.text)}” has no known speaker: added as a term (set the speaker with correct)`);
        const e = run((v) => addQuote(v, article.id, q.text, { kind: speaker ? q.kind : 'term', speaker, occurrence })) as Edit & { quoteId: string };
        quote = current.corpus.quoteById.get(e.quoteId)?.quote;
        if (!quote) continue;
      }
      quoteIds.set(q.id, quote.id);
      for (const n of q.narratives) {
        if (!current.corpus.narrativeById.has(n) || current.corpus.quoteById.get(quote.id)!.quote.narratives.includes(n)) continue;
        const qid = quote.id;
        run((v) => codeQuotes(v, n, [qid]));
      }
    }
  }

  // ---- memos ----
  const known = new Set(current.study.memos.map((m) => m.text));
  for (const m of imported.memos) {
    if (known.has(m.text) || current.study.memos.some((x) => x.id === m.id)) continue;
    let on: MemoOn = { study: true };
    const about = m.about;
    if (about?.kind === 'quote' && quoteIds.has(about.id)) on = { quote: quoteIds.get(about.id)! };
    else if (about?.kind === 'article' && current.corpus.articleById.has(about.id)) on = { article: about.id };
    else if (about?.kind === 'narrative' && current.corpus.narrativeById.has(about.id)) on = { narrative: about.id };
    else if (about?.kind === 'actor' && current.corpus.actorById.has(about.id)) on = { actor: about.id };
    else if (about?.kind === 'position' && current.corpus.positions.some((p) => p.id === about.id)) on = { position: about.id };
    // a note from the sources (a quote's own note) is already there: do not copy it into the study
    if (about?.kind === 'quote' && current.corpus.quoteById.get(quoteIds.get(about.id) ?? '')?.quote.note === m.text) continue;
    run((v) => addMemo(v, on, m.text));
    known.add(m.text);
  }

  if (!edits.length) return { edit: null, steps: [], warnings };
  const steps = edits.map((e) => e.summary);
  return {
    edit: {
      op: 'import-qdpx',
      summary: `import ${imported.title ? `“${clip(imported.title)}” ` : ''}(.qdpx${imported.origin ? ` from ${imported.origin}` : ''}): ${count(steps.length, 'change')}`,
      apply: (s, st) => edits.reduce((acc, e) => e.apply(acc, st), s),
    },
    steps,
    warnings,
  };
}

/** 1-based occurrence of `needle` that starts at or after code point `from` (0 when it does not occur). */
function countBefore(text: string, needle: string, from: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    n++;
    if (codePointLength(text.slice(0, i)) >= from) return n;
  }
  return n > 0 ? n : 0;
}

function clip(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
