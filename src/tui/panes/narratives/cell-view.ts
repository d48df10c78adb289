/**
 * One comparison cell opened whole: the question, the narrative, how it relates to the other
 * columns (named), its status and who says so, the position, every evidence quote in its
 * paragraph, and the people (speakers, status givers), each a link to their profile. Pure.
 */
import type { Corpus } from '../../../core/corpus/corpus.js';
import type { Actor } from '../../../core/corpus/schema.js';
import type { Comparison } from '../../../core/compare.js';
import { DocBuilder, type DocView } from '../../lib/doc.js';
import { data, rule, ui, wrap, type Line, type Seg } from '../../lib/text.js';
import { count, quoteBlock } from '../../lib/format.js';
import { MARKS, statusLine } from './view-model.js';

export function cellView(corpus: Corpus, cmp: Comparison, axis: string, col: number, cols: number, cursor: number, plain: boolean): DocView {
  const doc = new DocBuilder(cols, cursor);
  const row = cmp.rows.find((r) => r.axis.id === axis);
  const cell = row?.cells[col];
  if (!row || !cell) return doc.push([ui('this cell is no longer in the comparison', 'dim')]).done();
  const label = (i: number): Seg[] => [ui(`${i + 1} `, 'accent'), data(cmp.narratives[i]!.label, 'bold')];
  doc.push(...wrap([data(row.axis.question, 'title')], cols));
  doc.push(...wrap([ui(`column ${col + 1} of ${cmp.narratives.length}: `, 'label'), data(cell.narrative.label, 'bold')], cols));
  const p = cell.position;
  if (!p) {
    doc.push([ui(MARKS.silent.text, MARKS.silent.style), ui(': this narrative takes no position on this question', 'dim')]);
    return doc.done();
  }
  const relation = (mark: 'agree' | 'conflict', with_: number[]) => {
    if (!with_.length) return;
    doc.push(...wrap([ui(`${MARKS[mark].text} with `, MARKS[mark].style), ...with_.flatMap((i, k) => [...(k ? [ui(', ', 'dim')] : []), ...label(i)])], cols));
  };
  relation('agree', cell.agreeWith);
  relation('conflict', cell.conflictWith);
  const status = statusLine(cell);
  doc.push(...wrap(status.length ? [ui('status: ', 'label'), ...status] : [ui('status: ', 'label'), ui('supported', 'good')], cols));
  if (p.statusNote) doc.push(...wrap([ui('note: ', 'label'), data(p.statusNote)], cols));
  doc.push(...wrap([ui('position: ', 'label'), data(p.summary, 'bold')], cols));
  doc.push(...wrap([ui('stance: ', 'label'), data(p.stance, 'dim')], cols));

  doc.push(rule(cols, `Evidence (${p.evidence.length})`));
  if (!p.evidence.length) doc.push([ui('  no quote is given as evidence', 'dim')]);
  const people: { actor: Actor; roles: string[] }[] = [];
  const person = (actor: Actor, role: string) => {
    const known = people.find((x) => x.actor.id === actor.id);
    if (known) {
      if (!known.roles.includes(role)) known.roles.push(role);
    } else people.push({ actor, roles: [role] });
  };
  for (const id of p.evidence) {
    const ref = corpus.quoteById.get(id);
    if (!ref) {
      doc.push([ui('  ', 'dim'), data(id, 'dim'), ui(' (not in this corpus)', 'dim')]);
      continue;
    }
    const block = quoteBlock(corpus, ref, cols - 2, plain);
    doc.item({ kind: 'quote', id }, block.head, block.body);
    const speaker = ref.quote.speaker ? corpus.actorById.get(ref.quote.speaker) : undefined;
    if (speaker) person(speaker, 'quoted');
  }
  for (const a of cell.statusBy) person(a, `says it is ${p.status}`);
  doc.push(rule(cols, `People (${people.length})`));
  if (!people.length) doc.push([ui('  none named', 'dim')]);
  for (const { actor, roles } of people) {
    const line: Line = [data(actor.name, 'bold'), ...(actor.role ? [ui(' · ', 'dim'), data(actor.role, 'dim')] : []), ui(`  ${roles.join(', ')}`, 'dim')];
    doc.item({ kind: 'actor', id: actor.id }, line);
  }
  doc.push([], [ui(`enter follows the selected link · r reads it in its article · ${count(p.evidence.length, 'quote')} of evidence`, 'dim')]);
  return doc.done();
}
