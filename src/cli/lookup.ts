/** Turning names typed on the command line into actors and narratives, or a helpful error. */
import { findActor, findNarrative, isFound, type Lookup } from '../core/compare.js';
import type { Corpus } from '../core/corpus/corpus.js';
import type { Actor, Narrative } from '../core/corpus/schema.js';
import { UsageError } from './errors.js';
import { PROG } from './spec.js';

function resolve<T extends { id: string }>(found: Lookup<T>, what: string, typed: string, label: (t: T) => string, listCmd: string): T {
  if (isFound(found)) return found;
  const names = found.closest.map((t) => `${label(t)} (${t.id})`).join(', ');
  if (found.ambiguous) {
    throw new UsageError(`"${typed}" matches several ${what}s: ${names}`, `be more specific, or give an id; list them all with: ${PROG} ${listCmd}`);
  }
  throw new UsageError(
    `unknown ${what} "${typed}"${names ? `; closest: ${names}` : ''}`,
    `list them all with: ${PROG} ${listCmd}`,
  );
}

export function resolveActor(corpus: Corpus, typed: string): Actor {
  return resolve(findActor(corpus, typed), 'actor', typed, (a) => a.name, 'actors');
}

export function resolveNarrative(corpus: Corpus, typed: string): Narrative {
  return resolve(findNarrative(corpus, typed), 'narrative', typed, (n) => n.label, 'narratives');
}
