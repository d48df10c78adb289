/** `narrative-lens narrative create|rename|edit|delete …`: the study's narratives. */
import { createNarrative, deleteNarrative, updateNarrative, type NarrativeFields } from '../../core/study/edits.js';
import { UsageError } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { openForEdit, runEdit, type EditArgs } from '../study-edit.js';

export interface NarrativeArgs extends EditArgs {
  action: 'create' | 'rename' | 'edit' | 'delete';
  words?: string[];
  summary?: string;
  keyTerm?: string[];
  colour?: string;
  technique?: string[];
}

export async function run(a: NarrativeArgs, session: Session): Promise<number> {
  const words = (a.words ?? []).map(String);
  const fields: NarrativeFields = {
    ...(a.summary !== undefined ? { summary: a.summary } : {}),
    ...(a.keyTerm !== undefined ? { keyTerms: a.keyTerm.map(String) } : {}),
    ...(a.colour !== undefined ? { colour: a.colour } : {}),
    ...(a.technique !== undefined ? { techniques: a.technique.map(String) } : {}),
  };
  const want = (n: number, usage: string) => {
    if (words.length !== n) throw new UsageError(`narrative ${a.action} takes ${usage}${words.length > n ? ' (quote a label with spaces)' : ''}`, `e.g. ${PROG} narrative ${a.action} ${usage} --study s.json`);
  };
  const s = await openForEdit(a, session);
  switch (a.action) {
    case 'create':
      want(1, 'LABEL');
      return runEdit(a, session, (v) => createNarrative(v, { label: words[0]!, ...fields }), s);
    case 'rename':
      want(2, 'NARRATIVE LABEL');
      return runEdit(a, session, (v) => updateNarrative(v, resolveNarrative(v.corpus, words[0]!).id, { ...fields, label: words[1]! }), s);
    case 'edit':
      want(1, 'NARRATIVE');
      return runEdit(a, session, (v) => updateNarrative(v, resolveNarrative(v.corpus, words[0]!).id, fields), s);
    case 'delete':
      want(1, 'NARRATIVE');
      return runEdit(a, session, (v) => deleteNarrative(v, resolveNarrative(v.corpus, words[0]!).id), s);
  }
}
