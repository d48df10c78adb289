/** `narrative-lens correct speaker|kind|reject|add-quote …`: corrections of the draft, kept in the study. */
import { addQuote, correctKind, correctSpeaker, createActor, rejectQuote } from '../../core/study/edits.js';
import { applyStudy } from '../../core/study/apply.js';
import type { ActorKind, QuoteKind } from '../../core/corpus/schema.js';
import { UsageError } from '../errors.js';
import { resolveActor } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG, QUOTE_KINDS } from '../spec.js';
import { openForEdit, refuse, resolveQuote, runEdit, type EditArgs } from '../study-edit.js';

export interface CorrectArgs extends EditArgs {
  what: 'speaker' | 'kind' | 'reject' | 'add-quote';
  words?: string[];
  newActor?: ActorKind;
  reason?: string;
  kind?: QuoteKind;
  speaker?: string;
  occurrence?: number;
}

/** What each correction takes, and how many words that is. */
const USAGE = {
  speaker: ['QUOTE ACTOR', 2],
  kind: ['QUOTE KIND', 2],
  reject: ['QUOTE', 1],
  'add-quote': ['ARTICLE "WORDS OF THE QUOTE"', 2],
} as const;

export async function run(a: CorrectArgs, session: Session): Promise<number> {
  const words = (a.words ?? []).map(String);
  const [usage, n] = USAGE[a.what];
  if (words.length !== n) throw new UsageError(`correct ${a.what} takes ${usage}`, `e.g. ${PROG} correct ${a.what} ${usage} --study s.json (quote words with spaces)`);
  const s = await openForEdit(a, session);
  switch (a.what) {
    case 'speaker': {
      const quote = await resolveQuote(s.view, words[0]!);
      if (a.newActor === undefined) return runEdit(a, session, (v) => correctSpeaker(v, quote, resolveActor(v.corpus, words[1]!).id), s);
      // a new actor and the correction as one edit (one undo takes back both)
      return runEdit(a, session, (v) => {
        const created = createActor(v, { name: words[1]!, kind: a.newActor! });
        const after = applyStudy(created.apply(v.study, { by: '', at: '' }), v.sources);
        const fix = correctSpeaker(after, quote, created.actorId);
        return { op: 'correct-speaker', summary: `${fix.summary} (new actor)`, apply: (st, stamp) => fix.apply(created.apply(st, stamp), stamp) };
      }, s);
    }
    case 'kind': {
      const kind = words[1]! as QuoteKind;
      if (!QUOTE_KINDS.includes(kind)) throw new UsageError(`kind "${kind}": use ${QUOTE_KINDS.join(', ')}`);
      const quote = await resolveQuote(s.view, words[0]!);
      return runEdit(a, session, (v) => correctKind(v, quote, kind), s);
    }
    case 'reject': {
      const quote = await resolveQuote(s.view, words[0]!);
      return runEdit(a, session, (v) => rejectQuote(v, quote, a.reason), s);
    }
    case 'add-quote': {
      if (a.kind === undefined) throw new UsageError('add-quote needs the quote’s kind: --kind direct|indirect|term');
      const speaker = a.speaker === undefined ? null : refuse(() => resolveActor(s.view.corpus, a.speaker!).id);
      return runEdit(a, session, (v) => addQuote(v, words[0]!, words[1]!, { kind: a.kind!, speaker, ...(a.occurrence !== undefined ? { occurrence: a.occurrence } : {}) }), s);
    }
  }
}
