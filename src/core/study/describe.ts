/**
 * Changes in words, for a dry run and for the history an editor reads: one line per item added
 * (+), removed (-) or changed (~), naming the quote's words, the narrative's label, the actor.
 */
import type { StudyView } from './apply.js';
import type { Change } from './schema.js';

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

type Item = Record<string, unknown> & { id?: string };

function what(coll: string, item: Item, view: StudyView): string {
  const label = (id: unknown) => view.corpus.narrativeById.get(String(id))?.label ?? String(id);
  const actor = (id: unknown) => view.corpus.actorById.get(String(id))?.name ?? String(id);
  const quoteText = (anchor: unknown) => `“${clip((anchor as { selector: { exact: string } }).selector.exact)}”`;
  switch (coll) {
    case 'codings':
      return `coding of ${quoteText(item.target)} to “${label(item.narrative)}”`;
    case 'narratives':
      return `narrative “${String(item.label)}” (${item.id})`;
    case 'questions':
      return `question “${String(item.question)}” (${item.id})`;
    case 'positions':
      return `position of “${label(item.narrative)}” on ${String(item.axis)}: ${String(item.stance)}`;
    case 'memos':
      return `memo “${clip(String(item.text))}”`;
    case 'corrections': {
      const target = item.target ? quoteText(item.target) : '';
      switch (item.kind) {
        case 'speaker':
          return `speaker of ${target}: ${actor(item.speaker)}`;
        case 'quote-kind':
          return `kind of ${target}: ${String(item.quoteKind)}`;
        case 'reject':
          return `rejection of ${target}`;
        case 'add-quote':
          return `added quote ${quoteText(item.anchor)} (${String(item.quoteKind)}${item.speaker ? `, ${actor(item.speaker)}` : ''})`;
        default:
          return `article ${String(item.article)} reviewed`;
      }
    }
    case 'actors':
      return `actor ${String(item.name)} (${item.id})`;
    case 'actorMerges':
      return `merge of ${actor(item.from)} into ${actor(item.into)}`;
    case 'actorEdits':
      return `alignment of ${actor(item.actor)}: ${(item.alignment as { label?: string } | null)?.label ?? 'none'}`;
    case 'sources':
      return `source ${String((item as { path?: string }).path)}`;
    default:
      return `${coll}: ${JSON.stringify(item)}`;
  }
}

/** One line per change: "+ coding of “…” to “Colour revolution”". */
export function describeChanges(changes: readonly Change[], view: StudyView): string[] {
  return changes.map((c) => {
    if (c.before === null) return `+ ${what(c.coll, c.after as Item, view)}`;
    if (c.after === null) return `- ${what(c.coll, c.before as Item, view)}`;
    if (typeof c.after !== 'object' || Array.isArray(c.after)) return `~ ${c.coll}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
    const fields = Object.keys(c.after as Item).filter((k) => k !== 'by' && k !== 'at' && JSON.stringify((c.before as Item)[k]) !== JSON.stringify((c.after as Item)[k]));
    return `~ ${what(c.coll, c.after as Item, view)}${fields.length ? ` (${fields.join(', ')})` : ''}`;
  });
}
