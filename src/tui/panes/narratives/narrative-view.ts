/**
 * A narrative opened whole: its summary and key terms, its proponents (links to profiles), its
 * position on each question with the evidence quotes, and the other quotes that support it. Pure.
 */
import type { Corpus } from '../../../core/corpus/corpus.js';
import { DocBuilder, type DocView } from '../../lib/doc.js';
import { data, rule, ui, wrap } from '../../lib/text.js';
import { field, quoteMarks } from '../../lib/format.js';

export function narrativeView(corpus: Corpus, id: string, cols: number, cursor: number): DocView {
  const doc = new DocBuilder(cols, cursor);
  const n = corpus.narrativeById.get(id);
  if (!n) return doc.push([ui('this narrative is not in the corpus', 'dim')]).done();
  doc.push(...wrap([data(n.label, 'title')], cols), ...wrap([data(n.summary)], cols));
  if (n.keyTerms.length) doc.push(...wrap(field('key terms', n.keyTerms.join(' · ')), cols));
  doc.push(rule(cols, `Proponents (${n.proponents.length})`));
  if (!n.proponents.length) doc.push([ui('  none named', 'dim')]);
  for (const a of n.proponents) {
    const actor = corpus.actorById.get(a);
    doc.item({ kind: 'actor', id: a }, [data(actor?.name ?? a, 'bold'), ...(actor?.role ? [ui(' · ', 'dim'), data(actor.role, 'dim')] : [])]);
  }
  const shown = new Set<string>();
  const quoteItem = (qid: string) => {
    const ref = corpus.quoteById.get(qid);
    if (!ref) return;
    shown.add(qid);
    const [open, close] = quoteMarks(ref.quote.kind);
    const who = ref.quote.speaker ? (corpus.actorById.get(ref.quote.speaker)?.name ?? ref.quote.speaker) : 'term';
    doc.item({ kind: 'quote', id: qid }, [data(who, 'accent'), ui('  '), ...(ref.quote.kind === 'indirect' ? [ui('reported: ', 'dim')] : []), ui(open), data(ref.quote.text), ui(close)]);
  };
  const positions = corpus.positions.filter((p) => p.narrative === n.id);
  doc.push(rule(cols, `Positions (${positions.length})`));
  for (const p of positions) {
    const axis = corpus.axisById.get(p.axis)?.question ?? p.axis;
    doc.push(...wrap([data(axis, 'label'), ui(' → ', 'dim'), data(p.summary, 'bold'), ...(p.status !== 'supported' ? [ui(` (${p.status})`, 'warn')] : [])], cols));
    for (const q of p.evidence) quoteItem(q);
  }
  const supporting = corpus.quotes.filter((r) => r.quote.narratives.includes(n.id) && !shown.has(r.quote.id));
  doc.push(rule(cols, `Other quotes supporting it (${supporting.length})`));
  for (const r of supporting) quoteItem(r.quote.id);
  return doc.done();
}
